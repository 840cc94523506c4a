import { randomUUID } from "node:crypto";
import { Api } from "grammy";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planRoundReminders } from "../src/queue/plan-round-reminders.ts";
import { remindNow } from "../src/queue/remind-now.ts";
import { createReminderQueue, type ReminderQueue } from "../src/queue/reminder-queue.ts";
import { createReminderWorker, type ReminderWorker } from "../src/queue/reminder-worker.ts";
import { FakeBotApi, type FakeReply, type RecordedCall } from "./support/fake-bot-api.ts";
import { createRound, createTestRedis, deleteKeys, seedReminderWorld } from "./support/reminder-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { workerSending } from "./support/outbound.ts";
import { personByTelegramId } from "./support/people.ts";

let db: TestDatabase;
let redis: Redis;
let queue: ReminderQueue;
let fake: FakeBotApi;
let reminders: ReminderWorker;
const prefix = `test-${randomUUID()}`;

// The worker's clock: real time shifted so that a planned 2024 morning is "now" in the test.
let offsetMs = 0;
const now = () => new Date(Date.now() + offsetMs);
/** Moves the clock so that `instant` is `leadMs` ahead; returns the shifted now. */
function setClockBefore(instant: Date, leadMs: number): Date {
  offsetMs = instant.getTime() - leadMs - Date.now();
  return now();
}

let respond: ((call: RecordedCall) => FakeReply | undefined) | undefined;

async function until<T>(probe: () => Promise<T | undefined | false | null>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const sendsTo = (telegramId: bigint) => fake.callsOf("sendMessage").filter((c) => String(c.payload.chat_id) === telegramId.toString());

beforeAll(async () => {
  db = await createTestDatabase();
  redis = createTestRedis();
  fake = new FakeBotApi({ respond: (call) => respond?.(call) });
  await fake.start();
  // Short retry backoff so the retry test does not wait for the production 10 s.
  queue = createReminderQueue({ connection: redis, prefix, jobOptions: { attempts: 3, backoff: { type: "fixed", delay: 100 } } });
  reminders = createReminderWorker({
    connection: redis,
    prisma: db.prisma,
    ...workerSending(db.prisma, redis, prefix, new Api("123456:TEST", { apiRoot: fake.apiRoot }), { now }),
    prefix,
    now,
    reconcileEveryMs: false,
    formLink: async (personId, roundId) => `https://tonghop.example.gov.vn/form/p${personId}-r${roundId}`,
  });
  await reminders.worker.waitUntilReady();
});

afterAll(async () => {
  await reminders.close();
  await queue.close();
  await fake.stop();
  await deleteKeys(redis, prefix);
  redis.disconnect();
  await db.drop();
});

describe("reminder worker", () => {
  it("sends a due reminder to every reporter and the digest to every secretary, skips a unit that has submitted, logs all", { timeout: 20_000 }, async () => {
    const world = await seedReminderWorld(db.prisma, { units: 3, reportersPerUnit: 2, secretaries: 2 });
    const roundId = await createRound(db.prisma, world, { deadline: new Date("2024-10-10T10:00:00Z") });
    // 300 ms before Wednesday 09/10 08:00 local: before-1 and digest-before-1 are due.
    const start = setClockBefore(new Date("2024-10-09T01:00:00Z"), 300);
    await planRoundReminders(db.prisma, queue, roundId, start);
    const [u1, u2, u3] = world.unitIds;
    // Unit 3 submits after planning; its job must notice when it fires.
    await db.prisma.submission.update({ where: { roundId_unitId: { roundId, unitId: u3! } }, data: { status: "SUBMITTED" } });

    const logs = await until(async () => {
      const rows = await db.prisma.reminderLog.findMany({ where: { roundId }, orderBy: { id: "asc" } });
      return rows.length >= 7 && rows.every((r) => r.outcome !== "SENT" || r.sentAt) ? rows : undefined;
    });
    const sent = logs.filter((r) => r.outcome === "SENT");
    expect(sent).toHaveLength(6);
    expect(logs.filter((r) => r.outcome === "SKIPPED")).toEqual([
      expect.objectContaining({ unitId: u3, kind: "before-1", personId: null, detail: "submission is submitted" }),
    ]);
    for (const unitId of [u1!, u2!]) {
      for (const reporter of world.reporters.get(unitId)!) {
        const calls = sendsTo(reporter.telegramId);
        expect(calls).toHaveLength(1);
        expect(calls[0]!.payload.text).toContain("Nhắc việc: Anh/Chị vui lòng hoàn thành báo cáo 9 tháng đầu năm 2024");
        expect(calls[0]!.payload.text).toContain("(còn 1 ngày làm việc)");
        // The reporter's own link to the round's web form, besides the button that opens the question in chat.
        const buttons = (calls[0]!.payload.reply_markup as { inline_keyboard: { text: string; url?: string }[][] }).inline_keyboard.flat();
        expect(buttons.find((b) => b.url)).toEqual({ text: "📝 Mở trang báo cáo", url: `https://tonghop.example.gov.vn/form/p${reporter.id}-r${roundId}` });
      }
    }
    for (const reporter of world.reporters.get(u3!)!) expect(sendsTo(reporter.telegramId)).toEqual([]);
    for (const secretary of world.secretaries) {
      const calls = sendsTo(secretary.telegramId);
      expect(calls).toHaveLength(1);
      expect(calls[0]!.payload.text).toContain("1/3 đơn vị đã nộp; chưa nộp: Phòng 1, Phòng 2.");
      expect(JSON.stringify(calls[0]!.payload.reply_markup)).not.toContain("/form/");
    }
    // Later reminders stay queued for their mornings.
    expect(await queue.getJobState(`r${roundId}_u${u1}_deadline_202410100800`)).toBe("delayed");
    await db.prisma.round.update({ where: { id: roundId }, data: { status: "CLOSED" } });
    await planRoundReminders(db.prisma, queue, roundId, now());
  });

  it("is paced by the channel's shared send budget alone: no job limiter of its own holds reminders below it", () => {
    expect(reminders.worker.opts.limiter).toBeUndefined();
  });

  it("429 with retry_after: the job waits and then succeeds, sent once", { timeout: 20_000 }, async () => {
    const world = await seedReminderWorld(db.prisma, { units: 1 });
    const roundId = await createRound(db.prisma, world, { deadline: new Date("2024-10-10T10:00:00Z") });
    const chat = world.reporters.get(world.unitIds[0]!)![0]!.telegramId.toString();
    let refused = 0;
    respond = (call) => {
      if (call.method === "sendMessage" && String(call.payload.chat_id) === chat && refused++ === 0) {
        return { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } };
      }
      return undefined;
    };
    try {
      const result = await remindNow(db.prisma, queue, roundId, null, setClockBefore(new Date("2024-10-03T07:00:00Z"), 0));
      const jobId = result.queued[0]!;
      await until(async () => (await queue.getJobState(jobId)) === "completed");
      const calls = fake.callsOf("sendMessage").filter((c) => String(c.payload.chat_id) === chat);
      expect(calls).toHaveLength(2);
      expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
      expect(calls[1]!.payload.text).toContain("Văn phòng nhắc");
      const rows = await db.prisma.reminderLog.findMany({ where: { jobId } });
      expect(rows).toEqual([expect.objectContaining({ outcome: "SENT", sentAt: expect.any(Date) })]);
      // The rate-limited try did not use up an attempt: only the successful one counts.
      expect((await queue.getJob(jobId))!.attemptsMade).toBe(1);
    } finally {
      respond = undefined;
    }
  });

  it("403: the person is marked unreachable, not retried, and named in the next digest", { timeout: 20_000 }, async () => {
    const world = await seedReminderWorld(db.prisma, { units: 2 });
    const roundId = await createRound(db.prisma, world, { deadline: new Date("2024-10-10T10:00:00Z") });
    const blocked = world.reporters.get(world.unitIds[0]!)![0]!;
    respond = (call) =>
      call.method === "sendMessage" && String(call.payload.chat_id) === blocked.telegramId.toString()
        ? { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" }
        : undefined;
    try {
      const result = await remindNow(db.prisma, queue, roundId, null, setClockBefore(new Date("2024-10-03T07:00:00Z"), 0));
      const jobId = result.queued.find((id) => id.includes(`_u${world.unitIds[0]}_`))!;
      await until(async () => (await queue.getJobState(jobId)) === "failed");
      const job = (await queue.getJob(jobId))!;
      expect(job.attemptsMade).toBe(1);
      expect(sendsTo(blocked.telegramId)).toHaveLength(1);
      const person = (await personByTelegramId(db.prisma, blocked.telegramId))!;
      expect(person.unreachableAt).toBeInstanceOf(Date);
      expect(person.unreachableError).toBe("403 Forbidden: bot was blocked by the user");
      expect(await db.prisma.reminderLog.findMany({ where: { jobId } })).toEqual([
        expect.objectContaining({ outcome: "BLOCKED", personId: blocked.id, detail: "403 Forbidden: bot was blocked by the user" }),
      ]);

      // The digest tells the office; the unreachable person gets nothing more.
      const start = setClockBefore(new Date("2024-10-09T01:00:00Z"), 300);
      await planRoundReminders(db.prisma, queue, roundId, start);
      const digest = await until(async () => world.secretaries.map((s) => sendsTo(s.telegramId)).flat()[0]);
      expect(digest.payload.text).toContain("0/2 đơn vị đã nộp");
      expect(digest.payload.text).toContain("Không nhắn được cho: Người báo cáo 1.1 (Phòng 1). Họ đã chặn hoặc bỏ quan tâm");
      const skipped = await until(() =>
        db.prisma.reminderLog.findFirst({ where: { roundId, unitId: world.unitIds[0]!, kind: "before-1", outcome: "SKIPPED" } }),
      );
      expect(skipped.detail).toBe("no reachable reporter");
      expect(sendsTo(blocked.telegramId)).toHaveLength(1);
      await db.prisma.round.update({ where: { id: roundId }, data: { status: "CLOSED" } });
      await planRoundReminders(db.prisma, queue, roundId, now());
    } finally {
      respond = undefined;
    }
  });

  it("other failures are retried with backoff and end in the log as FAILED when they persist", { timeout: 20_000 }, async () => {
    const world = await seedReminderWorld(db.prisma, { units: 2 });
    const roundId = await createRound(db.prisma, world, { deadline: new Date("2024-10-10T10:00:00Z") });
    const flaky = world.reporters.get(world.unitIds[0]!)![0]!.telegramId.toString();
    const broken = world.reporters.get(world.unitIds[1]!)![0]!.telegramId.toString();
    let flakyCalls = 0;
    respond = (call) => {
      if (call.method !== "sendMessage") return undefined;
      if (String(call.payload.chat_id) === flaky && flakyCalls++ === 0) return { ok: false, error_code: 502, description: "Bad Gateway" };
      if (String(call.payload.chat_id) === broken) return { ok: false, error_code: 500, description: "Internal Server Error" };
      return undefined;
    };
    try {
      const result = await remindNow(db.prisma, queue, roundId, null, setClockBefore(new Date("2024-10-03T07:00:00Z"), 0));
      const [flakyJob, brokenJob] = result.queued;
      await until(async () => (await queue.getJobState(flakyJob!)) === "completed" && (await queue.getJobState(brokenJob!)) === "failed");
      expect(fake.callsOf("sendMessage").filter((c) => String(c.payload.chat_id) === flaky)).toHaveLength(2);
      expect(await db.prisma.reminderLog.findMany({ where: { jobId: flakyJob } })).toEqual([expect.objectContaining({ outcome: "SENT" })]);
      expect(fake.callsOf("sendMessage").filter((c) => String(c.payload.chat_id) === broken)).toHaveLength(3);
      expect(await db.prisma.reminderLog.findMany({ where: { jobId: brokenJob } })).toEqual([
        expect.objectContaining({ outcome: "FAILED", detail: "500 Internal Server Error" }),
      ]);
    } finally {
      respond = undefined;
    }
  });

  it("a reminder that fires hours after its time (worker was down) is skipped, not sent at the wrong time", { timeout: 20_000 }, async () => {
    const world = await seedReminderWorld(db.prisma, { units: 1 });
    const roundId = await createRound(db.prisma, world, { deadline: new Date("2024-10-10T10:00:00Z") });
    const slot = new Date("2024-10-09T01:00:00Z");
    // Planned 200 ms ahead, but the worker's clock says it is 4 hours later when it runs.
    await planRoundReminders(db.prisma, queue, roundId, new Date(slot.getTime() - 200));
    setClockBefore(new Date(slot.getTime() + 4 * 3600_000), 0);
    const rows = await until(async () => {
      const found = await db.prisma.reminderLog.findMany({ where: { roundId } });
      return found.length >= 2 ? found : undefined;
    });
    expect(rows.map((r) => r.outcome)).toEqual(["SKIPPED", "SKIPPED"]);
    expect(rows[0]!.detail).toMatch(/min after its planned time/);
    expect(sendsTo(world.reporters.get(world.unitIds[0]!)![0]!.telegramId)).toEqual([]);
    await db.prisma.round.update({ where: { id: roundId }, data: { status: "CLOSED" } });
    await planRoundReminders(db.prisma, queue, roundId, now());
  });
});
