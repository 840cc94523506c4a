import type { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOfficeNotifications, type OfficeNotifications, type OfficeNotifyJob } from "../src/queue/office-notifications.ts";
import { saveAnswer } from "../src/submissions/save-answer.ts";
import { callbackUpdate, textUpdate } from "./support/bot-harness.ts";
import {
  answer,
  button,
  buildOfficeBot,
  buttonsOf,
  departmentAnswers,
  eventually,
  lastTextTo,
  messagesTo,
  seedOfficeWorld,
  submit,
  who,
  type OfficeWorld,
  type Recorder,
} from "./support/office-world.ts";
import { createTestRedis, deleteKeys } from "./support/reminder-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { workerSending } from "./support/outbound.ts";

const PREFIX = `test-office-review-${process.pid}`;
// Long enough for two reporters to submit through the bot within one window, also on a loaded machine.
const WINDOW_MS = 3000;

/** Texts to a chat that match, in order. */
function textsMatching(rec: Recorder, chatId: number, pattern: RegExp): string[] {
  return messagesTo(rec, chatId)
    .map((c) => String(c.payload.text))
    .filter((text) => pattern.test(text));
}

describe("the review loop: return → re-answer → resubmit → accept → locked", () => {
  let db: TestDatabase;
  let world: OfficeWorld;
  let office: OfficeNotifications;
  let worker: Worker<OfficeNotifyJob>;
  let bot: ReturnType<typeof buildOfficeBot>["bot"];
  let rec: Recorder;
  const redis = createTestRedis();

  beforeAll(async () => {
    db = await createTestDatabase();
    world = await seedOfficeWorld(db.prisma, { units: ["Văn phòng Sở", "Thanh tra Sở", "Phòng Quản lý khoa học"], secretaries: 2 });
    office = createOfficeNotifications({ connection: redis, prefix: PREFIX, windowMs: WINDOW_MS });
    ({ bot, rec } = buildOfficeBot(db.prisma, { officeNotices: office }));
    worker = office.startWorker({ prisma: db.prisma, send: workerSending(db.prisma, redis, PREFIX, bot.api, { pace: { perChatMs: 0 } }).send, defaultTimeZone: "Asia/Ho_Chi_Minh", defaultLocale: "vi" });
    // Every answer stored; each unit only has to look at the preview and submit.
    for (const unit of world.units) await answer(db.prisma, unit, departmentAnswers(unit.name));
  });
  afterAll(async () => {
    await office?.close();
    await deleteKeys(redis, PREFIX);
    redis.disconnect();
    await db?.drop();
  });

  const s1 = () => who(world.secretaries[0]!.telegramId, "Hà");
  const s2 = () => who(world.secretaries[1]!.telegramId, "Lan");
  const reporterOf = (i: number) => who(world.units[i]!.reporterTelegramId, `Người báo cáo ${i + 1}`);

  /** The reporter submits through the conversation: /report shows the preview, then the submit button. */
  async function submitThroughBot(i: number): Promise<void> {
    const reporter = reporterOf(i);
    await bot.handleUpdate(textUpdate(reporter, "/report"));
    // The optional questions left open: go to the preview, then submit.
    await bot.handleUpdate(callbackUpdate(reporter, button(rec, reporter.id, "📋 Xem lại")));
    await bot.handleUpdate(callbackUpdate(reporter, button(rec, reporter.id, "📤 Nộp báo cáo")));
    expect(lastTextTo(rec, reporter.id)).toMatch(/Đã nộp( lại)? báo cáo/);
  }

  it("units submitting at once reach each secretary as one message", async () => {
    await submitThroughBot(0);
    await submitThroughBot(1);
    // Nothing before the window ends.
    expect(textsMatching(rec, s1().id, /vừa gửi/)).toEqual([]);
    const notice = await eventually(() => textsMatching(rec, s1().id, /vừa gửi/)[0]);
    expect(notice).toContain("📥 Báo cáo 9 tháng đầu năm 2024 — Kết quả thực hiện dân chủ ở cơ sở: 2 đơn vị vừa gửi");
    expect(notice).toMatch(/• Văn phòng Sở — đã nộp lúc \d\d:\d\d ngày/);
    expect(notice).toMatch(/• Thanh tra Sở — đã nộp lúc/);
    expect(notice).toContain("Hiện đã nộp 2/3 đơn vị.");
    await eventually(() => textsMatching(rec, s2().id, /vừa gửi/)[0]);
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 200));
    expect(textsMatching(rec, s1().id, /vừa gửi/)).toHaveLength(1);
    expect(textsMatching(rec, s2().id, /vừa gửi/)).toHaveLength(1);
    expect(await db.prisma.auditEvent.count({ where: { action: "office.notified" } })).toBe(1);
  });

  it("the secretary opens a unit's answers from the notice and returns one answer with a comment", async () => {
    const s = s1();
    await bot.handleUpdate(callbackUpdate(s, button(rec, s.id, "🔍 Văn phòng Sở")));
    const view = lastTextTo(rec, s.id);
    expect(view).toContain("📄 Văn phòng Sở — báo cáo 9 tháng đầu năm 2024");
    expect(view).toContain("Tình trạng: Đã nộp");
    expect(view).toContain("Văn phòng Sở công khai kế hoạch công tác năm trên Cổng thông tin điện tử");

    await bot.handleUpdate(callbackUpdate(s, button(rec, s.id, "🔁 Trả lại để bổ sung…")));
    expect(lastTextTo(rec, s.id)).toContain("Chọn các câu cần Văn phòng Sở bổ sung");
    await bot.handleUpdate(callbackUpdate(s, button(rec, s.id, /^⬜ 4\. /)));
    expect(buttonsOf(messagesTo(rec, s.id).at(-1)!).map((b) => b.text)).toContain("➡️ Tiếp tục (1 câu)");
    await bot.handleUpdate(callbackUpdate(s, button(rec, s.id, "➡️ Tiếp tục (1 câu)")));
    expect(lastTextTo(rec, s.id)).toContain("Anh/Chị nhập ý kiến gửi Văn phòng Sở về câu 4 (tối đa");
    await bot.handleUpdate(textUpdate(s, "   "));
    expect(lastTextTo(rec, s.id)).toContain("Ý kiến không được để trống");
    await bot.handleUpdate(textUpdate(s, "Đề nghị ghi rõ số đơn thư, kể cả đơn nặc danh."));
    expect(lastTextTo(rec, s.id)).toBe("🔁 Đã trả lại 1 câu cho Văn phòng Sở và báo cho 1 người báo cáo. Tôi sẽ báo Anh/Chị khi đơn vị nộp lại.");

    const submission = await db.prisma.submission.findUniqueOrThrow({ where: { id: world.units[0]!.submissionId } });
    expect(submission).toMatchObject({ status: "RETURNED", returnedQuestionKeys: ["complaints_count"], returnComment: "Đề nghị ghi rõ số đơn thư, kể cả đơn nặc danh.", returnedById: world.secretaries[0]!.id });
  });

  it("the reporter is told what was returned and why, answers it again and resubmits", async () => {
    const reporter = reporterOf(0);
    const told = lastTextTo(rec, reporter.id);
    expect(told).toContain("🔁 Văn phòng đề nghị Văn phòng Sở bổ sung báo cáo 9 tháng đầu năm 2024");
    expect(told).toContain("• Câu 4: ");
    expect(told).toContain("Ý kiến của Văn phòng: Đề nghị ghi rõ số đơn thư, kể cả đơn nặc danh.");

    // Other answers are locked while only question 4 is returned.
    const other = await saveAnswer(db.prisma, { submissionId: world.units[0]!.submissionId, questionKey: "results", value: ["x"], skipped: false, authorId: world.units[0]!.reporterId, source: "typed" });
    expect(other).toEqual({ ok: false, reason: "not-returned" });

    await bot.handleUpdate(callbackUpdate(reporter, button(rec, reporter.id, "✏️ Bổ sung ngay")));
    const question = lastTextTo(rec, reporter.id);
    expect(question).toContain("Câu 4/10");
    // The office's comment once on the screen, not twice.
    expect(question.split("Đề nghị ghi rõ số đơn thư").length - 1).toBe(1);
    await bot.handleUpdate(textUpdate(reporter, "2"));
    await bot.handleUpdate(callbackUpdate(reporter, button(rec, reporter.id, "📤 Nộp báo cáo")));
    expect(lastTextTo(rec, reporter.id)).toContain("Đã nộp lại báo cáo của Văn phòng Sở");
    const submission = await db.prisma.submission.findUniqueOrThrow({ where: { id: world.units[0]!.submissionId }, include: { answers: true } });
    expect(submission.status).toBe("SUBMITTED");
    expect(submission.answers.find((a) => a.questionKey === "complaints_count")?.value).toBe(2);
  });

  it("the secretaries are told the unit answered the return", async () => {
    const notice = await eventually(() => textsMatching(rec, s1().id, /bổ sung theo ý kiến/)[0]);
    expect(notice).toContain("1 đơn vị vừa gửi");
    expect(notice).toMatch(/• Văn phòng Sở — đã bổ sung theo ý kiến của Văn phòng và nộp lại lúc/);
    await eventually(() => textsMatching(rec, s2().id, /bổ sung theo ý kiến/)[0]);
  });

  it("the secretary accepts; the reporter is told and can no longer change anything", async () => {
    const s = s1();
    await bot.handleUpdate(callbackUpdate(s, button(rec, s.id, "🔍 Văn phòng Sở")));
    expect(lastTextTo(rec, s.id)).toContain("Đề nghị ghi rõ số đơn thư");
    await bot.handleUpdate(callbackUpdate(s, button(rec, s.id, "✅ Tiếp nhận")));
    expect(lastTextTo(rec, s.id)).toContain("✅ Đã tiếp nhận báo cáo của Văn phòng Sở.");
    const reporter = reporterOf(0);
    expect(lastTextTo(rec, reporter.id)).toContain("Văn phòng đã tiếp nhận báo cáo 9 tháng đầu năm 2024 của Văn phòng Sở");

    const refused = await saveAnswer(db.prisma, { submissionId: world.units[0]!.submissionId, questionKey: "complaints_count", value: 5, skipped: false, authorId: world.units[0]!.reporterId, source: "typed" });
    expect(refused).toEqual({ ok: false, reason: "accepted" });
    await bot.handleUpdate(textUpdate(reporter, "/report"));
    expect(lastTextTo(rec, reporter.id)).toContain("đã được Văn phòng tiếp nhận");
    expect(buttonsOf(messagesTo(rec, reporter.id).at(-1)!).some((b) => b.text === "📤 Nộp báo cáo")).toBe(false);

    // The secretary's view: locked, no accept button; returning it again stays possible.
    const view = messagesTo(rec, s.id).at(-1)!;
    expect(String(view.payload.text)).toContain("Tình trạng: Đã tiếp nhận");
    const labels = buttonsOf(view).map((b) => b.text);
    expect(labels).not.toContain("✅ Tiếp nhận");
    expect(labels).toContain("🔁 Trả lại để bổ sung…");
  });

  it("a stale accept button (the report changed since it was shown) is refused", async () => {
    const s = s2();
    await bot.handleUpdate(textUpdate(s, "/review"));
    expect(lastTextTo(rec, s.id)).toContain("Chờ Văn phòng xem: 1 báo cáo");
    await bot.handleUpdate(callbackUpdate(s, button(rec, s.id, /Thanh tra Sở/)));
    const accept = button(rec, s.id, "✅ Tiếp nhận");
    // The unit changes an answer after the secretary opened it.
    await answer(db.prisma, world.units[1]!, { complaints_count: 4 });
    await bot.handleUpdate(callbackUpdate(s, accept));
    // Said on the button, and above the latest version of the answers, shown again in its place.
    expect(rec.calls.filter((c) => c.method === "answerCallbackQuery").at(-1)!.payload).toMatchObject({ text: expect.stringContaining("vừa thay đổi") });
    expect(lastTextTo(rec, s.id)).toMatch(/^Báo cáo vừa thay đổi sau khi Anh\/Chị mở; đây là bản mới nhất/);
    // Still submitted, now being changed: the office keeps the submitted version until it comes again.
    expect(await db.prisma.submission.findUniqueOrThrow({ where: { id: world.units[1]!.submissionId } })).toMatchObject({
      status: "SUBMITTED",
      editedAfterSubmitAt: expect.any(Date),
    });
  });

  it("/cancel while the comment is awaited returns nothing; the next text is not taken as a comment", async () => {
    await submit(db.prisma, world.units[2]!);
    const s = s2();
    await bot.handleUpdate(textUpdate(s, "/review"));
    await bot.handleUpdate(callbackUpdate(s, button(rec, s.id, /Phòng Quản lý khoa học/)));
    await bot.handleUpdate(callbackUpdate(s, button(rec, s.id, "🔁 Trả lại để bổ sung…")));
    await bot.handleUpdate(callbackUpdate(s, button(rec, s.id, /^⬜ 5\. /)));
    await bot.handleUpdate(callbackUpdate(s, button(rec, s.id, /Tiếp tục \(1 câu\)/)));
    await bot.handleUpdate(textUpdate(s, "/cancel"));
    expect(lastTextTo(rec, s.id)).toContain("Đã dừng");
    await bot.handleUpdate(textUpdate(s, "Bổ sung số liệu"));
    expect(lastTextTo(rec, s.id)).not.toContain("Đã trả lại");
    expect((await db.prisma.submission.findUniqueOrThrow({ where: { id: world.units[2]!.submissionId } })).status).toBe("SUBMITTED");
  });

  it("every step is in the audit log", async () => {
    const events = await db.prisma.auditEvent.findMany({
      where: { entityType: "Submission", entityId: String(world.units[0]!.submissionId) },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true, data: true },
    });
    expect(events.map((e) => e.action)).toEqual([
      "submission.submitted",
      "submission.returned",
      "submission.reporters-notified",
      "submission.resubmitted",
      "submission.accepted",
      "submission.reporters-notified",
    ]);
    expect(events[1]).toMatchObject({ actorId: world.secretaries[0]!.id, data: expect.objectContaining({ questionKeys: ["complaints_count"], comment: "Đề nghị ghi rõ số đơn thư, kể cả đơn nặc danh." }) });
    expect(events[3]).toMatchObject({ actorId: world.units[0]!.reporterId, data: expect.objectContaining({ wasReturned: true }) });
    expect(await db.prisma.auditEvent.count({ where: { action: "office.notified", entityId: String(world.roundId) } })).toBe(2);
    expect(worker.isRunning()).toBe(true);
  });
});
