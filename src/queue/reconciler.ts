import type { PrismaClient } from "../generated/prisma/client.ts";
import { loadWorkingCalendar } from "./holidays.ts";
import { queuedReminderIds, syncRoundJobs, type PlanOptions, type PlanResult } from "./plan-round-reminders.ts";
import { REMINDER_JOB_NAMES, type ReminderQueue } from "./reminder-queue.ts";
import { loadRoundReminderStates } from "./round-reminder-state.ts";

export const RECONCILE_SCHEDULER_ID = "reminders-reconcile";
export const DEFAULT_RECONCILE_EVERY_MS = 10 * 60_000;

export type ReconcileResult = { rounds: PlanResult[]; errors: { roundId: number; error: string }[] };

/**
 * Rebuilds the queue from the database: every open round is re-planned, and jobs of rounds that
 * are no longer open are removed. After Redis lost its data this restores exactly what is missing.
 */
export async function reconcileReminders(
  prisma: PrismaClient,
  queue: ReminderQueue,
  now: Date = new Date(),
  options: PlanOptions = {},
): Promise<ReconcileResult> {
  const calendar = options.calendar ?? (await loadWorkingCalendar(prisma));
  const queued = await queuedReminderIds(queue);
  const result: ReconcileResult = { rounds: [], errors: [] };
  const openIds = new Set<number>();
  let states;
  try {
    states = await loadRoundReminderStates(prisma, { status: "OPEN" });
  } catch {
    // One round with broken settings must not stop the others: load them one by one.
    const ids = await prisma.round.findMany({ where: { status: "OPEN" }, select: { id: true } });
    states = [];
    for (const { id } of ids) {
      try {
        states.push(...(await loadRoundReminderStates(prisma, { id })));
      } catch (error) {
        openIds.add(id);
        result.errors.push({ roundId: id, error: (error as Error).message });
      }
    }
  }
  for (const state of states) {
    openIds.add(state.id);
    try {
      result.rounds.push(await syncRoundJobs(prisma, queue, state.id, state, calendar, queued, now, options.graceMs));
    } catch (error) {
      result.errors.push({ roundId: state.id, error: (error as Error).message });
    }
  }
  // Rounds with jobs in the queue that are not open (closed, draft, deleted): their jobs go.
  const others = [...queued.removable.keys()].filter((id) => !openIds.has(id));
  if (others.length) {
    const stillOpen = new Set(
      (await prisma.round.findMany({ where: { id: { in: others }, status: "OPEN" }, select: { id: true } })).map((r) => r.id),
    );
    for (const roundId of others) {
      if (stillOpen.has(roundId)) continue; // opened meanwhile; its own planning call adds the jobs
      result.rounds.push(await syncRoundJobs(prisma, queue, roundId, null, calendar, queued, now, options.graceMs));
    }
  }
  return result;
}

/** Registers (or refreshes) the BullMQ job scheduler that runs reconcileReminders periodically. */
export async function scheduleReconciler(queue: ReminderQueue, everyMs = DEFAULT_RECONCILE_EVERY_MS): Promise<void> {
  await queue.upsertJobScheduler(
    RECONCILE_SCHEDULER_ID,
    { every: everyMs },
    { name: REMINDER_JOB_NAMES.reconcile, data: { type: "reconcile" }, opts: { attempts: 1, removeOnComplete: true, removeOnFail: 100 } },
  );
}
