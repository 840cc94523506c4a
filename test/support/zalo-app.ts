import { resolve } from "node:path";
import type { Redis } from "ioredis";
import { startApp, type App } from "../../src/app.ts";
import { parseConfig } from "../../src/config.ts";
import type { LocalZaloOa } from "../../src/demo/local-zalo-oa.ts";
import { createLogger } from "../../src/logger.ts";
import { deleteKeys } from "./reminder-fixtures.ts";
import { createRound, ROOT, seedOrganisation, seedTemplate } from "./report-world.ts";
import type { TestDatabase } from "./test-database.ts";

/** A working morning in Hà Nội (Tuesday 09:00), whatever the hour of the run: reminders are not sent at night. */
export function workingMorningClock(): () => Date {
  const offsetMs = new Date("2026-12-01T02:00:00Z").getTime() - Date.now();
  return () => new Date(Date.now() + offsetMs);
}

/** The organisation, the four-question Zalo template and an open round due in 20 days. */
export async function seedZaloRound(db: TestDatabase, now: () => Date): Promise<{ roundId: number; units: Record<string, number> }> {
  const { orgId, units } = await seedOrganisation(db.prisma);
  const templateId = await seedTemplate(db.prisma, resolve(ROOT, "test/fixtures/zalo-round.yaml"));
  const roundId = await createRound(db.prisma, { orgId, templateId, deadline: new Date(now().getTime() + 20 * 24 * 3600_000), year: now().getFullYear() });
  return { roundId, units };
}

/**
 * The whole app (bot and worker) with Zalo as its only channel, on the test database and its own Redis prefix,
 * talking to the local Official Account, whose webhook then points at it. `env` adds or overrides variables.
 */
export async function startAppOnZalo(oa: LocalZaloOa, db: TestDatabase, prefix: string, options: { env?: Record<string, string>; now?: () => Date } = {}): Promise<App> {
  const config = parseConfig({
    ZALO_APP_ID: oa.appId,
    ZALO_OA_ID: oa.oaId,
    ZALO_APP_SECRET: oa.appSecret,
    ZALO_OA_SECRET_KEY: oa.oaSecretKey,
    ZALO_REFRESH_TOKEN: oa.authorise(),
    ZALO_API_ROOT: oa.root,
    ZALO_OAUTH_ROOT: oa.root,
    DATABASE_URL: db.url,
    REDIS_PREFIX: prefix,
    PORT: "0",
    ...options.env,
  });
  const app = await startApp("all", config, createLogger(process.env.TEST_LOG ?? "silent"), options.now ? { now: options.now } : {});
  oa.webhookUrl = `http://127.0.0.1:${app.port}/zalo/webhook`;
  return app;
}

/** Stops what startAppOnZalo and the test started, and forgets the test's keys and database. */
export async function stopAppOnZalo(parts: { app?: App; oa: LocalZaloOa; redis: Redis; prefix: string; db?: TestDatabase }): Promise<void> {
  await parts.app?.stop();
  await parts.oa.stop();
  await deleteKeys(parts.redis, parts.prefix);
  parts.redis.disconnect();
  await parts.db?.drop();
}
