import { Bot } from "grammy";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { BotContext } from "../src/channels/telegram/context.ts";
import type { SubmittedEvent } from "../src/conversation/conversation-service.ts";
import { formatDateTime } from "../src/conversation/format-time.ts";
import { createOfficeNotifications, type OfficeNotifications } from "../src/queue/office-notifications.ts";
import { recordApiCalls, TEST_BOT_INFO, type OutgoingCall } from "./support/bot-harness.ts";
import { answer, departmentAnswers, eventually, seedOfficeWorld, submit, TOKEN, type OfficeWorld } from "./support/office-world.ts";
import { createTestRedis, deleteKeys } from "./support/reminder-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { workerSending } from "./support/outbound.ts";
import { personByTelegramId } from "./support/people.ts";

const PREFIX = `test-office-notices-${process.pid}`;
const WINDOW_MS = 400;

describe("notices to the office when units submit", () => {
  let db: TestDatabase;
  let world: OfficeWorld;
  let office: OfficeNotifications;
  let calls: OutgoingCall[];
  /** Per chat: answers to give before sending succeeds (a 500 then a success, a 403 …). */
  const failures = new Map<number, { error_code: number; description: string }[]>();
  const redis = createTestRedis();

  const event = (unitIndex: number, resubmitted = false): SubmittedEvent => {
    const unit = world.units[unitIndex]!;
    return { submissionId: unit.submissionId, roundId: world.roundId, unitId: unit.id, personId: unit.reporterId, resubmitted, at: new Date() };
  };
  const noticesTo = (chatId: number) => calls.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chatId).map((c) => String(c.payload.text));

  beforeAll(async () => {
    db = await createTestDatabase();
    world = await seedOfficeWorld(db.prisma, { units: ["Văn phòng Sở", "Thanh tra Sở", "Phòng Quản lý khoa học", "Chi đoàn Sở"], secretaries: 3 });
    for (const unit of world.units) {
      await answer(db.prisma, unit, departmentAnswers(unit.name));
      await submit(db.prisma, unit);
    }
    const bot = new Bot<BotContext>(TOKEN, { botInfo: TEST_BOT_INFO });
    const recorder = recordApiCalls(bot, (call) => {
      const queued = failures.get(Number(call.payload.chat_id));
      const failure = queued?.shift();
      return failure ? { ok: false, ...failure } : undefined;
    });
    calls = recorder.calls;
    office = createOfficeNotifications({ connection: redis, prefix: PREFIX, windowMs: WINDOW_MS, jobOptions: { backoff: { type: "fixed", delay: 100 } } });
    // TZ_REPORTS of the deployment is UTC here; the stored organisation's zone (Asia/Ho_Chi_Minh) is the one shown.
    office.startWorker({ prisma: db.prisma, send: workerSending(db.prisma, redis, PREFIX, bot.api, { pace: { perChatMs: 0 } }).send, defaultTimeZone: "UTC", defaultLocale: "vi" });
  });
  beforeEach(() => {
    calls.splice(0);
  });
  afterAll(async () => {
    await office?.close();
    await deleteKeys(redis, PREFIX);
    redis.disconnect();
    await db?.drop();
  });

  it("a burst is one pending job for the round, and one message per secretary when the window ends", async () => {
    const first = event(0);
    await office.onSubmitted(first);
    await office.onSubmitted(event(1));
    await office.onSubmitted(event(2, true));
    const pending = await office.queue.getDelayed();
    expect(pending.map((j) => j.id)).toEqual([expect.stringMatching(new RegExp(`^office-notify_r${world.roundId}_\\d+$`))]);
    for (const s of world.secretaries) {
      const [text] = await eventually(() => (noticesTo(s.telegramId).length ? noticesTo(s.telegramId) : undefined));
      expect(text).toContain("3 đơn vị vừa gửi");
      expect(text).toContain(`• Văn phòng Sở — đã nộp lúc ${formatDateTime(first.at, "Asia/Ho_Chi_Minh", "vi")}`);
      expect(text).toContain("• Phòng Quản lý khoa học — đã sửa và nộp lại lúc");
      expect(text).toContain("Hiện đã nộp 4/4 đơn vị.");
    }
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
    expect(calls.filter((c) => c.method === "sendMessage")).toHaveLength(3);
  });

  it("an event after the window closed opens the next window; a unit changing its report after submitting still counts as submitted", async () => {
    await office.onSubmitted(event(3));
    await office.onSubmitted(event(1, true));
    // Thanh tra Sở edits an answer before the window ends: the office keeps the version it submitted.
    await answer(db.prisma, world.units[1]!, { complaints_count: 2 });
    const s = world.secretaries[0]!.telegramId;
    const [text] = await eventually(() => (noticesTo(s).length ? noticesTo(s) : undefined));
    expect(text).toContain("2 đơn vị vừa gửi");
    expect(text).toContain("• Chi đoàn Sở — đã nộp lúc");
    expect(text).toContain("• Thanh tra Sở — đã sửa và nộp lại lúc");
    expect(text).toContain("Hiện đã nộp 4/4 đơn vị.");
    // The window's job is done with every secretary before the next test counts messages.
    for (const secretary of world.secretaries) await eventually(() => (noticesTo(secretary.telegramId).length ? true : undefined));
    await eventually(async () => ((await office.queue.getActiveCount()) + (await office.queue.getWaitingCount()) === 0 ? true : undefined));
  });

  it("a failed send is retried without repeating the secretaries already told; a blocked one is recorded, not retried", async () => {
    const [s1, s2, s3] = world.secretaries;
    failures.set(s2!.telegramId, [{ error_code: 500, description: "Internal Server Error" }]);
    failures.set(s3!.telegramId, [{ error_code: 403, description: "Forbidden: bot was blocked by the user" }]);
    await submit(db.prisma, world.units[1]!);
    await office.onSubmitted(event(1, true));
    await eventually(() => (noticesTo(s2!.telegramId).length >= 2 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const delivered = (chatId: number) => noticesTo(chatId).length;
    // s2: the failed attempt and the retry are both recorded calls; s1 got exactly one message.
    expect(delivered(s1!.telegramId)).toBe(1);
    expect(delivered(s2!.telegramId)).toBe(2);
    expect(delivered(s3!.telegramId)).toBe(1);
    const blocked = (await personByTelegramId(db.prisma, s3!.telegramId))!;
    expect(blocked.unreachableAt).not.toBeNull();
    expect(blocked.unreachableError).toContain("403");
    expect(await office.queue.getFailedCount()).toBe(0);
    // Each attempt records whom it told: the first attempt s1, the retry s2.
    const audits = await db.prisma.auditEvent.findMany({ where: { action: "office.notified" }, orderBy: { id: "asc" } });
    expect(audits.slice(-2).map((a) => (a.data as { recipients: number[] }).recipients)).toEqual([[s1!.id], [s2!.id]]);
  });
});
