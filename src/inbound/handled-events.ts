import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { boundedRedisCall } from "../queue/bounded-redis.ts";

/** The right to handle one inbound event, held while it is handled. */
export type EventClaim = {
  /** Handled: remembered for a day, so a re-delivery is ignored. */
  done(): Promise<void>;
  /** Not handled: forgotten at once, so a re-delivery is handled. */
  failed(): Promise<void>;
};

/**
 * Which inbound events (a Telegram update, a Zalo message) are being or have been handled, across every
 * process. Keyed by a string the channel makes, e.g. `update:<bot id>:<update id>`.
 */
export type HandledEvents = {
  /** A claim on a new event, or null when it was handled or is being handled by a live process. */
  claim(eventKey: string): Promise<EventClaim | null>;
};

export type RedisHandledEventsOptions = {
  /** Deployment's key prefix (REDIS_PREFIX). */
  prefix: string;
  /**
   * How long a claim lasts unless renewed. The holder renews it while it works, so this only bounds how
   * long a re-delivery waits after the holder died mid-event.
   */
  leaseMs?: number;
  /** How long a handled event is remembered. */
  keepSeconds?: number;
  /** Each Redis call waits at most this long (the person waits for the answer). */
  timeoutMs?: number;
};

const DONE = "done";

// Only the holder of the lease may renew or drop it.
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const DROP = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export function createRedisHandledEvents(redis: Redis, options: RedisHandledEventsOptions): HandledEvents {
  const leaseMs = options.leaseMs ?? 30_000;
  const keepSeconds = options.keepSeconds ?? 24 * 3600;
  const timeoutMs = options.timeoutMs ?? 2000;
  const call = <T>(work: () => Promise<T>) => boundedRedisCall(redis, work, timeoutMs);

  return {
    async claim(eventKey) {
      const key = `${options.prefix}:${eventKey}`;
      const token = `lease:${randomUUID()}`;
      // A re-delivery that finds a lease waits for it to end: handled (ignore it) or expired (the holder
      // died, handle it). A holder still at work after two leases is alive; the re-delivery is dropped.
      const giveUpAt = Date.now() + 2 * leaseMs;
      for (;;) {
        if ((await call(() => redis.set(key, token, "PX", leaseMs, "NX"))) === "OK") break;
        const holder = await call(() => redis.get(key));
        if (holder === null) continue;
        if (!holder.startsWith("lease:") || Date.now() >= giveUpAt) return null;
        await new Promise((resolve) => setTimeout(resolve, Math.min(500, leaseMs / 4)));
      }
      const renewal = setInterval(() => {
        void call(() => redis.eval(RENEW, 1, key, token, leaseMs)).catch(() => {});
      }, leaseMs / 3);
      renewal.unref();
      return {
        async done() {
          clearInterval(renewal);
          await call(() => redis.set(key, DONE, "EX", keepSeconds));
        },
        async failed() {
          clearInterval(renewal);
          await call(() => redis.eval(DROP, 1, key, token));
        },
      };
    },
  };
}

type Log = { warn(object: Record<string, unknown>, message: string): void; info(object: Record<string, unknown>, message: string): void };

/**
 * Handles an event once. `work` says whether it succeeded; a failed or throwing event is released so a
 * re-delivery gets through. While the record is unavailable the event is handled rather than dropped.
 */
export async function handleOnce(
  events: HandledEvents,
  eventKey: string,
  work: () => Promise<"done" | "failed">,
  log: Log,
): Promise<"handled" | "failed" | "duplicate"> {
  let claim: EventClaim | null | undefined;
  try {
    claim = await events.claim(eventKey);
  } catch (error) {
    log.warn({ err: error }, "handled-event record unavailable; handling without duplicate check");
  }
  if (claim === null) {
    log.info({ eventKey }, "duplicate event ignored");
    return "duplicate";
  }
  let outcome: "done" | "failed";
  try {
    outcome = await work();
  } catch (error) {
    await claim?.failed().catch(() => {});
    throw error;
  }
  if (outcome === "failed") await claim?.failed().catch(() => {});
  else await claim?.done().catch((error: unknown) => log.warn({ err: error, eventKey }, "could not record a handled event; its lease runs out instead"));
  return outcome === "done" ? "handled" : "failed";
}
