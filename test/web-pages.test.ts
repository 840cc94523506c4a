import { createHmac, randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type App } from "../src/app.ts";
import { parseConfig } from "../src/config.ts";
import { loadKeyring } from "../src/db/signing-keys.ts";
import { createLogger } from "../src/logger.ts";
import type { ActionKeyring } from "../src/messaging/action-codec.ts";
import { saveAnswer } from "../src/submissions/save-answer.ts";
import { checkLink, issueLink } from "../src/web-links/web-links.ts";
import { FakeBotApi } from "./support/fake-bot-api.ts";
import { freePort } from "./support/free-port.ts";
import { addPerson, createRound, ROOT, seedOrganisation, seedTemplate } from "./support/report-world.ts";
import { createTestRedis, deleteKeys } from "./support/reminder-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

// The web pages over HTTP, against the app as `npm start` runs it (real PostgreSQL and Redis, a local Bot
// API server): what needs no browser. The browser test (web-form.test.ts) covers what needs one.

const BOT_TOKEN = "123456:test-web-pages-token-abcdefghijklmnopqrst";
const SECRET = "web-pages-test-signing-secret-0123456789";
// A working morning in Hà Nội (Tuesday 09:00), whatever the hour of the run.
const OFFSET_MS = new Date("2026-12-01T02:00:00Z").getTime() - Date.now();
const now = () => new Date(Date.now() + OFFSET_MS);
const DAY = 24 * 3600_000;

const LAN = 7201;
const THU = 7202;
const HAI = 7203;
const MAI = 7204;
const MINH = 7205;

/** Telegram's start data for a Mini App, signed as Telegram does (HMAC-SHA-256, key from the bot token). */
function initData(userId: number, authDate: Date): string {
  const fields: Record<string, string> = { auth_date: String(Math.floor(authDate.getTime() / 1000)), query_id: `AAH${userId}`, user: JSON.stringify({ id: userId, first_name: "X" }) };
  const check = Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join("\n");
  const secret = createHmac("sha256", "WebAppData").update(BOT_TOKEN).digest();
  return new URLSearchParams({ ...fields, hash: createHmac("sha256", secret).update(check).digest("hex") }).toString();
}

describe("the web pages over HTTP: the Mini App's round, returned answers, the desk's remind and export, English", () => {
  const api = new FakeBotApi();
  const prefix = `test-web-pages-${randomUUID()}`;
  const redis = createTestRedis();
  let db: TestDatabase;
  let app: App;
  let base: string;
  let keyring: ActionKeyring;
  let units: Record<string, number>;
  /** Due first, asks Thanh tra only. */
  let earlier: number;
  /** Due later, asks Văn phòng, the planning department, two more (one unreachable, one without a reporter). */
  let later: number;
  const person: Record<string, number> = {};

  const get = (path: string) => fetch(`${base}${path}`, { redirect: "manual" });
  const post = (path: string, form: Record<string, string>) => fetch(`${base}${path}`, { method: "POST", body: new URLSearchParams(form), redirect: "manual" });
  const link = async (who: number, roundId: number, kind: "form" | "desk") => issueLink(db.prisma, keyring, { personId: who, roundId, kind });

  beforeAll(async () => {
    db = await createTestDatabase();
    let orgId: number;
    ({ orgId, units } = await seedOrganisation(db.prisma));
    const templateId = await seedTemplate(db.prisma, resolve(ROOT, "test/fixtures/web-form.yaml"));
    earlier = await createRound(db.prisma, { orgId, templateId, deadline: new Date(now().getTime() + 5 * DAY), year: 2026, quarter: 3 });
    later = await createRound(db.prisma, { orgId, templateId, deadline: new Date(now().getTime() + 20 * DAY), year: 2026, quarter: 4 });
    await db.prisma.submission.create({ data: { roundId: earlier, unitId: units["thanh-tra"]! } });
    for (const code of ["van-phong", "phong-ke-hoach-tai-chinh", "phong-quan-ly-khoa-hoc", "phong-quan-ly-cong-nghe"]) await db.prisma.submission.create({ data: { roundId: later, unitId: units[code]! } });
    person.lan = await addPerson(db.prisma, LAN, "Nguyễn Thị Lan", [{ role: "REPORTER", unitId: units["van-phong"] }]);
    person.thu = await addPerson(db.prisma, THU, "Trần Thị Thu", [{ role: "SECRETARY" }]);
    person.hai = await addPerson(db.prisma, HAI, "Lê Văn Hải", [{ role: "REPORTER", unitId: units["phong-ke-hoach-tai-chinh"] }]);
    person.mai = await addPerson(db.prisma, MAI, "Mai Anh", [{ role: "REPORTER", unitId: units["thanh-tra"] }]);
    person.minh = await addPerson(db.prisma, MINH, "Đỗ Minh", [{ role: "REPORTER", unitId: units["phong-quan-ly-khoa-hoc"] }]);
    await db.prisma.channelAccount.updateMany({ where: { personId: person.minh }, data: { unreachableAt: now(), unreachableError: "403 Forbidden: bot was blocked by the user" } });
    // Hải reads English.
    await db.prisma.person.update({ where: { id: person.hai }, data: { locale: "en" } });
    await api.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const config = parseConfig({ BOT_TOKEN, BOT_API_ROOT: api.apiRoot, DATABASE_URL: db.url, REDIS_PREFIX: prefix, PORT: String(port), PUBLIC_URL: base, CALLBACK_SECRET: SECRET });
    app = await startApp("all", config, createLogger(process.env.TEST_LOG ?? "silent"), { now });
    keyring = await loadKeyring(db.prisma, SECRET);
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await api.stop();
    await deleteKeys(redis, prefix);
    redis.disconnect();
    await db?.drop();
  });

  it("the Mini App opens a reporter's own round, not the organisation's first open one", async () => {
    const response = await fetch(`${base}/tg/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ initData: initData(LAN, now()), to: "form" }) });
    expect(response.status).toBe(200);
    const { path } = (await response.json()) as { path: string };
    expect(path).toMatch(/^\/form\/[^/]+$/);
    expect(await checkLink(db.prisma, keyring, path.split("/")[2]!, now())).toMatchObject({ ok: true, link: { kind: "form", personId: person.lan, roundId: later } });
    const form = await get(path);
    expect(form.status).toBe(303);
    const page = await get(form.headers.get("location")!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<h1>Văn phòng Sở</h1>");

    // The office's desk is still the round due first.
    const desk = await fetch(`${base}/tg/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ initData: initData(THU, now()), to: "desk" }) });
    const deskPath = ((await desk.json()) as { path: string }).path;
    expect(await checkLink(db.prisma, keyring, deskPath.split("/")[2]!, now())).toMatchObject({ ok: true, link: { kind: "desk", roundId: earlier } });
  });

  /** The HTML of one question's block on the form page. */
  const blockOf = (html: string, key: string) => new RegExp(`<(?:fieldset|div) class="([^"]*)" id="q-${key}"[\\s\\S]*?</(?:fieldset|div)>\\n`).exec(html);
  const rowOf = (html: string, unitId: number) => new RegExp(`<tr class="[^"]*" data-unit="${unitId}">([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? "";
  const sentTo = (chatId: number) => api.callsOf("sendMessage").filter((c) => Number(c.payload.chat_id) === chatId);

  it("a returned answer is highlighted on the form with the office's comment; the others are read-only", async () => {
    const submission = await db.prisma.submission.findUniqueOrThrow({ where: { roundId_unitId: { roundId: later, unitId: units["van-phong"]! } } });
    await saveAnswer(db.prisma, { submissionId: submission.id, questionKey: "contact", value: "Nguyễn Thị Lan", skipped: false, authorId: person.lan!, source: "web", now: now() });
    await saveAnswer(db.prisma, { submissionId: submission.id, questionKey: "complaints", value: 12, skipped: false, authorId: person.lan!, source: "web", now: now() });
    await db.prisma.submission.update({
      where: { id: submission.id },
      data: { status: "RETURNED", returnedAt: now(), returnedQuestionKeys: ["contact"], returnComment: "Ghi rõ chức vụ <Chánh Văn phòng>" },
    });
    const page = await get(`/form/${await link(person.lan!, later, "form")}/s/${submission.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<p class="notice returned-notice"><strong>Văn phòng đã trả lại báo cáo để bổ sung:</strong> Ghi rõ chức vụ &lt;Chánh Văn phòng&gt;</p>');
    const contact = blockOf(html, "contact")!;
    expect(contact[1]).toBe("q returned");
    expect(contact[0]).toContain(`<p class="office-comment"><strong>Văn phòng đề nghị bổ sung:</strong> Ghi rõ chức vụ &lt;Chánh Văn phòng&gt;</p>`);
    const complaints = blockOf(html, "complaints")!;
    expect(complaints[1]).toBe("q readonly");
    expect(complaints[0]).not.toContain("office-comment");
  });

  it("the desk shows who can be reached; reminds one unit, then all late ones; exports the answers as CSV", async () => {
    const desk = `/desk/${await link(person.thu!, later, "desk")}`;
    const page = await (await get(desk)).text();
    expect(rowOf(page, units["van-phong"]!)).toContain("<td data-label=\"Nhắn được\">Có</td>");
    expect(rowOf(page, units["phong-quan-ly-khoa-hoc"]!)).toContain('<span class="warn">Không</span><span class="sub">Đỗ Minh (đã chặn hoặc bỏ quan tâm)</span>');
    expect(rowOf(page, units["phong-quan-ly-cong-nghe"]!)).toContain('<span class="warn">Không</span><span class="sub">⚠️ chưa có người báo cáo</span>');
    expect(page).toContain("🔔 Nhắc tất cả đơn vị chưa nộp (3)");

    const one = await post(`${desk}/remind`, { unit: String(units["van-phong"]) });
    expect(one.status).toBe(200);
    expect(await one.text()).toContain("🔔 Đang gửi nhắc việc tới người báo cáo của Văn phòng Sở.");
    await api.waitForCall((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === LAN, 20_000);
    expect(sentTo(HAI)).toEqual([]);

    const all = await post(`${desk}/remind`, {});
    const text = await all.text();
    expect(all.status).toBe(200);
    expect(text).toContain("Tóm tắt: đang gửi 1 · không nhắn được 1 · chưa có người báo cáo 2 (đơn vị).");
    expect(text).toContain("1 đơn vị khác vừa được nhắc trong vòng một phút nên không gửi lại.");
    await api.waitForCall((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === HAI, 20_000);
    expect(sentTo(MINH)).toEqual([]);
    // The secretary hears how the reminders went, as after /remind.
    await api.waitForCall((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === THU, 20_000);

    const csv = await post(`${desk}/export`, {});
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="[\w.-]+\.csv"/);
    const body = await csv.text();
    expect(body).toContain("Văn phòng Sở");
    expect(body).toContain("Nguyễn Thị Lan");
  }, 60_000);

  it("a reporter's link cannot remind or export from the desk", async () => {
    const toReporters = () => [LAN, HAI, MAI, MINH].flatMap(sentTo).length;
    const before = toReporters();
    const formToken = await link(person.hai!, later, "form");
    // A desk link made for a reporter (a role removed since, a mistake): the desk still asks the office's rights.
    const deskToken = await link(person.lan!, later, "desk");
    for (const token of [formToken, deskToken]) {
      const remind = await post(`/desk/${token}/remind`, { unit: String(units["phong-ke-hoach-tai-chinh"]) });
      expect(remind.status).toBe(403);
      const exported = await post(`/desk/${token}/export`, {});
      expect(exported.status).toBe(403);
      expect(exported.headers.get("content-disposition")).toBeNull();
      expect(await exported.text()).not.toContain("Nguyễn Thị Lan");
    }
    await new Promise((done) => setTimeout(done, 1000));
    expect(toReporters()).toBe(before);
  });

  it("a person who reads English gets the form in English", async () => {
    const submission = await db.prisma.submission.findUniqueOrThrow({ where: { roundId_unitId: { roundId: later, unitId: units["phong-ke-hoach-tai-chinh"]! } } });
    const page = await get(`/form/${await link(person.hai!, later, "form")}/s/${submission.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain("<h2>Results</h2>");
    expect(html).toContain("Who is the unit&#39;s contact person?");
    expect(html).toContain(">Online</span>");
    // No Vietnamese words of the page's own (the unit's name stays as the organisation wrote it).
    expect(html).not.toMatch(/Xem trước|Bắt buộc|đã lưu|Trực tuyến/);
  });
});
