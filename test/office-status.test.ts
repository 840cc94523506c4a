import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReminderQueue, type ReminderQueue } from "../src/queue/reminder-queue.ts";
import { callbackUpdate, textUpdate } from "./support/bot-harness.ts";
import {
  answer,
  button,
  buildOfficeBot,
  buttonsOf,
  departmentAnswers,
  lastTextTo,
  messagesTo,
  seedOfficeWorld,
  submit,
  who,
  type OfficeWorld,
} from "./support/office-world.ts";
import { createTestRedis, deleteKeys } from "./support/reminder-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { markTelegramUnreachable } from "./support/people.ts";

const PREFIX = `test-office-status-${process.pid}`;
// 10:00 in Hà Nội on the deadline day: reminders may go out.
const MORNING = new Date("2024-09-20T03:00:00Z");

describe("/status", () => {
  let db: TestDatabase;
  let world: OfficeWorld;
  let queue: ReminderQueue;
  const redis = createTestRedis();

  beforeAll(async () => {
    db = await createTestDatabase();
    world = await seedOfficeWorld(db.prisma, { units: ["Văn phòng Sở", "Thanh tra Sở", "Phòng Quản lý khoa học"] });
    queue = createReminderQueue({ connection: redis, prefix: PREFIX });
  });
  afterAll(async () => {
    await queue?.close();
    await deleteKeys(redis, PREFIX);
    redis.disconnect();
    await db?.drop();
  });

  // Zalo lets the bot write for 48 hours after a person's last message.
  const office = () => buildOfficeBot(db.prisma, { reminderQueue: queue, now: () => MORNING, windows: { zalo: 48 * 3600_000 } });
  const secretary = () => who(world.secretaries[0]!.telegramId, "Thư ký");

  it("with nothing submitted: every unit not started, all of them remindable", async () => {
    const { bot, rec } = office();
    await bot.handleUpdate(textUpdate(secretary(), "/status"));
    const text = lastTextTo(rec, secretary().id);
    expect(text).toContain("📊 Tiến độ báo cáo 9 tháng đầu năm 2024 — Kết quả thực hiện dân chủ ở cơ sở");
    expect(text).toContain("Hạn nộp: 17:00 ngày 20/09/2024");
    expect(text).toContain("Đã nộp 0/3 đơn vị");
    expect(text).toContain("1. ⏳ Văn phòng Sở — chưa bắt đầu");
    expect(text).toContain("3. ⏳ Phòng Quản lý khoa học — chưa bắt đầu");
    const labels = buttonsOf(messagesTo(rec, secretary().id).at(-1)!).map((b) => b.text);
    expect(labels).toEqual(expect.arrayContaining(["🔔 1", "🔔 2", "🔔 3", "🔔 Nhắc tất cả 3 đơn vị chưa nộp", "🔍 Duyệt báo cáo"]));
  });

  it("with some submitted: laggards first, progress and times shown", async () => {
    const [vanPhong, thanhTra] = world.units;
    await answer(db.prisma, vanPhong!, departmentAnswers("Văn phòng Sở"));
    await submit(db.prisma, vanPhong!, new Date("2024-09-18T02:30:00Z"));
    await answer(db.prisma, thanhTra!, { awareness_activities: ["Tập huấn"], complaints_count: 1 });
    const { bot, rec } = office();
    await bot.handleUpdate(textUpdate(secretary(), "/status"));
    const text = lastTextTo(rec, secretary().id);
    expect(text).toContain("Đã nộp 1/3 đơn vị (đã tiếp nhận 0) · đang trả lời 1 · chưa bắt đầu 1");
    const lines = text.split("\n").filter((l) => /^\d+\. /.test(l));
    expect(lines[0]).toBe("1. ⏳ Phòng Quản lý khoa học — chưa bắt đầu");
    expect(lines[1]).toMatch(/^2\. ✍️ Thanh tra Sở — đang trả lời 2\/10 câu, lần cuối \d\d:\d\d ngày \d\d\/\d\d\/\d{4}$/);
    expect(lines[2]).toBe("3. ✅ Văn phòng Sở — đã nộp 09:30 ngày 18/09/2024");
    const labels = buttonsOf(messagesTo(rec, secretary().id).at(-1)!).map((b) => b.text);
    expect(labels).toContain("🔔 Nhắc tất cả 2 đơn vị chưa nộp");
    expect(labels).not.toContain("🔔 3");
  });

  it("reminds one late unit, or all of them, through the reminder queue; a second press within a minute sends nothing new", async () => {
    const { bot, rec } = office();
    const s = secretary();
    await bot.handleUpdate(textUpdate(s, "/status"));
    await bot.handleUpdate(callbackUpdate(s, button(rec, s.id, "🔔 1")));
    expect(lastTextTo(rec, s.id)).toBe(
      "🔔 Đang gửi nhắc việc tới người báo cáo của Phòng Quản lý khoa học.\nTóm tắt: đang gửi 1 · không nhắn được 0 · chưa có người báo cáo 0 (đơn vị).\nTôi sẽ báo lại khi gửi xong.",
    );
    let jobs = await queue.getJobs(["waiting", "delayed", "prioritized"]);
    expect(jobs.map((j) => j.data)).toEqual([expect.objectContaining({ type: "manual", roundId: world.roundId, unitId: world.units[2]!.id, requestedBy: world.secretaries[0]!.id })]);

    await bot.handleUpdate(callbackUpdate(s, button(rec, s.id, /Nhắc tất cả/)));
    expect(lastTextTo(rec, s.id)).toBe(
      "🔔 Đang gửi nhắc việc tới 1 đơn vị chưa nộp.\n1 đơn vị khác vừa được nhắc trong vòng một phút nên không gửi lại.\nTóm tắt: đang gửi 1 · không nhắn được 0 · chưa có người báo cáo 0 (đơn vị).\nTôi sẽ báo lại khi gửi xong.",
    );
    jobs = await queue.getJobs(["waiting", "delayed", "prioritized"]);
    expect(jobs.map((j) => (j.data as { unitId: number }).unitId).sort()).toEqual([world.units[1]!.id, world.units[2]!.id].sort());
    await bot.handleUpdate(callbackUpdate(s, button(rec, s.id, /Nhắc tất cả/)));
    expect(lastTextTo(rec, s.id)).toContain("vừa được nhắc trong vòng một phút");
    expect(await queue.getJobs(["waiting", "delayed", "prioritized"])).toHaveLength(2);
    const audit = await db.prisma.auditEvent.count({ where: { action: "reminders.requested", entityId: String(world.roundId) } });
    expect(audit).toBe(2);
  });

  it("marks a unit whose reporter blocked the bot, and offers no remind button for it", async () => {
    const unit = world.units[2]!;
    await markTelegramUnreachable(db.prisma, unit.reporterId);
    const { bot, rec } = office();
    await bot.handleUpdate(textUpdate(secretary(), "/status"));
    const text = lastTextTo(rec, secretary().id);
    expect(text).toContain("1. ⏳ Phòng Quản lý khoa học — chưa bắt đầu\n   ⚠️ không nhắn được cho: Người báo cáo 3 (đã chặn hoặc bỏ quan tâm)");
    // The office's screens speak of no channel in particular.
    expect(text).toContain("⚠️ 1 đơn vị chưa nộp không nhắn được (chưa có người báo cáo, hoặc không nhắn được cho người báo cáo nào)");
    expect(text).not.toContain("Telegram");
    const labels = buttonsOf(messagesTo(rec, secretary().id).at(-1)!).map((b) => b.text);
    expect(labels).not.toContain("🔔 1");
    expect(labels).toContain("🔔 2");
    await db.prisma.channelAccount.updateMany({ where: { personId: unit.reporterId }, data: { unreachableAt: null, unreachableError: null } });
  });

  it("says who cannot be reached and why: blocked or unfollowed, or Zalo's messaging window closed; neither is offered a reminder", async () => {
    const [, thanhTra, quanLy] = world.units;
    await markTelegramUnreachable(db.prisma, quanLy!.reporterId);
    // Thanh tra Sở's reporter uses Zalo, and last wrote three days ago.
    const account = await db.prisma.channelAccount.findFirstOrThrow({ where: { personId: thanhTra!.reporterId } });
    await db.prisma.channelAccount.update({ where: { id: account.id }, data: { channel: "ZALO", externalId: `zalo-${account.id}`, lastInboundAt: new Date(MORNING.getTime() - 3 * 24 * 3600_000) } });
    try {
      const { bot, rec } = office();
      const s = secretary();
      await bot.handleUpdate(textUpdate(s, "/status"));
      const text = lastTextTo(rec, s.id);
      expect(text).toContain("⚠️ không nhắn được cho: Người báo cáo 2 (quá thời hạn Zalo cho phép nhắn tin)");
      expect(text).toContain("⚠️ không nhắn được cho: Người báo cáo 3 (đã chặn hoặc bỏ quan tâm)");
      expect(text).toContain("⚠️ 2 đơn vị chưa nộp không nhắn được");
      expect(buttonsOf(messagesTo(rec, s.id).at(-1)!).map((b) => b.text).filter((l) => l.startsWith("🔔"))).toEqual([]);
      await bot.handleUpdate(textUpdate(s, "/remind"));
      expect(lastTextTo(rec, s.id)).toContain("Tóm tắt: đang gửi 0 · không nhắn được 2 · chưa có người báo cáo 0 (đơn vị).");
    } finally {
      await db.prisma.channelAccount.update({ where: { id: account.id }, data: { channel: account.channel, externalId: account.externalId, lastInboundAt: account.lastInboundAt } });
      await db.prisma.channelAccount.updateMany({ where: { personId: quanLy!.reporterId }, data: { unreachableAt: null, unreachableError: null } });
    }
  });

  it("a reporter's /status shows only their own unit", async () => {
    const { bot, rec } = office();
    const reporter = who(world.units[1]!.reporterTelegramId, "Bình");
    await bot.handleUpdate(textUpdate(reporter, "/status"));
    const text = lastTextTo(rec, reporter.id);
    expect(text).toContain("Tình hình báo cáo của đơn vị Anh/Chị");
    expect(text).toContain("Thanh tra Sở — đang trả lời 2/10 câu");
    expect(text).not.toContain("Văn phòng Sở");
    expect(text).not.toContain("Phòng Quản lý khoa học");
    expect(buttonsOf(messagesTo(rec, reporter.id).at(-1)!)).toEqual([]);
  });

  it("a reporter cannot press the office's buttons, nor compile, review or export", async () => {
    const { bot: officeBot, rec: officeRec } = office();
    await officeBot.handleUpdate(textUpdate(secretary(), "/status"));
    const remindAll = button(officeRec, secretary().id, /Nhắc tất cả/);
    const { bot, rec } = office();
    const reporter = who(world.units[0]!.reporterTelegramId, "An");
    for (const command of ["/compile", "/review", "/export"]) {
      await bot.handleUpdate(textUpdate(reporter, command));
      expect(lastTextTo(rec, reporter.id)).toContain("Chức năng này dành cho Văn phòng");
    }
    await bot.handleUpdate(callbackUpdate(reporter, remindAll));
    const refusal = rec.calls.find((c) => c.method === "answerCallbackQuery");
    expect(refusal?.payload).toMatchObject({ show_alert: true, text: expect.stringContaining("dành cho Văn phòng") });
    expect(rec.calls.some((c) => c.method === "sendDocument")).toBe(false);
    expect(await db.prisma.compiledReport.count()).toBe(0);
  });

  it("with every unit submitted: all in, nothing to remind", async () => {
    for (const unit of world.units.slice(1)) {
      await answer(db.prisma, unit, departmentAnswers(unit.name));
      await submit(db.prisma, unit);
    }
    const { bot, rec } = office();
    await bot.handleUpdate(textUpdate(secretary(), "/status"));
    const text = lastTextTo(rec, secretary().id);
    expect(text).toContain("Đã nộp 3/3 đơn vị");
    expect(text).not.toContain("⏳");
    expect(text.split("\n").filter((l) => l.includes("✅"))).toHaveLength(3);
    const labels = buttonsOf(messagesTo(rec, secretary().id).at(-1)!).map((b) => b.text);
    expect(labels.some((l) => l.startsWith("🔔"))).toBe(false);
  });

  it("a forged button changes nothing", async () => {
    const { bot, rec } = office();
    await bot.handleUpdate(callbackUpdate(secretary(), `o1:ra:${world.roundId.toString(36)}:AAAAAAAA`));
    expect(rec.calls.find((c) => c.method === "answerCallbackQuery")?.payload).toMatchObject({ show_alert: true });
    expect(rec.calls.filter((c) => c.method === "sendMessage")).toHaveLength(0);
  });
});

describe("/status with 60 units", () => {
  let db: TestDatabase;
  let world: OfficeWorld;

  beforeAll(async () => {
    db = await createTestDatabase();
    const units = Array.from({ length: 60 }, (_, i) => `Trung tâm Ứng dụng tiến bộ khoa học và công nghệ cơ sở số ${String(i + 1).padStart(2, "0")}`);
    world = await seedOfficeWorld(db.prisma, { units });
    for (const unit of world.units.filter((_, i) => i % 4 === 0)) {
      await answer(db.prisma, unit, departmentAnswers(unit.name));
      await submit(db.prisma, unit);
    }
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("pages the table within Telegram's limit; the page buttons walk through every unit once", async () => {
    const { bot, rec } = buildOfficeBot(db.prisma, { now: () => MORNING });
    const s = who(world.secretaries[0]!.telegramId);
    await bot.handleUpdate(textUpdate(s, "/status"));
    const seen: string[] = [];
    const pages: string[] = [];
    for (;;) {
      const message = messagesTo(rec, s.id).at(-1)!;
      const text = String(message.payload.text);
      pages.push(text);
      expect(text.length).toBeLessThanOrEqual(4096);
      seen.push(...[...text.matchAll(/cơ sở số (\d\d)/g)].map((m) => m[1]!));
      const next = buttonsOf(message).find((b) => b.text === "Trang sau ▶️");
      if (!next) break;
      await bot.handleUpdate(callbackUpdate(s, next.data, Number(message.payload.message_id ?? 1)));
      // The page is redrawn in place.
      expect(rec.calls.at(-1)!.method).toBe("editMessageText");
    }
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain("Trang 1/3");
    expect(pages[2]).toContain("Trang 3/3");
    expect(pages.every((p) => p.includes("Đã nộp 15/60 đơn vị"))).toBe(true);
    expect(seen.sort()).toEqual(Array.from({ length: 60 }, (_, i) => String(i + 1).padStart(2, "0")));
    // Without a reminder queue the buttons still show; the late units are on the first pages.
    expect(pages[0]).toContain("⏳");
    expect(pages[2]).toContain("✅");
    // Back to the previous page.
    await bot.handleUpdate(callbackUpdate(s, button(rec, s.id, "◀️ Trang trước")));
    expect(lastTextTo(rec, s.id)).toContain("Trang 2/3");
  });
});
