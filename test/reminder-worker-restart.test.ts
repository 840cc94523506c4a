import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { Api } from "grammy";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseReminderJobId } from "../src/domain/reminders/reminder-job-id.ts";
import { loadWorkingCalendar } from "../src/queue/holidays.ts";
import { planRoundReminders } from "../src/queue/plan-round-reminders.ts";
import { RECONCILE_SCHEDULER_ID } from "../src/queue/reconciler.ts";
import { createReminderQueue, type ReminderQueue } from "../src/queue/reminder-queue.ts";
import { createReminderWorker } from "../src/queue/reminder-worker.ts";
import { loadRoundReminderState, planForRound } from "../src/queue/round-reminder-state.ts";
import { FakeBotApi } from "./support/fake-bot-api.ts";
import { createRound, createTestRedis, deleteKeys, REDIS_URL, seedReminderWorld } from "./support/reminder-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { workerSending } from "./support/outbound.ts";

let db: TestDatabase;
let redis: Redis;
let queue: ReminderQueue;
let fake: FakeBotApi;
const prefix = `test-${randomUUID()}`;
const children: ChildProcess[] = [];

async function until<T>(probe: () => Promise<T | undefined | false | null>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

function startWorkerProcess(offsetMs: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), resolve(import.meta.dirname, "support/reminder-worker-process.ts")], {
    env: {
      PATH: process.env.PATH ?? "",
      DATABASE_URL: db.url,
      REDIS_URL,
      PREFIX: prefix,
      BOT_API_ROOT: fake.apiRoot,
      CLOCK_OFFSET_MS: String(offsetMs),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stderr!.on("data", (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk) => String(chunk).includes("ready") && resolve(child));
    child.on("exit", (code) => reject(new Error(`worker exited (${code}) before it was ready: ${output}`)));
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  redis = createTestRedis();
  fake = new FakeBotApi();
  await fake.start();
  queue = createReminderQueue({ connection: redis, prefix });
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await queue.close();
  await fake.stop();
  await deleteKeys(redis, prefix);
  redis.disconnect();
  await db.drop();
});

describe("crash and data loss", () => {
  it("a worker killed in the middle of a batch and restarted sends every reminder exactly once", { timeout: 45_000 }, async () => {
    const world = await seedReminderWorld(db.prisma, { units: 20, secretaries: 2 });
    const roundId = await createRound(db.prisma, world, { deadline: new Date("2024-10-10T10:00:00Z") });
    const slot = new Date("2024-10-09T01:00:00Z");
    const offsetMs = slot.getTime() - 300 - Date.now();
    const planned = await planRoundReminders(db.prisma, queue, roundId, new Date(Date.now() + offsetMs));
    const due = planned.added.filter((id) => id.includes("_before-1_") || id.includes("_digest-before-1_"));
    expect(due).toHaveLength(21);

    // The 8th message reaches "Telegram", and the worker dies before it hears the answer:
    // the worst moment, since the message is out but not confirmed.
    let first: ChildProcess | undefined;
    const killed = new Promise<void>((resolve) => {
      fake.respond = async (call) => {
        if (call.method === "sendMessage" && fake.callsOf("sendMessage").length === 8 && first?.exitCode === null) {
          first.kill("SIGKILL");
          await new Promise((r) => first!.once("exit", r));
          resolve();
        }
        return undefined;
      };
    });
    first = await startWorkerProcess(offsetMs);
    await killed;
    fake.respond = undefined;
    const beforeRestart = fake.callsOf("sendMessage").length;
    expect(beforeRestart).toBe(8);

    const second = await startWorkerProcess(offsetMs);
    await until(async () => {
      const states = await Promise.all(due.map((id) => queue.getJobState(id)));
      return states.every((s) => s === "completed");
    });
    second.kill("SIGTERM");

    const chats = fake.callsOf("sendMessage").map((c) => String(c.payload.chat_id));
    const expected = [...world.reporters.values()].flat().concat(world.secretaries).map((p) => p.telegramId.toString());
    expect(chats.sort()).toEqual(expected.sort());
    expect(new Set(chats).size).toBe(chats.length);
    // The log agrees: 22 sends, one of them marked as not confirmed by the killed worker.
    const logs = await db.prisma.reminderLog.findMany({ where: { roundId, outcome: "SENT" } });
    expect(logs).toHaveLength(22);
    expect(logs.filter((r) => r.sentAt === null).map((r) => r.detail)).toEqual(["not confirmed: the worker stopped during the send; not repeated"]);
    await db.prisma.round.update({ where: { id: roundId }, data: { status: "CLOSED" } });
    await planRoundReminders(db.prisma, queue, roundId);
  });

  it("Redis loses the queue while the worker runs: the reconciler brings back exactly the planned jobs", { timeout: 30_000 }, async () => {
    const ownPrefix = `test-${randomUUID()}`;
    const own = createReminderQueue({ connection: redis, prefix: ownPrefix });
    const world = await seedReminderWorld(db.prisma, { units: 4 });
    const roundId = await createRound(db.prisma, world, { deadline: new Date("2024-10-10T10:00:00Z") });
    const fakeNow = new Date("2024-09-30T03:00:00Z");
    const offsetMs = fakeNow.getTime() - Date.now();
    const reminders = createReminderWorker({
      connection: redis,
      prisma: db.prisma,
      ...workerSending(db.prisma, redis, ownPrefix, new Api("123456:TEST", { apiRoot: fake.apiRoot })),
      prefix: ownPrefix,
      now: () => new Date(Date.now() + offsetMs),
      reconcileEveryMs: 500,
    });
    try {
      const ids = async () => [...new Set((await own.getRanges(["delayed", "waiting", "prioritized"], 0, -1)).filter((id) => parseReminderJobId(id)?.roundId === roundId))].sort();
      const state = await loadRoundReminderState(db.prisma, roundId);
      const expected = planForRound(state!, await loadWorkingCalendar(db.prisma), new Date(Date.now() + offsetMs)).map((p) => p.jobId).sort();
      expect(expected).toHaveLength(4 * 9 + 2);

      // The worker's reconciler plans the open round on its own.
      await until(async () => JSON.stringify(await ids()) === JSON.stringify(expected));
      expect((await own.getJobSchedulers()).map((s) => s.key)).toContain(RECONCILE_SCHEDULER_ID);

      await deleteKeys(redis, ownPrefix);
      expect(await ids()).toEqual([]);
      await until(async () => JSON.stringify(await ids()) === JSON.stringify(expected));
      expect((await own.getJobSchedulers()).map((s) => s.key)).toContain(RECONCILE_SCHEDULER_ID);
      expect(fake.callsOf("sendMessage").filter((c) => world.unitIds.length && String(c.payload.chat_id) === world.reporters.get(world.unitIds[0]!)![0]!.telegramId.toString())).toEqual([]);
    } finally {
      await db.prisma.round.update({ where: { id: roundId }, data: { status: "CLOSED" } });
      await reminders.close();
      await own.close();
      await deleteKeys(redis, ownPrefix);
    }
  });
});
