import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseReminderJobId } from "../src/domain/reminders/reminder-job-id.ts";
import { loadBundledTemplate } from "../src/report/bundled-templates.ts";
import { loadWorkingCalendar, seedHolidays } from "../src/queue/holidays.ts";
import { createReminderQueue, type ReminderQueue } from "../src/queue/reminder-queue.ts";
import { loadRoundReminderState, planForRound } from "../src/queue/round-reminder-state.ts";
import { saveAnswer } from "../src/submissions/save-answer.ts";
import { Api } from "grammy";
import type { Outbound } from "../src/queue/outbound.ts";
import { callbackUpdate, recordApiCalls, textUpdate } from "./support/bot-harness.ts";
import { testOutbound } from "./support/outbound.ts";
import { button, buildOfficeBot, buttonsOf, departmentAnswers, eventually, lastTextTo, messagesTo, TOKEN, who, type Recorder } from "./support/office-world.ts";
import { createTestRedis, deleteKeys } from "./support/reminder-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

// Monday 30/09/2024, 10:00 in Hà Nội.
const NOW = new Date("2024-09-30T03:00:00Z");
const PREFIX = `test-rounds-bot-${randomUUID()}`;

type Person = { id: number; telegramId: number };

describe("rounds in the bot: /newround, /rounds, /remind and re-planning", () => {
  let db: TestDatabase;
  let queue: ReminderQueue;
  const redis = createTestRedis();
  let bot: ReturnType<typeof buildOfficeBot>["bot"];
  let rec: Recorder;
  let secretary: Person;
  const units: Record<string, { id: number; reporter?: Person }> = {};
  let roundId: number;
  let telegramIds = 9_300_000;
  let outbound: Outbound;

  async function person(name: string, role: "SECRETARY" | "REPORTER", unitId?: number): Promise<Person> {
    const telegramId = telegramIds++;
    const row = await db.prisma.person.create({ data: { accounts: { create: { channel: "TELEGRAM", externalId: String(BigInt(telegramId)) } }, name, memberships: { create: { role, unitId: unitId ?? null } } } });
    return { id: row.id, telegramId };
  }

  async function queuedIds(): Promise<string[]> {
    const ids = await queue.getRanges(["delayed", "waiting", "prioritized"], 0, -1);
    return ids.filter((id) => parseReminderJobId(id)?.roundId === roundId).sort();
  }

  async function expectedIds(): Promise<string[]> {
    const state = await loadRoundReminderState(db.prisma, roundId);
    return planForRound(state!, await loadWorkingCalendar(db.prisma), NOW)
      .map((p) => p.jobId)
      .sort();
  }

  const s = () => who(secretary.telegramId, "Thư ký");
  const reporterOf = (name: string) => who(units[name]!.reporter!.telegramId, name);
  const press = (from: ReturnType<typeof who>, label: string | RegExp) => bot.handleUpdate(callbackUpdate(from, button(rec, from.id, label)));
  const type = (from: ReturnType<typeof who>, text: string) => bot.handleUpdate(textUpdate(from, text));

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedHolidays(db.prisma);
    queue = createReminderQueue({ connection: redis, prefix: PREFIX });
    const org = await db.prisma.organisation.create({
      data: {
        name: "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        shortName: "Sở Khoa học và Công nghệ",
        parentName: "UBND TỈNH HƯNG YÊN",
        symbol: "SKHCN",
        place: "Hưng Yên",
        signerTitle: "PHÓ GIÁM ĐỐC",
        signerName: "Nguyễn Văn A",
        recipients: ["Ủy ban nhân dân tỉnh"],
      },
    });
    const specs: [string, string, boolean, boolean][] = [
      // name, kind, active, has a reporter
      ["Văn phòng Sở", "department", true, true],
      ["Thanh tra Sở", "department", true, true],
      ["Công đoàn cơ sở", "trade_union", true, true],
      ["Chi đoàn Sở", "youth_union", true, false],
      ["Tổ lái xe", "other", true, true],
      ["Phòng đã giải thể", "department", false, true],
    ];
    for (const [i, [name, kind, active, hasReporter]] of specs.entries()) {
      const unit = await db.prisma.unit.create({ data: { organisationId: org.id, code: `dv-${i}`, name, kind, order: i + 1, active } });
      units[name] = { id: unit.id, reporter: hasReporter ? await person(`Người báo cáo ${name}`, "REPORTER", unit.id) : undefined };
    }
    secretary = await person("Thư ký", "SECRETARY");
    // Notices to many people go through the queue, paced; here recorded with the bot's own calls.
    const noticeApi = new Api(TOKEN);
    outbound = testOutbound(db.prisma, redis, PREFIX, noticeApi, { pace: { perChatMs: 0, perSecond: 1000 }, now: () => NOW });
    outbound.startNoticeWorker();
    ({ bot, rec } = buildOfficeBot(db.prisma, { reminderQueue: queue, now: () => NOW, notices: outbound.notices }));
    recordApiCalls({ api: noticeApi }, undefined, rec.calls);
  });

  afterAll(async () => {
    await outbound?.close();
    await queue?.close();
    await deleteKeys(redis, PREFIX);
    redis.disconnect();
    await db?.drop();
  });

  it("a reporter cannot open a round", async () => {
    const reporter = reporterOf("Văn phòng Sở");
    await type(reporter, "/newround");
    expect(lastTextTo(rec, reporter.id)).toContain("Chức năng này dành cho Văn phòng");
    await type(reporter, "/rounds");
    expect(lastTextTo(rec, reporter.id)).toContain("Chức năng này dành cho Văn phòng");
    expect(await db.prisma.round.count()).toBe(0);
  });

  it("the secretary opens '9 tháng đầu năm 2024': submissions for the asked units, reporters prompted, reminders planned", async () => {
    await type(s(), "/newround");
    expect(lastTextTo(rec, s().id)).toContain("Bước 1. Anh/Chị chọn mẫu báo cáo");
    await press(s(), loadBundledTemplate("dan-chu-co-so").name.vi);
    await press(s(), "9 tháng");
    // Suggested from today's date: this year's and last year's.
    const suggestions = buttonsOf(messagesTo(rec, s().id).at(-1)!).map((b) => b.text);
    expect(suggestions).toEqual(["9 tháng đầu năm 2024", "9 tháng đầu năm 2023", "📅 Kỳ khác…", "✖️ Hủy"]);
    await press(s(), "9 tháng đầu năm 2024");
    expect(lastTextTo(rec, s().id)).toContain("Bước 3. Anh/Chị gõ hạn nộp theo dạng ngày/tháng/năm, ví dụ 20/9/2024 (hạn là 17:00 ngày đó), hoặc kèm giờ, ví dụ 20/9/2024 16:30.");

    await type(s(), "5/9/2024");
    expect(lastTextTo(rec, s().id)).toContain("Hạn nộp 17:00 ngày 05/09/2024 đã qua");
    await type(s(), "31/9/2024");
    expect(lastTextTo(rec, s().id)).toContain("không có trên lịch");
    await type(s(), "mười tháng mười");
    expect(lastTextTo(rec, s().id)).toContain("Tôi chưa hiểu “mười tháng mười” là ngày nào. Anh/Chị gõ theo dạng ngày/tháng/năm, ví dụ 20/9/2024 hoặc 20/9/2024 16:30.");
    // No year: the next 10 October from today (30/9/2024).
    await type(s(), "10/10");
    expect(lastTextTo(rec, s().id)).toContain("Hạn nộp: Thứ Năm, 10/10/2024 lúc 17:00.");
    expect(lastTextTo(rec, s().id)).not.toContain("⚠️");

    await type(s(), "Công văn số 09-CV/BCĐ ngày 10/9/2024 của Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở.");
    expect(lastTextTo(rec, s().id)).toContain("- Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở\n- Ban Dân vận Tỉnh ủy");
    await press(s(), "✅ Giữ nguyên");

    const summary = lastTextTo(rec, s().id);
    expect(summary).toContain("• Kỳ báo cáo: 9 tháng đầu năm 2024");
    expect(summary).toContain("• Hạn nộp: Thứ Năm, 10/10/2024 lúc 17:00");
    expect(summary).not.toContain("ngày nghỉ");
    expect(summary).toContain("• Văn bản yêu cầu: Công văn số 09-CV/BCĐ ngày 10/9/2024 của Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở\n");
    expect(summary).toContain("• Đơn vị được hỏi: 4 đơn vị");
    expect(summary).toContain("1 đơn vị chưa có người báo cáo: Chi đoàn Sở");
    const confirm = button(rec, s().id, "✅ Mở kỳ báo cáo");
    await bot.handleUpdate(callbackUpdate(s(), confirm));

    const round = await db.prisma.round.findFirstOrThrow({ include: { submissions: true } });
    roundId = round.id;
    expect(round).toMatchObject({
      status: "OPEN",
      periodKind: "NINE_MONTHS",
      periodYear: 2024,
      periodNumber: 1,
      deadline: new Date("2024-10-10T10:00:00Z"),
      openedAt: NOW,
      createdById: secretary.id,
      requestDocument: "Công văn số 09-CV/BCĐ ngày 10/9/2024 của Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở",
      recipients: ["Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở", "Ban Dân vận Tỉnh ủy"],
    });
    // The units the template asks, active ones only; "other" kinds are asked nothing.
    const asked = ["Văn phòng Sở", "Thanh tra Sở", "Công đoàn cơ sở", "Chi đoàn Sở"].map((n) => units[n]!.id).sort();
    expect(round.submissions.map((x) => x.unitId).sort()).toEqual(asked);

    for (const name of ["Văn phòng Sở", "Thanh tra Sở", "Công đoàn cơ sở"]) {
      await eventually(() => (messagesTo(rec, reporterOf(name).id).some((c) => String(c.payload.text).includes("📣 Kỳ báo cáo 9 tháng đầu năm 2024 đã mở.")) ? true : undefined));
    }
    expect(messagesTo(rec, units["Tổ lái xe"]!.reporter!.telegramId)).toEqual([]);
    expect(messagesTo(rec, units["Phòng đã giải thể"]!.reporter!.telegramId)).toEqual([]);

    const told = messagesTo(rec, s().id).map((c) => String(c.payload.text)).find((text) => text.startsWith("✅ Đã mở kỳ báo cáo"))!;
    expect(told).toContain("✅ Đã mở kỳ báo cáo 9 tháng đầu năm 2024 — Kết quả thực hiện dân chủ ở cơ sở.");
    expect(told).toContain("Đã tạo báo cáo cho 4 đơn vị.");
    expect(told).toContain("📣 Đang gửi thông báo mở kỳ tới 3 người báo cáo; tôi sẽ báo lại khi gửi xong.");
    // The confirmation comes at once; how the notices went follows when the last one is sent.
    await eventually(() => (lastTextTo(rec, s().id) === "📣 Đã gửi thông báo mở kỳ tới 3/3 người báo cáo." ? true : undefined));
    expect(told).toContain("1 đơn vị chưa có người báo cáo: Chi đoàn Sở.");
    // 4 units × (before-7, before-3, before-1, deadline, 5 overdue) + 2 office digests.
    expect(told).toContain("Đã lên lịch 38 lượt nhắc việc");

    const ids = await queuedIds();
    expect(ids).toHaveLength(38);
    expect(ids).toEqual(await expectedIds());
    const vp = units["Văn phòng Sở"]!.id;
    expect(ids).toContain(`r${roundId}_u${vp}_before-7_202410010800`);
    expect(ids).toContain(`r${roundId}_u${vp}_deadline_202410100800`);
    expect(ids).toContain(`r${roundId}_office_digest-deadline_202410100800`);
    expect((await queue.getJob(`r${roundId}_u${vp}_before-7_202410010800`))!.delay).toBe(new Date("2024-10-01T01:00:00Z").getTime() - NOW.getTime());

    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "round.opened" } });
    expect(audit).toMatchObject({ actorId: secretary.id, entityType: "Round", entityId: String(roundId) });

    // The summary's button again: nothing more is opened.
    await bot.handleUpdate(callbackUpdate(s(), confirm));
    expect(await db.prisma.round.count()).toBe(1);
    // A second round for the same report and period is refused.
    await type(s(), "/newround");
    await press(s(), loadBundledTemplate("dan-chu-co-so").name.vi);
    await press(s(), "9 tháng");
    await press(s(), "📅 Kỳ khác…");
    expect(buttonsOf(messagesTo(rec, s().id).at(-1)!).map((b) => b.text)).toEqual(["9 tháng đầu năm 2023", "9 tháng đầu năm 2024", "9 tháng đầu năm 2025", "✖️ Hủy"]);
    // Said as soon as the period is chosen, before anything more is typed.
    await press(s(), "9 tháng đầu năm 2024");
    expect(lastTextTo(rec, s().id)).toContain(
      `⚠️ Kỳ báo cáo này đã được mở rồi: 9 tháng đầu năm 2024 — ${loadBundledTemplate("dan-chu-co-so").name.vi}, hạn nộp Thứ Năm, 10/10/2024 lúc 17:00.`,
    );
    expect(lastTextTo(rec, s().id)).toContain("Bước 2. Anh/Chị chọn năm của kỳ báo cáo");
    await press(s(), "✖️ Hủy");
    expect(lastTextTo(rec, s().id)).toBe("Đã hủy; chưa có kỳ báo cáo nào được mở.");
    expect(await db.prisma.round.count()).toBe(1);
  });

  it("moving the deadline moves the jobs (none doubled); closing removes them all and freezes answers; reopening plans them again", async () => {
    const before = await queuedIds();
    await type(s(), "/rounds");
    const list = lastTextTo(rec, s().id);
    expect(list).toContain("1. 🟢 9 tháng đầu năm 2024 — Kết quả thực hiện dân chủ ở cơ sở");
    expect(list).toContain("đang nhận báo cáo · hạn nộp Thứ Năm, 10/10/2024 lúc 17:00 · đã nộp 0/4 đơn vị");

    await press(s(), "1. ⏰ Dời hạn");
    expect(lastTextTo(rec, s().id)).toContain("hạn nộp hiện tại Thứ Năm, 10/10/2024 lúc 17:00");
    expect(lastTextTo(rec, s().id)).toContain("ví dụ 15/10/2024 16:30");
    await type(s(), "17/10/2024 16:30");
    // Shown with its weekday for confirmation; nothing moves yet.
    const confirmation = lastTextTo(rec, s().id);
    expect(confirmation).toContain("• Hạn hiện tại: Thứ Năm, 10/10/2024 lúc 17:00\n• Hạn mới: Thứ Năm, 17/10/2024 lúc 16:30");
    expect(confirmation).toContain("Người báo cáo của 4 đơn vị chưa nộp sẽ được báo hạn mới");
    expect(confirmation).not.toContain("⚠️");
    expect((await db.prisma.round.findUniqueOrThrow({ where: { id: roundId } })).deadline).toEqual(new Date("2024-10-10T10:00:00Z"));
    expect(await queuedIds()).toEqual(before);
    await press(s(), "✅ Dời hạn");
    const moved = lastTextTo(rec, s().id);
    expect(moved).toContain(`Đã dời hạn nộp kỳ báo cáo 9 tháng đầu năm 2024 — ${loadBundledTemplate("dan-chu-co-so").name.vi} từ Thứ Năm, 10/10/2024 lúc 17:00 sang Thứ Năm, 17/10/2024 lúc 16:30`);
    expect(moved).toContain("📅 Đang báo hạn mới tới 3 người báo cáo của các đơn vị chưa nộp");
    expect((await db.prisma.round.findUniqueOrThrow({ where: { id: roundId } })).deadline).toEqual(new Date("2024-10-17T09:30:00Z"));
    // The reporters of the units that have not submitted hear of it through the queue; the secretary hears how that went.
    for (const name of ["Văn phòng Sở", "Thanh tra Sở", "Công đoàn cơ sở"]) {
      await eventually(() => (messagesTo(rec, reporterOf(name).id).some((c) => String(c.payload.text).includes(`📅 Hạn nộp báo cáo 9 tháng đầu năm 2024 của ${name} đã được Văn phòng dời sang 16:30 ngày 17/10/2024.`)) ? true : undefined));
    }
    await eventually(() => (lastTextTo(rec, s().id) === "📅 Đã báo hạn mới tới 3/3 người báo cáo của các đơn vị chưa nộp." ? true : undefined));
    // Pressed again, the confirmation changes nothing more.
    await bot.handleUpdate(callbackUpdate(s(), button(rec, s().id, "✅ Dời hạn")));
    expect(await db.prisma.auditEvent.count({ where: { action: "round.deadline-moved" } })).toBe(1);
    const jobs = await queuedIds();
    expect(jobs).toEqual(await expectedIds());
    expect(new Set(jobs).size).toBe(jobs.length);
    expect(jobs).toHaveLength(38);
    const vp = units["Văn phòng Sở"]!.id;
    expect(jobs).toContain(`r${roundId}_u${vp}_deadline_202410170800`);
    expect(jobs).not.toContain(`r${roundId}_u${vp}_deadline_202410100800`);
    expect(jobs).not.toEqual(before);
    // The typed date was taken once: the next text is not a deadline; nor after /cancel.
    await type(s(), "20/10/2024");
    await press(s(), "1. ⏰ Dời hạn");
    await type(s(), "/cancel");
    await type(s(), "21/10/2024");
    expect((await db.prisma.round.findUniqueOrThrow({ where: { id: roundId } })).deadline).toEqual(new Date("2024-10-17T09:30:00Z"));

    // A reporter who has started answering…
    const reporter = reporterOf("Công đoàn cơ sở");
    await press(reporter, "▶️ Bắt đầu trả lời");
    expect(lastTextTo(rec, reporter.id)).toContain("Câu 1/");

    await type(s(), "/rounds");
    await press(s(), "1. 🔒 Đóng");
    expect(lastTextTo(rec, s().id)).toContain("Anh/Chị đóng kỳ báo cáo 9 tháng đầu năm 2024");
    await press(s(), "🔒 Đóng kỳ báo cáo");
    const closed = await db.prisma.round.findUniqueOrThrow({ where: { id: roundId } });
    expect(closed.status).toBe("CLOSED");
    expect(closed.closedAt).toEqual(NOW);
    expect(lastTextTo(rec, s().id)).toContain("🔒 Đã đóng kỳ báo cáo 9 tháng đầu năm 2024 — Kết quả thực hiện dân chủ ở cơ sở; đã bỏ 38 lượt nhắc việc đang chờ.");
    expect(await queuedIds()).toEqual([]);

    // … can no longer change anything.
    await type(reporter, "Công đoàn phối hợp tổ chức hội nghị cán bộ, công chức.");
    expect(lastTextTo(rec, reporter.id)).toBe("Kỳ báo cáo này đã đóng; không thể thay đổi câu trả lời nữa.");
    expect(await db.prisma.answer.count()).toBe(0);

    await type(s(), "/rounds");
    expect(lastTextTo(rec, s().id)).toContain("1. 🔒 9 tháng đầu năm 2024");
    await press(s(), "1. 🔓 Mở lại");
    const reopened = await db.prisma.round.findUniqueOrThrow({ where: { id: roundId } });
    expect(reopened).toMatchObject({ status: "OPEN", closedAt: null });
    expect(lastTextTo(rec, s().id)).toContain("🔓 Đã mở lại kỳ báo cáo");
    expect(await queuedIds()).toEqual(jobs);

    const actions = (await db.prisma.auditEvent.findMany({ where: { entityType: "Round", entityId: String(roundId) }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["round.opened", "round.deadline-moved", "round.closed", "round.reopened"]);
  });

  it("a unit that submits loses its pending reminders; returned, it gets them back", async () => {
    const tt = units["Thanh tra Sở"]!;
    const submission = await db.prisma.submission.findUniqueOrThrow({ where: { roundId_unitId: { roundId, unitId: tt.id } } });
    for (const [questionKey, value] of Object.entries(departmentAnswers("Thanh tra Sở"))) {
      const saved = await saveAnswer(db.prisma, { submissionId: submission.id, questionKey, value: value as never, skipped: false, authorId: tt.reporter!.id, source: "typed" });
      expect(saved.ok).toBe(true);
    }
    const ofUnit = (ids: string[]) => ids.filter((id) => parseReminderJobId(id)?.unitId === tt.id);
    expect(ofUnit(await queuedIds())).toHaveLength(9);

    const reporter = reporterOf("Thanh tra Sở");
    await type(reporter, "/report");
    await press(reporter, "📋 Xem lại");
    await press(reporter, "📤 Nộp báo cáo");
    expect(lastTextTo(rec, reporter.id)).toMatch(/Đã nộp báo cáo/);
    expect(ofUnit(await queuedIds())).toEqual([]);
    expect(await queuedIds()).toEqual(await expectedIds());
    expect(await queuedIds()).toHaveLength(29);

    await type(s(), "/review");
    await press(s(), /Thanh tra Sở/);
    await press(s(), "🔁 Trả lại để bổ sung…");
    await press(s(), /^⬜ 1\. /);
    await press(s(), /Tiếp tục \(1 câu\)/);
    await type(s(), "Đề nghị bổ sung kết quả lãnh đạo, chỉ đạo.");
    expect(lastTextTo(rec, s().id)).toContain("Đã trả lại 1 câu cho Thanh tra Sở");
    expect(ofUnit(await queuedIds())).toHaveLength(9);
    expect(await queuedIds()).toEqual(await expectedIds());
  });

  it("/remind reminds every unit that has not submitted and has a reporter; twice within a minute queues once", async () => {
    await type(s(), "/remind");
    // Chi đoàn Sở has nobody to remind: named, not counted.
    const told = lastTextTo(rec, s().id);
    expect(told).toContain("🔔 Đang gửi nhắc việc tới 3 đơn vị chưa nộp.");
    expect(told).toContain("⚠️ 1 đơn vị chưa có người báo cáo: Chi đoàn Sở.");
    expect(told).toContain("Tóm tắt: đang gửi 3 · không nhắn được 0 · chưa có người báo cáo 1 (đơn vị).");
    await type(s(), "/remind");
    expect(lastTextTo(rec, s().id)).toContain("vừa được nhắc trong vòng một phút");
    const manual = (await queue.getRanges(["waiting", "delayed", "prioritized"], 0, -1)).filter((id) => parseReminderJobId(id)?.kind === "manual");
    expect(new Set(manual).size).toBe(3);
    expect(manual.map((id) => parseReminderJobId(id)?.unitId)).not.toContain(units["Chi đoàn Sở"]!.id);
    expect(await db.prisma.auditEvent.count({ where: { action: "reminders.requested" } })).toBe(1);

    const reporter = reporterOf("Văn phòng Sở");
    await type(reporter, "/remind");
    expect(lastTextTo(rec, reporter.id)).toContain("Chức năng này dành cho Văn phòng");
  });

  it("moving the deadline again: a date typed without a year is the next such date; a unit that submitted is not told", async () => {
    const vp = units["Văn phòng Sở"]!;
    await db.prisma.submission.update({ where: { roundId_unitId: { roundId, unitId: vp.id } }, data: { status: "SUBMITTED", submittedAt: NOW } });
    const toldOf = (name: string) => messagesTo(rec, reporterOf(name).id).filter((c) => String(c.payload.text).includes("ngày 24/10/2024")).length;

    await type(s(), "/rounds");
    await press(s(), "1. ⏰ Dời hạn");
    await type(s(), "24/10 16:30");
    const confirmation = lastTextTo(rec, s().id);
    expect(confirmation).toContain("• Hạn mới: Thứ Năm, 24/10/2024 lúc 16:30");
    expect(confirmation).toContain("Người báo cáo của 3 đơn vị chưa nộp sẽ được báo hạn mới");
    await press(s(), "✅ Dời hạn");
    expect((await db.prisma.round.findUniqueOrThrow({ where: { id: roundId } })).deadline).toEqual(new Date("2024-10-24T09:30:00Z"));
    await eventually(() => (lastTextTo(rec, s().id) === "📅 Đã báo hạn mới tới 2/2 người báo cáo của các đơn vị chưa nộp." ? true : undefined));
    expect(toldOf("Thanh tra Sở")).toBe(1);
    expect(toldOf("Công đoàn cơ sở")).toBe(1);
    // The unit that submitted has nothing left to do by the deadline: its reporter hears nothing.
    expect(toldOf("Văn phòng Sở")).toBe(0);
  });
});
