import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { supersededSince } from "../src/domain/office/submission-notice.ts";
import { createOfficeNotifications, type OfficeNotifications } from "../src/queue/office-notifications.ts";
import { callbackUpdate, textUpdate } from "./support/bot-harness.ts";
import { answer, button, buildOfficeBot, departmentAnswers, eventually, lastTextTo, messagesTo, seedOfficeWorld, submit, who, type OfficeWorld, type Recorder } from "./support/office-world.ts";
import { workerSending } from "./support/outbound.ts";
import { createTestRedis, deleteKeys } from "./support/reminder-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const PREFIX = `test-office-superseded-${process.pid}`;
const WINDOW_MS = 300;

describe("a batched notice that a later state has superseded", () => {
  let db: TestDatabase;
  let world: OfficeWorld;
  let office: OfficeNotifications;
  let bot: ReturnType<typeof buildOfficeBot>["bot"];
  let rec: Recorder;
  const redis = createTestRedis();

  beforeAll(async () => {
    db = await createTestDatabase();
    world = await seedOfficeWorld(db.prisma, { units: ["Văn phòng Sở", "Thanh tra Sở"] });
    for (const unit of world.units) await answer(db.prisma, unit, departmentAnswers(unit.name));
    // Văn phòng Sở submitted days ago, then changed an answer: it is about to submit again.
    await submit(db.prisma, world.units[0]!, new Date("2024-09-16T02:00:00Z"));
    await answer(db.prisma, world.units[0]!, { complaints_count: 2 });
    office = createOfficeNotifications({ connection: redis, prefix: PREFIX, windowMs: WINDOW_MS });
    ({ bot, rec } = buildOfficeBot(db.prisma, { officeNotices: office }));
  });
  afterAll(async () => {
    await office?.close();
    await deleteKeys(redis, PREFIX);
    redis.disconnect();
    await db?.drop();
  });

  const secretary = () => who(world.secretaries[0]!.telegramId, "Hà");

  async function submitThroughBot(i: number): Promise<void> {
    const reporter = who(world.units[i]!.reporterTelegramId, `Người báo cáo ${i + 1}`);
    await bot.handleUpdate(textUpdate(reporter, "/report"));
    // A report already submitted opens on its preview; one still answering opens on an optional question.
    if (!/Nộp( lại)? báo cáo/.test(lastTextTo(rec, reporter.id))) await bot.handleUpdate(callbackUpdate(reporter, button(rec, reporter.id, "📋 Xem lại")));
    await bot.handleUpdate(callbackUpdate(reporter, button(rec, reporter.id, /^📤 Nộp( lại)? báo cáo/)));
    expect(lastTextTo(rec, reporter.id)).toMatch(/Đã nộp( lại)? báo cáo/);
  }

  it("a resubmission the secretary accepted before the batch went out is left out of it", { timeout: 30_000 }, async () => {
    await submitThroughBot(0);
    await submitThroughBot(1);
    // Before the window ends (here: before any worker runs), the secretary accepts Văn phòng Sở's report.
    const s = secretary();
    await bot.handleUpdate(textUpdate(s, "/review"));
    await bot.handleUpdate(callbackUpdate(s, button(rec, s.id, /Văn phòng Sở/)));
    await bot.handleUpdate(callbackUpdate(s, button(rec, s.id, "✅ Tiếp nhận")));
    expect(lastTextTo(rec, s.id)).toContain("✅ Đã tiếp nhận báo cáo của Văn phòng Sở.");

    office.startWorker({ prisma: db.prisma, send: workerSending(db.prisma, redis, PREFIX, bot.api, { pace: { perChatMs: 0 } }).send, defaultTimeZone: "Asia/Ho_Chi_Minh", defaultLocale: "vi" });
    const notice = await eventually(
      () =>
        messagesTo(rec, s.id)
          .map((c) => String(c.payload.text))
          .find((text) => text.includes("vừa gửi")),
      15_000,
    );
    expect(notice).toContain("1 đơn vị vừa gửi");
    expect(notice).toMatch(/• Thanh tra Sở — đã nộp lúc/);
    expect(notice).not.toContain("Văn phòng Sở");
    const audit = await eventually(() => db.prisma.auditEvent.findFirst({ where: { action: "office.notified" } }).then((row) => row ?? undefined));
    expect((audit.data as { submissions: { submissionId: number }[] }).submissions.map((x) => x.submissionId)).toEqual([world.units[1]!.submissionId]);
  });

  it("the rule: the news of a submission is stale once anything happened to it after", () => {
    const at = new Date("2024-09-20T08:26:00Z");
    const after = new Date("2024-09-20T08:27:00Z");
    const current = { status: "SUBMITTED", submittedAt: at, acceptedAt: null, returnedAt: null };
    expect(supersededSince(at, current)).toBe(false);
    expect(supersededSince(at, { ...current, status: "ACCEPTED", acceptedAt: after })).toBe(true);
    expect(supersededSince(at, { ...current, status: "RETURNED", returnedAt: after })).toBe(true);
    expect(supersededSince(at, { ...current, status: "IN_PROGRESS" })).toBe(true);
    // Submitted again since: that later submission is the one told.
    expect(supersededSince(at, { ...current, submittedAt: after })).toBe(true);
    // Returned and resubmitted since: the return is older than the newest submission, which is told.
    expect(supersededSince(after, { ...current, submittedAt: after, returnedAt: at })).toBe(false);
  });
});
