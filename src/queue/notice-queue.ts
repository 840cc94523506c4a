import { Queue, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Locale } from "../i18n.ts";
import type { PersonMessage } from "../messaging/notifier.ts";
import { createBatchTally, type BatchRef } from "./batch-tally.ts";
import { loadRecipient } from "./notifier.ts";
import type { SendToPerson } from "./reminder-delivery.ts";
import type { SendPacer } from "./send-pacer.ts";

export const NOTICE_QUEUE_NAME = "notices";

/**
 * A notice to one person about something that happened to many (a round opened, a deadline moved). It
 * carries ids only: the text is worded when it is sent, from the state then, in the person's language.
 */
export type NoticeJob = {
  kind: string;
  personId: number;
  /** Ids the notice is about (round, unit, submission…). */
  refs: Record<string, number>;
  /** The batch this notice belongs to; its requester hears how the batch went. */
  batch?: BatchRef;
};

/** A reporter's personal link to a round's web form, or null when there is no public address. */
export type FormLink = (personId: number, roundId: number) => Promise<string | null>;

/** Words one kind of notice for its recipient, or null when it is no longer worth sending. */
export type NoticeBuilder = (prisma: PrismaClient, job: NoticeJob, formLink?: FormLink) => Promise<PersonMessage | null>;

/** How a finished batch is reported to the person who caused it. */
export type BatchReport = (prisma: PrismaClient, batch: { id: string; kind: string; refs: Record<string, number>; sent: number; unreachable: number; skipped: number; total: number }) => PersonMessage;

export type NoticeQueue = {
  queue: Queue<NoticeJob>;
  /** Queues one notice per job; a notice already queued or sent (same kind, refs and person) is not added again. */
  enqueue(jobs: readonly NoticeJob[]): Promise<number>;
  close(): Promise<void>;
};

/** BullMQ refuses ids with ":"; one id per kind, refs and person makes a notice idempotent. */
export function noticeJobId(job: NoticeJob): string {
  const refs = Object.keys(job.refs)
    .sort()
    .map((key) => `${key}${job.refs[key]}`)
    .join("_");
  return `notice_${job.kind}_${refs}_p${job.personId}`;
}

export function createNoticeQueue(options: { connection: Redis; prefix?: string }): NoticeQueue {
  const queue = new Queue<NoticeJob>(NOTICE_QUEUE_NAME, {
    connection: options.connection,
    prefix: options.prefix,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: "exponential", delay: 10_000 },
      removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
      removeOnFail: { age: 30 * 24 * 3600, count: 100_000 },
    },
  });
  return {
    queue,
    async enqueue(jobs) {
      if (jobs.length === 0) return 0;
      await queue.addBulk(jobs.map((data) => ({ name: data.kind, data, opts: { jobId: noticeJobId(data) } })));
      return jobs.length;
    },
    close: () => queue.close(),
  };
}

export type NoticeWorkerOptions = {
  connection: Redis;
  prefix?: string;
  prisma: PrismaClient;
  send: SendToPerson;
  pacers: readonly SendPacer[];
  defaultLocale: Locale;
  builders: Record<string, NoticeBuilder>;
  /** Notices that ask for answers carry the reporter's form link when there is one. */
  formLink?: FormLink;
  reportBatch?: BatchReport;
  concurrency?: number;
  logger: { warn(obj: Record<string, unknown>, msg: string): void };
};

type Tally = "sent" | "unreachable" | "skipped";

/**
 * Sends queued notices through the same paced channel senders as reminders, so bulk notices keep to
 * each channel's limits. When the last notice of a batch is done, its requester is told how it went.
 */
export function createNoticeWorker(options: NoticeWorkerOptions): { worker: Worker<NoticeJob>; close(): Promise<void> } {
  const { prisma, connection } = options;
  const prefix = options.prefix ?? "bull";
  const tallies = createBatchTally(connection, `${prefix}:${NOTICE_QUEUE_NAME}`);

  async function tally(jobId: string, job: NoticeJob, outcome: Tally): Promise<void> {
    const batch = job.batch;
    if (!batch) return;
    const totals = await tallies.record(batch, jobId, outcome);
    if (!totals || batch.requesterId === null || !options.reportBatch) return;
    const { counts } = totals;
    const report = options.reportBatch(prisma, {
      id: batch.id,
      kind: job.kind,
      refs: job.refs,
      sent: counts.sent ?? 0,
      unreachable: counts.unreachable ?? 0,
      skipped: counts.skipped ?? 0,
      total: batch.total,
    });
    const requester = await loadRecipient(prisma, batch.requesterId, options.defaultLocale);
    if (requester) await options.send(requester, report);
  }

  const worker = new Worker<NoticeJob>(
    NOTICE_QUEUE_NAME,
    async (job: Job<NoticeJob>) => {
      const data = job.data;
      const builder = options.builders[data.kind];
      const message = builder ? await builder(prisma, data, options.formLink) : null;
      const recipient = message ? await loadRecipient(prisma, data.personId, options.defaultLocale) : null;
      if (!message || !recipient) {
        await tally(job.id!, data, "skipped");
        return { outcome: "skipped" };
      }
      const { outcome, result } = await options.send(recipient, message);
      if (outcome === "failed") {
        if (result && !result.ok && result.reason === "rate-limited") {
          for (const pacer of options.pacers) await pacer.pause(result.retryAfterMs);
          await worker.rateLimit(result.retryAfterMs);
          throw Worker.RateLimitError();
        }
        const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        if (finalAttempt) await tally(job.id!, data, "unreachable");
        throw new Error(result && !result.ok && "detail" in result ? result.detail : "send failed");
      }
      await tally(job.id!, data, outcome === "sent" ? "sent" : "unreachable");
      return { outcome };
    },
    { connection, prefix, concurrency: options.concurrency ?? 10 },
  );
  worker.on("failed", (job, error) => {
    if (job && error.name !== "RateLimitError") options.logger.warn({ jobId: job.id, attempts: job.attemptsMade, err: error.message }, "notice failed");
  });
  return { worker, close: () => worker.close() };
}
