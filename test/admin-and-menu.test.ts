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
  textsTo,
  user,
} from "./support/report-world.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { personByTelegramId } from "./support/people.ts";
import { createBot } from "../src/channels/telegram/create-bot.ts";
import { formatDateTime } from "../src/conversation/format-time.ts";
import { createLogger } from "../src/logger.ts";
import type { Choice, Reply } from "../src/messaging/reply.ts";
import { createNotifier } from "../src/queue/notifier.ts";
import { makeContext, type UseCaseDeps } from "../src/use-cases/context.ts";
import { dispatch } from "../src/use-cases/dispatch.ts";
import { identify } from "../src/use-cases/identify.ts";
import { recordApiCalls, TEST_BOT_INFO } from "./support/bot-harness.ts";
import { botDeps, TEST_KEYRING } from "./support/bot-deps.ts";
import { TOKEN } from "./support/report-world.ts";

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
    for (const line of ["/units — Quản lý danh sách đơn vị", "/invite — Tạo đường liên kết hoặc mã mời", "/compile — Tổng hợp dự thảo báo cáo (.docx)", "/newround — Mở kỳ báo cáo mới"]) {
      expect(forAdmin).toContain(line);
    }
    expect(forAdmin).not.toContain("/report —");
  });

  it("adds a unit: asks the name (refusing a sticker, a file and a name too long), then the kind", async () => {
    await say(admin, "/units");
    await tap(admin, "➕ Thêm đơn vị");
    expect(reply(admin)).toBe("Anh/Chị gửi tên đơn vị mới (tối đa 200 ký tự). Gõ /cancel để thôi.");
    await send(world.bot, world.rec, nonTextUpdate(admin, "sticker"));
    expect(reply(admin)).toBe("Anh/Chị vui lòng gõ tên đơn vị bằng chữ (hoặc gõ /cancel để thôi).");
    // A file (not a template) is no name either: the screen waiting for the name says so, and stays.
    await send(world.bot, world.rec, nonTextUpdate(admin, "document"));
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
    // The nine active units, then the way out.
    expect(labels).toHaveLength(10);
    expect(labels[9]).toBe("✖️ Hủy");
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
    expect((menu.payload.commands as Command[]).map((c) => c.command)).toEqual(["status", "newround", "rounds", "remind", "review", "compile", "rewrite", "export", "link", "help", "lang", "cancel"]);
    // The administrator who made the invite is told it was used.
    expect(reply(admin)).toBe("Thư đã dùng lời mời Văn phòng.");
  });

  it("each role's fallback names commands that role may use: the office is not sent to /report", async () => {
    // The secretary who joined above confirms the suggested name first (a text would be taken as the name).
    await tap(secretary, "✅ Đúng");
    expect(reply(secretary)).toBe("Cảm ơn Anh/Chị Thư. Tôi đã ghi tên này; Văn phòng sẽ thấy tên này bên cạnh các câu trả lời.");
    await say(secretary, "cho tôi xem với");
    expect(reply(secretary)).toBe("Tôi chưa rõ Anh/Chị cần gì. Gõ /status để xem tiến độ các đơn vị, /newround để mở kỳ báo cáo hoặc /help để xem các lệnh.");
    await send(world.bot, world.rec, nonTextUpdate(secretary, "photo"));
    expect(reply(secretary)).toBe("Tôi chỉ đọc được tin nhắn chữ. Gõ /status để xem tiến độ các đơn vị hoặc /help để xem các lệnh.");
    await say(admin, "cho tôi xem với");
    expect(reply(admin)).toBe("Tôi chưa rõ Anh/Chị cần gì. Gõ /units để quản lý đơn vị, /invite để mời người tham gia hoặc /help để xem các lệnh.");
    for (const who of [secretary, admin]) expect(textsTo(world.rec, who.id).slice(-2).join("\n")).not.toContain("/report");
  });

  it("/cancel stops a pending admin step; the next text is not taken as a unit name", async () => {
    await say(admin, "/units");
    await tap(admin, "➕ Thêm đơn vị");
    await say(admin, "/cancel");
    expect(reply(admin)).toBe("Đã dừng. Các câu trả lời đã lưu vẫn còn nguyên; gõ /report để tiếp tục.");
    await say(admin, "Phòng Mới");
    expect(reply(admin)).toBe("Tôi chưa rõ Anh/Chị cần gì. Gõ /units để quản lý đơn vị, /invite để mời người tham gia hoặc /help để xem các lệnh.");
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
    expect((await personByTelegramId(db.prisma, reporter.id))!.locale).toBe("en");
    const menu = calls.find((c) => c.method === "setMyCommands")!;
    expect(menu.payload.commands).toContainEqual({ command: "report", description: "Answer your unit's report questions" });

    await say(reporter, "/report");
    expect(reply(reporter)).toMatch(/^Continuing from the question you were answering\.\n\nQuestion 4\/10 · Phòng Quản lý khoa học\nHow many complaints this period\?/);
    await say(reporter, "/lang vi");
    expect(reply(reporter)).toBe("Đã chuyển sang tiếng Việt.");

    await say(stranger, "/lang en");
    expect(reply(stranger)).toBe("Ngôn ngữ đang theo cài đặt ứng dụng nhắn tin của Anh/Chị. Sau khi tham gia, Anh/Chị có thể đổi bằng lệnh /lang.");
    await say({ ...stranger, language_code: "en" }, "/help");
    expect(reply(stranger)).toMatch(/^The commands you can use:/);
  });

  it("/units shows who reports for each unit, or that nobody does yet", async () => {
    await say(admin, "/units");
    const list = reply(admin);
    expect(list).toContain("1. Văn phòng Sở — văn phòng · mã van-phong\n   ⚠️ chưa có người báo cáo\n2. Thanh tra Sở");
    expect(list).toContain("4. Phòng Quản lý khoa học — phòng chuyên môn · mã phong-quan-ly-khoa-hoc\n   Người báo cáo: Yến\n5.");
    // An inactive unit needs no reporter: nothing is said under it.
    expect(list).toMatch(/10\. ⏸ Phòng Pháp chế và Tổng hợp — phòng chuyên môn · mã phong-phap-che \(ngừng hoạt động\)$/);
  });

  it("a unit's typed name is cleaned like every name (controls, bidi marks, runs of spaces and lines); a kind's number can be typed", async () => {
    await say(admin, "/units");
    await tap(admin, "➕ Thêm đơn vị");
    await say(admin, "Phòng\u202E   Tài\u0007 vụ\u200B\n  và Kho");
    expect(reply(admin)).toBe("Chọn loại đơn vị cho “Phòng Tài vụ và Kho”:");
    await say(admin, "6");
    expect(reply(admin)).toMatch(/^✅ Đã thêm đơn vị “Phòng Tài vụ và Kho” \(mã phong-tai-vu-va-kho\)\./);
    expect(await db.prisma.unit.findFirstOrThrow({ where: { code: "phong-tai-vu-va-kho" } })).toMatchObject({ name: "Phòng Tài vụ và Kho", kind: "other" });

    await tap(admin, "✏️ Đổi tên");
    await tap(admin, "Phòng Tài vụ và Kho");
    await say(admin, "\u2066Phòng   Tài vụ\u2069");
    expect(reply(admin)).toMatch(/^✅ Đã đổi tên thành “Phòng Tài vụ”\./);
  });

  it("/invite can be cancelled: nothing is made", async () => {
    const before = await db.prisma.invite.count();
    await say(admin, "/invite");
    expect(reply(admin)).toBe("Anh/Chị muốn mời ai tham gia?");
    await tap(admin, "✖️ Hủy");
    expect(reply(admin)).toBe("Đã hủy; không tạo lời mời nào.");
    await say(admin, "/invite");
    await tap(admin, /Người báo cáo/);
    await tap(admin, "✖️ Hủy");
    expect(reply(admin)).toBe("Đã hủy; không tạo lời mời nào.");
    expect(await db.prisma.invite.count()).toBe(before);
  });

  it("with Zalo configured, /invite offers a Telegram link and a Zalo code; the code's message says what to do, expiring in the organisation's time zone", async () => {
    const zalo = createBot(TOKEN, { botInfo: TEST_BOT_INFO, deps: botDeps(db.prisma, { links: { zaloOaId: "4321987654321" } }) });
    const rec = recordApiCalls(zalo);
    const org = await db.prisma.organisation.findFirstOrThrow();
    // Not the process's TZ_REPORTS (Asia/Ho_Chi_Minh): the organisation's own zone counts.
    await db.prisma.organisation.update({ where: { id: org.id }, data: { timezone: "Asia/Tokyo" } });
    try {
      await send(zalo, rec, textUpdate(admin, "/invite"));
      const screen = messagesTo(rec, admin.id).at(-1)!;
      expect(String(screen.payload.text)).toContain("• Mã Zalo: người được mời quan tâm Official Account của cơ quan trên Zalo rồi gửi mã cho Official Account.");
      const labels = ((screen.payload.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard).map((row) => row.map((b) => b.text));
      expect(labels).toEqual([
        ["👤 Người báo cáo · liên kết Telegram", "👤 Người báo cáo · mã Zalo"],
        ["🗂 Văn phòng (thư ký) · liên kết Telegram", "🗂 Văn phòng (thư ký) · mã Zalo"],
        ["✖️ Hủy"],
      ]);
      await send(zalo, rec, callbackUpdate(admin, button(rec, admin.id, "👤 Người báo cáo · mã Zalo")));
      await send(zalo, rec, callbackUpdate(admin, button(rec, admin.id, "Thanh tra Sở")));
      const [note, message] = textsTo(rec, admin.id).slice(-2) as [string, string];
      expect(note).toBe("Đã tạo mã mời Zalo cho người báo cáo của Thanh tra Sở. Anh/Chị chuyển nguyên văn tin nhắn dưới đây cho đúng người; mã chỉ dùng được một lần.");
      const invite = await db.prisma.invite.findFirstOrThrow({ orderBy: { id: "desc" } });
      const code = /^([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2})$/m.exec(message)![1]!;
      expect(message).toBe(
        [
          "Anh/Chị được mời tham gia hệ thống báo cáo Tổng hợp của Sở Khoa học và Công nghệ với vai trò người báo cáo của Thanh tra Sở. Cách tham gia trên Zalo:",
          "1. Mở https://zalo.me/4321987654321 và bấm “Quan tâm” để theo dõi Official Account.",
          "2. Gửi mã sau vào khung chat với Official Account:",
          code,
          `Mã chỉ dùng một lần, hết hạn lúc ${formatDateTime(invite.expiresAt, "Asia/Tokyo", "vi")}.`,
        ].join("\n"),
      );
      expect(formatDateTime(invite.expiresAt, "Asia/Tokyo", "vi")).not.toBe(formatDateTime(invite.expiresAt, "Asia/Ho_Chi_Minh", "vi"));
      expect(invite).toMatchObject({ role: "REPORTER", unitId: units["thanh-tra"], usedAt: null });

      // The Telegram link of the same screen, with the same zone.
      await send(zalo, rec, textUpdate(admin, "/invite"));
      await send(zalo, rec, callbackUpdate(admin, button(rec, admin.id, "🗂 Văn phòng (thư ký) · liên kết Telegram")));
      const link = await db.prisma.invite.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(lastTextTo(rec, admin.id)).toMatch(
        new RegExp(`^Đường liên kết mời Văn phòng \\(chỉ dùng một lần, hết hạn lúc ${formatDateTime(link.expiresAt, "Asia/Tokyo", "vi")}\\):\nhttps://t\\.me/tong_hop_test_bot\\?start=`),
      );
    } finally {
      await db.prisma.organisation.update({ where: { id: org.id }, data: { timezone: org.timezone } });
    }
  });

  it("on Zalo alone, /invite makes codes only (a typed number picks), and the code lets a Zalo user join", async () => {
    const deps: UseCaseDeps = {
      ...botDeps(db.prisma, { links: { zaloOaId: "4321987654321" } }),
      notifier: createNotifier({ prisma: db.prisma, senders: [], keyring: TEST_KEYRING, defaultLocale: "vi", windows: {}, logger: createLogger("silent") }),
    };
    await db.prisma.person.create({ data: { name: "Quản Zalo", accounts: { create: { channel: "ZALO", externalId: "z-admin" } }, memberships: { create: { role: "ADMIN" } } } });
    const asZalo = async (externalId: string, inbound: Parameters<typeof dispatch>[1]) =>
      dispatch(makeContext(deps, await identify(deps, { channel: "zalo", externalId, address: externalId })), inbound);
    const labelsOf = (r: Reply) => (r.choices ?? []).flat().map((c: Choice) => c.label);

    const screen = await asZalo("z-admin", { kind: "command", name: "invite", args: "" });
    expect(labelsOf(screen.replies[0]!)).toEqual(["👤 Người báo cáo của một đơn vị", "🗂 Văn phòng (thư ký tổng hợp)", "✖️ Hủy"]);
    const made = await asZalo("z-admin", { kind: "text", text: "2" });
    const code = /^([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2})$/m.exec((made.replies[1] as { text: string }).text)![1]!;
    expect((made.replies[1] as { text: string }).text).toContain("với vai trò Văn phòng (thư ký tổng hợp)");

    const joined = await asZalo("z-new", { kind: "text", text: code.toLowerCase() });
    expect((joined.replies[0] as { text: string }).text).toMatch(/Anh\/Chị đã được ghi nhận với vai trò Văn phòng \(thư ký tổng hợp\)/);
  });

  it("unknown commands, stray files and unclear texts get a short answer", async () => {
    await say(admin, "/khongco");
    expect(reply(admin)).toBe("Tôi không có lệnh /khongco. Gõ /help để xem các lệnh Anh/Chị được dùng.");
    await send(world.bot, world.rec, nonTextUpdate(admin, "photo"));
    expect(reply(admin)).toBe("Tôi chỉ đọc được tin nhắn chữ và tệp mẫu báo cáo (.yaml). Gõ /units để quản lý đơn vị, /status để xem tiến độ hoặc /help để xem các lệnh.");
  });
});
