import type { Redis } from "ioredis";
import { ChatQueueCap, type ChatQueueCapOptions } from "./chat-queue-cap.ts";
import { createRedisSenderRateLimit, type SenderRateLimit, type SenderRateLimitOptions } from "./sender-rate-limit.ts";
import { createRedisStrangerReplies, type StrangerReplies, type StrangerRepliesOptions } from "./stranger-replies.ts";

/** The limits every channel applies to what people send, before any work is done for it. */
export type FloodControl = { senders: SenderRateLimit; strangers: StrangerReplies; chatQueue: ChatQueueCap };

export type FloodControlOptions = {
  prefix: string;
  senders?: Omit<SenderRateLimitOptions, "prefix">;
  strangers?: Omit<StrangerRepliesOptions, "prefix">;
  chatQueue?: ChatQueueCapOptions;
};

export function createFloodControl(redis: Redis, options: FloodControlOptions): FloodControl {
  return {
    senders: createRedisSenderRateLimit(redis, { prefix: options.prefix, ...options.senders }),
    strangers: createRedisStrangerReplies(redis, { prefix: options.prefix, ...options.strangers }),
    chatQueue: new ChatQueueCap(options.chatQueue),
  };
}
