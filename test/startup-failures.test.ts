// Start-up failures end the process with one line that names the cause and the fix; a worker needs no port.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { Api } from "grammy";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../src/db/create-prisma.ts";
import { createReminderWorker } from "../src/queue/reminder-worker.ts";
import { FakeBotApi } from "./support/fake-bot-api.ts";
import { freePort } from "./support/free-port.ts";
import { createTestRedis, deleteKeys, REDIS_URL } from "./support/reminder-fixtures.ts";
import { ROOT, spawnApp, type Spawned } from "./support/spawn-app.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { workerSending } from "./support/outbound.ts";

let db: TestDatabase;
let api: FakeBotApi;
const running: Spawned[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  api = new FakeBotApi();
  await api.start();
});
afterAll(async () => {
  for (const app of running) if (app.child.exitCode === null) app.child.kill("SIGKILL");
  await api?.stop();
  await db?.drop();
});

const env = () => ({ BOT_TOKEN: "123:startup", BOT_API_ROOT: api.apiRoot, DATABASE_URL: db.url, REDIS_URL });

/** Waits for the "started" log line and returns it parsed. */
async function started(app: Spawned, timeoutMs = 45_000): Promise<{ port: number | null }> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const line = app.output().split("\n").find((l) => l.includes('"msg":"started"'));
    if (line) return JSON.parse(line);
    if (app.child.exitCode !== null) throw new Error(`exited ${app.child.exitCode}:\n${app.output()}`);
    if (Date.now() > end) throw new Error(`not started:\n${app.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("start-up", () => {
  it("with its PORT taken, says so in one line and runs nothing on the closed connections", { timeout: 90_000 }, async () => {
    const taken: Server = createServer();
    const port = await new Promise<number>((resolve) => taken.listen(0, () => resolve((taken.address() as { port: number }).port)));
    try {
      const app = spawnApp({ ...env(), PORT: String(port), LOG_LEVEL: "info" }, "all");
      running.push(app);
      expect(await app.exited).toBe(1);
      // Time for anything left behind (holiday seeding, timers) to fail on a closed pool.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const errors = app.output().split("\n").filter((line) => line && !line.startsWith("{"));
      expect(errors).toEqual([`PORT ${port} is in use: give each process its own PORT (a worker needs none unless its health endpoint is wanted)`]);
      expect(app.output()).not.toMatch(/could not seed|Cannot use a pool|    at /);
    } finally {
      taken.close();
    }
  });

  it("a worker serves no HTTP unless PORT is set, so several run on one host; with PORT it serves /healthz", { timeout: 120_000 }, async () => {
    const first = spawnApp({ ...env(), LOG_LEVEL: "info" }, "worker");
    const second = spawnApp({ ...env(), LOG_LEVEL: "info" }, "worker");
    const port = await freePort();
    const third = spawnApp({ ...env(), LOG_LEVEL: "info", PORT: String(port) }, "worker");
    running.push(first, second, third);
    expect((await started(first)).port).toBeNull();
    expect((await started(second)).port).toBeNull();
    expect((await started(third)).port).toBe(port);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toEqual({ status: "ok" });
    for (const app of [first, second, third]) app.child.kill("SIGTERM");
    expect(await Promise.all([first.exited, second.exited, third.exited])).toEqual([0, 0, 0]);
  });

  it("an unforeseen failure is one line too; its stack only with LOG_LEVEL=debug", { timeout: 120_000 }, () => {
    const script = `import { failAndExit } from ${JSON.stringify(join(ROOT, "src/process/fail-and-exit.ts"))}; failAndExit(new Error("boom at bot123:${"S".repeat(35)}"));`;
    const run = (level: string) =>
      spawnSync(process.execPath, ["--import", import.meta.resolve("tsx"), "--input-type=module", "-e", script], { env: { PATH: process.env.PATH, LOG_LEVEL: level }, encoding: "utf8" });
    const quiet = run("info");
    expect(quiet.status).toBe(1);
    expect(quiet.stderr).toBe("could not start: boom at bot<redacted> (LOG_LEVEL=debug prints where it failed)\n");
    const verbose = run("debug");
    expect(verbose.stderr).toMatch(/^could not start: boom at bot<redacted>\nError: boom at bot<redacted>\n    at /);
    expect(verbose.stderr).not.toContain("SSSS");
  });
});

describe("the reminder worker stopped right after it started", () => {
  it("finishes its start-up work first, so nothing runs on the database closed after it", { timeout: 60_000 }, async () => {
    const own = await createTestDatabase();
    const appDb = createDatabase({ databaseUrl: own.url, dataDir: "" });
    const redis = createTestRedis();
    const prefix = `test-${randomUUID()}`;
    const warnings: string[] = [];
    const log = (obj: Record<string, unknown>, msg: string) => warnings.push(`${msg} ${JSON.stringify(obj)}`);
    // The holiday seeding's first query waits behind this lock, as a slow database would make it.
    const blocker = new pg.Client({ connectionString: own.url });
    await blocker.connect();
    try {
      await blocker.query(`BEGIN; LOCK TABLE "Holiday" IN ACCESS EXCLUSIVE MODE`);
      const worker = createReminderWorker({
        connection: redis,
        prisma: appDb.prisma,
        ...workerSending(appDb.prisma, redis, prefix, new Api("123:x", { apiRoot: api.apiRoot })),
        prefix,
        logger: { info: () => {}, warn: log, error: log },
      });
      // As the app does: the worker is closed, then the database.
      let closed = false;
      const closing = worker.close().then(() => (closed = true));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const dbClosing = closed ? appDb.close() : undefined;
      await blocker.query("ROLLBACK");
      await closing;
      await (dbClosing ?? appDb.close());
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(warnings).toEqual([]);
      expect(await own.prisma.holiday.count()).toBe(0);
    } finally {
      await blocker.end();
      await deleteKeys(redis, prefix);
      redis.disconnect();
      await own.drop();
    }
  });
});
