import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotContext } from "../src/channels/telegram/context.ts";
import { createBot } from "../src/channels/telegram/create-bot.ts";
import { createLogger } from "../src/logger.ts";
import type { Action } from "../src/messaging/action.ts";
import { createNotifier } from "../src/queue/notifier.ts";
import { storeTemplateUpload } from "../src/report/template-upload.ts";
import { makeContext, type UseCaseDeps } from "../src/use-cases/context.ts";
import { dispatch, runAction } from "../src/use-cases/dispatch.ts";
import { identify } from "../src/use-cases/identify.ts";
import { callbackUpdate, TEST_BOT_INFO, textUpdate } from "./support/bot-harness.ts";
import { botDeps, TEST_KEYRING } from "./support/bot-deps.ts";
import { bodyParagraphs } from "./support/docx-xml.ts";
import { FakeBotApi, type RecordedCall } from "./support/fake-bot-api.ts";
import { addPerson, createRound, nonTextUpdate, ROOT, seedOrganisation, seedTemplate, TOKEN, user } from "./support/report-world.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const REFORM = readFileSync(join(ROOT, "templates/cai-cach-hanh-chinh.yaml"), "utf8");
const EDITED = REFORM.replace("Tồn tại, hạn chế\n", "Tồn tại, hạn chế và nguyên nhân\n");
const KEY = "cai-cach-hanh-chinh";

const admin = user(7101, "Quản");
const secretary = user(7102, "Thư");
const reporter = user(7103, "Yến");
const english = user(7104, "Admin", "en");

const utf8 = (text: string) => new TextEncoder().encode(text);
const lineOf = (source: string, needle: string) => source.slice(0, source.indexOf(needle)).split("\n").length;

let updateId = 900_000;
function documentUpdate(from: { id: number; first_name: string; language_code?: string }, document: Record<string, unknown>): Update {
  const id = updateId++;
  return {
    update_id: id,
    message: {
      message_id: id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: from.id, type: "private", first_name: from.first_name },
      from: { id: from.id, is_bot: false, first_name: from.first_name, language_code: from.language_code },
      document,
    },
  } as unknown as Update;
}

/** What a multipart sendDocument carried: the file, the caption, the buttons. */
function documentOf(call: RecordedCall): { fileName: string; bytes: Buffer; caption: string; buttons: { text: string; callback_data: string }[] } {
  // grammY sends the file as its own part, named by "attach://<part>".
  const document = call.payload[String(call.payload.document).replace(/^attach:\/\//, "")] as { filename: string; bytes: Buffer };
  const markup = call.payload.reply_markup ? (JSON.parse(String(call.payload.reply_markup)) as { inline_keyboard: { text: string; callback_data: string }[][] }) : undefined;
  return { fileName: document.filename, bytes: document.bytes, caption: String(call.payload.caption ?? ""), buttons: markup?.inline_keyboard.flat() ?? [] };
}

describe("an administrator sends a template .yaml file to the Telegram bot", () => {
  const api = new FakeBotApi();
  let db: TestDatabase;
  let bot: Bot<BotContext>;

  /** Handles one update and returns the Bot API calls it made (but the commands menu set on a first update). */
  async function handle(update: Update): Promise<RecordedCall[]> {
    const before = api.calls.length;
    await bot.handleUpdate(update);
    return api.calls.slice(before).filter((c) => c.method !== "setMyCommands");
  }
  const texts = (calls: RecordedCall[]) => calls.filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text));
  const sendFile = (who: typeof admin, bytes: Uint8Array, fileName: string, size?: number) => handle(documentUpdate(who, api.addFile(bytes, { fileName, size })));
  const press = (who: typeof admin, data: string) => handle(callbackUpdate(who, data));
  const versions = async () => (await db.prisma.template.findMany({ where: { key: KEY }, orderBy: { version: "asc" } })).map((t) => t.version);

  beforeAll(async () => {
    await api.start();
    db = await createTestDatabase();
    const { orgId, units } = await seedOrganisation(db.prisma);
    await addPerson(db.prisma, admin.id, "Quản", [{ role: "ADMIN" }]);
    await addPerson(db.prisma, english.id, "Admin", [{ role: "ADMIN" }]);
    await addPerson(db.prisma, secretary.id, "Thư", [{ role: "SECRETARY" }]);
    await addPerson(db.prisma, reporter.id, "Yến", [{ role: "REPORTER", unitId: units["phong-quan-ly-khoa-hoc"] }]);
    await createRound(db.prisma, { orgId, templateId: await seedTemplate(db.prisma) });
    // Version 2 is stored already: the file sent in chat becomes version 3.
    expect(await storeTemplateUpload(db.prisma, { source: REFORM, fileName: "cai-cach-hanh-chinh.yaml", actorId: null })).toMatchObject({ ok: true, version: 2 });
    bot = createBot(TOKEN, { apiRoot: api.apiRoot, botInfo: TEST_BOT_INFO, deps: botDeps(db.prisma) });
  }, 60_000);

  afterAll(async () => {
    await api.stop();
    await db?.drop();
  });

  it("a good file: the summary, a preview .docx from example answers and a choice; confirming stores version 3, audited; a second confirmation changes nothing", async () => {
    const calls = await sendFile(admin, utf8(EDITED), "cchc-moi.yaml");
    expect(calls.map((c) => c.method)).toEqual(["getFile", "sendMessage", "sendDocument"]);
    expect(api.downloads).toHaveLength(1);
    const [summary] = texts(calls);
    expect(summary).toMatch(/^✅ Mẫu “Công tác cải cách hành chính” \(cai-cach-hanh-chinh\) hợp lệ: 8 mục, 10 câu hỏi, 5 số liệu tính toán, 2 phép kiểm tra\.\n/);
    expect(summary).toContain("\n\nCác mục:\nI. Công tác chỉ đạo, điều hành cải cách hành chính — direction\nII. Kết quả thực hiện các nhiệm vụ cải cách hành chính\n");
    expect(summary).toContain("III. Tồn tại, hạn chế và nguyên nhân — shortcomings");
    expect(summary).toContain("   1. Cải cách thể chế — institutions");
    expect(summary).toContain("• ty_le_dung_han = percent(dung_han, tiep_nhan, 2)");
    expect(summary).toContain("Kiểm tra khi đơn vị nộp:\n• tthc_dung_han <= tthc_tiep_nhan\n• tthc_truc_tuyen <= tthc_tiep_nhan");
    expect(summary).toContain("• Đơn vị sự nghiệp trực thuộc (affiliated): 8 câu — tthc_tiep_nhan,");
    expect(summary).toMatch(/\n\nChỉ để Văn phòng xem \(không in vào báo cáo\): tthc_dung_han, tthc_truc_tuyen$/);
    expect(summary).toMatch(/Ai được hỏi gì:\n• Văn phòng \(office\): 10 câu — direction,/);

    const preview = documentOf(calls[2]!);
    expect(preview.fileName).toBe("XEM-TRUOC-cai-cach-hanh-chinh.docx");
    expect(preview.caption).toBe("Bản xem trước với câu trả lời mẫu ở tệp đính kèm. Lưu “cchc-moi.yaml” thành phiên bản 3 của mẫu cai-cach-hanh-chinh?");
    expect(preview.buttons.map((b) => b.text)).toEqual(["💾 Lưu thành phiên bản 3", "✖️ Không lưu"]);
    const body = (await bodyParagraphs(preview.bytes)).join("\n");
    expect(body).toContain("BÁO CÁO");
    expect(body).toContain("III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN");
    expect(body).toMatch(/2\/3 đơn vị đã cung cấp dịch vụ công trực tuyến toàn trình/);
    // Nothing is stored before the choice.
    expect(await versions()).toEqual([2]);

    const store = preview.buttons[0]!.callback_data;
    expect(texts(await press(admin, store))).toEqual(["💾 Đã lưu mẫu “Công tác cải cách hành chính”, phiên bản 3. Kỳ báo cáo mới có thể dùng mẫu này."]);
    expect(await versions()).toEqual([2, 3]);
    const stored = await db.prisma.template.findFirstOrThrow({ where: { key: KEY, version: 3 } });
    expect(JSON.stringify(stored.definition)).toContain("Tồn tại, hạn chế và nguyên nhân");
    const audit = await db.prisma.auditEvent.findMany({ where: { action: "template.added" } });
    expect(audit).toHaveLength(2);
    const adminId = (await db.prisma.channelAccount.findFirstOrThrow({ where: { externalId: String(admin.id) } })).personId;
    expect(audit[1]).toMatchObject({ actorId: adminId, entityId: String(stored.id), data: { key: KEY, version: 3, fileName: "cchc-moi.yaml" } });

    // The same button again (a double tap, an old message): said so, nothing stored.
    expect(texts(await press(admin, store))[0]).toMatch(/^Tệp mẫu này không còn chờ xác nhận/);
    expect(await versions()).toEqual([2, 3]);
    expect(await db.prisma.auditEvent.count({ where: { action: "template.added" } })).toBe(2);
  }, 90_000);

  it("the same file again: nothing to store, no choice; a later file replaces an earlier one, whose confirmation is then stale; 'do not store' stores nothing", async () => {
    const same = await sendFile(admin, utf8(EDITED), "cchc-moi.yaml");
    expect(documentOf(same.find((c) => c.method === "sendDocument")!)).toMatchObject({ caption: "Mẫu này giống phiên bản 3 đã lưu; không có gì để lưu. Bản xem trước ở tệp đính kèm.", buttons: [] });

    const first = await sendFile(admin, utf8(EDITED.replace("Tồn tại, hạn chế và nguyên nhân\n", "Hạn chế\n")), "a.yaml");
    const second = await sendFile(admin, utf8(EDITED.replace("Tồn tại, hạn chế và nguyên nhân\n", "Khó khăn\n")), "b.yaml");
    const storeFirst = documentOf(first.find((c) => c.method === "sendDocument")!).buttons[0]!.callback_data;
    expect(texts(await press(admin, storeFirst))[0]).toMatch(/^Tệp mẫu này không còn chờ xác nhận/);
    const [storeSecond, dropSecond] = documentOf(second.find((c) => c.method === "sendDocument")!).buttons.map((b) => b.callback_data);
    // The choice is checked again when pressed: someone not an administrator changes nothing, even with its data.
    const foreign = await press(secretary, storeSecond!);
    expect(foreign.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe("Xin lỗi, chỉ quản trị viên mới dùng được chức năng này.");
    expect(await versions()).toEqual([2, 3]);
    expect(texts(await press(admin, dropSecond!))).toEqual(["Đã bỏ tệp “b.yaml”; không lưu gì."]);
    expect(await versions()).toEqual([2, 3]);

    // /cancel ends the wait too.
    const third = await sendFile(admin, utf8(EDITED.replace("Tồn tại, hạn chế và nguyên nhân\n", "Vướng mắc\n")), "c.yaml");
    await handle(textUpdate(admin, "/cancel"));
    expect(texts(await press(admin, documentOf(third.find((c) => c.method === "sendDocument")!).buttons[0]!.callback_data))[0]).toMatch(/^Tệp mẫu này không còn chờ xác nhận/);
    expect(await versions()).toEqual([2, 3]);
  }, 90_000);

  it("a bad file: every problem with its line, nothing stored, nothing held", async () => {
    const broken = REFORM.replace("subject: Kết quả", "subject: Kết quả {period.label}").replace("ty_le_dung_han: percent(dung_han, tiep_nhan, 2)", "ty_le_dung_han: percent(dung_han, tiep_nhn, 2)");
    const held = await db.prisma.templateUpload.count();
    const calls = await sendFile(admin, utf8(broken), "hong.yml");
    expect(calls.map((c) => c.method)).toEqual(["getFile", "sendMessage"]);
    const [reply] = texts(calls);
    // The mistyped name is also reported where the figure is used.
    expect(reply).toMatch(/^❌ Mẫu báo cáo “hong\.yml” có 3 lỗi; chưa lưu gì:\n/);
    expect(reply).toContain(`• Dòng ${lineOf(broken, "subject:")}: subject: {period.label} is not a placeholder`);
    expect(reply).toContain(`• Dòng ${lineOf(broken, "  ty_le_dung_han:")}: figures.ty_le_dung_han: "percent(dung_han, tiep_nhn, 2)": unknown name tiep_nhn`);
    expect(reply).toMatch(/Anh\/Chị sửa rồi gửi lại tệp\.$/);
    expect(await versions()).toEqual([2, 3]);
    expect(await db.prisma.templateUpload.count()).toBe(held);
  }, 60_000);

  it("a YAML syntax error shows its line; an English administrator reads the frame in English", async () => {
    const calls = await sendFile(english, utf8("key: x\nname: Ten: sai\n"), "x.yaml");
    const [reply] = texts(calls);
    expect(reply).toMatch(/^❌ The report template “x\.yaml” has \d+ problems?; nothing was stored:\n• Line 2: /);
  }, 60_000);

  it("a file too large is refused before it is downloaded; one that only claims to be small stops at the limit", async () => {
    const before = api.downloads.length;
    const big = utf8(`# ${"x".repeat(600 * 1024)}\n`);
    const calls = await sendFile(admin, big, "lon.yaml");
    expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);
    expect(texts(calls)[0]).toBe("Tệp “lon.yaml” nặng 601 KB, quá giới hạn 512 KB của một tệp mẫu báo cáo; tôi không tải tệp này về. Anh/Chị kiểm tra lại tệp (mẫu báo cáo thường chỉ vài chục KB).");
    expect(api.downloads.length).toBe(before);

    // Telegram's size is missing or wrong: the download itself stops past the limit.
    const lying = await sendFile(admin, big, "lon.yaml", 1000);
    expect(texts(lying)[0]).toMatch(/^Tệp “lon\.yaml” nặng hơn giới hạn 512 KB của một tệp mẫu báo cáo; tôi đã dừng tải\./);
  }, 60_000);

  it("a file of the wrong type, a photo, a file not in UTF-8 and an empty file are each told what is wrong", async () => {
    const pdf = await sendFile(admin, utf8("%PDF-1.4"), "mau-bao-cao.pdf");
    expect(pdf.map((c) => c.method)).toEqual(["sendMessage"]);
    expect(texts(pdf)[0]).toBe("Tôi chỉ đọc tệp mẫu báo cáo có đuôi .yaml hoặc .yml; tệp “mau-bao-cao.pdf” không được đọc. Cách viết một mẫu có trong templates/README.md.");
    const photo = await handle(nonTextUpdate(admin, "photo"));
    expect(texts(photo)[0]).toMatch(/^Tôi chỉ đọc được tin nhắn chữ và tệp mẫu báo cáo \(\.yaml\)\./);

    const latin1 = Buffer.from("key: bao-cao\nname: Báo cáo công tác\n", "latin1");
    expect(texts(await sendFile(admin, latin1, "latin.yaml"))[0]).toMatch(/^Tệp “latin\.yaml” không được lưu ở bảng mã UTF-8/);
    const empty = await sendFile(admin, new Uint8Array(0), "rong.yaml");
    expect(empty.map((c) => c.method)).toEqual(["sendMessage"]);
    expect(texts(empty)[0]).toBe("Tệp “rong.yaml” không có nội dung. Anh/Chị gửi tệp mẫu báo cáo đã viết.");
    expect(texts(await sendFile(admin, utf8("\n  \n"), "trang.yaml"))[0]).toMatch(/^Tệp “trang\.yaml” không có nội dung/);
  }, 60_000);

  it("someone not an administrator: the file is not downloaded; a reporter answering keeps the question and the saved answers", async () => {
    const before = api.downloads.length;
    const refused = await sendFile(secretary, utf8(EDITED), "cchc.yaml");
    expect(refused.map((c) => c.method)).toEqual(["sendMessage"]);
    expect(texts(refused)[0]).toBe("Chỉ quản trị viên mới thêm được mẫu báo cáo; tệp “cchc.yaml” không được đọc.");

    await handle(textUpdate(reporter, "/report"));
    await handle(textUpdate(reporter, "Phạm Thị Yến"));
    const mid = await sendFile(reporter, utf8(EDITED), "cchc.yaml");
    expect(texts(mid)[0]).toMatch(/^Tôi chỉ đọc được tin nhắn chữ\. Anh\/Chị vui lòng gõ câu trả lời/);
    expect(api.downloads.length).toBe(before);
    expect(await db.prisma.answer.count()).toBe(1);
    // The conversation goes on where it was.
    const next = texts(await handle(textUpdate(reporter, "Phần một của câu trả lời dài.")));
    expect(next.join("\n")).toMatch(/Câu 3\/10/);
    expect(await db.prisma.answer.count()).toBe(2);
    expect(await versions()).toEqual([2, 3]);
  }, 60_000);

  it("two confirmations at once (two bot processes, a double tap): one stores, the other is told it is stale", async () => {
    const deps: UseCaseDeps = {
      ...botDeps(db.prisma),
      notifier: createNotifier({ prisma: db.prisma, senders: [], keyring: TEST_KEYRING, defaultLocale: "vi", windows: {}, logger: createLogger("silent") }),
    };
    const context = async () => makeContext(deps, await identify(deps, { channel: "telegram", externalId: String(admin.id), address: String(admin.id) }));
    const source = EDITED.replace("Tồn tại, hạn chế và nguyên nhân\n", "Tồn tại và hạn chế\n");
    const file = { fileName: "d.yaml", size: source.length, download: async () => ({ ok: true as const, bytes: utf8(source) }) };
    const checked = await dispatch(await context(), { kind: "file", ...file });
    const confirm = checked.replies[1]!;
    if (confirm.kind !== "document") throw new Error("expected the preview with its choices");
    const store = confirm.choices![0]![0]!.action as Extract<Action, { op: "template.store" }>;
    const [a, b] = await Promise.all([runAction(await context(), store), runAction(await context(), store)]);
    const said = [a, b].map((answer) => (answer.replies[0] as { text: string }).text);
    expect(said.filter((t) => t === "💾 Đã lưu mẫu “Công tác cải cách hành chính”, phiên bản 4. Kỳ báo cáo mới có thể dùng mẫu này.")).toHaveLength(1);
    expect(said.filter((t) => t.startsWith("Tệp mẫu này không còn chờ xác nhận"))).toHaveLength(1);
    expect(await versions()).toEqual([2, 3, 4]);
  }, 60_000);
});
