import type { Redis } from "ioredis";
import { boundedRedisCall } from "../queue/bounded-redis.ts";

/** Someone the organisation does not know is answered at most once per window. */
export type StrangerReplies = { mayAnswer(senderKey: string): Promise<boolean> };

export type StrangerRepliesOptions = { prefix: string; windowMs?: number; timeoutMs?: number };

export function createRedisStrangerReplies(redis: Redis, options: StrangerRepliesOptions): StrangerReplies {
  const windowMs = options.windowMs ?? 10 * 60_000;
  const timeoutMs = options.timeoutMs ?? 300;
  return {
    async mayAnswer(senderKey) {
      try {
        const key = `${options.prefix}:stranger:${senderKey}`;
        return (await boundedRedisCall(redis, () => redis.set(key, "1", "PX", windowMs, "NX"), timeoutMs)) === "OK";
      } catch {
        // Without Redis a stranger is answered, as before the limit existed.
        return true;
      }
    },
  };
}
