import { createHmac, randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type App } from "../src/app.ts";
import { parseConfig } from "../src/config.ts";
import { loadKeyring } from "../src/db/signing-keys.ts";
import { createLogger } from "../src/logger.ts";
import type { ActionKeyring } from "../src/messaging/action-codec.ts";
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
  /** Due later, asks Văn phòng and the planning department. */
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
    for (const code of ["van-phong", "phong-ke-hoach-tai-chinh"]) await db.prisma.submission.create({ data: { roundId: later, unitId: units[code]! } });
    person.lan = await addPerson(db.prisma, LAN, "Nguyễn Thị Lan", [{ role: "REPORTER", unitId: units["van-phong"] }]);
    person.thu = await addPerson(db.prisma, THU, "Trần Thị Thu", [{ role: "SECRETARY" }]);
    person.hai = await addPerson(db.prisma, HAI, "Lê Văn Hải", [{ role: "REPORTER", unitId: units["phong-ke-hoach-tai-chinh"] }]);
    person.mai = await addPerson(db.prisma, MAI, "Mai Anh", [{ role: "REPORTER", unitId: units["thanh-tra"] }]);
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
});
