import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashInviteCode, inviteLink } from "../src/invites/invite-code.ts";
import { createInvite } from "../src/invites/invite-service.ts";
import { answerHistory } from "../src/submissions/answer-history.ts";
import { callbackUpdate, TEST_BOT_INFO, textUpdate } from "./support/bot-harness.ts";
import {
  button,
  buildBot,
  createRound,
  lastTextTo,
  messagesTo,
  seedOrganisation,
  seedTemplate,
  send,
  textsTo,
  user,
  type Recorder,
} from "./support/report-world.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { personByTelegramId } from "./support/people.ts";

const admin = user(1001, "Hà");
const reporter = user(2001, "Trần Bình");

describe("from the first admin to a submitted, edited report", () => {
  let db: TestDatabase;
  let world: ReturnType<typeof buildBot>;
  let units: Record<string, number>;
  let orgId: number;
  let roundId: number;
  let submissionId: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    world = buildBot(db.prisma);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const press = (rec: Recorder, who: { id: number; first_name: string }, label: RegExp | string) => callbackUpdate(who, button(rec, who.id, label));

  it("bootstraps the first admin with a one-time code, as `npm run invite -- --role admin` does", async () => {
    const invite = await createInvite(db.prisma, { role: "ADMIN" });
    expect(inviteLink(TEST_BOT_INFO.username, invite.code)).toMatch(/^https:\/\/t\.me\/tong_hop_test_bot\?start=[A-Za-z0-9_-]{24}$/);
    const stored = await db.prisma.invite.findUniqueOrThrow({ where: { id: invite.inviteId } });
    expect(stored.codeHash).toBe(hashInviteCode(invite.code));
    expect(stored.codeHash).not.toContain(invite.code);
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);

    const calls = await send(world.bot, world.rec, textUpdate(admin, `/start ${invite.code}`));
    expect(lastTextTo(world.rec, admin.id)).toContain("Anh/Chị đã được ghi nhận là quản trị viên");
    const menu = calls.find((c) => c.method === "setMyCommands" && (c.payload.scope as { chat_id?: number })?.chat_id === admin.id);
    const commands = (menu?.payload.commands as { command: string; description: string }[]).map((c) => c.command);
    expect(commands).toEqual(expect.arrayContaining(["units", "invite", "compile", "status", "help", "lang", "cancel"]));
    expect(commands).not.toContain("report");
    expect((menu?.payload.commands as { description: string }[])[0]!.description).toMatch(/[ạảãàáâầấậẩẫăằắặẳẵ]|Xem|Mở/);
  });

  it("imports the organisation and its units (examples/org.yaml); the admin sees them with /units", async () => {
    ({ orgId, units } = await seedOrganisation(db.prisma));
    expect(Object.keys(units)).toHaveLength(9);
    const org = await db.prisma.organisation.findUniqueOrThrow({ where: { id: orgId } });
    expect(org).toMatchObject({ name: "SỞ KHOA HỌC VÀ CÔNG NGHỆ", parentName: "UBND TỈNH HƯNG YÊN", symbol: "SKHCN", signerName: "Nguyễn Thái Kiều Ngân" });
    expect(org.profileText).toMatch(/^Sở Khoa học và Công nghệ tỉnh Hưng Yên \(Sở\) là cơ quan chuyên môn/);
    expect(org.profileText.split("\n\n")).toHaveLength(5);

    await send(world.bot, world.rec, textUpdate(admin, "/units"));
    const list = lastTextTo(world.rec, admin.id);
    expect(list).toContain("Danh sách đơn vị (9):");
    expect(list).toContain("1. Văn phòng Sở — văn phòng");
    expect(list).toContain("9. Chi đoàn Sở — chi đoàn");
  });

  it("the admin makes a reporter link with /invite; the reporter opens it and joins the unit", async () => {
    const { bot, rec } = world;
    await send(bot, rec, textUpdate(admin, "/invite"));
    await send(bot, rec, press(rec, admin, /Người báo cáo/));
    await send(bot, rec, press(rec, admin, "Văn phòng Sở"));
    const linkMessage = lastTextTo(rec, admin.id);
    expect(linkMessage).toContain("Đường liên kết mời người báo cáo của Văn phòng Sở (chỉ dùng một lần");
    const code = /start=([A-Za-z0-9_-]+)/.exec(linkMessage)![1]!;

    const calls = await send(bot, rec, textUpdate(reporter, `/start ${code}`));
    const welcome = lastTextTo(rec, reporter.id);
    expect(welcome).toContain("Chào mừng Anh/Chị Trần Bình! Anh/Chị đã được ghi nhận là người báo cáo của Văn phòng Sở");
    expect(welcome).toContain("Hiện chưa có kỳ báo cáo nào đang mở");
    const person = (await personByTelegramId(db.prisma, reporter.id))!;
    expect(person.memberships).toMatchObject([{ role: "REPORTER", unitId: units["van-phong"] }]);
    const menu = calls.find((c) => c.method === "setMyCommands" && (c.payload.scope as { chat_id?: number })?.chat_id === reporter.id);
    expect((menu?.payload.commands as { command: string }[]).map((c) => c.command)).toEqual(["report", "status", "link", "help", "lang", "cancel"]);
  });

  it("answers every question type one at a time; a restart in the middle loses nothing", async () => {
    const templateId = await seedTemplate(db.prisma);
    // Last period's round, closed, in which the unit answered "proposals": offered as "keep last period's answer".
    const earlier = await createRound(db.prisma, { orgId, templateId, status: "CLOSED", quarter: 2, deadline: new Date("2024-07-14T10:00:00Z") });
    const earlierSubmission = await db.prisma.submission.create({ data: { roundId: earlier, unitId: units["van-phong"]!, status: "SUBMITTED" } });
    await db.prisma.answer.create({ data: { submissionId: earlierSubmission.id, questionKey: "proposals", value: "Kiến nghị kỳ trước: bổ sung biên chế." } });
    // An older round's answer is not the one offered: the latest earlier round's is.
    const older = await createRound(db.prisma, { orgId, templateId, status: "CLOSED", quarter: 1, deadline: new Date("2024-04-14T10:00:00Z") });
    const olderSubmission = await db.prisma.submission.create({ data: { roundId: older, unitId: units["van-phong"]!, status: "SUBMITTED" } });
    await db.prisma.answer.create({ data: { submissionId: olderSubmission.id, questionKey: "proposals", value: "Kiến nghị quý I: sửa trụ sở." } });
    roundId = await createRound(db.prisma, { orgId, templateId });

    let { bot, rec } = world;
    await send(bot, rec, textUpdate(reporter, "/report"));
    let text = lastTextTo(rec, reporter.id);
    expect(text).toMatch(/^Câu 1\/10 · Văn phòng Sở\nHọ tên người đầu mối báo cáo của đơn vị\?/);
    expect(text).toContain("ℹ️ Ghi họ tên và chức vụ.");
    expect(text).toContain("✏️ Ví dụ: Nguyễn Văn An, Chánh Văn phòng");
    expect(text).toContain("tối đa 80 ký tự");

    // short_text: the saved value is echoed
    await send(bot, rec, textUpdate(reporter, "  Nguyễn Văn An, Chánh Văn phòng  "));
    text = lastTextTo(rec, reporter.id);
    expect(text).toMatch(/^✅ Đã lưu câu 1: Nguyễn Văn An, Chánh Văn phòng\n\nCâu 2\/10 · Văn phòng Sở/);

    // long_text: one message is the whole answer, saved at once; then the process "restarts": a fresh bot
    // instance on the same database.
    await send(bot, rec, textUpdate(reporter, "Đoạn thứ nhất.\nĐoạn thứ hai 🎉"));
    expect(lastTextTo(rec, reporter.id)).toMatch(/^✅ Đã lưu câu 2\.\n\nCâu 3\/10/);
    world = buildBot(db.prisma);
    ({ bot, rec } = world);
    await send(bot, rec, textUpdate(reporter, "/report"));
    text = lastTextTo(rec, reporter.id);
    expect(text).toMatch(/^Tiếp tục từ câu Anh\/Chị đang trả lời dở\.\n\nCâu 3\/10 · Văn phòng Sở/);

    // list: two lines in one message, saved at once; then one more item added with the "add to" button
    await send(bot, rec, textUpdate(reporter, "- Họp giao ban tháng\n- Niêm yết công khai"));
    expect(lastTextTo(rec, reporter.id)).toMatch(/^✅ Đã lưu câu 3 \(2 mục\)\.\n\nCâu 4\/10/);
    await send(bot, rec, press(rec, reporter, "➕ Bổ sung câu 3"));
    text = lastTextTo(rec, reporter.id);
    expect(text).toMatch(/^Câu 3\/10 · Văn phòng Sở/);
    expect(text).toContain("➕ Các mục Anh/Chị gửi sẽ được THÊM vào 2 mục hiện có.");
    await send(bot, rec, textUpdate(reporter, "Lấy ý kiến công chức"));
    expect(lastTextTo(rec, reporter.id)).toMatch(/^✅ Đã thêm 1 mục vào câu 3 \(nay 3 mục\)\.\n\nCâu 4\/10/);

    // number written the Vietnamese way
    await send(bot, rec, textUpdate(reporter, "1.234"));
    expect(lastTextTo(rec, reporter.id)).toMatch(/^✅ Đã lưu câu 4: 1\.234\n\nCâu 5\/10/);

    // yes/no button
    await send(bot, rec, press(rec, reporter, "Có"));
    expect(lastTextTo(rec, reporter.id)).toMatch(/^✅ Đã lưu câu 5: Có\n\nCâu 6\/10/);

    // single choice button
    await send(bot, rec, press(rec, reporter, "2. Trực tuyến"));
    expect(lastTextTo(rec, reporter.id)).toMatch(/^✅ Đã lưu câu 6: Trực tuyến\n\nCâu 7\/10/);

    // multiple choice: two toggles edit the message in place, then Done
    const toggled = await send(bot, rec, press(rec, reporter, "⬜ Họp giao ban"));
    expect(toggled.find((c) => c.method === "editMessageText")?.payload.text).toContain("Đã chọn: 1 mục.");
    await send(bot, rec, press(rec, reporter, "⬜ Trang thông tin điện tử"));
    expect(lastTextTo(rec, reporter.id)).toContain("Đã chọn: 2 mục.");
    await send(bot, rec, press(rec, reporter, /^✅ Xong \(đã chọn 2\)$/));
    expect(lastTextTo(rec, reporter.id)).toMatch(/^✅ Đã lưu câu 7: Họp giao ban, Trang thông tin điện tử\n\nCâu 8\/10/);

    // date, day first
    await send(bot, rec, textUpdate(reporter, "5/3/2025"));
    expect(lastTextTo(rec, reporter.id)).toMatch(/^✅ Đã lưu câu 8: 05\/03\/2025\n\nCâu 9\/10/);

    // document reference
    await send(bot, rec, textUpdate(reporter, "Quyết định số 219/QĐ-SKHCN ngày 09/7/2024 của Giám đốc Sở"));
    text = lastTextTo(rec, reporter.id);
    expect(text).toMatch(/^✅ Đã lưu câu 9: Quyết định số 219\/QĐ-SKHCN ngày 09\/7\/2024 của Giám đốc Sở\n\nCâu 10\/10/);
    // keep last period's answer (optional long text)
    expect(text).toContain("🕘 Kỳ trước đơn vị đã trả lời:\nKiến nghị kỳ trước: bổ sung biên chế.");
    await send(bot, rec, press(rec, reporter, "🕘 Giữ như kỳ trước"));

    const preview = textsTo(rec, reporter.id).slice(-1)[0]!;
    expect(preview).toContain("✅ Đã lưu câu 10 (giữ như kỳ trước).");
    expect(preview).toContain("📋 Xem lại báo cáo của Văn phòng Sở");
    expect(preview).toContain("Kỳ báo cáo: Quý III năm 2024 · Hạn nộp: 17:00 ngày 14/10/2024");
    for (const shown of [
      "1. Họ tên người đầu mối báo cáo của đơn vị?\nNguyễn Văn An, Chánh Văn phòng",
      "Đoạn thứ nhất.\nĐoạn thứ hai 🎉",
      "• Họp giao ban tháng\n• Niêm yết công khai\n• Lấy ý kiến công chức",
      "4. Số đơn thư nhận được trong kỳ?\n1.234",
      "5. Đơn vị đã tổ chức hội nghị cán bộ chưa?\nCó",
      "6. Hình thức tổ chức?\nTrực tuyến",
      "• Họp giao ban\n• Trang thông tin điện tử",
      "8. Ngày tổ chức hội nghị?\n05/03/2025",
      "Quyết định số 219/QĐ-SKHCN ngày 09/7/2024 của Giám đốc Sở",
      "Kiến nghị kỳ trước: bổ sung biên chế.",
      "Tất cả các câu bắt buộc đã có câu trả lời.",
    ]) {
      expect(preview).toContain(shown);
    }

    const submission = await db.prisma.submission.findUniqueOrThrow({
      where: { roundId_unitId: { roundId, unitId: units["van-phong"]! } },
      include: { answers: { include: { revisions: true } } },
    });
    submissionId = submission.id;
    expect(submission.status).toBe("IN_PROGRESS");
    expect(submission.version).toBe(11);
    const values = Object.fromEntries(submission.answers.map((a) => [a.questionKey, a.value]));
    expect(values).toEqual({
      contact: "Nguyễn Văn An, Chánh Văn phòng",
      summary: "Đoạn thứ nhất.\nĐoạn thứ hai 🎉",
      activities: ["Họp giao ban tháng", "Niêm yết công khai", "Lấy ý kiến công chức"],
      complaints: 1234,
      conference_held: true,
      form: "online",
      channels: ["briefing", "website"],
      conference_date: "2025-03-05",
      regulation: { text: "Quyết định số 219/QĐ-SKHCN ngày 09/7/2024 của Giám đốc Sở", number: "219/QĐ-SKHCN", date: "2024-07-09", issuer: "Giám đốc Sở" },
      proposals: "Kiến nghị kỳ trước: bổ sung biên chế.",
    });
    const kept = submission.answers.find((a) => a.questionKey === "proposals")!;
    expect(kept.revisions).toMatchObject([{ revision: 1, source: "kept" }]);
  });

  it("submits from the preview", async () => {
    const { bot, rec } = world;
    await send(bot, rec, callbackUpdate(reporter, button(rec, reporter.id, "📤 Nộp báo cáo")));
    expect(lastTextTo(rec, reporter.id)).toMatch(/^✅ Đã nộp báo cáo của Văn phòng Sở lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}\. Cảm ơn Anh\/Chị!/);
    const submission = await db.prisma.submission.findUniqueOrThrow({ where: { id: submissionId }, include: { submittedBy: true } });
    expect(submission.status).toBe("SUBMITTED");
    expect(submission.submittedBy?.name).toBe("Trần Bình");
  });

  it("changes an answer after submitting: still submitted, the office keeps the submitted version until it is submitted again; history keeps both revisions", async () => {
    const { bot, rec } = world;
    await send(bot, rec, textUpdate(reporter, "/report"));
    expect(lastTextTo(rec, reporter.id)).toContain("Báo cáo của đơn vị đã được nộp lúc");
    await send(bot, rec, callbackUpdate(reporter, button(rec, reporter.id, "✏️ 4")));
    const question = lastTextTo(rec, reporter.id);
    expect(question).toMatch(/^Câu 4\/10 · Văn phòng Sở/);
    expect(question).toMatch(/💾 Câu trả lời hiện tại \(Trần Bình, \d\d:\d\d ngày [\d/]+\):\n1\.234/);

    await send(bot, rec, textUpdate(reporter, "2.000"));
    const after = lastTextTo(rec, reporter.id);
    expect(after).toMatch(/^✅ Đã lưu câu 4: 2\.000\n\n✏️ Anh\/Chị vừa sửa báo cáo đã nộp lúc \d\d:\d\d ngày [\d/]+\. Văn phòng vẫn dùng bản đã nộp cho đến khi Anh\/Chị bấm “Nộp lại báo cáo”\./);
    expect(after).toContain("Trạng thái: Đã nộp, đang sửa (chưa nộp lại)");
    expect(after).toContain("📝 4. Số đơn thư nhận được trong kỳ?\n2.000");
    expect(after).toMatch(/📝 Đã sửa từ khi nộp lúc \d\d:\d\d ngày [\d/]+: câu 4\. Văn phòng vẫn dùng bản đã nộp/);
    const edited = await db.prisma.submission.findUniqueOrThrow({ where: { id: submissionId } });
    expect(edited.status).toBe("SUBMITTED");
    expect(edited.editedAfterSubmitAt).not.toBeNull();

    await send(bot, rec, callbackUpdate(reporter, button(rec, reporter.id, "📤 Nộp lại báo cáo")));
    expect(lastTextTo(rec, reporter.id)).toMatch(/^✅ Đã nộp lại báo cáo của Văn phòng Sở lúc .*; từ nay Văn phòng dùng bản này\./);
    const resubmitted = await db.prisma.submission.findUniqueOrThrow({ where: { id: submissionId } });
    expect(resubmitted).toMatchObject({ status: "SUBMITTED", editedAfterSubmitAt: null });

    const history = await answerHistory(db.prisma, submissionId, "complaints");
    expect(history.map((h) => [h.revision, h.value, h.authorName, h.source])).toEqual([
      [1, 1234, "Trần Bình", "typed"],
      [2, 2000, "Trần Bình", "typed"],
    ]);
    expect(history[0]!.at.getTime()).toBeLessThanOrEqual(history[1]!.at.getTime());
    const audit = await db.prisma.auditEvent.findMany({ where: { entityType: "Submission", entityId: String(submissionId) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["submission.submitted", "submission.resubmitted"]);
  });

  it("a person reporting for two units chooses which report to answer", async () => {
    const { bot, rec } = world;
    await send(bot, rec, textUpdate(admin, "/invite"));
    await send(bot, rec, callbackUpdate(admin, button(rec, admin.id, /Người báo cáo/)));
    await send(bot, rec, callbackUpdate(admin, button(rec, admin.id, "Công đoàn cơ sở Sở")));
    const code = /start=([A-Za-z0-9_-]+)/.exec(lastTextTo(rec, admin.id))![1]!;
    await send(bot, rec, textUpdate(reporter, `/start ${code}`));
    expect(lastTextTo(rec, reporter.id)).toContain("người báo cáo của Công đoàn cơ sở Sở");
    expect(lastTextTo(rec, reporter.id)).toContain("Hiện đang có kỳ báo cáo mở: Anh/Chị gõ /report để bắt đầu trả lời.");

    await send(bot, rec, textUpdate(reporter, "/report"));
    const choice = messagesTo(rec, reporter.id).slice(-1)[0]!;
    expect(String(choice.payload.text)).toMatch(/^Anh\/Chị có 2 báo cáo cần trả lời\. Chọn báo cáo muốn làm:/);
    expect(String(choice.payload.text)).toContain("1. Văn phòng Sở — Quý III năm 2024 (hạn 17:00 ngày 14/10/2024; Đã nộp)");
    expect(String(choice.payload.text)).toContain("2. Công đoàn cơ sở Sở — Quý III năm 2024");
    await send(bot, rec, callbackUpdate(reporter, button(rec, reporter.id, /Công đoàn cơ sở Sở/)));
    expect(lastTextTo(rec, reporter.id)).toMatch(/^Câu 1\/1 · Công đoàn cơ sở Sở\nHoạt động công đoàn nổi bật\?/);
  });
});
