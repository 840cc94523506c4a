import type { MiddlewareFn } from "grammy";
import type { Redis } from "ioredis";
import { boundedRedisCall } from "../../../queue/bounded-redis.ts";
import type { BotContext } from "../context.ts";

/** Remembers which updates are being or have been handled, across every bot instance. */
export type UpdateLog = {
  /** True when this update id is new and now claimed by the caller. */
  claim(updateId: number): Promise<boolean>;
  release(updateId: number): Promise<void>;
};

export function createRedisUpdateLog(redis: Redis, botId: number, ttlSeconds = 24 * 3600, timeoutMs = 2000): UpdateLog {
  const key = (updateId: number) => `tong-hop:update:${botId}:${updateId}`;
  // Every update asks: while Redis is away the answer must not wait for it to come back.
  return {
    async claim(updateId) {
      return (await boundedRedisCall(redis, () => redis.set(key(updateId), "1", "EX", ttlSeconds, "NX"), timeoutMs)) === "OK";
    },
    async release(updateId) {
      await boundedRedisCall(redis, () => redis.del(key(updateId)), timeoutMs);
    },
  };
}

/**
 * Telegram re-delivers an update when a webhook answer was lost or a poller died before confirming
 * it; handling it twice would store an answer twice. A failed update is released so a
 * re-delivery can succeed. If Redis is down the update is handled rather than dropped.
 */
export function ignoreDuplicateUpdates(log: UpdateLog): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const updateId = ctx.update.update_id;
    let claimed = true;
    try {
      claimed = await log.claim(updateId);
    } catch (error) {
      ctx.logger.warn({ err: error }, "update log unavailable; handling the update without duplicate check");
    }
    if (!claimed) {
      ctx.logger.info({ updateId }, "duplicate update ignored");
      return;
    }
    try {
      await next();
    } catch (error) {
      await log.release(updateId).catch(() => {});
      throw error;
    }
  };
}
