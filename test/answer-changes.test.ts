// Changing answers already given, through the bot: a list answered again keeps its items unless the
// person chooses to replace them, a return asking for more adds, a submitted report changed afterwards
// stays the one the office compiles until it is submitted again, and a long message the messenger split
// ends up as one answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportRoundAnswers } from "../src/office/answers-export.ts";
import { returnSubmission } from "../src/office/review-service.ts";
import { loadRoundReminderState } from "../src/queue/round-reminder-state.ts";
import { compileRound } from "../src/report/compile-round.ts";
import { callbackUpdate, textUpdate } from "./support/bot-harness.ts";
import { bodyParagraphs } from "./support/docx-xml.ts";
import { answer, button, buildOfficeBot, departmentAnswers, lastTextTo, seedOfficeWorld, submit, who, type OfficeWorld } from "./support/office-world.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

async function compiledText(db: TestDatabase, roundId: number): Promise<string> {
  const compiled = await compileRound(db.prisma, { roundId });
  return (await bodyParagraphs(compiled.bytes)).join("\n");
}

describe("changing answers already given", () => {
  let db: TestDatabase;
  let world: OfficeWorld;
  let bot: ReturnType<typeof buildOfficeBot>["bot"];
  let rec: ReturnType<typeof buildOfficeBot>["rec"];
  const reporter = (i: number) => who(world.units[i]!.reporterTelegramId, `Người báo cáo ${i + 1}`);
  const say = (i: number, text: string, date?: number) => {
    const update = textUpdate(reporter(i), text);
    if (date !== undefined) (update.message as { date: number }).date = date;
    return bot.handleUpdate(update);
  };
  const press = (i: number, label: string | RegExp) => bot.handleUpdate(callbackUpdate(reporter(i), button(rec, reporter(i).id, label)));
  const reply = (i: number) => lastTextTo(rec, reporter(i).id);
  const stored = async (i: number, key: string) =>
    (await db.prisma.answer.findUnique({ where: { submissionId_questionKey: { submissionId: world.units[i]!.submissionId, questionKey: key } } }))?.value;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Thanh tra Sở is a department; the other two are asked the office's questions (the leadership texts among them).
    world = await seedOfficeWorld(db.prisma, { units: ["Thanh tra Sở", { name: "Văn phòng Sở", kind: "office" }, { name: "Phòng Quản lý khoa học", kind: "office" }] });
    ({ bot, rec } = buildOfficeBot(db.prisma));
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("a list answered again from the preview asks “add or replace” with both lists shown; added items reach the report", async () => {
    await answer(db.prisma, world.units[0]!, departmentAnswers("Thanh tra Sở"));
    await say(0, "/report");
    await press(0, "📋 Xem lại");
    await press(0, "✏️ 1");
    expect(reply(0)).toContain("Câu này đang có 1 mục. Khi Anh/Chị gửi các mục mới, tôi sẽ hỏi thêm vào danh sách hay thay thế");

    await say(0, "Tập huấn nghiệp vụ tiếp công dân");
    expect(reply(0)).toBe(
      [
        "Câu 1 đang có 1 mục:\n• Thanh tra Sở tổ chức hội nghị cán bộ, công chức năm 2024",
        "Anh/Chị vừa gửi 1 mục:\n• Tập huấn nghiệp vụ tiếp công dân",
        "Thêm các mục mới vào danh sách, hay thay cả danh sách bằng các mục mới?",
      ].join("\n\n"),
    );
    expect(await stored(0, "awareness_activities")).toEqual(["Thanh tra Sở tổ chức hội nghị cán bộ, công chức năm 2024"]);
    await press(0, "➕ Thêm vào (thành 2 mục)");
    expect(reply(0)).toMatch(/^✅ Đã thêm 1 mục vào câu 1 \(nay 2 mục\)\.\n\n📋 Xem lại báo cáo của Thanh tra Sở/);
    expect(await stored(0, "awareness_activities")).toEqual(["Thanh tra Sở tổ chức hội nghị cán bộ, công chức năm 2024", "Tập huấn nghiệp vụ tiếp công dân"]);

    // The other way, chosen on purpose: the list becomes the new lines only.
    await press(0, "✏️ 5");
    await say(0, "Công khai tài chính quý III");
    await press(0, "🔄 Thay thế (còn 1 mục)");
    expect(reply(0)).toMatch(/^✅ Đã lưu câu 5: 1 mục, thay cho danh sách trước\./);
    expect(await stored(0, "results")).toEqual(["Công khai tài chính quý III"]);

    await press(0, "📤 Nộp báo cáo");
    const text = await compiledText(db, world.roundId);
    expect(text).toContain("Thanh tra Sở tổ chức hội nghị cán bộ, công chức năm 2024");
    expect(text).toContain("Tập huấn nghiệp vụ tiếp công dân");
    expect(text).toContain("Công khai tài chính quý III");
  });

  it("a list and a long text the office returned asking for more: what is sent is added, and says so", async () => {
    const unit = world.units[0]!;
    const ACHIEVEMENTS = "Thanh tra Sở giải quyết đúng hạn các đơn thư trong kỳ.";
    await answer(db.prisma, unit, { achievements: ACHIEVEMENTS });
    await submit(db.prisma, unit);
    const returned = await returnSubmission(db.prisma, {
      submissionId: unit.submissionId,
      actorId: world.secretaries[0]!.id,
      questionKeys: ["awareness_activities", "achievements"],
      comment: "Đề nghị bổ sung hoạt động quý III.",
    });
    expect(returned.ok).toBe(true);
    await say(0, "/report");
    let text = reply(0);
    expect(text).toMatch(/^Văn phòng đã trả lại 2 câu để Anh\/Chị bổ sung; nội dung Anh\/Chị gửi được thêm vào câu trả lời đã có\.\n\nCâu 1\/10/);
    expect(text.split("Đề nghị bổ sung hoạt động quý III.")).toHaveLength(2);
    expect(text).toContain("➕ Các mục Anh/Chị gửi sẽ được THÊM vào 2 mục hiện có.");
    await say(0, "Hội nghị đối thoại với công chức");
    text = reply(0);
    expect(text).toMatch(/^✅ Đã thêm 1 mục vào câu 1 \(nay 3 mục\)\.\n\nCâu 6\/10/);
    expect(text).toContain("➕ Nội dung Anh/Chị gửi sẽ được THÊM vào sau câu trả lời hiện có.");
    await say(0, "Quý III, Thanh tra Sở hoàn thành kế hoạch kiểm tra việc thực hiện.");
    expect(reply(0)).toMatch(/^✅ Đã thêm vào câu trả lời câu 6 \(nay dài [\d.]+ ký tự\)\./);
    expect(await stored(0, "achievements")).toBe(`${ACHIEVEMENTS}\nQuý III, Thanh tra Sở hoàn thành kế hoạch kiểm tra việc thực hiện.`);
    await press(0, "📤 Nộp báo cáo");

    text = await compiledText(db, world.roundId);
    for (const item of ["Thanh tra Sở tổ chức hội nghị cán bộ, công chức năm 2024", "Tập huấn nghiệp vụ tiếp công dân", "Hội nghị đối thoại với công chức"]) {
      expect(text).toContain(item);
    }
    expect(text).toContain("Thanh tra Sở hoàn thành kế hoạch kiểm tra việc thực hiện");
  });

  it("a report changed after submitting stays submitted: the office compiles, reviews and exports the submitted version, is shown “đang sửa”, and no reminder is owed", async () => {
    const unit = world.units[1]!;
    const ORIGINAL = "Lãnh đạo Văn phòng Sở quán triệt Luật Thực hiện dân chủ ở cơ sở tới toàn thể công chức.";
    const CHANGED = "Văn phòng Sở sửa lại: chỉ đạo qua giao ban hằng tuần.";
    await answer(db.prisma, unit, { ...departmentAnswers("Văn phòng Sở"), regulation_issued: false, conference_held: false });
    await submit(db.prisma, unit);
    expect(await compiledText(db, world.roundId)).toContain(ORIGINAL);

    await say(1, "/report");
    expect(reply(1)).toMatch(/^Báo cáo của đơn vị đã được nộp lúc .*Văn phòng dùng bản đã nộp cho đến khi Anh\/Chị bấm “Nộp lại báo cáo”\./);
    await press(1, "✏️ 1");
    expect(reply(1)).toContain("🔄 Nội dung Anh/Chị gửi sẽ THAY THẾ câu trả lời hiện có.");
    await say(1, CHANGED);
    const after = reply(1);
    expect(after).toMatch(/^✅ Đã lưu câu 1, thay cho câu trả lời trước\.\n\n✏️ Anh\/Chị vừa sửa báo cáo đã nộp lúc/);
    expect(after).toContain("📝 1. Anh/Chị tóm tắt công tác lãnh đạo");
    expect(after).toMatch(/📝 Đã sửa từ khi nộp lúc \d\d:\d\d ngày [\d/]+: câu 1\. Văn phòng vẫn dùng bản đã nộp/);

    // The office: still submitted, said to be changing; the compile, the review and the export keep the submitted text.
    const secretary = who(world.secretaries[0]!.telegramId, "Thư ký");
    await bot.handleUpdate(textUpdate(secretary, "/status"));
    const status = lastTextTo(rec, secretary.id);
    expect(status).toMatch(/✏️ Văn phòng Sở — đang sửa \(đã nộp lúc /);
    expect(status).toMatch(/Đã nộp 2\/3 đơn vị/);
    const compiled = await compiledText(db, world.roundId);
    expect(compiled).toContain(ORIGINAL);
    expect(compiled).not.toContain(CHANGED);
    await bot.handleUpdate(textUpdate(secretary, "/review"));
    await bot.handleUpdate(callbackUpdate(secretary, button(rec, secretary.id, /Văn phòng Sở/)));
    const review = lastTextTo(rec, secretary.id);
    expect(review).toContain("✏️ Đơn vị đang sửa báo cáo sau khi nộp (câu 1, chưa nộp lại)");
    expect(review).toContain(ORIGINAL);
    expect(review).not.toContain(CHANGED);
    const csv = (await exportRoundAnswers(db.prisma, world.roundId, "vi", (key) => key))!.csv;
    expect(csv).toContain(ORIGINAL);
    expect(csv).not.toContain(CHANGED);
    const reminders = (await loadRoundReminderState(db.prisma, world.roundId))!;
    expect(reminders.owedUnitIds).not.toContain(unit.id);

    // Submitted again: from now on the office has the change.
    await say(1, "/report");
    await press(1, "📤 Nộp lại báo cáo");
    expect(reply(1)).toMatch(/^✅ Đã nộp lại báo cáo của Văn phòng Sở lúc .*; từ nay Văn phòng dùng bản này\./);
    const recompiled = await compiledText(db, world.roundId);
    expect(recompiled).toContain("Văn phòng Sở sửa lại: chỉ đạo qua giao ban hằng tuần");
    expect(recompiled).not.toContain(ORIGINAL);
  });

  it("a long answer the messenger split into parts is one answer; short answers sent quickly are not joined", async () => {
    const first = `${"Nội dung lãnh đạo, chỉ đạo của phòng trong kỳ. ".repeat(90)}`.slice(0, 4096);
    const rest = "Phần cuối của tin nhắn dài.";
    const now = Math.floor(Date.now() / 1000);
    await say(2, "/report");
    expect(reply(2)).toMatch(/^Câu 1\/19 · Phòng Quản lý khoa học/);
    // Telegram sends a message over 4,096 characters as two, the same second.
    await say(2, first, now);
    expect(reply(2)).toMatch(/^✅ Đã lưu câu 1\.\n\nCâu 2\/19/);
    await say(2, rest, now);
    expect(reply(2)).toMatch(/^➕ Phần tiếp theo của tin nhắn dài đã được nối vào câu 1 \(nay dài 4\.124 ký tự\)\.\n\nCâu 2\/19/);
    // The first part ends mid-sentence: the parts join with a space.
    expect(await stored(2, "leadership_direction")).toBe(`${first.trim()} ${rest}`);
    expect(await stored(2, "dissemination")).toBeUndefined();

    // Question 2 answered, then question 3 a second later: two answers.
    await say(2, "Phổ biến tại hội nghị giao ban.", now + 1);
    await say(2, "Kế hoạch số 12/KH-SKHCN.", now + 2);
    expect(await stored(2, "dissemination")).toBe("Phổ biến tại hội nghị giao ban.");
    expect(await stored(2, "awareness_plans")).toBe("Kế hoạch số 12/KH-SKHCN.");
    expect(reply(2)).toMatch(/^✅ Đã lưu câu 3\.\n\nCâu 4\/19/);
  });
});
