import type { JobsOptions } from "bullmq";
import { parseReminderJobId } from "../domain/reminders/reminder-job-id.ts";
import type { PlannedReminder } from "../domain/reminders/reminder-plan.ts";
import type { WorkingCalendar } from "../domain/calendar/working-calendar.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { loadWorkingCalendar } from "./holidays.ts";
import { REMINDER_JOB_NAMES, type ReminderJobData, type ReminderQueue } from "./reminder-queue.ts";
import { loadRoundReminderState, planForRound, type RoundReminderState } from "./round-reminder-state.ts";

/**
 * A reminder that should have gone out this recently but is missing from the queue and the log
 * (Redis lost it, or a stale re-plan removed it) is queued again to go out now; older ones are
 * left alone. The worker uses the same bound to skip reminders that fire too late.
 */
export const DEFAULT_GRACE_MS = 3 * 3600_000;

export type PlanResult = { roundId: number; added: string[]; removed: string[]; kept: string[] };

export type PlanOptions = { calendar?: WorkingCalendar; graceMs?: number };

// Jobs that can still be taken out; an active job is left to re-check itself when it runs.
const REMOVABLE_STATES = ["delayed", "waiting", "prioritized"] as const;
const BUSY_STATES = ["active", "waiting-children"] as const;

export type QueuedReminderIds = { removable: Map<number, string[]>; busy: Set<string> };

/** Every reminder job id in the queue, grouped by round. */
export async function queuedReminderIds(queue: ReminderQueue): Promise<QueuedReminderIds> {
  const removable = new Map<number, string[]>();
  for (const id of await queue.getRanges([...REMOVABLE_STATES], 0, -1)) {
    const ref = parseReminderJobId(id);
    if (!ref) continue;
    const list = removable.get(ref.roundId) ?? [];
    if (!list.includes(id)) list.push(id);
    removable.set(ref.roundId, list);
  }
  const busy = new Set((await queue.getRanges([...BUSY_STATES], 0, -1)).filter((id) => parseReminderJobId(id)));
  return { removable, busy };
}

export function jobFor(planned: PlannedReminder, now: Date): { name: string; data: ReminderJobData; opts: JobsOptions } {
  const plannedFor = planned.plannedFor.toISOString();
  const delay = Math.max(0, planned.plannedFor.getTime() - now.getTime());
  if (planned.unitId === null) {
    return {
      name: REMINDER_JOB_NAMES.office,
      data: { type: "office", roundId: planned.roundId, kind: planned.kind, plannedFor },
      opts: { jobId: planned.jobId, delay },
    };
  }
  return {
    name: REMINDER_JOB_NAMES.unit,
    data: { type: "unit", roundId: planned.roundId, unitId: planned.unitId, kind: planned.kind, plannedFor },
    opts: { jobId: planned.jobId, delay },
  };
}

/**
 * Makes the queue hold exactly this round's current plan: adds what is missing (with its
 * deterministic id and the delay from `now`), removes what the database no longer wants
 * (deadline moved, unit submitted, round closed). `state` null means the round is gone.
 */
export async function syncRoundJobs(
  prisma: PrismaClient,
  queue: ReminderQueue,
  roundId: number,
  state: RoundReminderState | null,
  calendar: WorkingCalendar,
  queued: QueuedReminderIds,
  now: Date,
  graceMs = DEFAULT_GRACE_MS,
): Promise<PlanResult> {
  const plan = state ? planForRound(state, calendar) : [];
  const wanted = new Set(plan.map((p) => p.jobId));
  const owed = new Set(state?.status === "OPEN" ? state.owedUnitIds : []);
  const inQueue = queued.removable.get(roundId) ?? [];

  const removed: string[] = [];
  for (const id of inQueue) {
    const ref = parseReminderJobId(id)!;
    // A /remind job stays while its unit still owes the report and the round is open.
    const keep = ref.kind === "manual" ? ref.unitId !== null && owed.has(ref.unitId) : wanted.has(id);
    if (keep) continue;
    if ((await queue.remove(id)) === 1) removed.push(id);
  }

  const present = new Set([...inQueue.filter((id) => !removed.includes(id)), ...queued.busy]);
  const candidates = plan.filter((p) => p.plannedFor.getTime() > now.getTime() - graceMs && !present.has(p.jobId));
  // A reminder already in the log has run; adding it again would only make the worker skip it.
  const logged = candidates.length
    ? new Set(
        (
          await prisma.reminderLog.findMany({
            where: { roundId, jobId: { in: candidates.map((p) => p.jobId) } },
            select: { jobId: true },
            distinct: ["jobId"],
          })
        ).map((row) => row.jobId),
      )
    : new Set<string>();
  const toAdd = candidates.filter((p) => !logged.has(p.jobId));
  if (toAdd.length) await queue.addBulk(toAdd.map((p) => jobFor(p, now)));

  const kept = plan.filter((p) => present.has(p.jobId)).map((p) => p.jobId);
  return { roundId, added: toAdd.map((p) => p.jobId), removed, kept };
}

/**
 * Re-plans one round's reminders from the database. Idempotent: call it whenever a round opens,
 * its deadline or settings change, a unit submits (or is returned), or the round closes.
 */
export async function planRoundReminders(
  prisma: PrismaClient,
  queue: ReminderQueue,
  roundId: number,
  now: Date = new Date(),
  options: PlanOptions = {},
): Promise<PlanResult> {
  const calendar = options.calendar ?? (await loadWorkingCalendar(prisma));
  const state = await loadRoundReminderState(prisma, roundId);
  const queued = await queuedReminderIds(queue);
  return syncRoundJobs(prisma, queue, roundId, state, calendar, queued, now, options.graceMs);
}
