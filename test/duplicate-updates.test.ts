import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../src/channels/telegram/create-bot.ts";
import { createRedisUpdateLog, ignoreDuplicateUpdates } from "../src/channels/telegram/middlewares/ignore-duplicate-updates.ts";
import { createLogger } from "../src/logger.ts";
import { recordApiCalls, TEST_BOT_INFO, textUpdate } from "./support/bot-harness.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { botDeps } from "./support/bot-deps.ts";

describe("duplicate update ids", () => {
  let db: TestDatabase;
  let redis: Redis;
  const botId = 900_000_000 + Math.floor(Math.random() * 1_000_000);

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = new Redis("redis://127.0.0.1:6379");
  });
  afterAll(async () => {
    const keys = await redis.keys(`tong-hop:update:${botId}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await db?.drop();
  });

  const makeBot = () => {
    const bot = createBot("1:x", {
      botInfo: TEST_BOT_INFO,
      deps: botDeps(db.prisma, { updateLog: createRedisUpdateLog(redis, botId) }),
    });
    return { bot, calls: recordApiCalls(bot) };
  };

  it("are handled once, even by two bot instances", async () => {
    const first = makeBot();
    const second = makeBot();
    const update = textUpdate({ id: 31 }, "/start");
    await first.bot.handleUpdate(update);
    await second.bot.handleUpdate(update);
    await first.bot.handleUpdate(update);
    expect(first.calls.texts(31)).toHaveLength(1);
    expect(second.calls.texts(31)).toHaveLength(0);
  });

  it("a failure inside the bot is answered with a try-again message, not silence", async () => {
    let failNext = true;
    const { bot, calls } = makeBot();
    bot.api.config.use(async (prev, method, payload, signal) => {
      if (method === "sendMessage" && failNext) {
        failNext = false;
        throw new Error("network down");
      }
      return prev(method, payload, signal);
    });
    await bot.handleUpdate(textUpdate({ id: 32 }, "/start"));
    expect(calls.texts(32)).toEqual([expect.stringContaining("vui lòng thử lại")]);
  });

  it("an update whose handling escaped with an error is released for re-delivery", async () => {
    const log = createRedisUpdateLog(redis, botId);
    const middleware = ignoreDuplicateUpdates(log);
    const ctx = { update: { update_id: 4242 }, logger: createLogger("silent") } as never;
    let runs = 0;
    await expect(middleware(ctx, async () => {
      runs++;
      throw new Error("crash");
    })).rejects.toThrow("crash");
    await middleware(ctx, async () => void runs++);
    await middleware(ctx, async () => void runs++);
    expect(runs).toBe(2);
  });
});
