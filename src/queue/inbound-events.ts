import { DelayedError, Queue, Worker, type Job, type WorkerOptions } from "bullmq";
import type { Redis } from "ioredis";

export const INBOUND_QUEUE_NAME = "inbound-events";

/** An event a channel received, as the queue keeps it: plain JSON, nothing channel-specific. */
export type InboundEvent<T = unknown> = {
  /** "telegram", "zalo"… */
  channel: string;
  /** Who sent it, on that channel: their events are handled one at a time, in the order they were accepted. */
  sender: string;
  /** The same for every delivery of one event (Zalo's msg_id…): a redelivery is handled once. */
  key: string;
  data: T;
};

type InboundJob = InboundEvent & { seq: number };

type LogFn = (obj: Record<string, unknown>, msg: string) => void;
export type InboundLogger = { info: LogFn; warn: LogFn; error: LogFn };
const silent: InboundLogger = { info: () => {}, warn: () => {}, error: () => {} };

export type InboundEventsOptions = {
  /** A connection with maxRetriesPerRequest: null (BullMQ's requirement). */
  connection: Redis;
  /** Redis key prefix (BullMQ's and this module's keys). */
  prefix?: string;
  /** How long a handled event's id is remembered, so a redelivery is recognised. */
  dedupeMs?: number;
  /** Tries of a failing handler before the event is given up (the person's later events then go on). */
  attempts?: number;
  backoffMs?: number;
  /** An event whose predecessor never reached the queue waits this long, then goes ahead. */
  gapTimeoutMs?: number;
  logger?: InboundLogger;
};

export type InboundHandler = (event: InboundEvent) => Promise<void>;

export type InboundEvents = {
  queue: Queue<InboundJob>;
  /** Stores the event for handling; resolves once it is in Redis. A redelivery (same channel and key) is a no-op. */
  accept(event: InboundEvent): Promise<{ duplicate: boolean }>;
  /** Handles accepted events: a sender's one at a time in order, different senders in parallel. */
  startWorker(handler: InboundHandler, options?: Partial<WorkerOptions>): Worker<InboundJob>;
  close(): Promise<void>;
};

/** BullMQ refuses custom ids with ":" or that parse as integers. */
export function inboundJobId(channel: string, key: string): string {
  return `inbound_${channel}_${key}`.replaceAll(":", "_");
}

/**
 * Allocates the sender's next sequence number for a new event, or returns the number a redelivery already
 * has. KEYS: seen, seq, slot-prefix. ARGV: dedupe ms, job id.
 */
const ACCEPT = `
local seq = redis.call('GET', KEYS[1])
if seq then return {tonumber(seq), 1} end
seq = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], seq, 'PX', ARGV[1])
redis.call('SET', KEYS[3] .. seq, ARGV[2], 'PX', ARGV[1])
return {seq, 0}`;

/** Moves the sender's cursor past `seq` when it stands just before it. KEYS: done. ARGV: seq. */
const ADVANCE = `
local done = tonumber(redis.call('GET', KEYS[1]) or '0')
if done == tonumber(ARGV[1]) - 1 then redis.call('SET', KEYS[1], ARGV[1]) end
return done`;

/** Marks an event handled and advances the cursor, in one step. KEYS: handled, done. ARGV: seq, dedupe ms. */
const COMPLETE = `
redis.call('SET', KEYS[1], '1', 'PX', ARGV[2])
local done = tonumber(redis.call('GET', KEYS[2]) or '0')
if done == tonumber(ARGV[1]) - 1 then redis.call('SET', KEYS[2], ARGV[1]) end
return done`;

/**
 * Inbound channel events on BullMQ: the webhook acknowledges as soon as the event is in Redis, and workers
 * handle it after.
 *
 * - Redelivery: the job id derives from the event's key, and finished jobs are kept for `dedupeMs` (24 h),
 *   so the same event delivered twice, to one instance or two, is one job, handled once.
 * - Order: accepting an event gives it the sender's next sequence number (atomically, in Redis), and a
 *   worker handles an event only when the sender's cursor stands just before it; an event whose turn has
 *   not come waits as a delayed job and is promoted when its predecessor finishes. So one person's events
 *   are handled one at a time in the order they were accepted, whatever the number of workers.
 * - A failing handler is retried with backoff, holding the person's later events back; after the last try
 *   the event is logged and given up, and the later events go on. A number whose job never reached the
 *   queue (a crash between the two writes) is skipped after `gapTimeoutMs`; if the event comes back (Zalo
 *   retries an unacknowledged delivery), it is handled then.
 */
export function createInboundEvents(options: InboundEventsOptions): InboundEvents {
  const { connection } = options;
  const prefix = options.prefix ?? "bull";
  const dedupeMs = options.dedupeMs ?? 24 * 3600_000;
  const attempts = options.attempts ?? 5;
  const gapTimeoutMs = options.gapTimeoutMs ?? 60_000;
  const logger = options.logger ?? silent;
  const key = (...parts: string[]) => [prefix, "inbound-order", ...parts].join(":");
  const senderKey = (event: { channel: string; sender: string }) => `${event.channel}:${event.sender}`;

  const queue = new Queue<InboundJob>(INBOUND_QUEUE_NAME, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts,
      backoff: { type: "exponential", delay: options.backoffMs ?? 1000 },
      removeOnComplete: { age: Math.ceil(dedupeMs / 1000) },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });

  async function accept(event: InboundEvent): Promise<{ duplicate: boolean }> {
    const sender = senderKey(event);
    const jobId = inboundJobId(event.channel, event.key);
    const [seq, seen] = (await connection.eval(
      ACCEPT,
      3,
      key("seen", event.channel, event.key),
      key("seq", sender),
      key("slot", sender, ""),
      String(dedupeMs),
      jobId,
    )) as [number, number];
    // Added even for a redelivery: a crash between the two writes leaves a number without its job, and the
    // redelivery fills the gap. An existing job id makes this a no-op.
    await queue.add("event", { ...event, seq }, { jobId });
    return { duplicate: seen === 1 };
  }

  async function complete(job: Job<InboundJob>, handled: boolean): Promise<void> {
    const sender = senderKey(job.data);
    if (handled) await connection.eval(COMPLETE, 2, key("handled", job.data.channel, job.data.key), key("done", sender), String(job.data.seq), String(dedupeMs));
    else await connection.eval(ADVANCE, 1, key("done", sender), String(job.data.seq));
    // Wake the next event of this person if it is waiting for its turn.
    const nextJobId = await connection.get(key("slot", sender, String(job.data.seq + 1)));
    if (nextJobId) {
      const next = await queue.getJob(nextJobId);
      if (next && (await next.isDelayed())) await next.promote().catch(() => {});
    }
  }

  /** Whether the event before `seq` will never arrive as a job, so waiting for it is pointless. */
  async function predecessorLost(job: Job<InboundJob>, done: number): Promise<boolean> {
    if (Date.now() - job.timestamp < gapTimeoutMs) return false;
    const missingJobId = await connection.get(key("slot", senderKey(job.data), String(done + 1)));
    const missing = missingJobId ? await queue.getJob(missingJobId) : undefined;
    // A job BullMQ failed on its own (stalled too often) will not finish either.
    return !missing || (await missing.getState()) === "failed";
  }

  function startWorker(handler: InboundHandler, workerOptions: Partial<WorkerOptions> = {}): Worker<InboundJob> {
    const processor = async (job: Job<InboundJob>, token?: string) => {
      const { channel, sender, key: eventKey, data } = job.data;
      const event: InboundEvent = { channel, sender, key: eventKey, data };
      const log = { channel, seq: job.data.seq, jobId: job.id };
      if (await connection.exists(key("handled", channel, eventKey))) return;
      for (;;) {
        const done = Number((await connection.get(key("done", senderKey(job.data)))) ?? 0);
        if (job.data.seq > done + 1) {
          if (await predecessorLost(job, done)) {
            logger.warn({ ...log, skipped: done + 1 }, "an inbound event never reached the queue; the person's next events go on");
            await connection.eval(ADVANCE, 1, key("done", senderKey(job.data)), String(done + 1));
            continue;
          }
          // Not this event's turn: wait, and be promoted when the one before finishes.
          await job.moveToDelayed(Date.now() + Math.min(2000, 100 + (Date.now() - job.timestamp) / 5), token);
          throw new DelayedError();
        }
        break;
      }
      try {
        await handler(event);
      } catch (error) {
        if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw error;
        logger.error({ ...log, err: error }, "an inbound event failed on every try and was given up");
        await complete(job, false);
        return;
      }
      await complete(job, true);
    };
    return new Worker<InboundJob>(INBOUND_QUEUE_NAME, processor, { connection, prefix, concurrency: 10, ...workerOptions });
  }

  return {
    queue,
    accept,
    startWorker,
    async close() {
      await queue.close();
    },
  };
}
