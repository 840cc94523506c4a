import type { Redis } from "ioredis";
import { boundedRedisCall } from "../queue/bounded-redis.ts";

/** Whether a sender whose events are being dropped should be told so now: once per window, across processes. */
export type FloodNotices = { mayNotify(senderKey: string): Promise<boolean> };

export type FloodNoticesOptions = { prefix: string; windowMs?: number; timeoutMs?: number; now?: () => number };

export function createRedisFloodNotices(redis: Redis, options: FloodNoticesOptions): FloodNotices {
  const windowMs = options.windowMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 300;
  const now = options.now ?? Date.now;
  // Senders this process already asked about in the current window: the rest of a flood costs no Redis call.
  const askedUntil = new Map<string, number>();
  return {
    async mayNotify(senderKey) {
      const at = now();
      if ((askedUntil.get(senderKey) ?? 0) > at) return false;
      for (const [key, until] of askedUntil) if (until <= at) askedUntil.delete(key);
      askedUntil.set(senderKey, at + windowMs);
      try {
        const key = `${options.prefix}:flood-notice:${senderKey}`;
        return (await boundedRedisCall(redis, () => redis.set(key, "1", "PX", windowMs, "NX"), timeoutMs)) === "OK";
      } catch {
        // Without Redis no notice: it could not be limited to one, and the events are dropped either way.
        return false;
      }
    },
  };
}
