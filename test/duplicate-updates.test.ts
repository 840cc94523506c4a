import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../src/channels/telegram/create-bot.ts";
import { telegramUpdateKey } from "../src/channels/telegram/middlewares/ignore-duplicate-updates.ts";
import { createRedisHandledEvents, handleOnce, type HandledEvents } from "../src/inbound/handled-events.ts";
import { createLogger } from "../src/logger.ts";
import { recordApiCalls, TEST_BOT_INFO, textUpdate } from "./support/bot-harness.ts";
import { createTestRedis, deleteKeys } from "./support/reminder-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { botDeps } from "./support/bot-deps.ts";

const prefix = `test-${randomUUID()}`;
const silent = createLogger("silent");

describe("duplicate update ids", () => {
  let db: TestDatabase;
  let redis: Redis;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
  });
  afterAll(async () => {
    await deleteKeys(redis, prefix);
    redis.disconnect();
    await db?.drop();
  });

  const events = (leaseMs?: number) => createRedisHandledEvents(redis, { prefix, leaseMs });
  const makeBot = (updateLog: HandledEvents = events()) => {
    const bot = createBot("1:x", {
      botInfo: TEST_BOT_INFO,
      deps: botDeps(db.prisma, { logger: silent, updateLog }),
    });
    return { bot, calls: recordApiCalls(bot) };
  };
  const updateKey = (updateId: number) => `${prefix}:${telegramUpdateKey(TEST_BOT_INFO.id, updateId)}`;

  it("are handled once, even by two bot instances", async () => {
    const first = makeBot();
    const second = makeBot();
    const update = textUpdate({ id: 31 }, "/start");
    await first.bot.handleUpdate(update);
    await second.bot.handleUpdate(update);
    await first.bot.handleUpdate(update);
    expect(first.calls.texts(31)).toHaveLength(1);
    expect(second.calls.texts(31)).toHaveLength(0);
    // Remembered as handled for a day.
    expect(await redis.get(updateKey(update.update_id))).toBe("done");
    expect(await redis.ttl(updateKey(update.update_id))).toBeGreaterThan(23 * 3600);
  });

  it("a failure is answered with a try-again message, and the update's re-delivery is handled", async () => {
    let failNext = true;
    const { bot, calls } = makeBot();
    bot.api.config.use(async (prev, method, payload, signal) => {
      if (method === "sendMessage" && failNext) {
        failNext = false;
        throw new Error("network down");
      }
      return prev(method, payload, signal);
    });
    const update = textUpdate({ id: 32 }, "/start");
    await bot.handleUpdate(update);
    expect(calls.texts(32)).toEqual([expect.stringContaining("vui lòng thử lại")]);
    expect(await redis.exists(updateKey(update.update_id))).toBe(0);

    await bot.handleUpdate(update);
    expect(calls.texts(32)).toEqual([expect.stringContaining("vui lòng thử lại"), expect.stringContaining("Xin chào Anh/Chị")]);
  });

  it("an update whose process died while handling it is handled when it comes again, once the lease runs out", async () => {
    const update = textUpdate({ id: 33 }, "/start");
    // What a process killed mid-update leaves: its lease, no longer renewed.
    await redis.set(updateKey(update.update_id), `lease:${randomUUID()}`, "PX", 1500);
    const { bot, calls } = makeBot(events(1500));
    const started = Date.now();
    await bot.handleUpdate(update);
    expect(calls.texts(33)).toEqual([expect.stringContaining("Xin chào Anh/Chị")]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await redis.get(updateKey(update.update_id))).toBe("done");
  });

  it("an update still being handled (for longer than a lease) is not handled again by a second instance", async () => {
    const leaseMs = 600;
    const slow = makeBot(events(leaseMs));
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    slow.bot.api.config.use(async (prev, method, payload, signal) => {
      if (method === "sendMessage") await held;
      return prev(method, payload, signal);
    });
    const other = makeBot(events(leaseMs));
    const update = textUpdate({ id: 34 }, "/start");
    const first = slow.bot.handleUpdate(update);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = other.bot.handleUpdate(update);
    // Three leases long: the holder keeps renewing its claim.
    await new Promise((resolve) => setTimeout(resolve, 3 * leaseMs));
    release();
    await Promise.all([first, second]);
    expect(slow.calls.texts(34)).toHaveLength(1);
    expect(other.calls.texts(34)).toHaveLength(0);
  });

  it("an event whose handling threw is released; a handled one is not handled again (any channel's key)", async () => {
    const log = events();
    const key = `zalo:event:${randomUUID()}`;
    let runs = 0;
    await expect(
      handleOnce(log, key, async () => {
        runs++;
        throw new Error("crash");
      }, silent),
    ).rejects.toThrow("crash");
    expect(await handleOnce(log, key, async () => (runs++, "done"), silent)).toBe("handled");
    expect(await handleOnce(log, key, async () => (runs++, "done"), silent)).toBe("duplicate");
    expect(runs).toBe(2);
  });
});
