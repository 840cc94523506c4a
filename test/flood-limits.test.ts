// The limits on what people send, one by one, on real Redis and grammY; the Bot API is a local fake.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../src/channels/telegram/create-bot.ts";
import { i18n } from "../src/i18n.ts";
import { createFloodControl, type FloodControlOptions } from "../src/inbound/flood-control.ts";
import { createLogger } from "../src/logger.ts";
import { createRedisConnection } from "../src/process/service-checks.ts";
import { recordApiCalls, TEST_BOT_INFO, textUpdate } from "./support/bot-harness.ts";
import { FakeBotApi } from "./support/fake-bot-api.ts";
import { OwnRedis } from "./support/own-redis.ts";
import { createTestRedis, deleteKeys } from "./support/reminder-fixtures.ts";
import { addPerson } from "./support/report-world.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { botDeps } from "./support/bot-deps.ts";

const prefix = `test-${randomUUID()}`;
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

/** Statements sent to PostgreSQL (every one goes through pg's Client.query) while `fn` runs. */
async function countStatements(fn: () => Promise<void>): Promise<number> {
  let count = 0;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    count++;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await fn();
  } finally {
    pg.Client.prototype.query = query;
  }
  return count;
}

function makeBot(options: Omit<FloodControlOptions, "prefix"> = {}) {
  const bot = createBot("1:x", {
    botInfo: TEST_BOT_INFO,
    deps: botDeps(db.prisma, { floodControl: createFloodControl(redis, { prefix, ...options }) }),
  });
  return { bot, calls: recordApiCalls(bot) };
}

describe("people who send too much", () => {
  it("a stranger is answered once per window; an invite link still goes through", async () => {
    const { bot, calls } = makeBot();
    const stranger = { id: 6_100_000_001, first_name: "Lạ" };
    for (const text of ["xin chào", "có ai không?", "/help", "alo"]) await bot.handleUpdate(textUpdate(stranger, text));
    expect(calls.texts(stranger.id)).toHaveLength(1);
    await bot.handleUpdate(textUpdate(stranger, "/start q3J9xZr0LmN4pT7vW2yB8cDe"));
    expect(calls.texts(stranger.id)).toHaveLength(2);
    // A typed code (a link code from the person's other messenger) too.
    await bot.handleUpdate(textUpdate(stranger, "K7QM-3XD9-PA"));
    expect(calls.texts(stranger.id)).toHaveLength(3);
  });

  it("a sender over the limit is not handled and is told once to slow down, in their own language", async () => {
    const { bot, calls } = makeBot({ senders: { limit: 3 } });
    const person = { id: 6_100_000_002, first_name: "Mai", language_code: "vi" };
    const personId = await addPerson(db.prisma, person.id, "Mai", [{ role: "SECRETARY" }]);
    await db.prisma.person.update({ where: { id: personId }, data: { locale: "en" } });
    for (let i = 0; i < 4; i++) await bot.handleUpdate(textUpdate(person, `tin ${i}`));
    // Past the limit and told so, a sender costs the database nothing: the limit comes before the person is read.
    const statements = await countStatements(async () => {
      for (let i = 4; i < 8; i++) await bot.handleUpdate(textUpdate(person, `tin ${i}`));
    });
    expect(statements).toBe(0);
    const texts = calls.texts(person.id);
    expect(texts).toHaveLength(4);
    expect(texts.filter((t) => t === i18n.t("en", "flood-slow-down"))).toHaveLength(1);
  });

  it("a chat holds at most a few updates in a process; the rest are dropped at once", async () => {
    const { bot, calls } = makeBot({ maxQueuedPerChat: 2 });
    const person = { id: 6_100_000_003, first_name: "Nam" };
    await addPerson(db.prisma, person.id, "Nam", [{ role: "SECRETARY" }]);
    // The first reply is held back, so every later update of the chat queues behind it.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    bot.api.config.use(async (prev, method, payload, signal) => {
      if (method === "sendMessage" && (payload as { text?: string }).text !== i18n.t("vi", "flood-slow-down") && !holding) {
        holding = true;
        await held;
      }
      return prev(method, payload, signal);
    });
    const handling = Array.from({ length: 6 }, (_, i) => bot.handleUpdate(textUpdate(person, `tin ${i}`)));
    // The four beyond the cap finish while the first is still held.
    await Promise.race([Promise.all(handling.slice(2)), new Promise((_, reject) => setTimeout(() => reject(new Error("dropped updates waited")), 5000))]);
    release();
    await Promise.all(handling);
    const texts = calls.texts(person.id);
    expect(texts.filter((t) => t === i18n.t("vi", "flood-slow-down"))).toHaveLength(1);
    expect(texts).toHaveLength(3);
  });

  it("while Redis is down the limits let everyone through at once rather than wait", async () => {
    const own = await OwnRedis.start();
    const connection = createRedisConnection(own.url);
    connection.on("error", () => {});
    await connection.connect();
    try {
      const flood = createFloodControl(connection, { prefix });
      await own.stop();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = Date.now();
      expect(await flood.senders.allow("telegram:1")).toBe(true);
      expect(await flood.strangers.mayAnswer("telegram:1")).toBe(true);
      expect(await flood.notices.mayNotify("telegram:1")).toBe(false);
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      connection.disconnect();
      await own.stop();
    }
  });
});

describe("retries of a reply", () => {
  let api: FakeBotApi;
  beforeAll(async () => {
    api = new FakeBotApi();
    await api.start();
  });
  afterAll(() => api?.stop());

  const botOnFake = () =>
    createBot("123:retry", { apiRoot: api.apiRoot, botInfo: TEST_BOT_INFO, deps: botDeps(db.prisma) });

  it("do not wait out a long 429: the reply is given up within seconds", { timeout: 60_000 }, async () => {
    const bot = botOnFake();
    const chatId = 6_100_000_010;
    api.respond = (call) =>
      call.method === "sendMessage" && Number(call.payload.chat_id) === chatId
        ? { ok: false, error_code: 429, description: "Too Many Requests: retry after 60", parameters: { retry_after: 60 } }
        : undefined;
    const started = Date.now();
    await bot.handleUpdate(textUpdate({ id: chatId }, "/start"));
    expect(Date.now() - started).toBeLessThan(5000);
    // The reply and the try-again notice, each tried once.
    expect(api.calls.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chatId)).toHaveLength(2);
    api.respond = undefined;
  });

  it("retry a short 429 and server errors with short pauses, a few seconds in all", { timeout: 60_000 }, async () => {
    const bot = botOnFake();
    const chatId = 6_100_000_011;
    const failures: ({ ok: false; error_code: number; description: string; parameters?: { retry_after: number } })[] = [
      { ok: false, error_code: 500, description: "Internal Server Error" },
      { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } },
      { ok: false, error_code: 502, description: "Bad Gateway" },
    ];
    api.respond = (call) => (call.method === "sendMessage" && Number(call.payload.chat_id) === chatId ? failures.shift() : undefined);
    await bot.handleUpdate(textUpdate({ id: chatId }, "/start"));
    const attempts = api.calls.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chatId);
    expect(attempts).toHaveLength(4);
    expect(String(attempts[3]!.payload.text)).toContain("Xin chào Anh/Chị");
    const pauses = attempts.slice(1).map((c, i) => c.at - attempts[i]!.at);
    // 0.5 s, then the 1 s Telegram asked for, then 1 s.
    expect(pauses[0]).toBeGreaterThanOrEqual(450);
    expect(pauses[1]).toBeGreaterThanOrEqual(950);
    expect(pauses[2]).toBeGreaterThanOrEqual(950);
    expect(attempts[3]!.at - attempts[0]!.at).toBeLessThan(5000);
    api.respond = undefined;
  });
});
