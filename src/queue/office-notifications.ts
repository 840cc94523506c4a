import { Queue, Worker, type DefaultJobOptions, type Job, type WorkerOptions } from "bullmq";
import type { Redis } from "ioredis";
import type { SubmittedEvent } from "../conversation/conversation-service.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Locale } from "../i18n.ts";
import { sendOfficeNotice, type StoredSubmittedEvent } from "./office-notice.ts";
import type { SendToPerson } from "./reminder-delivery.ts";

export const OFFICE_NOTIFY_QUEUE = "office-notifications";

/** Default batching window: submissions within it reach the office as one message. */
export const DEFAULT_OFFICE_WINDOW_MS = 3 * 60_000;

/**
 * One pending job per round per window. `events` and `sentTo` are filled in while it runs, so a retry sends
 * the same batch and skips the secretaries already told.
 */
export type OfficeNotifyJob = { roundId: number; openedAt: number; events?: StoredSubmittedEvent[]; sentTo?: number[] };

type LogFn = (obj: Record<string, unknown>, msg: string) => void;
export type OfficeLogger = { info: LogFn; warn: LogFn; error: LogFn };

const silent: OfficeLogger = { info: () => {}, warn: () => {}, error: () => {} };

export type OfficeNotificationsOptions = {
  /** A connection with maxRetriesPerRequest: null (BullMQ's requirement). */
  connection: Redis;
  /** Redis key prefix (REDIS_PREFIX); tests give each file its own. */
  prefix: string;
  windowMs?: number;
  logger?: OfficeLogger;
  /** Overrides of the retry policy (tests shorten the backoff). */
  jobOptions?: DefaultJobOptions;
};

export type OfficeWorkerOptions = {
  prisma: PrismaClient;
  /** Sends to a person on their preferred channel (the notifier's send). */
  send: SendToPerson;
  /** TZ_REPORTS: times are shown in the organisation's zone, this one only while none is stored. */
  defaultTimeZone: string;
  defaultLocale: Locale;
  workerOptions?: Partial<WorkerOptions>;
};

export type OfficeNotifications = {
  queue: Queue<OfficeNotifyJob>;
  windowMs: number;
  /** BotDependencies.onSubmitted: remembers the event and makes sure its round's window job is pending. */
  onSubmitted(event: SubmittedEvent): Promise<void>;
  /** Sends the batches as their windows end; run it in a process that can send on the channels. */
  startWorker(options: OfficeWorkerOptions): Worker<OfficeNotifyJob>;
  /** Stops the worker (finishing the batch in hand) and the queue. */
  close(): Promise<void>;
};

/** BullMQ refuses custom ids with ":" or that parse as integers. */
export function officeNotifyJobId(roundId: number, openedAt: number): string {
  return `office-notify_r${roundId}_${openedAt}`;
}

/**
 * Notifications to the office when units submit. Each event is appended to a per-round list in Redis; the
 * first event of a quiet round opens a window (one delayed job, id from the round and the window's start),
 * and every event until the window ends rides on that job, which sends what the list holds. The list is
 * taken atomically and the window closes before its job fires, so an event is sent once: by the job that
 * takes it, or by the next window's job, which that event itself opens.
 */
export function createOfficeNotifications(options: OfficeNotificationsOptions): OfficeNotifications {
  const { connection } = options;
  const prefix = options.prefix;
  const windowMs = options.windowMs ?? DEFAULT_OFFICE_WINDOW_MS;
  const logger = options.logger ?? silent;
  const queue = new Queue<OfficeNotifyJob>(OFFICE_NOTIFY_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: "exponential", delay: 5_000 },
      // Removed at once: a late event for a window already sent may add its id again and is then sent too.
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
      ...options.jobOptions,
    },
  });
  const eventsKey = (roundId: number) => `${prefix}:${OFFICE_NOTIFY_QUEUE}:events:${roundId}`;
  const windowKey = (roundId: number) => `${prefix}:${OFFICE_NOTIFY_QUEUE}:window:${roundId}`;
  let worker: Worker<OfficeNotifyJob> | undefined;

  /**
   * Opens the round's window unless one is open: a key that lives exactly as long as the window, and the
   * job that fires when it ends. An event that finds the window open rides on its job.
   */
  async function schedule(roundId: number): Promise<void> {
    const now = Date.now();
    const opened = await connection.set(windowKey(roundId), String(now), "PX", windowMs, "NX");
    if (opened !== "OK") return;
    try {
      await queue.add("office-notify", { roundId, openedAt: now }, { jobId: officeNotifyJobId(roundId, now), delay: windowMs });
    } catch (error) {
      // Without its job the window would swallow the next events until it expires.
      await connection.del(windowKey(roundId)).catch(() => {});
      throw error;
    }
  }

  async function takeEvents(roundId: number): Promise<StoredSubmittedEvent[]> {
    const key = eventsKey(roundId);
    const result = await connection.multi().lrange(key, 0, -1).del(key).exec();
    const raw = (result?.[0]?.[1] as string[] | undefined) ?? [];
    const events: StoredSubmittedEvent[] = [];
    for (const text of raw) {
      try {
        events.push(JSON.parse(text) as StoredSubmittedEvent);
      } catch {
        logger.warn({ roundId }, "unreadable office notification event dropped");
      }
    }
    return events;
  }

  return {
    queue,
    windowMs,
    async onSubmitted(event) {
      const stored: StoredSubmittedEvent = {
        submissionId: event.submissionId,
        roundId: event.roundId,
        unitId: event.unitId,
        personId: event.personId,
        resubmitted: event.resubmitted,
        at: event.at.toISOString(),
      };
      const key = eventsKey(event.roundId);
      await connection.multi().rpush(key, JSON.stringify(stored)).expire(key, 7 * 24 * 3600).exec();
      await schedule(event.roundId);
    },
    startWorker(workerOptions) {
      if (worker) return worker;
      const { prisma, send } = workerOptions;
      worker = new Worker<OfficeNotifyJob>(
        OFFICE_NOTIFY_QUEUE,
        async (job: Job<OfficeNotifyJob>) => {
          let events = job.data.events;
          if (!events) {
            events = await takeEvents(job.data.roundId);
            await job.updateData({ ...job.data, events, sentTo: [] });
          }
          if (events.length === 0) return { sent: 0 };
          const sentTo = new Set(job.data.sentTo ?? []);
          const result = await sendOfficeNotice(
            { prisma, send, defaultTimeZone: workerOptions.defaultTimeZone, defaultLocale: workerOptions.defaultLocale },
            job.data.roundId,
            events,
            sentTo,
            async (personId) => {
              sentTo.add(personId);
              await job.updateData({ ...job.data, events, sentTo: [...sentTo] });
            },
          );
          if (result.failed > 0) throw new Error(`${result.failed} secretaries could not be told about round ${job.data.roundId}`);
          // Events that came while this batch was sent opened their own window; this only covers a lost one.
          if ((await connection.llen(eventsKey(job.data.roundId))) > 0) await schedule(job.data.roundId);
          return result;
        },
        { connection, prefix, concurrency: 2, ...workerOptions.workerOptions },
      );
      worker.on("failed", (job, error) => logger.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: error.message }, "office notification failed"));
      worker.on("error", (error) => logger.error({ err: error.message }, "office notification worker error"));
      return worker;
    },
    async close() {
      await worker?.close();
      await queue.close();
    },
  };
}
