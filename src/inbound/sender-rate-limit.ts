import type { Redis } from "ioredis";
import { boundedRedisCall } from "../queue/bounded-redis.ts";

/** How many events one sender may send per window, counted for every process sharing the Redis. */
export type SenderRateLimit = {
  /** True when this event may be handled. */
  allow(senderKey: string): Promise<boolean>;
};

export type SenderRateLimitOptions = {
  prefix: string;
  /** Events per window; a reporter pasting a long answer in parts stays well within it. */
  limit?: number;
  windowMs?: number;
  /** A slow or absent Redis lets the event through after this long. */
  timeoutMs?: number;
};

// One counter per sender and window; the first event of a window starts its expiry.
const COUNT = `local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n`;

export function createRedisSenderRateLimit(redis: Redis, options: SenderRateLimitOptions): SenderRateLimit {
  const limit = options.limit ?? 30;
  const windowMs = options.windowMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 300;
  return {
    async allow(senderKey) {
      try {
        const key = `${options.prefix}:flood:${senderKey}`;
        return Number(await boundedRedisCall(redis, () => redis.eval(COUNT, 1, key, windowMs), timeoutMs)) <= limit;
      } catch {
        // Fails open: without Redis every sender is served, as before the limit existed.
        return true;
      }
    },
  };
}
