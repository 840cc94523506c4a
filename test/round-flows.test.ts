import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeAction } from "../src/messaging/action-codec.ts";
import type { Answer, Choice } from "../src/messaging/reply.ts";
import { createLogger } from "../src/logger.ts";
import { seedHolidays } from "../src/queue/holidays.ts";
import { createNotifier } from "../src/queue/notifier.ts";
import { loadBundledTemplate } from "../src/report/bundled-templates.ts";
import { ensureBundledTemplates, ensureTemplate } from "../src/report/ensure-template.ts";
import { makeContext, type UseCaseDeps } from "../src/use-cases/context.ts";
import { dispatch, type Inbound } from "../src/use-cases/dispatch.ts";
import { identify } from "../src/use-cases/identify.ts";
import { callbackUpdate, textUpdate, type OutgoingCall } from "./support/bot-harness.ts";
import { TEST_KEYRING } from "./support/bot-deps.ts";
import { button, buildOfficeBot, buttonsOf, lastTextTo, messagesTo, who, type Recorder } from "./support/office-world.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

// Monday 30/09/2024, 10:00 in Hà Nội.
const NOW = new Date("2024-09-30T03:00:00Z");
const DAN_CHU = loadBundledTemplate("dan-chu-co-so").name.vi;
const CAI_CACH = loadBundledTemplate("cai-cach-hanh-chinh").name.vi;

/** Zalo's limits, as its renderer applies them: longest text, choices shown as buttons. */
const ZALO_TEXT = 2000;
const ZALO_BUTTONS = 5;

describe("rounds as use cases: wizard instances, concurrent confirms, moved deadlines, channel limits, permissions", () => {
  let db: TestDatabase;
  let bot: ReturnType<typeof buildOfficeBot>["bot"];
  let rec: Recorder;
  let orgId: number;
  let officeUnitId: number;
  let telegramIds = 9_500_000;

  async function secretary(name: string): Promise<{ id: number; telegramId: number; membershipId: number }> {
    const telegramId = telegramIds++;
    const row = await db.prisma.person.create({
      data: { accounts: { create: { channel: "TELEGRAM", externalId: String(telegramId) } }, name, memberships: { create: { role: "SECRETARY" } } },
      select: { id: true, memberships: { select: { id: true } } },
    });
    return { id: row.id, telegramId, membershipId: row.memberships[0]!.id };
  }

  const press = (from: ReturnType<typeof who>, label: string | RegExp) => bot.handleUpdate(callbackUpdate(from, button(rec, from.id, label)));
  const type = (from: ReturnType<typeof who>, text: string) => bot.handleUpdate(textUpdate(from, text));
  const lastToast = (): OutgoingCall["payload"] => rec.calls.filter((c) => c.method === "answerCallbackQuery").at(-1)!.payload;
  const sessionOf = async (telegramId: number) => ((await db.prisma.chatSession.findUnique({ where: { key: `telegram:${telegramId}` } }))?.data ?? {}) as Record<string, unknown>;

  /** From /newround to the summary: report, "Quý", the suggested Quý III 2024, deadline, no document, default recipients. */
  async function toSummary(from: ReturnType<typeof who>, deadline = "15/10/2024"): Promise<void> {
    await type(from, "/newround");
    await press(from, DAN_CHU);
    await press(from, "Quý");
    await press(from, "Quý III năm 2024");
    await type(from, deadline);
    await press(from, "⏭ Không có văn bản, bỏ qua");
    await press(from, "✅ Giữ nguyên");
    expect(lastTextTo(rec, from.id)).toContain("Bước 6.");
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedHolidays(db.prisma);
    const org = await db.prisma.organisation.create({
      data: { name: "SỞ KHOA HỌC VÀ CÔNG NGHỆ", shortName: "Sở Khoa học và Công nghệ", parentName: "UBND TỈNH HƯNG YÊN", symbol: "SKHCN", place: "Hưng Yên", signerTitle: "GIÁM ĐỐC", signerName: "Nguyễn Văn A" },
    });
    orgId = org.id;
    for (const [i, name] of ["Văn phòng Sở", "Thanh tra Sở", "Phòng Quản lý chuyên ngành"].entries()) {
      const unit = await db.prisma.unit.create({ data: { organisationId: org.id, code: `dv-${i}`, name, kind: "department", order: i + 1 } });
      if (i === 0) officeUnitId = unit.id;
      await db.prisma.person.create({
        data: { accounts: { create: { channel: "TELEGRAM", externalId: String(telegramIds++) } }, name: `Người báo cáo ${i + 1}`, memberships: { create: { role: "REPORTER", unitId: unit.id } } },
      });
    }
    ({ bot, rec } = buildOfficeBot(db.prisma, { now: () => NOW }));
  });

  afterAll(async () => {
    await db?.drop();
  });

  it("an old wizard's «Hủy» is refused as out of date and leaves the newer wizard as it was", async () => {
    const s = await secretary("Thư ký A");
    const from = who(s.telegramId);
    await type(from, "/newround");
    await press(from, DAN_CHU);
    const oldCancel = button(rec, s.telegramId, "✖️ Hủy");
    const oldKind = button(rec, s.telegramId, "Năm");

    await type(from, "/newround");
    await press(from, DAN_CHU);
    await press(from, "Quý");
    const draft = (await sessionOf(s.telegramId)).newround;
    expect(draft).toMatchObject({ step: "period", periodKind: "QUARTER" });

    await bot.handleUpdate(callbackUpdate(from, oldCancel));
    expect(lastToast()).toMatchObject({ text: expect.stringContaining("Nút này đã cũ"), show_alert: true });
    await bot.handleUpdate(callbackUpdate(from, oldKind));
    expect(lastToast()).toMatchObject({ text: expect.stringContaining("Nút này đã cũ") });
    expect((await sessionOf(s.telegramId)).newround).toEqual(draft);

    // The newer wizard goes on where it was.
    await press(from, "Quý III năm 2024");
    expect(lastTextTo(rec, s.telegramId)).toContain("Bước 3.");
    // Its own «Hủy» still cancels it.
    await press(from, "✖️ Hủy");
    expect(lastTextTo(rec, s.telegramId)).toBe("Đã hủy; chưa có kỳ báo cáo nào được mở.");
    expect((await sessionOf(s.telegramId)).newround).toBeUndefined();
  });

  it("two secretaries confirming the same report and period at once open one round; the other is told it is open, with its title", async () => {
    const [a, b] = [await secretary("Thư ký B"), await secretary("Thư ký C")];
    await toSummary(who(a.telegramId), "15/10/2024");
    await toSummary(who(b.telegramId), "16/10/2024");
    const confirms = [a, b].map((s) => callbackUpdate(who(s.telegramId), button(rec, s.telegramId, "✅ Mở kỳ báo cáo")));
    await Promise.all(confirms.map((update) => bot.handleUpdate(update)));

    const rounds = await db.prisma.round.findMany({ where: { organisationId: orgId, periodKind: "QUARTER", periodYear: 2024, periodNumber: 3, status: "OPEN" } });
    expect(rounds).toHaveLength(1);
    const answers = [lastTextTo(rec, a.telegramId), lastTextTo(rec, b.telegramId)];
    const opened = answers.filter((t) => t.startsWith(`✅ Đã mở kỳ báo cáo Quý III năm 2024 — ${DAN_CHU}.`));
    const refused = answers.filter((t) => t.startsWith(`⚠️ Kỳ báo cáo này đã được mở rồi: Quý III năm 2024 — ${DAN_CHU}, hạn nộp `));
    expect(opened).toHaveLength(1);
    expect(refused).toHaveLength(1);
    // The refusal names the open round's own deadline and offers the rounds screen.
    const deadline = rounds[0]!.deadline.getTime() === new Date("2024-10-15T10:00:00Z").getTime() ? "Thứ Ba, 15/10/2024 lúc 17:00" : "Thứ Tư, 16/10/2024 lúc 17:00";
    expect(refused[0]).toContain(`hạn nộp ${deadline}.`);
    const refusedTo = answers[0] === refused[0] ? a : b;
    expect(buttonsOf(messagesTo(rec, refusedTo.telegramId).at(-1)!).map((x) => x.text)).toEqual(["📅 Các kỳ báo cáo"]);
    await press(who(refusedTo.telegramId), "📅 Các kỳ báo cáo");
    expect(lastTextTo(rec, refusedTo.telegramId)).toContain(`1. 🟢 Quý III năm 2024 — ${DAN_CHU}`);
  });

  it("a new round's deadline on a Sunday or a holiday is shown with its weekday and a warning, and can be changed from the summary", async () => {
    const s = await secretary("Thư ký D");
    const from = who(s.telegramId);
    await type(from, "/newround");
    await press(from, DAN_CHU);
    await press(from, "6 tháng");
    await press(from, "📅 Kỳ khác…");
    await press(from, "6 tháng đầu năm");
    await press(from, "6 tháng đầu năm 2024");
    await type(from, "13/10/2024");
    const request = lastTextTo(rec, s.telegramId);
    expect(request).toContain("Hạn nộp: Chủ Nhật, 13/10/2024 lúc 17:00.");
    expect(request).toContain("⚠️ Hạn nộp rơi vào Chủ Nhật, ngày nghỉ cuối tuần. Ngày làm việc liền trước là Thứ Sáu, 11/10/2024.");
    expect(buttonsOf(messagesTo(rec, s.telegramId).at(-1)!).map((x) => x.text)).toEqual(["⏭ Không có văn bản, bỏ qua", "📅 Đổi hạn nộp", "✖️ Hủy"]);
    await press(from, "⏭ Không có văn bản, bỏ qua");
    await press(from, "✅ Giữ nguyên");
    const summary = lastTextTo(rec, s.telegramId);
    expect(summary).toContain("• Hạn nộp: Chủ Nhật, 13/10/2024 lúc 17:00");
    expect(summary).toContain("⚠️ Hạn nộp rơi vào Chủ Nhật, ngày nghỉ cuối tuần. Ngày làm việc liền trước là Thứ Sáu, 11/10/2024.");

    // Changing only the deadline goes straight back to the summary.
    await press(from, "📅 Đổi hạn nộp");
    expect(lastTextTo(rec, s.telegramId)).toContain("Bước 3.");
    await type(from, "1/1/2025");
    const holiday = lastTextTo(rec, s.telegramId);
    expect(holiday).toContain("Bước 6.");
    expect(holiday).toContain("• Hạn nộp: Thứ Tư, 01/01/2025 lúc 17:00");
    expect(holiday).toContain("⚠️ Hạn nộp rơi vào ngày nghỉ lễ (Tết Dương lịch). Ngày làm việc liền trước là Thứ Ba, 31/12/2024.");
    await press(from, "📅 Đổi hạn nộp");
    await type(from, "11/10/2024");
    const working = lastTextTo(rec, s.telegramId);
    expect(working).toContain("• Hạn nộp: Thứ Sáu, 11/10/2024 lúc 17:00");
    expect(working).not.toContain("⚠️ Hạn nộp rơi");
    await press(from, "✖️ Hủy");
  });

  it("the request document is shown in the parts the round stores (kind, number, date, issuer, subject) and can be typed again", async () => {
    const s = await secretary("Thư ký G");
    const from = who(s.telegramId);
    // A period no other test opens.
    await type(from, "/newround");
    await press(from, DAN_CHU);
    await press(from, "Quý");
    await press(from, "📅 Kỳ khác…");
    await press(from, /^Quý I$/);
    await press(from, "Quý I năm 2023");
    await type(from, "16/10/2024");
    await press(from, "⏭ Không có văn bản, bỏ qua");
    await press(from, "✅ Giữ nguyên");
    expect(lastTextTo(rec, s.telegramId)).toContain("Bước 6.");
    await press(from, "✏️ Sửa văn bản yêu cầu");
    expect(lastTextTo(rec, s.telegramId)).toContain("Bước 4.");
    // Without a subject: the part is said to be missing, and the template's own subject will be used.
    await type(from, "Kế hoạch số 01/KH-BCĐ ngày 10/9/2024 của Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở");
    const plain = lastTextTo(rec, s.telegramId);
    expect(plain).toContain(
      "• Loại văn bản: Kế hoạch\n• Số: 01/KH-BCĐ\n• Ngày: 10/09/2024\n• Cơ quan ban hành: Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở\n• Trích yếu: (chưa rõ)\n",
    );
    // Changed from the summary: straight back to it.
    expect(plain).toContain("Bước 6.");
    expect(buttonsOf(messagesTo(rec, s.telegramId).at(-1)!).map((x) => x.text)).toEqual(["✅ Mở kỳ báo cáo", "📅 Đổi hạn nộp", "✏️ Sửa văn bản yêu cầu", "✖️ Hủy"]);

    await press(from, "✏️ Sửa văn bản yêu cầu");
    await type(from, "Công văn số 215/BDVTU-CQ ngày 12/9/2024 của Ban Dân vận Tỉnh ủy về việc báo cáo kết quả thực hiện dân chủ ở cơ sở");
    const withSubject = lastTextTo(rec, s.telegramId);
    expect(withSubject).toContain(
      "• Loại văn bản: Công văn\n• Số: 215/BDVTU-CQ\n• Ngày: 12/09/2024\n• Cơ quan ban hành: Ban Dân vận Tỉnh ủy\n• Trích yếu: về việc báo cáo kết quả thực hiện dân chủ ở cơ sở\n",
    );
    expect(withSubject).toContain("• Văn bản yêu cầu: Công văn số 215/BDVTU-CQ ngày 12/9/2024 của Ban Dân vận Tỉnh ủy về việc báo cáo kết quả thực hiện dân chủ ở cơ sở\n");
    await press(from, "✅ Mở kỳ báo cáo");
    const round = await db.prisma.round.findFirstOrThrow({ where: { createdById: s.id } });
    expect(round).toMatchObject({ requestDocKind: "Công văn", requestDocNumber: "215/BDVTU-CQ", requestDocIssuer: "Ban Dân vận Tỉnh ủy", requestDocSubject: "về việc báo cáo kết quả thực hiện dân chủ ở cơ sở" });
    await db.prisma.round.update({ where: { id: round.id }, data: { status: "CLOSED" } });
  });

  it("moving a deadline asks for confirmation with the weekday, warns on weekends and holidays, and takes the last date typed only", async () => {
    const s = await secretary("Thư ký E");
    const from = who(s.telegramId);
    const round = await db.prisma.round.findFirstOrThrow({ where: { organisationId: orgId, status: "OPEN", periodKind: "QUARTER" } });
    await type(from, "/rounds");
    await press(from, "1. ⏰ Dời hạn");
    await type(from, "13/10/2024 9:00");
    const sunday = lastTextTo(rec, s.telegramId);
    expect(sunday).toContain("• Hạn mới: Chủ Nhật, 13/10/2024 lúc 09:00");
    expect(sunday).toContain("⚠️ Hạn nộp rơi vào Chủ Nhật, ngày nghỉ cuối tuần. Ngày làm việc liền trước là Thứ Sáu, 11/10/2024.");
    const sundayConfirm = button(rec, s.telegramId, "✅ Dời hạn");

    // Another date typed instead: the first confirmation is out of date.
    await type(from, "1/1/2025");
    expect(lastTextTo(rec, s.telegramId)).toContain("⚠️ Hạn nộp rơi vào ngày nghỉ lễ (Tết Dương lịch). Ngày làm việc liền trước là Thứ Ba, 31/12/2024.");
    await bot.handleUpdate(callbackUpdate(from, sundayConfirm));
    expect(lastToast()).toMatchObject({ text: expect.stringContaining("Nút này đã cũ") });
    expect((await db.prisma.round.findUniqueOrThrow({ where: { id: round.id } })).deadline).toEqual(round.deadline);

    await type(from, round.deadline.getTime() === new Date("2024-10-15T10:00:00Z").getTime() ? "15/10/2024" : "16/10/2024");
    expect(lastTextTo(rec, s.telegramId)).toContain("Hạn nộp mới trùng với hạn hiện tại");

    await type(from, "18/10/2024");
    expect(lastTextTo(rec, s.telegramId)).not.toContain("⚠️");
    await press(from, "✅ Dời hạn");
    expect(lastTextTo(rec, s.telegramId)).toContain("sang Thứ Sáu, 18/10/2024 lúc 17:00");
    expect((await db.prisma.round.findUniqueOrThrow({ where: { id: round.id } })).deadline).toEqual(new Date("2024-10-18T10:00:00Z"));
    // «Không dời» leaves the deadline and stops listening for a date.
    await type(from, "/rounds");
    await press(from, "1. ⏰ Dời hạn");
    await press(from, "✖️ Không dời");
    await type(from, "25/10/2024");
    expect((await db.prisma.round.findUniqueOrThrow({ where: { id: round.id } })).deadline).toEqual(new Date("2024-10-18T10:00:00Z"));
  });

  it("a secretary whose role is removed mid-way is refused at the next step and what they were doing is dropped", async () => {
    const s = await secretary("Thư ký F");
    const from = who(s.telegramId);
    const revoke = () => db.prisma.membership.update({ where: { id: s.membershipId }, data: { revokedAt: NOW } });
    const restore = () => db.prisma.membership.update({ where: { id: s.membershipId }, data: { revokedAt: null } });

    // A choice.
    await type(from, "/newround");
    await press(from, DAN_CHU);
    const kind = button(rec, s.telegramId, "Tháng");
    await revoke();
    await bot.handleUpdate(callbackUpdate(from, kind));
    expect(lastToast()).toMatchObject({ text: expect.stringContaining("Chức năng này dành cho Văn phòng") });
    expect((await sessionOf(s.telegramId)).newround).toBeUndefined();
    await restore();
    await bot.handleUpdate(callbackUpdate(from, kind));
    expect(lastToast()).toMatchObject({ text: expect.stringContaining("Nút này đã cũ") });

    // Typed text.
    await type(from, "/newround");
    await press(from, DAN_CHU);
    await press(from, "Năm");
    await press(from, "năm 2024");
    expect((await sessionOf(s.telegramId)).focus).toBe("newround");
    await revoke();
    await type(from, "20/10/2024");
    expect(lastTextTo(rec, s.telegramId)).toContain("Chức năng này dành cho Văn phòng");
    const session = await sessionOf(s.telegramId);
    expect(session.newround).toBeUndefined();
    expect(session.focus).toBeUndefined();

    // A deadline being moved.
    await restore();
    await type(from, "/rounds");
    await press(from, "1. ⏰ Dời hạn");
    await type(from, "21/10/2024");
    const confirmMove = button(rec, s.telegramId, "✅ Dời hạn");
    await revoke();
    await bot.handleUpdate(callbackUpdate(from, confirmMove));
    expect(lastToast()).toMatchObject({ text: expect.stringContaining("Chức năng này dành cho Văn phòng") });
    expect((await sessionOf(s.telegramId)).rounds).toBeUndefined();
    await restore();
    await bot.handleUpdate(callbackUpdate(from, confirmMove));
    expect(lastToast()).toMatchObject({ text: expect.stringContaining("Nút này đã cũ") });
    expect((await db.prisma.round.findFirstOrThrow({ where: { organisationId: orgId, status: "OPEN", periodKind: "QUARTER" } })).deadline).toEqual(new Date("2024-10-18T10:00:00Z"));
  });

  describe("on Zalo's limits", () => {
    let deps: UseCaseDeps;
    let zaloIds = 1;

    /** A secretary on Zalo, talking to the use cases through the one entrance. */
    async function zaloSecretary(options: { alsoReportsFor?: number } = {}) {
      const externalId = `zalo-secretary-${zaloIds++}`;
      const memberships = [{ role: "SECRETARY" as const }, ...(options.alsoReportsFor ? [{ role: "REPORTER" as const, unitId: options.alsoReportsFor }] : [])];
      await db.prisma.person.create({ data: { accounts: { create: { channel: "ZALO", externalId } }, name: "Thư ký Zalo", memberships: { create: memberships } } });
      let last: Answer = { replies: [] };
      const answers: Answer[] = [];
      const send = async (inbound: Inbound): Promise<Answer> => {
        const caller = await identify(deps, { channel: "zalo", externalId, address: externalId });
        last = await dispatch(makeContext(deps, caller), inbound);
        answers.push(last);
        return last;
      };
      const choices = (answer: Answer = last): Choice[] => answer.replies.flatMap((r) => (r.kind === "text" ? (r.choices ?? []).flat() : []));
      const labels = (answer: Answer = last) => choices(answer).map((c) => c.label);
      const text = (answer: Answer = last) => answer.replies.map((r) => (r.kind === "text" ? r.text : "")).join("\n");
      const press = (label: string) => {
        const choice = choices().find((c) => c.label === label);
        if (!choice) throw new Error(`no choice ${label}; shown: ${labels().join(" | ")}`);
        return send({ kind: "action", payload: encodeAction(choice.action, deps.keyring) });
      };
      return { send, press, labels, text, answers, type: (typed: string) => send({ kind: "text", text: typed }) };
    }

    const longest = (answers: Answer[]) => Math.max(...answers.flatMap((a) => a.replies.map((r) => (r.kind === "text" ? r.text.length : 0))));
    const mostChoices = (answers: Answer[]) => Math.max(...answers.map((a) => a.replies.reduce((n, r) => n + (r.choices ?? []).flat().length, 0)));

    beforeAll(async () => {
      deps = {
        prisma: db.prisma,
        logger: createLogger("silent"),
        defaultLocale: "vi",
        defaultTimeZone: "Asia/Ho_Chi_Minh",
        now: () => NOW,
        keyring: TEST_KEYRING,
        notifier: createNotifier({ prisma: db.prisma, senders: [], keyring: TEST_KEYRING, defaultLocale: "vi", windows: {}, logger: createLogger("silent"), now: () => NOW }),
        links: {},
        windows: {},
      };
      // The administrative reform report has been opened by quarter before: it and «Quý» come first.
      const templates = await ensureBundledTemplates(db.prisma);
      const caiCach = templates.find((t) => t.key === "cai-cach-hanh-chinh")!;
      for (const number of [1, 2]) {
        await db.prisma.round.create({
          data: { organisationId: orgId, templateId: caiCach.id, periodKind: "QUARTER", periodYear: 2024, periodNumber: number, deadline: new Date(`2024-0${number * 3}-20T10:00:00Z`), status: "CLOSED" },
        });
      }
    });

    it("shows at most five choices, the common ones first, and texts within 2,000 characters; the twelve months are picked by typing a number", async () => {
      // The secretary also answers for the office's own unit, and is in the middle of it.
      const z = await zaloSecretary({ alsoReportsFor: officeUnitId });
      await z.type("báo cáo");
      expect(z.text()).toContain("Câu 1/");
      await z.type("Mở kỳ");
      expect(z.labels()).toEqual([CAI_CACH, DAN_CHU, "✖️ Hủy"]);
      await z.press(CAI_CACH);
      // Five kinds fill the buttons: “hủy” is typed instead.
      expect(z.labels()).toEqual(["Quý", "Tháng", "6 tháng", "9 tháng", "Năm"]);
      expect(z.text()).toContain("Gõ “hủy” để thôi.");
      await z.press("Tháng");
      expect(z.labels()).toEqual(["tháng 9 năm 2024", "tháng 8 năm 2024", "📅 Kỳ khác…", "✖️ Hủy"]);
      await z.press("📅 Kỳ khác…");
      // Twelve months and «Hủy»: a numbered list, in calendar order so that "3" is March (not an answer to the report).
      expect(z.labels().slice(0, 3)).toEqual(["tháng 1", "tháng 2", "tháng 3"]);
      await z.type("3");
      expect(await db.prisma.answer.count()).toBe(0);
      expect(z.labels()).toEqual(["tháng 3 năm 2023", "tháng 3 năm 2024", "tháng 3 năm 2025", "✖️ Hủy"]);
      await z.press("tháng 3 năm 2024");
      await z.type("20/10/2024");
      await z.type(`Công văn số 123/UBND-NC ngày 01/10/2024 của Ủy ban nhân dân tỉnh ${"về việc báo cáo công tác cải cách hành chính ".repeat(9)}`.slice(0, 500));
      // Fifteen recipients of 300 characters each: the summary still fits one Zalo message.
      await z.type(Array.from({ length: 15 }, (_, i) => `${i + 1}. ${"Ban Chỉ đạo cải cách hành chính tỉnh Hưng Yên ".repeat(7)}`.slice(0, 300)).join("\n"));
      expect(z.text()).toContain("Bước 6.");
      expect(z.labels()).toEqual(["✅ Mở kỳ báo cáo", "📅 Đổi hạn nộp", "✏️ Sửa văn bản yêu cầu", "✖️ Hủy"]);
      await z.press("✅ Mở kỳ báo cáo");
      expect(z.text()).toContain(`✅ Đã mở kỳ báo cáo tháng 3 năm 2024 — ${CAI_CACH}.`);

      const byMonth = z.answers.filter((a) => a.replies.some((r) => r.kind === "text" && r.text.includes("Anh/Chị chọn kỳ (Tháng)")));
      expect(byMonth).toHaveLength(1);
      expect(mostChoices(z.answers.filter((a) => !byMonth.includes(a)))).toBeLessThanOrEqual(ZALO_BUTTONS);
      expect(longest(z.answers)).toBeLessThanOrEqual(ZALO_TEXT);
    });

    it("lists many rounds within 2,000 characters; each is picked by its number and offers its own few choices", async () => {
      const z = await zaloSecretary();
      // A report with a long name, opened every month: the list would not fit one Zalo message whole.
      const longName = `Báo cáo ${"tình hình thực hiện nhiệm vụ chuyên môn, ".repeat(5)}`.trim();
      const long = await ensureTemplate(db.prisma, { ...loadBundledTemplate("cai-cach-hanh-chinh"), key: "chuyen-mon-hang-thang", name: { vi: longName, en: longName } });
      for (const number of [1, 2, 3, 4, 5, 6, 7, 8]) {
        await db.prisma.round.create({
          data: { organisationId: orgId, templateId: long.id, periodKind: "MONTH", periodYear: 2024, periodNumber: number, deadline: new Date(`2024-0${number + 1}-10T10:00:00Z`), status: number === 8 ? "OPEN" : "CLOSED" },
        });
      }
      await z.type("các kỳ");
      const list = z.text();
      expect(list).toContain("📅 Các kỳ báo cáo");
      expect(list.length).toBeLessThanOrEqual(ZALO_TEXT);
      expect(list).toMatch(/… và \d+ kỳ báo cáo cũ hơn\.$/);
      const rounds = z.labels().filter((l) => /^\d+\. /.test(l));
      expect(rounds.length).toBeGreaterThan(ZALO_BUTTONS);
      // The open rounds first: typing "1" opens the first one's screen.
      expect(rounds[0]).toMatch(/^1\. 🟢 /);
      await z.type("1");
      expect(z.text()).toMatch(/^🟢 .+\n(?:đang nhận báo cáo|đã quá hạn, vẫn đang nhận) · hạn nộp Thứ .+ · đã nộp \d+\/\d+ đơn vị$/);
      expect(z.labels()).toEqual(["⏰ Dời hạn", "🔒 Đóng", "↩️ Các kỳ báo cáo"]);
      await z.press("⏰ Dời hạn");
      await z.type("25/10/2024");
      expect(z.labels()).toEqual(["✅ Dời hạn", "✖️ Không dời"]);
      await z.press("✖️ Không dời");
      expect(z.text()).toContain("📅 Các kỳ báo cáo");
      const closed = rounds.findIndex((l) => l.includes("🔒"));
      await z.type(String(closed + 1));
      expect(z.labels()).toEqual(["🔓 Mở lại", "↩️ Các kỳ báo cáo"]);
      expect(longest(z.answers)).toBeLessThanOrEqual(ZALO_TEXT);
    });
  });
});
