import { reminderJobId } from "../domain/reminders/reminder-job-id.ts";
import type { RoundState } from "../domain/reminders/reminder-plan.ts";
import { isNightTime } from "../domain/reminders/reminder-settings.ts";
import { localMinuteStamp } from "../domain/calendar/zoned-time.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { boundedRedisCall, queueConnectionState } from "./bounded-redis.ts";
import { REMINDER_JOB_NAMES, type ReminderQueue, type RemindBatch } from "./reminder-queue.ts";
import { loadRoundReminderState } from "./round-reminder-state.ts";

export type RemindNowResult = {
  /** null when the round does not exist; nothing is queued unless it is OPEN. */
  roundStatus: RoundState | null;
  owedUnitIds: number[];
  /** Job ids queued by this call. */
  queued: string[];
  /** Units already reminded by a /remind within the last minute: not queued again. */
  alreadyQueued: string[];
  /** True when nothing was queued because it is night in the organisation's time zone. */
  nightTime: boolean;
  /** The batch the queued jobs belong to (null without a report, or when nothing was queued). */
  batchId: string | null;
};

const DEDUPE_WINDOW_MS = 60_000;
const REMIND_TIMEOUT_MS = 5000;

/**
 * /remind: one job per unit that has not submitted, to go out now through the same queue and
 * limits as the planned reminders. The job id carries the local minute, so pressing twice
 * within a minute queues once; a press in the next minute is caught by the log and the queue.
 */
export async function remindNow(
  prisma: PrismaClient,
  queue: ReminderQueue,
  roundId: number,
  actorId: number | null,
  now: Date = new Date(),
  /** Only these units (the office's "remind this unit" button); all owed units when absent. */
  onlyUnitIds?: readonly number[],
  /** Who hears how the reminders went once they are sent, and what the office was told was not queued. */
  report?: { requesterId: number | null; notQueued: RemindBatch["notQueued"] },
): Promise<RemindNowResult> {
  const state = await loadRoundReminderState(prisma, roundId);
  if (!state || state.status !== "OPEN") return { roundStatus: state?.status ?? null, owedUnitIds: [], queued: [], alreadyQueued: [], nightTime: false, batchId: null };
  if (isNightTime(now, state.timeZone)) return { roundStatus: state.status, owedUnitIds: state.owedUnitIds, queued: [], alreadyQueued: [], nightTime: true, batchId: null };

  const stamp = localMinuteStamp(now, state.timeZone);
  const previousStamp = localMinuteStamp(new Date(now.getTime() - DEDUPE_WINDOW_MS), state.timeZone);
  const recentlyLogged = new Set(
    (
      await prisma.reminderLog.findMany({
        where: { roundId, kind: "manual", plannedFor: { gt: new Date(now.getTime() - DEDUPE_WINDOW_MS) } },
        select: { unitId: true },
      })
    ).map((row) => row.unitId),
  );

  // The office waits for the answer: while Redis is away nothing can be queued, and saying so (the caller's
  // "try again") beats waiting until it is back. Work given up on that way queues nothing when Redis
  // returns: the office was told nothing was sent, and will press again.
  let givenUp = false;
  return boundedRedisCall(
    queueConnectionState(queue),
    async (): Promise<RemindNowResult> => {
      const due: { unitId: number; jobId: string }[] = [];
      const alreadyQueued: string[] = [];
      for (const unitId of state.owedUnitIds.filter((id) => !onlyUnitIds || onlyUnitIds.includes(id))) {
        const jobId = reminderJobId({ roundId, unitId, kind: "manual", stamp });
        const previousId = reminderJobId({ roundId, unitId, kind: "manual", stamp: previousStamp });
        const previous = previousId === jobId ? undefined : await queue.getJob(previousId);
        const pressedAt = previous && "plannedFor" in previous.data ? new Date(previous.data.plannedFor).getTime() : Number.NEGATIVE_INFINITY;
        const recentPrevious = now.getTime() - pressedAt < DEDUPE_WINDOW_MS;
        if (recentlyLogged.has(unitId) || recentPrevious || (await queue.getJob(jobId))) alreadyQueued.push(jobId);
        else due.push({ unitId, jobId });
      }
      // The jobs of one press are one batch: its requester hears how they went when the last one is done.
      // (Two presses for the same unit in the same instant would share a job id; the later batch then waits
      // for a job it does not own and stays silent. The one-minute dedupe above makes that a near miss.)
      const batch: RemindBatch | undefined =
        report && due.length > 0 ? { id: `remind_r${roundId}_${now.getTime()}_p${report.requesterId ?? 0}`, total: due.length, requesterId: report.requesterId, notQueued: report.notQueued } : undefined;
      if (due.length > 0 && !givenUp) {
        await queue.addBulk(
          due.map(({ unitId, jobId }) => ({
            name: REMINDER_JOB_NAMES.manual,
            data: { type: "manual" as const, roundId, unitId, kind: "manual" as const, plannedFor: now.toISOString(), requestedBy: actorId, ...(batch ? { batch } : {}) },
            opts: { jobId },
          })),
        );
      }
      return { roundStatus: state.status, owedUnitIds: state.owedUnitIds, queued: due.map((d) => d.jobId), alreadyQueued, nightTime: false, batchId: batch?.id ?? null };
    },
    REMIND_TIMEOUT_MS,
  ).catch((error: unknown) => {
    givenUp = true;
    throw error;
  });
}
