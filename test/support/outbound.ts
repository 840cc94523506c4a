import type { Api } from "grammy";
import type { Redis } from "ioredis";
import { telegramSender } from "../../src/channels/telegram/telegram-sender.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { createLogger } from "../../src/logger.ts";
import type { ChannelPace } from "../../src/queue/outbound.ts";
import { createOutbound, type Outbound } from "../../src/queue/outbound.ts";
import { TEST_KEYRING } from "./bot-deps.ts";

/** The process's outbound side for tests: Telegram through `api`, paced in Redis under `prefix`. */
export function testOutbound(prisma: PrismaClient, redis: Redis, prefix: string, api: Api, options: { pace?: Partial<ChannelPace>; now?: () => Date } = {}): Outbound {
  return createOutbound({
    prisma,
    redis,
    prefix,
    logger: createLogger("silent"),
    defaultLocale: "vi",
    windows: {},
    keyring: TEST_KEYRING,
    senders: [telegramSender(api)],
    pace: options.pace ? { telegram: options.pace } : undefined,
    now: options.now,
  });
}

/** What a reminder worker (or the office notices) needs to send, over `api`. */
export function workerSending(prisma: PrismaClient, redis: Redis, prefix: string, api: Api, options: { pace?: Partial<ChannelPace>; now?: () => Date } = {}) {
  const outbound = testOutbound(prisma, redis, prefix, api, options);
  return { send: outbound.send, pacers: outbound.pacers, defaultLocale: "vi" as const, windows: {} };
}
