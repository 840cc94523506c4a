import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { legacyKeyOf } from "../src/messaging/action-codec.ts";
import { makeContext } from "../src/use-cases/context.ts";
import { announceToReporters } from "../src/use-cases/announce.ts";
import { CHANNEL_LIMITS } from "../src/use-cases/identify.ts";
import { botDeps, TEST_KEYRING } from "./support/bot-deps.ts";
import { encodeAction } from "../src/messaging/action-codec.ts";
import { eventually } from "./support/office-world.ts";
import { testOutbound } from "./support/outbound.ts";
import { personByTelegramId } from "./support/people.ts";
import { createTestRedis, deleteKeys } from "./support/reminder-fixtures.ts";
import { signPayload } from "../src/domain/signed-payload.ts";
import { answerHistory } from "../src/submissions/answer-history.ts";
import { callbackUpdate, textUpdate } from "./support/bot-harness.ts";
import {
  addPerson,
  button,
  buildBot,
  createRound,
  lastTextTo,
  messagesTo,
  nonTextUpdate,
  seedOrganisation,
  seedTemplate,
  send,
  signedAction,
  textsTo,
  TOKEN,
  user,
} from "./support/report-world.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const lan = user(3001, "Lan");
const minh = user(3002, "Minh");
const tuan = user(3003, "Tuấn");
const hoa = user(3004, "Hoa");
const stranger = user(3999, "Khách");
const blocked = user(3005, "Phúc");

const toastOf = (calls: { method: string; payload: Record<string, unknown> }[]) =>
  calls.find((c) => c.method === "answerCallbackQuery")?.payload as { text?: string; show_alert?: boolean } | undefined;

describe("bad input, stale and forged buttons, permissions, groups, blocked chats", () => {
  let db: TestDatabase;
  let world: ReturnType<typeof buildBot>;
  let units: Record<string, number>;
  let orgId: number;
  let templateId: number;
  let roundId: number;
  let earlierSubmission: number;
  let sid: number;
  const bot = () => world.bot;
  const rec = () => world.rec;
  const say = (who: { id: number; first_name: string }, text: string, chatType?: string) => send(bot(), rec(), textUpdate(who, text, chatType));
  const tap = (who: { id: number; first_name: string }, data: string) => send(bot(), rec(), callbackUpdate(who, data));
  const answerOf = async (key: string) =>
    db.prisma.answer.findUnique({ where: { submissionId_questionKey: { submissionId: sid, questionKey: key } } });

  beforeAll(async () => {
    db = await createTestDatabase();
    world = buildBot(db.prisma);
    ({ orgId, units } = await seedOrganisation(db.prisma));
    templateId = await seedTemplate(db.prisma);
    const earlier = await createRound(db.prisma, { orgId, templateId, status: "CLOSED", quarter: 2, deadline: new Date("2024-07-14T10:00:00Z") });
    earlierSubmission = (await db.prisma.submission.create({ data: { roundId: earlier, unitId: units["van-phong"]! } })).id;
    roundId = await createRound(db.prisma, { orgId, templateId });
    await addPerson(db.prisma, lan.id, "Lan", [{ role: "REPORTER", unitId: units["van-phong"] }]);
    await addPerson(db.prisma, minh.id, "Minh", [{ role: "REPORTER", unitId: units["van-phong"] }]);
    await addPerson(db.prisma, tuan.id, "Tuấn", [{ role: "REPORTER", unitId: units["thanh-tra"] }]);
    await addPerson(db.prisma, hoa.id, "Hoa", [{ role: "SECRETARY" }]);
    await addPerson(db.prisma, blocked.id, "Phúc", [{ role: "REPORTER", unitId: units["thanh-tra"] }]);
    await say(lan, "/report");
    sid = (await db.prisma.submission.findUniqueOrThrow({ where: { roundId_unitId: { roundId, unitId: units["van-phong"]! } } })).id;
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("short text: too long (says the limit), control characters removed, emoji kept", async () => {
    await say(lan, "x".repeat(81));
    let text = lastTextTo(rec(), lan.id);
    expect(text).toMatch(/^Câu trả lời dài 81 ký tự, vượt giới hạn 80 ký tự của câu này\. Anh\/Chị vui lòng rút gọn \(tối đa 80 ký tự\)/);
    expect(text).toContain("Câu 1/10 · Văn phòng Sở");
    expect(await answerOf("contact")).toBeNull();

    await say(lan, "\u0000Nguyễn\u200B Thị Lan\u0007 😊\u202E");
    text = lastTextTo(rec(), lan.id);
    expect(text).toMatch(/^✅ Đã lưu câu 1: Nguyễn Thị Lan 😊\n\nCâu 2\/10/);
    expect((await answerOf("contact"))!.value).toBe("Nguyễn Thị Lan 😊");
  });

  it("long text: one message is the answer, saved at once; one over the limit is refused and nothing is stored", async () => {
    await say(lan, "a".repeat(301));
    expect(lastTextTo(rec(), lan.id)).toMatch(/^Câu trả lời dài 301 ký tự, vượt giới hạn 300 ký tự của câu này\./);
    expect(await answerOf("summary")).toBeNull();
    await say(lan, `${"a".repeat(200)}\n${"c".repeat(50)}`);
    expect(lastTextTo(rec(), lan.id)).toMatch(/^✅ Đã lưu câu 2\.\n\nCâu 3\/10/);
    expect((await answerOf("summary"))!.value).toBe(`${"a".repeat(200)}\n${"c".repeat(50)}`);
  });

  it("list: “xong” after an answer saved at once, an item too long, too many items; lines in one message need no “Xong”", async () => {
    await say(lan, "Xong");
    let text = lastTextTo(rec(), lan.id);
    expect(text).toMatch(/^Câu 2 đã được lưu ngay khi Anh\/Chị gửi, không cần gõ “xong”\./);
    expect(text).toContain("Câu 3/10");
    expect(await answerOf("activities")).toBeNull();
    await say(lan, `ngắn\n${"d".repeat(101)}`);
    expect(lastTextTo(rec(), lan.id)).toMatch(/^Mục thứ 2 dài 101 ký tự, vượt giới hạn 100 ký tự cho mỗi mục\./);
    await say(lan, "1\n2\n3\n4\n5\n6");
    expect(lastTextTo(rec(), lan.id)).toMatch(/^Danh sách có 6 mục, vượt mức tối đa 5 mục\./);
    await say(lan, "- một\n- hai");
    text = lastTextTo(rec(), lan.id);
    expect(text).toMatch(/^✅ Đã lưu câu 3 \(2 mục\)\.\n\nCâu 4\/10/);
    expect((await answerOf("activities"))!.value).toEqual(["một", "hai"]);
  });

  it("number: words, two numbers, decimals where a whole number is asked, below the minimum; then “12 đơn”", async () => {
    await say(lan, "mười hai");
    let text = lastTextTo(rec(), lan.id);
    expect(text).toMatch(/^“mười hai” không phải là một con số\. Anh\/Chị gõ một số, ví dụ 12, 1\.234 hoặc 1,5/);
    expect(text).toContain("Câu 4/10");
    await say(lan, "12 đơn, 3 vụ");
    expect(lastTextTo(rec(), lan.id)).toMatch(/^“12 đơn, 3 vụ” không phải là một con số/);
    await say(lan, "1,5");
    expect(lastTextTo(rec(), lan.id)).toMatch(/^Câu này cần một số nguyên/);
    await say(lan, "-1");
    expect(lastTextTo(rec(), lan.id)).toMatch(/^Số này nhỏ hơn mức cho phép\. Anh\/Chị gõ một số từ 0 trở lên\./);
    expect(await answerOf("complaints")).toBeNull();
    await say(lan, "12 đơn");
    expect(lastTextTo(rec(), lan.id)).toMatch(/^✅ Đã lưu câu 4: 12\n\nCâu 5\/10/);
    expect((await answerOf("complaints"))!.value).toBe(12);
  });

  it("yes/no and single choice typed wrongly, then typed rightly", async () => {
    await say(lan, "có lẽ");
    expect(lastTextTo(rec(), lan.id)).toMatch(/^Anh\/Chị bấm “Có” hoặc “Không” \(hoặc gõ có\/không\)\.\n\nCâu 5\/10/);
    await say(lan, "Không");
    expect(lastTextTo(rec(), lan.id)).toMatch(/^✅ Đã lưu câu 5: Không\n\nCâu 6\/10/);
    expect((await answerOf("conference_held"))!.value).toBe(false);
    await say(lan, "9");
    expect(lastTextTo(rec(), lan.id)).toMatch(/^Không có lựa chọn “9”\. Anh\/Chị bấm một nút bên dưới hoặc gõ số thứ tự của lựa chọn\./);
    await say(lan, "ket hop");
    expect(lastTextTo(rec(), lan.id)).toMatch(/^✅ Đã lưu câu 6: Kết hợp/);
    expect((await answerOf("form"))!.value).toBe("mixed");
  });

  it("multiple choice: a third tick over the limit of two is refused; the optional question is skipped", async () => {
    await tap(lan, button(rec(), lan.id, "⬜ Họp giao ban"));
    await tap(lan, button(rec(), lan.id, "⬜ Bảng tin"));
    const calls = await tap(lan, button(rec(), lan.id, "⬜ Trang thông tin điện tử"));
    expect(toastOf(calls)?.text).toBe("Chỉ được chọn tối đa 2 mục.");
    await tap(lan, button(rec(), lan.id, "⏭ Bỏ qua"));
    expect(lastTextTo(rec(), lan.id)).toMatch(/^⏭ Đã bỏ qua câu 7\.\n\nCâu 8\/10/);
    expect(await answerOf("channels")).toMatchObject({ skipped: true, value: null });
  });

  it("date: impossible day, not a date; then 05-03-2025", async () => {
    await say(lan, "31/2/2025");
    expect(lastTextTo(rec(), lan.id)).toMatch(/^Ngày “31\/2\/2025” không có thật \(ngày\/tháng không hợp lệ\)/);
    await say(lan, "hôm qua");
    expect(lastTextTo(rec(), lan.id)).toMatch(/^“hôm qua” không phải là ngày\. Anh\/Chị gõ theo dạng ngày\/tháng\/năm, ví dụ 05\/3\/2025\./);
    await say(lan, "05-03-2025");
    expect(lastTextTo(rec(), lan.id)).toMatch(/^✅ Đã lưu câu 8: 05\/03\/2025\n\nCâu 9\/10/);
    expect((await answerOf("conference_date"))!.value).toBe("2025-03-05");
  });

  it("sticker, photo, voice and file where text is expected: a polite explanation and the same question", async () => {
    for (const kind of ["sticker", "photo", "voice", "document"] as const) {
      const calls = await send(bot(), rec(), nonTextUpdate(lan, kind));
      const text = String(calls.find((c) => c.method === "sendMessage")?.payload.text);
      expect(text, kind).toMatch(/^Tôi chỉ đọc được tin nhắn chữ\. Anh\/Chị vui lòng gõ câu trả lời \(ảnh, nhãn dán, tin nhắn thoại hay tệp đính kèm không được lưu\)\.\n\nCâu 9\/10/);
    }
    expect(await answerOf("regulation")).toBeNull();
  });

  it("a required question cannot be skipped, even with a signed skip", async () => {
    const calls = await tap(lan, signedAction({ op: "skip", sid, q: 8 }));
    expect(toastOf(calls)?.text).toBe("Câu này bắt buộc, không bỏ qua được.");
    expect(await answerOf("regulation")).toBeNull();
  });

  it("stale buttons: an earlier question's, an earlier round's, an older layout's — nothing changes", async () => {
    // The "Không" button of question 5, pressed again while the person stands at question 9.
    const old = messagesTo(rec(), lan.id)
      .flatMap((m) => ((m.payload.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] })?.inline_keyboard ?? []).flat())
      .find((b) => b.text === "Có")!;
    let calls = await tap(lan, old.callback_data);
    expect(toastOf(calls)?.text).toBe("Nút này đã cũ; không có gì thay đổi.");
    expect(lastTextTo(rec(), lan.id)).toMatch(/^Nút này đã cũ \(thuộc một câu hỏi trước hoặc một kỳ báo cáo khác\) nên tôi không thực hiện\. Các câu trả lời đã lưu không thay đổi\. Gõ \/report để tiếp tục\.\n\nCâu 9\/10/);
    expect((await answerOf("conference_held"))!.value).toBe(false);

    // A button signed by this bot but of an older payload layout.
    calls = await tap(lan, signPayload(["r0", "o", sid.toString(36)], legacyKeyOf(TOKEN)));
    expect(toastOf(calls)).toMatchObject({ text: "Nút này đã cũ; không có gì thay đổi.", show_alert: true });

    // A button of last period's (closed) round.
    calls = await tap(lan, signedAction({ op: "open", sid: earlierSubmission }));
    expect(toastOf(calls)?.text).toBe("Kỳ báo cáo này đã đóng; không thể thay đổi câu trả lời nữa.");
    // The person still stands at question 9 of the open round.
    await say(lan, "Quyết định số 219/QĐ-SKHCN ngày 09/7/2024");
    expect(lastTextTo(rec(), lan.id)).toMatch(/^✅ Đã lưu câu 9: Quyết định số 219\/QĐ-SKHCN ngày 09\/7\/2024\n/);
    // Now at question 10: question 9's buttons are old.
    calls = await tap(lan, signedAction({ op: "back", sid, q: 8 }));
    expect(toastOf(calls)?.text).toBe("Nút này đã cũ; không có gì thay đổi.");
    expect(lastTextTo(rec(), lan.id)).toContain("Câu 10/10");
  });

  it("forged callback data is refused and changes nothing", async () => {
    const genuine = button(rec(), lan.id, "⏭ Bỏ qua");
    const fields = genuine.split(":");
    // Same layout, another submission id, the original signature.
    fields[2] = (sid + 1).toString(36);
    for (const data of [fields.join(":"), "r1:s:1:9:AAAAAAAA", "r1:o:zz"]) {
      const calls = await tap(lan, data);
      expect(toastOf(calls)).toEqual({ callback_query_id: expect.any(String), text: expect.stringMatching(/^Nút này không hợp lệ hoặc đã cũ nên tôi không thực hiện; không có gì thay đổi\./), show_alert: true });
      expect(calls.filter((c) => c.method === "sendMessage")).toHaveLength(0);
    }
    const calls = await tap(lan, "anything at all");
    expect(toastOf(calls)?.text).toMatch(/^Nút này không hợp lệ/);
    expect(await answerOf("proposals")).toBeNull();
  });

  it("editing a sent message: explains how to change an answer", async () => {
    const update = { update_id: 700_001, edited_message: { message_id: 5, date: 1, edit_date: 2, chat: { id: lan.id, type: "private", first_name: "Lan" }, from: { ...lan, is_bot: false }, text: "sửa" } } as unknown as Update;
    await send(bot(), rec(), update);
    expect(lastTextTo(rec(), lan.id)).toMatch(/^Sửa tin nhắn đã gửi không làm thay đổi câu trả lời đã lưu\./);
  });

  it("two people of one unit answer the same question at once: both kept, the replaced one is told", async () => {
    // Lan stands at question 10 (seen: unanswered). Minh opens the report and answers question 10 first.
    await say(minh, "/report");
    expect(lastTextTo(rec(), minh.id)).toContain("Câu 10/10");
    await say(minh, "Ý kiến của Minh");
    // Lan, still on her screen of question 10, answers it too. Minh, who chose no language of his own and is not
    // the one talking, is told in the organisation's language (English here), not the deployment's default.
    expect((await personByTelegramId(db.prisma, minh.id))?.locale).toBeNull();
    await db.prisma.organisation.updateMany({ data: { locale: "en" } });
    const calls = await say(lan, "Ý kiến của Lan").finally(() => db.prisma.organisation.updateMany({ data: { locale: "vi" } }));
    const mine = calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === lan.id).map((c) => String(c.payload.text)).join("\n");
    expect(mine).toMatch(/⚠️ Trong lúc Anh\/Chị nhập, Minh đã trả lời câu này \(lúc \d\d:\d\d ngày [\d/]+\)\. Câu trả lời của Anh\/Chị đã được lưu thay thế; bản của Minh vẫn còn trong lịch sử sửa đổi\./);
    const told = calls.find((c) => c.method === "sendMessage" && c.payload.chat_id === minh.id);
    expect(told?.payload.text).toBe("⚠️ Lan has just replaced your answer to question 10 in the report of Văn phòng Sở. Your version stays in the history; type /report to review.");
    const history = await answerHistory(db.prisma, sid, "proposals");
    expect(history.map((h) => [h.revision, h.value, h.authorName])).toEqual([
      [1, "Ý kiến của Minh", "Minh"],
      [2, "Ý kiến của Lan", "Lan"],
    ]);
  });

  it("submitting from a preview made before someone else's change shows the new version instead", async () => {
    const submitData = button(rec(), lan.id, "📤 Nộp báo cáo");
    // Minh changes question 4 after Lan's preview.
    await tap(minh, signedAction({ op: "edit", sid, q: 3 }));
    await say(minh, "15");
    const calls = await tap(lan, submitData);
    const text = calls.filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text)).join("\n");
    expect(text).toMatch(/^Báo cáo vừa có thay đổi sau lần xem trước \(có thể do người khác trong đơn vị\)\./);
    expect(text).toContain("4. Số đơn thư nhận được trong kỳ?\n15");
    expect((await db.prisma.submission.findUniqueOrThrow({ where: { id: sid } })).status).toBe("IN_PROGRESS");
  });

  it("permission refusals", async () => {
    // A stranger: command, text, button.
    await say(stranger, "/report");
    expect(lastTextTo(rec(), stranger.id)).toBe(
      "Xin lỗi, Anh/Chị chưa tham gia hệ thống báo cáo nên tôi chưa thể thực hiện yêu cầu này.\nĐể tham gia, Anh/Chị mở đường liên kết mời (t.me/…?start=…) do Văn phòng hoặc quản trị viên gửi; tôi sẽ ghi nhận Anh/Chị vào đúng đơn vị.",
    );
    await say(stranger, "xin chào");
    expect(lastTextTo(rec(), stranger.id)).toMatch(/^Xin lỗi, Anh\/Chị chưa tham gia/);
    let calls = await tap(stranger, signedAction({ op: "open", sid }));
    expect(toastOf(calls)?.text).toBe("Anh/Chị chưa tham gia. Hãy dùng đường liên kết hoặc mã mời do quản trị viên gửi.");
    await say(stranger, "/units");
    expect(lastTextTo(rec(), stranger.id)).toMatch(/^Xin lỗi, Anh\/Chị chưa tham gia/);

    // Reporters and the secretary cannot manage units or invites.
    for (const who of [lan, hoa]) {
      await say(who, "/units");
      expect(lastTextTo(rec(), who.id)).toBe("Xin lỗi, chỉ quản trị viên mới dùng được chức năng này.");
      await say(who, "/invite");
      expect(lastTextTo(rec(), who.id)).toBe("Xin lỗi, chỉ quản trị viên mới dùng được chức năng này.");
      await say(who, "/people");
      expect(lastTextTo(rec(), who.id)).toBe("Xin lỗi, chỉ quản trị viên mới dùng được chức năng này.");
    }
    // An admin screen's button (signed, as if kept from an admin's chat) pressed by a reporter.
    for (const action of [{ op: "units.add" }, { op: "invite.secretary", channel: 0 }, { op: "people.revoke-confirm", membership: 1 }] as const) {
      calls = await tap(lan, encodeAction(action, TEST_KEYRING));
      expect(toastOf(calls)?.text, action.op).toBe("Xin lỗi, chỉ quản trị viên mới dùng được chức năng này.");
    }
    expect(await db.prisma.invite.count()).toBe(0);

    // A reporter of another unit cannot open or change this unit's submission.
    calls = await tap(tuan, signedAction({ op: "open", sid }));
    expect(toastOf(calls)?.text).toMatch(/^Anh\/Chị không báo cáo cho đơn vị này nên không xem hay sửa được câu trả lời của đơn vị\./);
    calls = await tap(tuan, signedAction({ op: "edit", sid, q: 0 }));
    expect(toastOf(calls)?.text).toMatch(/^Anh\/Chị không báo cáo cho đơn vị này/);
    expect((await answerOf("contact"))!.value).toBe("Nguyễn Thị Lan 😊");

    // The secretary has no unit to report for.
    await say(hoa, "/report");
    expect(lastTextTo(rec(), hoa.id)).toMatch(/^Anh\/Chị chưa được giao báo cáo cho đơn vị nào/);
  });

  it("in a group the bot says once that answers go in private chat, then stays quiet", async () => {
    const first = await say(lan, "/report", "group");
    const notice = first.filter((c) => c.method === "sendMessage");
    expect(notice).toHaveLength(1);
    expect(notice[0]!.payload.chat_id).toBe(-100123);
    expect(notice[0]!.payload.text).toBe(
      "Tôi chỉ nhận câu trả lời báo cáo trong cuộc trò chuyện riêng để bảo mật thông tin của đơn vị. Anh/Chị vui lòng nhắn riêng cho tôi: https://t.me/tong_hop_test_bot",
    );
    expect((await say(minh, "/report", "group")).filter((c) => c.method === "sendMessage")).toHaveLength(0);
    expect((await say(minh, "Xong", "group")).filter((c) => c.method === "sendMessage")).toHaveLength(0);
    // Nothing was answered from the group.
    expect(await db.prisma.answer.count({ where: { submissionId: sid } })).toBe(10);
  });

  it("answers only the returned questions when the office returned some", async () => {
    await db.prisma.submission.update({
      where: { id: sid },
      data: { status: "RETURNED", returnedQuestionKeys: ["complaints"], returnComment: "Đề nghị ghi rõ số đơn thư đã giải quyết.", returnedAt: new Date() },
    });
    await say(lan, "/report");
    const text = lastTextTo(rec(), lan.id);
    expect(text).toMatch(/^Văn phòng đã trả lại 1 câu để Anh\/Chị bổ sung; nội dung Anh\/Chị gửi được thêm vào câu trả lời đã có\.\n\nCâu 4\/10/);
    // The office's comment, once.
    expect(text.split("Đề nghị ghi rõ số đơn thư đã giải quyết.")).toHaveLength(2);
    expect(text).toContain("🔁 Văn phòng đề nghị bổ sung: Đề nghị ghi rõ số đơn thư đã giải quyết.");
    // A question that was not returned cannot be changed.
    const calls = await tap(lan, signedAction({ op: "edit", sid, q: 0 }));
    expect(toastOf(calls)?.text).toBe("Câu này không sửa được lúc này.");
    await say(lan, "16");
    const preview = lastTextTo(rec(), lan.id);
    expect(preview).toContain("Trạng thái: Được trả lại để bổ sung");
    expect(preview).toContain("🔁 4. Số đơn thư nhận được trong kỳ?\n16");
    expect(buttonsOfLast(lan.id).map((b) => b.text)).toEqual(["📤 Nộp báo cáo", "✏️ 4"]);
    await tap(lan, button(rec(), lan.id, "📤 Nộp báo cáo"));
    expect(lastTextTo(rec(), lan.id)).toMatch(/^✅ Đã nộp lại báo cáo của Văn phòng Sở lúc/);
    const submission = await db.prisma.submission.findUniqueOrThrow({ where: { id: sid } });
    expect(submission).toMatchObject({ status: "SUBMITTED", returnedQuestionKeys: [], returnComment: "Đề nghị ghi rõ số đơn thư đã giải quyết." });
  });

  it("an accepted report and a closed round are locked; nothing is saved", async () => {
    await db.prisma.submission.update({ where: { id: sid }, data: { status: "ACCEPTED" } });
    await say(lan, "/report");
    expect(textsTo(rec(), lan.id).slice(-1)[0]).toMatch(/^Báo cáo của đơn vị đã được Văn phòng tiếp nhận nên không sửa được nữa\./);
    expect(buttonsOfLast(lan.id)).toEqual([]);
    const calls = await tap(lan, signedAction({ op: "edit", sid, q: 0 }));
    expect(toastOf(calls)?.text).toMatch(/^Báo cáo của đơn vị đã được Văn phòng tiếp nhận/);

    await db.prisma.submission.update({ where: { id: sid }, data: { status: "IN_PROGRESS" } });
    await tap(lan, signedAction({ op: "edit", sid, q: 0 }));
    await db.prisma.round.update({ where: { id: roundId }, data: { status: "CLOSED" } });
    await say(lan, "Tên mới");
    expect(lastTextTo(rec(), lan.id)).toBe("Kỳ báo cáo này đã đóng; không thể thay đổi câu trả lời nữa.");
    expect((await answerOf("contact"))!.value).toBe("Nguyễn Thị Lan 😊");
    await db.prisma.round.update({ where: { id: roundId }, data: { status: "OPEN" } });
  });

  it("a reporter who blocked the bot is recorded when prompted; the others get the prompt", async () => {
    const blockedWorld = buildBot(db.prisma, (call) =>
      call.method === "sendMessage" && call.payload.chat_id === blocked.id ? { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" } : undefined,
    );
    const redis = createTestRedis();
    const prefix = `test-prompts-${process.pid}-${Date.now()}`;
    const outbound = testOutbound(db.prisma, redis, prefix, blockedWorld.bot.api, { pace: { perChatMs: 0, perSecond: 1000 } });
    outbound.startNoticeWorker();
    const secretary = await personByTelegramId(db.prisma, hoa.id);
    const ctx = makeContext(
      { ...botDeps(db.prisma), notifier: outbound.notifier, notices: outbound.notices },
      { channel: "cli", address: "", sessionKey: null, person: secretary, actor: null, locale: "vi", ...CHANNEL_LIMITS.cli },
    );
    const summary = await announceToReporters(ctx, roundId, "round-opened");
    const phuc = await eventually(async () => {
      const person = await personByTelegramId(db.prisma, blocked.id);
      return person?.unreachableAt ? person : undefined;
    });
    expect(phuc.unreachableError).toBe("403 Forbidden: bot was blocked by the user");
    const prompt = await eventually(() => blockedWorld.rec.calls.find((c) => c.method === "sendMessage" && c.payload.chat_id === tuan.id));
    // The secretary who opened the round hears how the notices went.
    await eventually(() => blockedWorld.rec.calls.find((c) => c.method === "sendMessage" && c.payload.chat_id === hoa.id && /không nhắn được/.test(String(c.payload.text))));
    await outbound.close();
    await deleteKeys(redis, prefix);
    redis.disconnect();
    expect(String(prompt.payload.text)).toMatch(/^📣 Kỳ báo cáo Quý III năm 2024 đã mở\.\nĐơn vị: Thanh tra Sở — 10 câu hỏi\.\nHạn nộp: 17:00 ngày 14\/10\/2024\./);
    expect(summary.queued).toBeGreaterThanOrEqual(2);

    // The prompt's button starts the conversation.
    const start = (prompt.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard[0]![0]!.callback_data;
    await tap(tuan, start);
    expect(lastTextTo(rec(), tuan.id)).toMatch(/^Câu 1\/10 · Thanh tra Sở/);
  });

  function buttonsOfLast(chatId: number) {
    const last = messagesTo(rec(), chatId).slice(-1)[0]!;
    return ((last.payload.reply_markup as { inline_keyboard?: { text: string }[][] })?.inline_keyboard ?? []).flat();
  }
});
