// Two deployments share one Redis, each with its own REDIS_PREFIX: every key is under one of the prefixes,
// and neither sees the other's (the same update id is handled by both, each queue has only its own jobs).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type App } from "../src/app.ts";
import { parseConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { FakeBotApi, startCommand } from "./support/fake-bot-api.ts";
import { OwnRedis } from "./support/own-redis.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

type Deployment = { prefix: string; db: TestDatabase; api: FakeBotApi; app?: App };

let redis: OwnRedis;
const deployments: Deployment[] = [];

beforeAll(async () => {
  redis = await OwnRedis.start();
  for (const prefix of ["alpha", "beta"]) {
    const api = new FakeBotApi();
    await api.start();
    deployments.push({ prefix, db: await createTestDatabase(), api });
  }
});

afterAll(async () => {
  for (const d of deployments) {
    await d.app?.stop();
    await d.api.stop();
    await d.db.drop();
  }
  await redis?.stop();
});

async function allKeys(): Promise<string[]> {
  const { Redis } = await import("ioredis");
  const client = new Redis(redis.url);
  try {
    return await client.keys("*");
  } finally {
    client.disconnect();
  }
}

describe("REDIS_PREFIX", () => {
  it("keeps two deployments on one Redis apart", { timeout: 120_000 }, async () => {
    for (const d of deployments) {
      const config = parseConfig({ BOT_TOKEN: "123:prefix", BOT_API_ROOT: d.api.apiRoot, DATABASE_URL: d.db.url, REDIS_URL: redis.url, REDIS_PREFIX: d.prefix, PORT: "0" });
      d.app = await startApp("all", config, createLogger("silent"));
    }
    // Telegram numbers each bot's updates on its own: both deployments get update 777.
    const update = { update_id: 777, ...startCommand(901) };
    for (const d of deployments) d.api.pushUpdate(update);
    for (const d of deployments) await d.api.waitForCall((call) => call.method === "sendMessage" && call.payload.chat_id === 901, 20_000);

    // Give the workers time to register their schedulers.
    const end = Date.now() + 20_000;
    let keys: string[] = [];
    while (Date.now() < end) {
      keys = await allKeys();
      if (deployments.every((d) => keys.some((k) => k.startsWith(`${d.prefix}:reminders:`)))) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(keys.filter((key) => !key.startsWith("alpha:") && !key.startsWith("beta:"))).toEqual([]);
    for (const d of deployments) {
      expect(keys).toContain(`${d.prefix}:update:42:777`);
      expect(keys).toContain(`${d.prefix}:flood:telegram:901`);
      expect(keys.some((k) => k.startsWith(`${d.prefix}:reminders:`))).toBe(true);
    }
  });
});
