// Redis goes away for a while (the test's own redis-server is killed, so it comes back empty) while
// reporters answer and the office reopens a round.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDateToUtcMidnight } from "../src/domain/calendar/local-date.ts";
import { i18n } from "../src/i18n.ts";
import { killApp, startAppProcess } from "./support/app-process.ts";
import { FakeBotApi } from "./support/fake-bot-api.ts";
import { OwnRedis } from "./support/own-redis.ts";
import { addPerson } from "./support/report-world.ts";
import { FULL_ANSWER_SET } from "./support/reporter-script.ts";
import { seedReporterWorld, type ReporterWorld } from "./support/reporter-world.ts";
import type { Spawned } from "./support/spawn-app.ts";
import { TelegramChats } from "./support/telegram-chats.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

let db: TestDatabase;
let redis: OwnRedis;
let api: FakeBotApi;
let chats: TelegramChats;
let world: ReporterWorld;
let app: Spawned | undefined;
const secretary = { id: 7_700_000_001, first_name: "Văn phòng" };

/**
 * A zone where it is about noon now (reminders never go out at night), today made a working day, and a
 * closed round whose reminder time today was two minutes ago: once the round reopens, its deadline-day
 * reminders are due at once.
 */
async function seedRoundDueNow(): Promise<void> {
  const now = new Date();
  const offset = 12 - now.getUTCHours();
  const timezone = offset === 0 ? "Etc/GMT" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
  const local = new Date(now.getTime() + offset * 3600_000);
  const today = local.toISOString().slice(0, 10);
  const slot = new Date(local.getTime() - 2 * 60_000);
  await db.prisma.organisation.update({ where: { id: world.organisationId }, data: { timezone } });
  await db.prisma.holiday.create({ data: { date: localDateToUtcMidnight(today), kind: "WORKDAY", name: "Ngày làm việc (kiểm thử)" } });
  await db.prisma.round.update({
    where: { id: world.roundId },
    data: {
      status: "CLOSED",
      closedAt: now,
      // 22:00 local today.
      deadline: new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 22 - offset)),
      reminderSettings: { offsetsWorkingDays: [1], hour: slot.getUTCHours(), minute: slot.getUTCMinutes(), overdueMax: 1 },
    },
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  redis = await OwnRedis.start();
  api = new FakeBotApi();
  await api.start();
  chats = new TelegramChats(api);
  world = await seedReporterWorld(db.prisma, { units: 2 });
  await addPerson(db.prisma, secretary.id, secretary.first_name, [{ role: "SECRETARY" }]);
  await seedRoundDueNow();
});

afterAll(async () => {
  if (app) await killApp(app);
  await api?.stop();
  await redis?.stop();
  await db?.drop();
});

const REMINDER = /^Nhắc việc: hạn nộp báo cáo/;
const DIGEST = /^Tiến độ báo cáo/;

describe("Redis stopped for a while, then back (empty)", () => {
  it("a reporter answers and submits meanwhile; reminders planned during the outage go out once Redis is back, once each", { timeout: 120_000 }, async () => {
    const [first, second] = world.reporters as [ReporterWorld["reporters"][number], ReporterWorld["reporters"][number]];
    app = await startAppProcess(api, { BOT_TOKEN: "123:faults", BOT_API_ROOT: api.apiRoot, DATABASE_URL: db.url, REDIS_URL: redis.url, PORT: "0" });
    expect((await chats.step(secretary, { kind: "text", text: "/rounds" })).reply).toContain("Quý III năm 2024");

    await redis.stop();
    // The office reopens the round: it is open at once, its reminders cannot be queued now.
    expect((await chats.step(secretary, { kind: "button", label: /Mở lại$/ })).reply).toContain("Đã mở lại kỳ báo cáo");
    // Reminding now needs the queue: the office is told to try again rather than left waiting.
    expect((await chats.step(secretary, { kind: "text", text: "/remind" })).reply).toBe(i18n.t("vi", "error-try-again"));
    // A reporter answers the whole report meanwhile, as usual, and submits it.
    for (const step of FULL_ANSWER_SET) await chats.step(first, step);
    expect(chats.view.lastText(first.id)).toMatch(/^✅ Đã nộp báo cáo của Phòng 1/);
    // Telling the office about it waits for Redis, the reporter does not.
    expect((await chats.step(first, { kind: "text", text: "/report" })).reply).toContain("Báo cáo của đơn vị đã được nộp lúc");
    expect(app.child.exitCode).toBeNull();
    expect(chats.count(first.id, REMINDER) + chats.count(second.id, REMINDER)).toBe(0);

    await redis.resume();
    // The unit that submitted is not reminded; the other one is, and the office gets its digest.
    await Promise.all([
      chats.someMessage(second.id, REMINDER, 60_000),
      chats.someMessage(secretary.id, DIGEST, 60_000),
    ]);
    expect((await chats.step(second, { kind: "text", text: "/report" })).reply).toMatch(/^Câu 1\/10/);

    // Every planned reminder that was due went out exactly once, and the log agrees.
    const sent = await db.prisma.reminderLog.findMany({ where: { roundId: world.roundId, outcome: "SENT" }, select: { kind: true, unitId: true } });
    expect(sent.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: "deadline", unitId: second.unitId },
      { kind: "digest-deadline", unitId: null },
    ]);
    expect(chats.count(first.id, REMINDER)).toBe(0);
    expect(chats.count(second.id, /^Văn phòng nhắc/)).toBe(0);
    expect(chats.count(second.id, REMINDER)).toBe(1);
    expect(chats.count(secretary.id, DIGEST)).toBe(1);
    const submission = await db.prisma.submission.findUniqueOrThrow({ where: { roundId_unitId: { roundId: world.roundId, unitId: first.unitId } } });
    expect(submission.status).toBe("SUBMITTED");
  });
});
