import { Queue, type DefaultJobOptions } from "bullmq";
import type { Redis } from "ioredis";
import type { BatchRef } from "./batch-tally.ts";

export const REMINDER_QUEUE_NAME = "reminders";

/** A planned reminder to one unit's reporters (before-N, deadline, overdue-N). */
export type UnitReminderJob = { type: "unit"; roundId: number; unitId: number; kind: string; plannedFor: string };
/** The office digest to every secretary. */
export type OfficeDigestJob = { type: "office"; roundId: number; kind: string; plannedFor: string };
/**
 * The jobs of one /remind press: the office hears how they went when the last is done, together with the
 * late units it was told could not be reminded (every reporter unreachable, or no reporter).
 */
export type RemindBatch = BatchRef & { notQueued: { unreachable: number; noReporter: number } };
/** A /remind press: one unit, now. */
export type ManualReminderJob = { type: "manual"; roundId: number; unitId: number; kind: "manual"; plannedFor: string; requestedBy: number | null; batch?: RemindBatch };
/** The periodic re-plan of every open round. */
export type ReconcileJob = { type: "reconcile" };

export type ReminderJobData = UnitReminderJob | OfficeDigestJob | ManualReminderJob | ReconcileJob;

export type ReminderQueue = Queue<ReminderJobData>;

export const REMINDER_JOB_NAMES = { unit: "unit-reminder", office: "office-digest", manual: "manual-reminder", reconcile: "reconcile" } as const;

export const DEFAULT_REMINDER_JOB_OPTIONS: DefaultJobOptions = {
  // Telegram outages are short; five tries over ~5 minutes, then the log says FAILED.
  attempts: 5,
  backoff: { type: "exponential", delay: 10_000 },
  // Finished jobs stay a while so an equal id added again is a no-op and operators can look.
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600, count: 10_000 },
};

export type ReminderQueueOptions = {
  connection: Redis;
  /** Redis key prefix (REDIS_PREFIX); tests give each file its own. */
  prefix: string;
  jobOptions?: DefaultJobOptions;
};

export function createReminderQueue(options: ReminderQueueOptions): ReminderQueue {
  return new Queue<ReminderJobData>(REMINDER_QUEUE_NAME, {
    connection: options.connection,
    prefix: options.prefix,
    defaultJobOptions: { ...DEFAULT_REMINDER_JOB_OPTIONS, ...options.jobOptions },
  });
}
