import { randomUUID } from "node:crypto";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { LocalZaloOa, type DeliveredMessage } from "../src/demo/local-zalo-oa.ts";
import { createInvite } from "../src/invites/invite-service.ts";
import { createTestRedis } from "./support/reminder-fixtures.ts";
import { seedZaloRound, startAppOnZalo, stopAppOnZalo, workingMorningClock } from "./support/zalo-app.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { textOf, ZaloPerson } from "./support/zalo-person.ts";

const now = workingMorningClock();

// Scheduled reminders begin "Nhắc việc:", the office's own "Văn phòng nhắc:".
const IS_REMINDER = /^(Nhắc việc|Văn phòng nhắc):/;

type Button = { title: string; type: string; payload: unknown };
const buttonsOf = (message: DeliveredMessage): Button[] =>
  (message.message as { attachment?: { type?: string; payload?: { buttons?: Button[] } } }).attachment?.payload?.buttons ?? [];

describe("the secretary's flows on Zalo, over HTTP against the local Official Account", () => {
  const oa = new LocalZaloOa();
  const prefix = `test-zalo-office-${randomUUID()}`;
  const redis = createTestRedis();
  let db: TestDatabase;
  let app: App;
  let roundId: number;
  let units: Record<string, number>;
  const lan = new ZaloPerson(oa, "8200000000000000001");
  const tuan = new ZaloPerson(oa, "8200000000000000002");
  const ngoc = new ZaloPerson(oa, "8200000000000000003");

  async function join(person: ZaloPerson, invite: { code: string }, name: string) {
    await oa.follow(person.userId);
    await person.reply(/mã mời/);
    await person.say(invite.code);
    await person.reply(/họ và tên/);
    await person.say(name);
    await person.reply(/Cảm ơn/);
  }

  beforeAll(async () => {
    await oa.start();
    db = await createTestDatabase();
    ({ roundId, units } = await seedZaloRound(db, now));
    // As opening a round does: one submission per unit asked.
    for (const unitId of Object.values(units)) await db.prisma.submission.create({ data: { roundId, unitId } });
    app = await startAppOnZalo(oa, db, prefix, { now });
    await join(lan, await createInvite(db.prisma, { role: "REPORTER", unitId: units["van-phong"], kind: "short" }), "Nguyễn Thị Lan");
    await join(tuan, await createInvite(db.prisma, { role: "REPORTER", unitId: units["thanh-tra"], kind: "short" }), "Trần Văn Tuấn");
    await join(ngoc, await createInvite(db.prisma, { role: "SECRETARY", kind: "short" }), "Lê Thị Ngọc");
  }, 120_000);

  afterAll(() => stopAppOnZalo({ app, oa, redis, prefix, db }));

  it("a reporter submits by typing the number of “Nộp báo cáo” on the preview (typed numbers work wherever a button does)", async () => {
    await lan.say("báo cáo");
    await lan.reply(/Câu 1\/4/);
    await lan.say("Nguyễn Thị Lan, Chánh Văn phòng");
    await lan.reply(/Câu 2\/4/);
    await lan.say("Văn phòng đã triển khai đầy đủ kế hoạch của kỳ.");
    await lan.reply(/Câu 3\/4/);
    await lan.say("3");
    await lan.reply(/Câu 4\/4/);
    await lan.tap("Có");
    await lan.reply(/Nộp báo cáo/);
    await lan.until(() => lan.buttons().some((title) => title.includes("Nộp báo cáo")));
    // Its first choice; on a longer report Zalo lists the choices as numbered lines, to be typed.
    await lan.say("1");
    await lan.reply(/Đã nộp/);
    const submission = await db.prisma.submission.findFirstOrThrow({ where: { roundId, unitId: units["van-phong"] } });
    expect(submission.status).toBe("SUBMITTED");
  });

  it("“trạng thái” shows the round's progress, unit by unit", async () => {
    await ngoc.say("trạng thái");
    const status = await ngoc.reply(/Tiến độ/);
    expect(status).toMatch(/Đã nộp 1\/\d+ đơn vị/);
    expect(status).toMatch(/✅ Văn phòng Sở — đã nộp/);
    expect(status).toMatch(/Thanh tra Sở — chưa bắt đầu/);
    for (const message of ngoc.messages()) expect(textOf(message).length).toBeLessThanOrEqual(2000);
  });

  it("“nhắc” reminds the late units; the reminder invites a tap, and the tap reaches the bot and opens the window again", async () => {
    const before = await db.prisma.channelAccount.findUniqueOrThrow({ where: { channel_externalId: { channel: "ZALO", externalId: tuan.userId } } });
    await ngoc.say("nhắc");
    expect(await ngoc.reply(/nhắc việc/)).toMatch(/Đang gửi nhắc việc tới \d+ đơn vị chưa nộp/);
    const reminder = await tuan.reply(IS_REMINDER);
    expect(reminder).toContain("Thanh tra Sở");
    // Lan's unit has submitted: she is not reminded.
    expect(lan.messages().some((m) => IS_REMINDER.test(textOf(m)))).toBe(false);
    // Every reminder on Zalo carries a button that sends a reply back (oa.query.hide).
    const reminders = oa.delivered.filter((m) => IS_REMINDER.test(textOf(m)));
    expect(reminders.length).toBeGreaterThan(0);
    for (const message of reminders) expect(buttonsOf(message).some((b) => b.type === "oa.query.hide")).toBe(true);
    const tap = buttonsOf(reminders.find((m) => m.userId === tuan.userId)!).find((b) => b.type === "oa.query.hide")!;
    await tuan.tap(tap.title);
    await tuan.reply(/Câu 1\/4/);
    const after = await db.prisma.channelAccount.findUniqueOrThrow({ where: { channel_externalId: { channel: "ZALO", externalId: tuan.userId } } });
    expect(after.lastInboundAt!.getTime()).toBeGreaterThan(before.lastInboundAt!.getTime());
  });

  it("“tổng hợp” uploads the compiled .docx and sends it as a file; the file opens", async () => {
    const uploadsBefore = oa.calls.filter((c) => c.endpoint === "upload").length;
    await ngoc.say("tổng hợp");
    await ngoc.reply(/Dự thảo báo cáo tổng hợp/);
    const deadline = Date.now() + 20_000;
    let file: DeliveredMessage | undefined;
    while (!file && Date.now() < deadline) {
      file = ngoc.messages().find((m) => (m.message as { attachment?: { type?: string } }).attachment?.type === "file");
      if (!file) await new Promise((r) => setTimeout(r, 50));
    }
    expect(file, "a file message to the secretary").toBeDefined();
    const uploads = oa.calls.filter((c) => c.endpoint === "upload").slice(uploadsBefore);
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.body.fileName).toMatch(/\.docx$/);
    expect(uploads[0]!.answer.error).toBe(0);
    const token = String((file!.message as { attachment: { payload: { token: string } } }).attachment.payload.token);
    const uploaded = oa.uploadedFile(token)!;
    const zip = await JSZip.loadAsync(uploaded.bytes);
    const text = (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
    expect(text).toContain("Báo cáo thử");
    expect(text).toContain("Nguyễn Thị Lan, Chánh Văn phòng");
  });
  it("“duyệt”: the secretary returns an answer with a comment; the reporter sees the comment", async () => {
    await ngoc.say("duyệt");
    await ngoc.reply(/Duyệt báo cáo/);
    await ngoc.choose(/Văn phòng Sở/);
    await ngoc.reply(/Văn phòng Sở — báo cáo/);
    await ngoc.choose(/Trả lại để bổ sung/);
    await ngoc.reply(/Chọn các câu/);
    await ngoc.choose(/^⬜ 2\b/);
    await ngoc.reply(/Chọn các câu/);
    await ngoc.choose(/Tiếp tục/);
    await ngoc.reply(/ý kiến/);
    const comment = "Đề nghị nêu rõ số hội nghị đã tổ chức trong kỳ.";
    await ngoc.say(comment);
    expect(await ngoc.reply(/Đã trả lại/)).toContain("Văn phòng Sở");
    const notice = await lan.reply((text) => text.includes(comment));
    expect(notice).toContain("bổ sung");
    const submission = await db.prisma.submission.findFirstOrThrow({ where: { roundId, unitId: units["van-phong"] } });
    expect(submission.status).toBe("RETURNED");
  });


  it("“viết lại”: the secretary picks a section by button or number, sends its text, and the next compile uses it", async () => {
    await ngoc.say("viết lại");
    await ngoc.reply(/chọn mục cần viết lại/);
    await ngoc.choose(/Nội dung/);
    await ngoc.reply(/gửi lời văn mới cho mục này/);
    await ngoc.say("Các đơn vị đã hoàn thành báo cáo thử đúng hạn, nội dung đầy đủ.");
    expect(await ngoc.reply(/Đã lưu lời văn mục/)).toContain("(lần 1,");
    for (const message of ngoc.messages().slice(-1)) expect(textOf(message).length).toBeLessThanOrEqual(2000);
    const uploadsBefore = oa.calls.filter((c) => c.endpoint === "upload").length;
    await ngoc.say("tổng hợp");
    await ngoc.until(() => oa.calls.filter((c) => c.endpoint === "upload").length > uploadsBefore);
    const upload = oa.calls.filter((c) => c.endpoint === "upload").at(-1)!;
    const file = oa.uploadedFile(String((upload.answer.data as { token: string }).token))!;
    const text = (await (await JSZip.loadAsync(file.bytes)).file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
    expect(text).toContain("Các đơn vị đã hoàn thành báo cáo thử đúng hạn, nội dung đầy đủ.");
  });
});
