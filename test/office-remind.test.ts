import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../src/channels/telegram/create-bot.ts";
import { createReminderQueue, type ReminderQueue } from "../src/queue/reminder-queue.ts";
import { createReminderWorker, type ReminderWorker } from "../src/queue/reminder-worker.ts";
import { callbackUpdate, recordApiCalls, TEST_BOT_INFO, textUpdate, type OutgoingCall } from "./support/bot-harness.ts";
import { botDeps } from "./support/bot-deps.ts";
import { button, buttonsOf, eventually, lastTextTo, messagesTo, seedOfficeWorld, TOKEN, who, type OfficeWorld, type Recorder } from "./support/office-world.ts";
import { workerSending } from "./support/outbound.ts";
import { markTelegramUnreachable } from "./support/people.ts";
import { createTestRedis, deleteKeys } from "./support/reminder-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const PREFIX = `test-office-remind-${process.pid}`;

/**
 * /remind and the progress table's remind choices count only the units someone can be reached in, name the
 * others, and tell the secretary how the reminders went once the queue has sent them.
 */
describe("reminding late units", () => {
  let db: TestDatabase;
  let world: OfficeWorld;
  let queue: ReminderQueue;
  let reminders: ReminderWorker;
  let bot: ReturnType<typeof createBot>;
  let rec: Recorder;
  const redis = createTestRedis();
  // Friday 20/09/2024, 10:00 in Hà Nội; the deadline is 15 days later. Moved on by each test (one-minute dedupe).
  let clock = new Date("2024-09-20T03:00:00Z");
  const now = () => clock;
  /** Chats whose Bot API answers 403 (the person blocked the bot since). */
  const blocked = new Set<number>();

  beforeAll(async () => {
    db = await createTestDatabase();
    world = await seedOfficeWorld(db.prisma, {
      units: ["Văn phòng Sở", "Thanh tra Sở", "Phòng Quản lý khoa học", "Phòng Kế hoạch - Tài chính", "Chi đoàn Sở", "Công đoàn cơ sở"],
      deadline: new Date("2024-10-05T10:00:00Z"),
    });
    // Only Văn phòng Sở's reporter can be reached: Thanh tra Sở's blocked the bot, the other four units have nobody.
    await markTelegramUnreachable(db.prisma, world.units[1]!.reporterId);
    await db.prisma.membership.updateMany({ where: { unitId: { in: world.units.slice(2).map((u) => u.id) } }, data: { revokedAt: new Date("2024-09-01T00:00:00Z") } });
    queue = createReminderQueue({ connection: redis, prefix: PREFIX });
    bot = createBot(TOKEN, { botInfo: TEST_BOT_INFO, deps: botDeps(db.prisma, { reminderQueue: queue, now }) });
    const forbidden = (call: OutgoingCall) =>
      call.method === "sendMessage" && blocked.has(Number(call.payload.chat_id)) ? { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" } : undefined;
    rec = recordApiCalls(bot, forbidden);
    reminders = createReminderWorker({
      connection: redis,
      prisma: db.prisma,
      ...workerSending(db.prisma, redis, PREFIX, bot.api, { pace: { perChatMs: 0 }, now }),
      prefix: PREFIX,
      now,
      reconcileEveryMs: false,
      seedHolidaysIfEmpty: false,
    });
  });
  afterAll(async () => {
    await reminders?.close();
    await queue?.close();
    await deleteKeys(redis, PREFIX);
    redis.disconnect();
    await db?.drop();
  });

  const secretary = () => who(world.secretaries[0]!.telegramId, "Thư ký");
  const textsTo = (chatId: number) => messagesTo(rec, chatId).map((c) => String(c.payload.text));
  const manualJobs = async () => (await queue.getJobs(["waiting", "delayed", "prioritized", "active", "completed", "failed"])).filter((j) => j.data.type === "manual");

  it("/remind queues only the unit whose reporter can be reached, names the others, and ends with the counts", { timeout: 30_000 }, async () => {
    const s = secretary();
    await bot.handleUpdate(textUpdate(s, "/remind"));
    const told = lastTextTo(rec, s.id);
    expect(told).toContain("🔔 Đang gửi nhắc việc tới 1 đơn vị chưa nộp.");
    expect(told).toContain("⚠️ Không nhắn được cho 1 đơn vị: Thanh tra Sở (người báo cáo đã chặn hoặc bỏ quan tâm");
    expect(told).toContain("⚠️ 4 đơn vị chưa có người báo cáo: Phòng Quản lý khoa học, Phòng Kế hoạch - Tài chính, Chi đoàn Sở, Công đoàn cơ sở.");
    expect(told).toContain("Tóm tắt: đang gửi 1 · không nhắn được 1 · chưa có người báo cáo 4 (đơn vị).");
    expect(told).toContain("Tôi sẽ báo lại khi gửi xong.");
    expect((await manualJobs()).map((j) => (j.data as { unitId: number }).unitId)).toEqual([world.units[0]!.id]);

    // The queue sends it; then the secretary hears how it went.
    const reporter = world.units[0]!.reporterTelegramId;
    const reminder = await eventually(() => textsTo(reporter).find((text) => text.includes("Văn phòng nhắc")), 15_000);
    expect(reminder).toContain("Văn phòng Sở");
    const report = await eventually(() => textsTo(s.id).find((text) => text.startsWith("🔔 Đã gửi xong nhắc việc")), 15_000);
    expect(report).toContain("🔔 Đã gửi xong nhắc việc kỳ báo cáo 9 tháng đầu năm 2024 — Kết quả thực hiện dân chủ ở cơ sở: nhắn được tới 1/1 đơn vị.");
    expect(report).toContain("Tổng kết: đã nhắn 1 · không nhắn được 1 · chưa có người báo cáo 4 (đơn vị).");
    expect(await db.prisma.auditEvent.count({ where: { action: "reminders.requested" } })).toBe(1);
  });

  it("a reporter who blocked the bot since is found out when sending: the report names the unit", { timeout: 30_000 }, async () => {
    clock = new Date(clock.getTime() + 5 * 60_000);
    blocked.add(world.units[0]!.reporterTelegramId);
    const s = secretary();
    await bot.handleUpdate(textUpdate(s, "/status"));
    await bot.handleUpdate(callbackUpdate(s, button(rec, s.id, "🔔 Nhắc tất cả 1 đơn vị chưa nộp")));
    expect(lastTextTo(rec, s.id)).toContain("Tóm tắt: đang gửi 1 · không nhắn được 1 · chưa có người báo cáo 4 (đơn vị).");
    const report = await eventually(() => textsTo(s.id).filter((text) => text.startsWith("🔔 Đã gửi xong nhắc việc"))[1], 15_000);
    expect(report).toContain("nhắn được tới 0/1 đơn vị.");
    expect(report).toContain("⚠️ Không nhắn được cho 1 đơn vị: Văn phòng Sở");
    expect(report).toContain("Tổng kết: đã nhắn 0 · không nhắn được 2 · chưa có người báo cáo 4 (đơn vị).");
  });

  it("with nobody to remind, 15 days before the deadline: no remind choice, and /remind says why, with the counts", async () => {
    clock = new Date(clock.getTime() + 5 * 60_000);
    await db.prisma.membership.updateMany({ where: { unitId: { in: world.units.slice(0, 2).map((u) => u.id) } }, data: { revokedAt: clock } });
    const before = (await manualJobs()).length;
    const s = secretary();
    await bot.handleUpdate(textUpdate(s, "/status"));
    const labels = buttonsOf(messagesTo(rec, s.id).at(-1)!).map((b) => b.text);
    expect(labels.filter((l) => l.startsWith("🔔"))).toEqual([]);
    expect(lastTextTo(rec, s.id)).toContain("⚠️ 6 đơn vị chưa nộp không nhắn được");

    await bot.handleUpdate(textUpdate(s, "/remind"));
    const told = lastTextTo(rec, s.id);
    expect(told).toContain("Không đơn vị chưa nộp nào nhắn được lúc này, nên tôi không gửi nhắc việc nào.");
    expect(told).toContain("⚠️ 6 đơn vị chưa có người báo cáo: Văn phòng Sở, Thanh tra Sở,");
    expect(told).toContain("Tóm tắt: đang gửi 0 · không nhắn được 0 · chưa có người báo cáo 6 (đơn vị).");
    expect(told).not.toContain("Đang gửi nhắc việc");
    expect(await manualJobs()).toHaveLength(before);
  });
});
