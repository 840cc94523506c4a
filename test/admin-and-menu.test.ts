import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  user,
} from "./support/report-world.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const admin = user(5001, "Quản");
const reporter = user(5002, "Yến");
const secretary = user(5003, "Thư");
const stranger = user(5999, "Lạ");

type Command = { command: string; description: string };

describe("/units, /invite, the commands menu, /help, /lang, /cancel", () => {
  let db: TestDatabase;
  let world: ReturnType<typeof buildBot>;
  let units: Record<string, number>;
  const say = (who: { id: number; first_name: string; language_code?: string }, text: string) => send(world.bot, world.rec, textUpdate(who, text));
  const tap = (who: { id: number; first_name: string }, label: RegExp | string) => send(world.bot, world.rec, callbackUpdate(who, button(world.rec, who.id, label)));
  const reply = (who: { id: number }) => lastTextTo(world.rec, who.id);

  beforeAll(async () => {
    db = await createTestDatabase();
    world = buildBot(db.prisma);
    const seeded = await seedOrganisation(db.prisma);
    units = seeded.units;
    await addPerson(db.prisma, admin.id, "Quản", [{ role: "ADMIN" }]);
    await addPerson(db.prisma, reporter.id, "Yến", [{ role: "REPORTER", unitId: units["phong-quan-ly-khoa-hoc"] }]);
    await createRound(db.prisma, { orgId: seeded.orgId, templateId: await seedTemplate(db.prisma) });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("sets the default menu once, on the first update: Vietnamese by default, English for English clients", async () => {
    const calls = await say(stranger, "/help");
    const menus = calls.filter((c) => c.method === "setMyCommands");
    expect(menus.map((m) => [m.payload.scope, m.payload.language_code])).toEqual([
      [{ type: "default" }, undefined],
      [{ type: "default" }, "en"],
    ]);
    expect(menus[0]!.payload.commands).toEqual([
      { command: "start", description: "Giới thiệu và tham gia" },
      { command: "help", description: "Các lệnh Anh/Chị được dùng" },
      { command: "lang", description: "Đổi ngôn ngữ (Tiếng Việt / English)" },
    ]);
    expect((menus[1]!.payload.commands as Command[])[0]!.description).toBe("About the bot and joining");
    expect((await say(stranger, "/help")).filter((c) => c.method === "setMyCommands")).toHaveLength(0);
  });

  it("/help lists only what this person may do", async () => {
    expect(reply(stranger)).toContain("Anh/Chị chưa tham gia. Để tham gia, Anh/Chị mở đường liên kết mời");
    expect(reply(stranger)).not.toContain("/report");

    await say(reporter, "/help");
    const forReporter = reply(reporter);
    expect(forReporter).toContain("/report — Trả lời câu hỏi báo cáo của đơn vị");
    expect(forReporter).toContain("Anh/Chị báo cáo cho: Phòng Quản lý khoa học.");
    expect(forReporter).not.toContain("/units");
    expect(forReporter).not.toContain("/compile");

    await say(admin, "/help");
    const forAdmin = reply(admin);
    for (const line of ["/units — Quản lý danh sách đơn vị", "/invite — Tạo đường liên kết mời", "/compile — Tổng hợp dự thảo báo cáo (.docx)", "/newround — Mở kỳ báo cáo mới"]) {
      expect(forAdmin).toContain(line);
    }
    expect(forAdmin).not.toContain("/report —");
  });

  it("adds a unit: asks the name (refusing a sticker and a name too long), then the kind", async () => {
    await say(admin, "/units");
    await tap(admin, "➕ Thêm đơn vị");
    expect(reply(admin)).toBe("Anh/Chị gửi tên đơn vị mới (tối đa 200 ký tự). Gõ /cancel để thôi.");
    await send(world.bot, world.rec, nonTextUpdate(admin, "sticker"));
    expect(reply(admin)).toBe("Anh/Chị vui lòng gõ tên đơn vị bằng chữ (hoặc gõ /cancel để thôi).");
    await say(admin, "x".repeat(201));
    expect(reply(admin)).toBe("Tên đơn vị phải có từ 1 đến 200 ký tự (tên vừa gửi dài 201 ký tự). Anh/Chị gửi lại.");
    await say(admin, "Phòng Pháp chế");
    expect(reply(admin)).toBe("Chọn loại đơn vị cho “Phòng Pháp chế”:");
    await tap(admin, "phòng chuyên môn");
    expect(reply(admin)).toMatch(/^✅ Đã thêm đơn vị “Phòng Pháp chế” \(mã phong-phap-che\)\.\n\nDanh sách đơn vị \(10\):/);
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { code: "phong-phap-che" } });
    expect(unit).toMatchObject({ name: "Phòng Pháp chế", kind: "department", order: 10, active: true });
  });

  it("renames and deactivates a unit; an inactive unit is not offered for invites", async () => {
    await say(admin, "/units");
    await tap(admin, "✏️ Đổi tên");
    await tap(admin, "Phòng Pháp chế");
    expect(reply(admin)).toBe("Anh/Chị gửi tên mới cho “Phòng Pháp chế” (tối đa 200 ký tự). Gõ /cancel để thôi.");
    await say(admin, "Phòng Pháp chế và Tổng hợp");
    expect(reply(admin)).toMatch(/^✅ Đã đổi tên thành “Phòng Pháp chế và Tổng hợp”\./);

    await tap(admin, "⏯ Ngừng / mở lại");
    await tap(admin, "Phòng Pháp chế và Tổng hợp");
    expect(reply(admin)).toMatch(/^⏸ Đơn vị “Phòng Pháp chế và Tổng hợp” đã ngừng hoạt động/);
    expect(reply(admin)).toContain("10. ⏸ Phòng Pháp chế và Tổng hợp — phòng chuyên môn · mã phong-phap-che (ngừng hoạt động)");

    await say(admin, "/invite");
    await tap(admin, /Người báo cáo/);
    const picker = messagesTo(world.rec, admin.id).slice(-1)[0]!;
    const labels = ((picker.payload.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard).flat().map((b) => b.text);
    expect(labels).toHaveLength(9);
    expect(labels).not.toContain("Phòng Pháp chế và Tổng hợp");
    const audit = await db.prisma.auditEvent.findMany({ where: { entityType: "Unit" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["unit.created", "unit.renamed", "unit.deactivated"]);
  });

  it("/invite makes a secretary link; the secretary joins and gets the office menu", async () => {
    await say(admin, "/invite");
    await tap(admin, /Văn phòng \(thư ký/);
    const text = reply(admin);
    expect(text).toMatch(/^Đường liên kết mời Văn phòng \(chỉ dùng một lần, hết hạn lúc \d\d:\d\d ngày [\d/]+\):\nhttps:\/\/t\.me\/tong_hop_test_bot\?start=/);
    const code = /start=([A-Za-z0-9_-]+)/.exec(text)![1]!;
    const calls = await say(secretary, `/start ${code}`);
    const menu = calls.find((c) => c.method === "setMyCommands")!;
    expect(menu.payload.scope).toEqual({ type: "chat", chat_id: secretary.id });
    expect((menu.payload.commands as Command[]).map((c) => c.command)).toEqual(["status", "newround", "rounds", "remind", "review", "compile", "export", "help", "lang", "cancel"]);
  });

  it("/cancel stops a pending admin step; the next text is not taken as a unit name", async () => {
    await say(admin, "/units");
    await tap(admin, "➕ Thêm đơn vị");
    await say(admin, "/cancel");
    expect(reply(admin)).toBe("Đã dừng. Các câu trả lời đã lưu vẫn còn nguyên; gõ /report để tiếp tục.");
    await say(admin, "Phòng Mới");
    expect(reply(admin)).toBe("Tôi chưa rõ Anh/Chị cần gì. Gõ /report để trả lời báo cáo hoặc /help để xem các lệnh.");
    expect(await db.prisma.unit.count({ where: { name: "Phòng Mới" } })).toBe(0);
    await say(admin, "/cancel");
    expect(reply(admin)).toBe("Hiện không có thao tác nào đang dở.");
  });

  it("/cancel while new list items wait for “add or replace” drops them and keeps saved answers", async () => {
    await say(reporter, "/report");
    await say(reporter, "Phạm Thị Yến");
    await say(reporter, "Phần một của câu trả lời dài.");
    await say(reporter, "- Họp giao ban");
    await tap(reporter, "⬅️ Câu trước");
    await say(reporter, "Tập huấn");
    expect(reply(reporter)).toMatch(/^Câu 3 đang có 1 mục:/);
    await say(reporter, "/cancel");
    expect(reply(reporter)).toMatch(/^Đã dừng\. 1 mục Anh\/Chị vừa gửi \(chưa chọn thêm vào hay thay thế\) không được lưu/);
    await say(reporter, "một tin nhắn sau khi dừng");
    expect(reply(reporter)).toBe("Tôi chưa rõ Anh/Chị cần gì. Gõ /report để trả lời báo cáo hoặc /help để xem các lệnh.");
    await say(reporter, "/report");
    expect(reply(reporter)).toMatch(/^Câu 4\/10 · Phòng Quản lý khoa học/);
    expect(await db.prisma.answer.count()).toBe(3);
    expect((await db.prisma.answer.findFirstOrThrow({ where: { questionKey: "activities" } })).value).toEqual(["Họp giao ban"]);
  });

  it("/lang switches the person's language (stored), their menu and the texts; a stranger is told it follows Telegram", async () => {
    await say(reporter, "/lang");
    const calls = await tap(reporter, "English");
    expect(reply(reporter)).toBe("Switched to English.");
    expect((await db.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(reporter.id) } })).locale).toBe("en");
    const menu = calls.find((c) => c.method === "setMyCommands")!;
    expect(menu.payload.commands).toContainEqual({ command: "report", description: "Answer your unit's report questions" });

    await say(reporter, "/report");
    expect(reply(reporter)).toMatch(/^Continuing from the question you were answering\.\n\nQuestion 4\/10 · Phòng Quản lý khoa học\nHow many complaints this period\?/);
    await say(reporter, "/lang vi");
    expect(reply(reporter)).toBe("Đã chuyển sang tiếng Việt.");

    await say(stranger, "/lang en");
    expect(reply(stranger)).toBe("Ngôn ngữ đang theo cài đặt Telegram của Anh/Chị. Sau khi tham gia, Anh/Chị có thể đổi bằng lệnh /lang.");
    await say({ ...stranger, language_code: "en" }, "/help");
    expect(reply(stranger)).toMatch(/^The commands you can use:/);
  });

  it("unknown commands, stray files and unclear texts get a short answer", async () => {
    await say(admin, "/khongco");
    expect(reply(admin)).toBe("Tôi không có lệnh /khongco. Gõ /help để xem các lệnh Anh/Chị được dùng.");
    await send(world.bot, world.rec, nonTextUpdate(admin, "photo"));
    expect(reply(admin)).toBe("Tôi chỉ đọc được tin nhắn chữ. Gõ /report để trả lời báo cáo hoặc /help để xem các lệnh.");
  });
});
