import type { Redis } from "ioredis";
import { ChatQueueCap } from "./chat-queue-cap.ts";
import { createRedisFloodNotices, type FloodNotices, type FloodNoticesOptions } from "./flood-notices.ts";
import { createRedisSenderRateLimit, type SenderRateLimit, type SenderRateLimitOptions } from "./sender-rate-limit.ts";
import { createRedisStrangerReplies, type StrangerReplies, type StrangerRepliesOptions } from "./stranger-replies.ts";

/** The limits every channel applies to what people send, before any work is done for it. */
export type FloodControl = { senders: SenderRateLimit; chatQueue: ChatQueueCap; notices: FloodNotices; strangers: StrangerReplies };

export type FloodControlOptions = {
  prefix: string;
  senders?: Omit<SenderRateLimitOptions, "prefix">;
  maxQueuedPerChat?: number;
  notices?: Omit<FloodNoticesOptions, "prefix">;
  strangers?: Omit<StrangerRepliesOptions, "prefix">;
};

export function createFloodControl(redis: Redis, options: FloodControlOptions): FloodControl {
  return {
    senders: createRedisSenderRateLimit(redis, { prefix: options.prefix, ...options.senders }),
    chatQueue: new ChatQueueCap(options.maxQueuedPerChat),
    notices: createRedisFloodNotices(redis, { prefix: options.prefix, ...options.notices }),
    strangers: createRedisStrangerReplies(redis, { prefix: options.prefix, ...options.strangers }),
  };
}
