import { createHmac, randomUUID } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type App } from "../src/app.ts";
import { parseConfig } from "../src/config.ts";
import { loadKeyring } from "../src/db/signing-keys.ts";
import { createLogger } from "../src/logger.ts";
import { saveAnswer } from "../src/submissions/save-answer.ts";
import { issueLink } from "../src/web-links/web-links.ts";
import { openDocx, paragraphTexts } from "./support/docx-xml.ts";
import { FakeBotApi, type RecordedCall } from "./support/fake-bot-api.ts";
import { freePort } from "./support/free-port.ts";
import { addPerson, createRound, ROOT, seedOrganisation, seedTemplate } from "./support/report-world.ts";
import { createTestRedis, deleteKeys } from "./support/reminder-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

// The reporter's form, the office's desk and the Mini App entry in Debian's Chromium, against the app
// as `npm start` runs it (real PostgreSQL and Redis, a local Bot API server).

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OUTPUT = resolve(ROOT, "test-output");
const BOT_TOKEN = "123456:test-web-form-token-abcdefghijklmnopqrstu";
const SECRET = "web-form-test-signing-secret-0123456789";
// A working morning in Hà Nội (Tuesday 09:00), whatever the hour of the run.
const OFFSET_MS = new Date("2026-12-01T02:00:00Z").getTime() - Date.now();
const now = () => new Date(Date.now() + OFFSET_MS);

const LAN = 7101;
const THU = 7102;
// A passage pasted from Word: over 3,000 characters, with line breaks.
const LONG = Array.from({ length: 30 }, (_, i) => `Đoạn ${i + 1}: Văn phòng Sở đã triển khai đầy đủ các nội dung của kế hoạch năm, công khai thông tin đúng quy định.`).join("\n");
const ITEMS = Array.from({ length: 10 }, (_, i) => `Hoạt động số ${i + 1}: tổ chức hội nghị, tập huấn cho cán bộ`);

/** Telegram's start data for a Mini App, signed as Telegram does (HMAC-SHA-256, key from the bot token). */
function initData(userId: number, authDate: Date, token = BOT_TOKEN): string {
  const fields: Record<string, string> = {
    auth_date: String(Math.floor(authDate.getTime() / 1000)),
    query_id: "AAH" + userId,
    user: JSON.stringify({ id: userId, first_name: "Lan", language_code: "vi" }),
  };
  const check = Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join("\n");
  const secret = createHmac("sha256", "WebAppData").update(token).digest();
  const hash = createHmac("sha256", secret).update(check).digest("hex");
  return new URLSearchParams({ ...fields, hash }).toString();
}

/** Waits (up to 15 s) until the element's text is, matches or contains the expected one. */
async function seeText(locator: Locator, expected: string | RegExp, mode: "is" | "contains" = "is"): Promise<void> {
  const poll = expect.poll(async () => (await locator.innerText({ timeout: 15_000 })).trim(), { timeout: 15_000, interval: 50 });
  if (expected instanceof RegExp) await poll.toMatch(expected);
  else if (mode === "contains") await poll.toContain(expected);
  else await poll.toBe(expected);
}

function markupOf(call: RecordedCall): { text: string; url?: string; callback_data?: string }[] {
  const raw = call.payload.reply_markup;
  const markup = (typeof raw === "string" ? JSON.parse(raw) : raw) as { inline_keyboard?: { text: string; url?: string; callback_data?: string }[][] } | undefined;
  return markup?.inline_keyboard?.flat() ?? [];
}

describe("the web form and the office's desk in a real browser", () => {
  const api = new FakeBotApi();
  const prefix = `test-web-form-${randomUUID()}`;
  const redis = createTestRedis();
  const consoleErrors: string[] = [];
  let db: TestDatabase;
  let app: App;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let units: Record<string, number>;
  let roundId: number;
  let formUrl: string;
  let updateId = 1;

  const say = (userId: number, text: string) =>
    api.pushUpdate({
      update_id: updateId++,
      message: { message_id: updateId, date: Math.floor(now().getTime() / 1000), chat: { id: userId, type: "private", first_name: "X" }, from: { id: userId, is_bot: false, first_name: "X", language_code: "vi" }, text, ...(text.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] } : {}) },
    });
  const tap = (userId: number, data: string) =>
    api.pushUpdate({
      update_id: updateId++,
      callback_query: { id: String(updateId), chat_instance: "1", data, from: { id: userId, is_bot: false, first_name: "X", language_code: "vi" }, message: { message_id: 1, date: 0, chat: { id: userId, type: "private" }, text: "…" } },
    });
  /** The first message to the chat after `from` (a count of calls) that matches. */
  const nextMessage = (userId: number, match: (call: RecordedCall) => boolean, from = 0) =>
    api.waitForCall((call) => api.calls.indexOf(call) >= from && (call.method === "sendMessage" || call.method === "editMessageText") && call.payload.chat_id === userId && match(call), 20_000);

  /** Waits until every field's save has come back. */
  const settled = () => expect.poll(async () => (await page.locator(".saved").allInnerTexts()).some((text) => text.trim() === "Đang lưu…"), { timeout: 15_000, interval: 50 }).toBe(false);

  async function axeCheck(target: Page, name: string) {
    const source = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
    // Evaluated by the browser's debugging protocol, not as a page script: the page's CSP stays strict.
    await target.evaluate(source);
    const result = (await target.evaluate("axe.run()")) as { violations: { id: string; impact: string; nodes: unknown[] }[] };
    const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${name}: ${v.id} (${v.impact}, ${v.nodes.length})`)).toEqual([]);
  }

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    db = await createTestDatabase();
    let orgId: number;
    ({ orgId, units } = await seedOrganisation(db.prisma));
    const templateId = await seedTemplate(db.prisma, resolve(ROOT, "test/fixtures/web-form.yaml"));
    roundId = await createRound(db.prisma, { orgId, templateId, deadline: new Date(now().getTime() + 20 * 24 * 3600_000), year: now().getFullYear() });
    await db.prisma.submission.create({ data: { roundId, unitId: units["thanh-tra"]! } });
    await addPerson(db.prisma, LAN, "Nguyễn Thị Lan", [{ role: "REPORTER", unitId: units["van-phong"] }]);
    await addPerson(db.prisma, THU, "Trần Thị Thu", [{ role: "SECRETARY" }]);
    await api.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const config = parseConfig({
      BOT_TOKEN,
      BOT_API_ROOT: api.apiRoot,
      DATABASE_URL: db.url,
      REDIS_PREFIX: prefix,
      PORT: String(port),
      PUBLIC_URL: base,
      CALLBACK_SECRET: SECRET,
    });
    app = await startApp("all", config, createLogger(process.env.TEST_LOG ?? "silent"), { now });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, acceptDownloads: true });
    page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await api.stop();
    await deleteKeys(redis, prefix);
    redis.disconnect();
    await db?.drop();
  });

  it("the chat offers the form; the reporter fills every question type, a 10-item list and a 3,000-character paste, and sees it again after a reload", async () => {
    const from = api.calls.length;
    say(LAN, "/report");
    const question = await nextMessage(LAN, (call) => markupOf(call).some((b) => b.url?.includes("/form/")), from);
    formUrl = markupOf(question).find((b) => b.url?.includes("/form/"))!.url!;
    expect(formUrl.startsWith(`${base}/form/`)).toBe(true);

    const response = await page.goto(formUrl);
    expect(response!.headers()["content-security-policy"]).toContain("script-src 'self'");
    await expect(page.locator("h1").textContent()).resolves.toBe("Văn phòng Sở");
    expect(await page.locator("h2").allTextContents()).toEqual(["Kết quả thực hiện", "Hình thức và văn bản"]);

    await page.getByLabel(/Câu 1\./).fill("Nguyễn Thị Lan, Chánh Văn phòng");
    expect(LONG.length).toBeGreaterThan(3000);
    await page.getByLabel(/Câu 2\./).fill(LONG);
    // The list: ten items, one added too many and removed, one moved up.
    await page.getByLabel("Mục 1", { exact: true }).fill(ITEMS[1]!);
    const add = page.locator("#q-activities .add");
    for (let i = 2; i <= 11; i++) {
      await add.click();
      await page.getByLabel(`Mục ${i}`, { exact: true }).fill(i === 2 ? ITEMS[0]! : i <= 10 ? ITEMS[i - 1]! : "thừa");
    }
    await page.getByRole("button", { name: "Xóa mục 11" }).click();
    await page.getByRole("button", { name: "Đưa mục 2 lên" }).click();
    // A number as the chat reads it: a word is refused with the chat's message, "1.234" is 1234.
    const number = page.getByLabel(/Câu 4\./);
    await number.fill("mười hai");
    await seeText(page.locator("#e-complaints"), /“mười hai” không phải là một con số/);
    await number.fill("1.234");
    await seeText(page.locator("#u-complaints"), "Đã hiểu là: 1.234");
    await page.locator("#q-conference_held").getByLabel("Có").check();
    await page.getByLabel(/Câu 6\./).fill("5/3/2025");
    await seeText(page.locator("#u-conference_date"), "Đã hiểu là: 05/03/2025");
    await page.getByLabel("Trực tuyến").check();
    await page.getByLabel("Họp giao ban").check();
    await page.getByLabel("Bảng tin").check();
    await page.getByLabel("Trang thông tin điện tử").check();
    await seeText(page.locator("#e-channels"), "Chỉ được chọn tối đa 2 mục.");
    await page.getByLabel("Trang thông tin điện tử").uncheck();
    await page.getByLabel(/Câu 9\./).fill("Quyết định số 219/QĐ-SKHCN ngày 10/9/2024 của Sở Khoa học và Công nghệ");
    await seeText(page.locator("#progress"), "Đã trả lời 9/9 câu");
    await settled();
    await seeText(page.locator("#global-status"), /^đã lưu lúc \d\d:\d\d$/);

    const answers = Object.fromEntries(
      (await db.prisma.answer.findMany({ where: { submission: { unitId: units["van-phong"] } } })).map((a) => [a.questionKey, a.value]),
    );
    expect(answers).toMatchObject({
      contact: "Nguyễn Thị Lan, Chánh Văn phòng",
      summary: LONG,
      activities: ITEMS,
      complaints: 1234,
      conference_held: true,
      conference_date: "2025-03-05",
      form: "online",
      channels: ["briefing", "board"],
    });

    await page.reload();
    expect(await page.getByLabel(/Câu 2\./).inputValue()).toBe(LONG);
    expect(await page.locator("#q-activities .item input").evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value))).toEqual(ITEMS);
    expect(await page.getByLabel(/Câu 4\./).inputValue()).toBe("1.234");
    expect(await page.getByLabel("Trực tuyến").isChecked()).toBe(true);
    await seeText(page.locator("#s-contact"), /Đã lưu: Nguyễn Thị Lan, \d\d:\d\d ngày/);
    await page.evaluate("window.scrollTo(0, 0)");
    await page.screenshot({ path: resolve(OUTPUT, "web-form.png") });
    await page.screenshot({ path: resolve(OUTPUT, "web-form-full.png"), fullPage: true });
    await axeCheck(page, "form");
  }, 60_000);

  it("an answer changed in the chat meanwhile is a visible conflict with both texts, never overwritten silently; the history keeps every revision", async () => {
    // The chat still stands at question 1, where /report left it: the answer typed there replaces the page's.
    let from = api.calls.length;
    say(LAN, "/report");
    await nextMessage(LAN, (call) => String(call.payload.text).includes("Câu 1/9"), from);
    from = api.calls.length;
    say(LAN, "Trần Văn Bình, Phó Chánh Văn phòng");
    await nextMessage(LAN, (call) => String(call.payload.text).includes("Trần Văn Bình"), from);

    // The page still shows the earlier answer: typing there does not replace the chat's.
    await page.getByLabel(/Câu 1\./).fill("Nguyễn Thị Lan, Chánh Văn phòng Sở");
    const conflict = page.locator("#x-contact");
    await conflict.waitFor({ state: "visible", timeout: 10_000 });
    await seeText(conflict, "vừa được sửa ở nơi khác", "contains");
    await seeText(conflict, "Trần Văn Bình, Phó Chánh Văn phòng", "contains");
    await seeText(conflict, "Nguyễn Thị Lan, Chánh Văn phòng Sở", "contains");
    const stored = await db.prisma.answer.findFirstOrThrow({ where: { questionKey: "contact", submission: { unitId: units["van-phong"] } } });
    expect(stored.value).toBe("Trần Văn Bình, Phó Chánh Văn phòng");
    await page.screenshot({ path: resolve(OUTPUT, "web-form-conflict.png") });

    await conflict.getByRole("button", { name: "Giữ bản của tôi" }).click();
    await seeText(page.locator("#s-contact"), /^đã lưu lúc/);
    const revisions = await db.prisma.answerRevision.findMany({ where: { answerId: stored.id }, orderBy: { revision: "asc" } });
    expect(revisions.map((r) => [r.source, r.value])).toEqual([
      ["web", "Nguyễn Thị Lan, Chánh Văn phòng"],
      ["typed", "Trần Văn Bình, Phó Chánh Văn phòng"],
      ["web", "Nguyễn Thị Lan, Chánh Văn phòng Sở"],
    ]);
  }, 40_000);

  it("a conflict on a choice shows both sides by their labels, not the options' keys", async () => {
    const submission = await db.prisma.submission.findFirstOrThrow({ where: { roundId, unitId: units["van-phong"] } });
    const lan = await db.prisma.channelAccount.findFirstOrThrow({ where: { externalId: String(LAN) } });
    // Changed elsewhere (as the chat saves) after the page was loaded.
    for (const [questionKey, value] of [["form", "mixed"], ["channels", ["website"]]] as const) {
      expect(await saveAnswer(db.prisma, { submissionId: submission.id, questionKey, value: value as string | string[], skipped: false, authorId: lan.personId, source: "typed", now: now() })).toMatchObject({ ok: true });
    }
    await page.getByLabel("Trực tiếp").check();
    const single = page.locator("#x-form");
    await single.waitFor({ state: "visible", timeout: 10_000 });
    await seeText(single.locator(".conflict-text").nth(0), "Kết hợp");
    await seeText(single.locator(".conflict-text").nth(1), "Trực tiếp");
    await page.getByLabel("Bảng tin").uncheck();
    const multiple = page.locator("#x-channels");
    await multiple.waitFor({ state: "visible", timeout: 10_000 });
    await seeText(multiple.locator(".conflict-text").nth(0), "• Trang thông tin điện tử");
    await seeText(multiple.locator(".conflict-text").nth(1), "• Họp giao ban");
    await single.getByRole("button", { name: "Giữ bản của tôi" }).click();
    await multiple.getByRole("button", { name: "Giữ bản của tôi" }).click();
    await settled();
    const stored = await db.prisma.answer.findMany({ where: { submissionId: submission.id, questionKey: { in: ["form", "channels"] } }, orderBy: { questionKey: "asc" } });
    expect(stored.map((a) => a.value)).toEqual([["briefing"], "direct"]);
  }, 40_000);

  it("previews the unit's part in the report's wording, then submits; the chat sees the same submission", async () => {
    await page.getByRole("link", { name: /Xem trước và nộp/ }).click();
    await seeText(page.locator("h2").first(), "Xem trước phần báo cáo của đơn vị");
    const report = page.locator("article.report");
    await seeText(report, "Đoạn 30: Văn phòng Sở đã triển khai", "contains");
    await seeText(report, ITEMS[9]!, "contains");
    await page.screenshot({ path: resolve(OUTPUT, "web-preview.png") });
    await axeCheck(page, "preview");
    await page.getByRole("button", { name: "Nộp báo cáo" }).click();
    await seeText(page.locator(".notice.done"), "Đã nộp báo cáo của Văn phòng Sở", "contains");
    const submission = await db.prisma.submission.findFirstOrThrow({ where: { roundId, unitId: units["van-phong"] } });
    expect(submission.status).toBe("SUBMITTED");
    const from = api.calls.length;
    say(LAN, "/report");
    await nextMessage(LAN, (call) => /đã nộp/i.test(String(call.payload.text)), from);
  }, 30_000);

  it("a link cannot open another unit; a forged or expired link gets a clear page", async () => {
    const other = await db.prisma.submission.findFirstOrThrow({ where: { roundId, unitId: units["thanh-tra"] } });
    const token = new URL(formUrl).pathname.split("/")[2]!;
    const refused = await page.goto(`${base}/form/${token}/s/${other.id}`);
    expect(refused!.status()).toBe(403);
    await seeText(page.locator("main"), "không báo cáo cho đơn vị này", "contains");
    const saveOther = await page.request.post(`${base}/form/${token}/s/${other.id}/answer`, { data: { q: "contact", revision: 0, input: { text: "x" } } });
    expect(saveOther.status()).toBe(403);
    expect(await db.prisma.answer.count({ where: { submissionId: other.id } })).toBe(0);

    const forged = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect((await page.goto(`${base}/form/${forged}`))!.status()).toBe(403);
    await seeText(page.locator("h1"), "Đường liên kết không hợp lệ");

    // A round closed eight days ago: its links ended a day ago.
    const oldRound = await createRound(db.prisma, { orgId: (await db.prisma.organisation.findFirstOrThrow()).id, templateId: (await db.prisma.round.findUniqueOrThrow({ where: { id: roundId } })).templateId, quarter: 2, year: 2020 });
    await db.prisma.round.update({ where: { id: oldRound }, data: { status: "CLOSED", closedAt: new Date(now().getTime() - 8 * 24 * 3600_000) } });
    const lan = await db.prisma.channelAccount.findFirstOrThrow({ where: { externalId: String(LAN) } });
    const expired = await issueLink(db.prisma, await loadKeyring(db.prisma, SECRET), { personId: lan.personId, roundId: oldRound, kind: "form" });
    expect((await page.goto(`${base}/form/${expired}`))!.status()).toBe(410);
    await seeText(page.locator("h1"), "Đường liên kết đã hết hạn");
  }, 30_000);

  it("the office's desk from /status shows each unit's state, compiles, and the downloaded .docx opens", async () => {
    const from = api.calls.length;
    say(THU, "/status");
    const status = await nextMessage(THU, (call) => markupOf(call).some((b) => b.url?.includes("/desk/")), from);
    const deskUrl = markupOf(status).find((b) => b.url?.includes("/desk/"))!.url!;
    await page.goto(deskUrl);
    const row = (name: string) => page.locator("tbody tr", { has: page.getByRole("rowheader", { name, exact: true }) });
    await seeText(row("Văn phòng Sở").locator(".state"), "Đã nộp");
    await seeText(row("Thanh tra Sở").locator(".state"), "Chưa bắt đầu");
    await seeText(page.locator(".summary"), "Đã nộp 1/", "contains");
    await page.screenshot({ path: resolve(OUTPUT, "web-desk.png") });
    await axeCheck(page, "desk");

    // A reporter's form link opens no desk.
    expect((await page.request.get(`${base}/desk/${new URL(formUrl).pathname.split("/")[2]}`)).status()).toBe(403);

    // The secretary's own wording for a section, used by the compile.
    await page.goto(deskUrl);
    await page.getByLabel("Mục của báo cáo").selectOption({ label: "2. Hình thức và văn bản" });
    await page.getByLabel("Lời văn thay thế").fill("Các đơn vị tổ chức hội nghị theo hình thức trực tuyến, công khai thông tin qua họp giao ban và bảng tin.");
    await page.getByRole("button", { name: /Lưu lời văn/ }).click();
    await seeText(page.locator(".notice"), /Đã lưu lời văn \(phiên bản 1\)/);
    await seeText(page.locator(".overrides"), "2. Hình thức và văn bản", "contains");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: /Tổng hợp và tải tệp/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    const docx = await openDocx(readFileSync((await file.path())!));
    const texts = paragraphTexts(docx.xml("word/document.xml")).join("\n");
    expect(texts).toContain("Đoạn 30: Văn phòng Sở đã triển khai");
    expect(texts).toContain("BÁO CÁO");
    expect(texts).toContain("Các đơn vị tổ chức hội nghị theo hình thức trực tuyến");
  }, 40_000);

  it("the Telegram Mini App: valid start data opens the person's form; expired or forged start data gets a clear message", async () => {
    await page.goto(`${base}/tg?to=form#tgWebAppData=${encodeURIComponent(initData(LAN, now()))}&tgWebAppVersion=8.0`);
    await page.waitForURL(/\/form\/[^/]+\/s\/\d+$/, { timeout: 15_000 });
    await seeText(page.locator("h1"), "Văn phòng Sở");

    // Each start its own address: a change of the fragment alone would not load the page again.
    await page.goto(`${base}/tg?to=form&n=2#tgWebAppData=${encodeURIComponent(initData(LAN, new Date(now().getTime() - 2 * 24 * 3600_000)))}`);
    await seeText(page.locator("#miniapp-status"), /đã cũ/);
    await page.goto(`${base}/tg?to=form&n=3#tgWebAppData=${encodeURIComponent(initData(LAN, now(), "654321:another-bot-token-abcdefghijklmnopq"))}`);
    await seeText(page.locator("#miniapp-status"), /không hợp lệ/);
  }, 30_000);

  it("the form fits a phone 360 px wide: nothing scrolls sideways", async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      await page.goto(formUrl);
      await page.locator("main.form").waitFor();
      // Every question's block, the longest list and the action buttons laid out at that width.
      const widths = (await page.evaluate("({ page: document.documentElement.scrollWidth, body: document.body.scrollWidth, view: window.innerWidth })")) as { page: number; body: number; view: number };
      expect(widths.view).toBe(360);
      expect(Math.max(widths.page, widths.body)).toBeLessThanOrEqual(360);
      const wide = (await page.evaluate(
        "Array.from(document.querySelectorAll('main *')).filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5).map((el) => el.tagName + '.' + el.className)",
      )) as string[];
      expect(wide).toEqual([]);
      await page.screenshot({ path: resolve(OUTPUT, "web-form-360.png") });
    } finally {
      await page.setViewportSize({ width: 390, height: 844 });
    }
  }, 30_000);

  it("no page broke its Content-Security-Policy; a screenshot of the form is kept for the README", () => {
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    mkdirSync(resolve(ROOT, "docs"), { recursive: true });
    if (process.env.UPDATE_DOCS_SCREENSHOT) copyFileSync(resolve(OUTPUT, "web-form.png"), resolve(ROOT, "docs/web-form.png"));
  });
});
