import { randomUUID } from "node:crypto";
import { Api } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../src/channels/telegram/create-bot.ts";
import { revokeMembership } from "../src/organisation/people-service.ts";
import type { Outbound } from "../src/queue/outbound.ts";
import { planRoundReminders } from "../src/queue/plan-round-reminders.ts";
import { createReminderQueue, type ReminderQueue } from "../src/queue/reminder-queue.ts";
import { createReminderWorker, type ReminderWorker } from "../src/queue/reminder-worker.ts";
import { callbackUpdate, recordApiCalls, TEST_BOT_INFO, textUpdate } from "./support/bot-harness.ts";
import { botDeps, TEST_KEYRING } from "./support/bot-deps.ts";
import { testOutbound, workerSending } from "./support/outbound.ts";
import { createRound, createTestRedis, deleteKeys, seedReminderWorld, type ReminderWorld } from "./support/reminder-fixtures.ts";
import { button, buttonsOf, lastTextTo, messagesTo, seedTemplate, signedAction, textsTo, TOKEN, type Recorder } from "./support/report-world.ts";
import { encodeAction } from "../src/messaging/action-codec.ts";
import { checkLink, issueLink } from "../src/web-links/web-links.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const PREFIX = `test-people-${randomUUID()}`;
const ADMIN = { id: 6001, first_name: "Quản", language_code: "vi" };
const SECOND_ADMIN = { id: 6002, first_name: "Phó", language_code: "vi" };
// Wednesday 09/10/2024 08:00 in Hà Nội: "one working day before" the deadline of Thursday 10/10.
const REMINDER_TIME = new Date("2024-10-09T01:00:00Z");

describe("/people: who holds which role, and taking a role away", () => {
  let db: TestDatabase;
  const redis = createTestRedis();
  let queue: ReminderQueue;
  let outbound: Outbound;
  let reminders: ReminderWorker | undefined;
  let bot: ReturnType<typeof createBot>;
  let rec: Recorder;
  let world: ReminderWorld;
  let roundId: number;
  let adminId: number;
  // The clock of the bot and the worker: real time shifted so the reminders are due in the test.
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);

  const say = (who: { id: number; first_name: string }, text: string) => bot.handleUpdate(textUpdate(who, text));
  const tap = (who: { id: number; first_name: string }, label: string | RegExp) => bot.handleUpdate(callbackUpdate(who, button(rec, who.id, label)));
  const person = (telegramId: bigint) => ({ id: Number(telegramId), first_name: "x", language_code: "vi" });

  async function until<T>(probe: () => Promise<T | undefined | false | null>, timeoutMs = 20_000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > end) throw new Error("condition not met in time");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    queue = createReminderQueue({ connection: redis, prefix: PREFIX });
    world = await seedReminderWorld(db.prisma, { units: 2, reportersPerUnit: 2, secretaries: 2 });
    // A unit nobody reports for yet.
    await db.prisma.unit.create({ data: { organisationId: world.organisationId, code: "unit-3", name: "Phòng 3", kind: "department", order: 3 } });
    adminId = (await db.prisma.person.create({ data: { name: "Quản", accounts: { create: { channel: "TELEGRAM", externalId: String(ADMIN.id) } }, memberships: { create: { role: "ADMIN" } } } })).id;
    // A real template, so the report's buttons can be pressed.
    roundId = await createRound(db.prisma, { ...world, templateId: await seedTemplate(db.prisma) }, { deadline: new Date("2024-10-10T10:00:00Z") });
    // Every message, from the bot, the notices and the reminders, in one record.
    const noticeApi = new Api(TOKEN);
    outbound = testOutbound(db.prisma, redis, PREFIX, noticeApi, { pace: { perChatMs: 0, perSecond: 1000 }, now });
    bot = createBot(TOKEN, { botInfo: TEST_BOT_INFO, deps: botDeps(db.prisma, { reminderQueue: queue, now, notices: outbound.notices }) });
    rec = recordApiCalls(bot);
    recordApiCalls({ api: noticeApi }, undefined, rec.calls);
  });

  afterAll(async () => {
    await reminders?.close();
    await outbound?.close();
    await queue?.close();
    await deleteKeys(redis, PREFIX);
    redis.disconnect();
    await db?.drop();
  });

  it("lists the administrators, the office and each unit's reporters; a unit without one says so", async () => {
    await say(ADMIN, "/people");
    const text = lastTextTo(rec, ADMIN.id);
    expect(text).toMatch(/^Người dùng theo vai trò \(7 vai trò\):/);
    expect(text).toContain("Quản trị viên:\n • Quản");
    expect(text).toContain("Văn phòng (thư ký tổng hợp):\n • Văn phòng 1\n • Văn phòng 2");
    expect(text).toContain("Phòng 1:\n • Người báo cáo 1.1\n • Người báo cáo 1.2");
    expect(text).toContain("Phòng 3:\n   ⚠️ chưa có người báo cáo");
    const labels = buttonsOf(messagesTo(rec, ADMIN.id).at(-1)!).map((b) => b.text);
    expect(labels).toContain("✖️ Người báo cáo 1.1 — người báo cáo của Phòng 1");
    expect(labels).toContain("✖️ Quản — quản trị viên");
  });

  it("the last administrator cannot remove their own role and is told why", async () => {
    await tap(ADMIN, "✖️ Quản — quản trị viên");
    expect(lastTextTo(rec, ADMIN.id)).toMatch(/^Không gỡ được: Anh\/Chị là quản trị viên duy nhất còn lại; nếu gỡ, sẽ không còn ai quản lý/);
    // Nor by the command line, which follows the same rule.
    const membership = await db.prisma.membership.findFirstOrThrow({ where: { personId: adminId, role: "ADMIN" } });
    expect(await revokeMembership(db.prisma, { membershipId: membership.id, actorId: null, now: new Date(), via: "cli" })).toEqual({ ok: false, reason: "last-admin" });
    expect((await db.prisma.membership.findUniqueOrThrow({ where: { id: membership.id } })).revokedAt).toBeNull();
  });

  it(
    "removing a reporter and a secretary: confirmed first, audited, refused at their next message, and no reminder or notice reaches them",
    { timeout: 60_000 },
    async () => {
      const [unit1, unit2] = world.unitIds as [number, number];
      const [gone, stays] = world.reporters.get(unit1)! as [{ id: number; telegramId: bigint }, { id: number; telegramId: bigint }];
      const [goneSecretary, staysSecretary] = world.secretaries as [{ id: number; telegramId: bigint }, { id: number; telegramId: bigint }];
      // Reminders due on Wednesday 08:00 are planned, and a "deadline moved" notice is queued for both reporters
      // of unit 1, all before the roles are removed; nothing is sent yet (no worker runs).
      offsetMs = REMINDER_TIME.getTime() - 1500 - Date.now();
      await planRoundReminders(db.prisma, queue, roundId, now());
      const round = await db.prisma.round.findUniqueOrThrow({ where: { id: roundId } });
      const submission = await db.prisma.submission.findUniqueOrThrow({ where: { roundId_unitId: { roundId, unitId: unit1 } } });
      await outbound.notices.enqueue(
        [gone, stays].map((r) => ({ kind: "deadline-moved", personId: r.id, refs: { submission: submission.id, deadline: round.deadline.getTime() } })),
      );

      await say(ADMIN, "/people");
      await tap(ADMIN, "✖️ Người báo cáo 1.1 — người báo cáo của Phòng 1");
      expect(lastTextTo(rec, ADMIN.id)).toMatch(/^Gỡ vai trò của Người báo cáo 1\.1: người báo cáo của Phòng 1\?\n\nTừ tin nhắn tiếp theo/);
      expect(await db.prisma.membership.count({ where: { personId: gone.id, revokedAt: { not: null } } })).toBe(0);
      await tap(ADMIN, "✅ Gỡ vai trò");
      expect(lastTextTo(rec, ADMIN.id)).toMatch(/^✅ Người báo cáo 1\.1 không còn là người báo cáo của Phòng 1\.\n\nNgười dùng theo vai trò \(6 vai trò\):/);
      expect(lastTextTo(rec, ADMIN.id)).toContain("Phòng 1:\n • Người báo cáo 1.2\n");

      await tap(ADMIN, "✖️ Văn phòng 1 — Văn phòng (thư ký tổng hợp)");
      await tap(ADMIN, "✅ Gỡ vai trò");
      expect(lastTextTo(rec, ADMIN.id)).toContain("✅ Văn phòng 1 không còn là Văn phòng (thư ký tổng hợp).");
      // An old confirmation pressed again changes nothing.
      const goneMembership = await db.prisma.membership.findFirstOrThrow({ where: { personId: gone.id } });
      await bot.handleUpdate(callbackUpdate(ADMIN, encodeAction({ op: "people.revoke-confirm", membership: goneMembership.id }, TEST_KEYRING)));
      expect(lastTextTo(rec, ADMIN.id)).toMatch(/^Vai trò này đã được gỡ trước đó/);

      const audit = await db.prisma.auditEvent.findMany({ where: { action: "membership.revoked" }, orderBy: { id: "asc" } });
      expect(audit.map((a) => [a.actorId, (a.data as { personId: number }).personId, (a.data as { role: string }).role])).toEqual([
        [adminId, gone.id, "REPORTER"],
        [adminId, goneSecretary.id, "SECRETARY"],
      ]);

      // Each was told, once; then their next message is read without the role.
      expect(textsTo(rec, Number(gone.telegramId))).toEqual([
        "Anh/Chị không còn là người báo cáo của Phòng 1 trong hệ thống báo cáo Tổng hợp: quản trị viên đã gỡ vai trò này. Nếu có nhầm lẫn, Anh/Chị liên hệ quản trị viên.",
      ]);
      await say(person(gone.telegramId), "/report");
      expect(lastTextTo(rec, Number(gone.telegramId))).toMatch(/^Anh\/Chị chưa được giao báo cáo cho đơn vị nào/);
      // A button of the unit's report, pressed after the role went.
      await bot.handleUpdate(callbackUpdate(person(gone.telegramId), signedAction({ op: "open", sid: submission.id })));
      expect(lastTextTo(rec, Number(gone.telegramId))).toMatch(/^Anh\/Chị không báo cáo cho đơn vị này/);
      await say(person(goneSecretary.telegramId), "/people");
      expect(lastTextTo(rec, Number(goneSecretary.telegramId))).toBe("Xin lỗi, chỉ quản trị viên mới dùng được chức năng này.");
      const toGone = () => textsTo(rec, Number(gone.telegramId)).length;
      const toGoneSecretary = () => textsTo(rec, Number(goneSecretary.telegramId)).length;
      const [goneBefore, goneSecretaryBefore] = [toGone(), toGoneSecretary()];

      // Now the reminders fall due and the notices go out.
      reminders = createReminderWorker({
        connection: redis,
        prisma: db.prisma,
        ...workerSending(db.prisma, redis, PREFIX, bot.api, { now }),
        prefix: PREFIX,
        now,
        reconcileEveryMs: false,
      });
      outbound.startNoticeWorker();
      const logs = await until(async () => {
        const rows = await db.prisma.reminderLog.findMany({ where: { roundId, kind: { in: ["before-1", "digest-before-1"] } } });
        return rows.filter((r) => r.sentAt).length >= 4 ? rows : undefined;
      });
      const byId = (a: number | null, b: number | null) => (a ?? 0) - (b ?? 0);
      expect(logs.map((r) => r.personId).sort(byId)).toEqual([stays.id, ...world.reporters.get(unit2)!.map((r) => r.id), staysSecretary.id].sort(byId));
      await until(async () => textsTo(rec, Number(stays.telegramId)).some((t) => t.startsWith("📅 Hạn nộp")) || undefined);
      // The skipped notice finishes its job too: wait for both, then look.
      await until(async () => (((await outbound.notices.queue.getJobCounts("completed")).completed ?? 0) >= 2 ? true : undefined));
      expect(textsTo(rec, Number(stays.telegramId)).filter((t) => /Nhắc việc/.test(t))).toHaveLength(1);
      expect(textsTo(rec, Number(staysSecretary.telegramId)).some((t) => t.includes("đơn vị đã nộp"))).toBe(true);
      expect(toGone()).toBe(goneBefore);
      expect(toGoneSecretary()).toBe(goneSecretaryBefore);
    },
  );

  it("a removed administrator is refused at once, even halfway through adding a unit", async () => {
    const secondId = (await db.prisma.person.create({ data: { name: "Phó", accounts: { create: { channel: "TELEGRAM", externalId: String(SECOND_ADMIN.id) } }, memberships: { create: { role: "ADMIN" } } } })).id;
    await say(SECOND_ADMIN, "/units");
    await tap(SECOND_ADMIN, "➕ Thêm đơn vị");
    expect(lastTextTo(rec, SECOND_ADMIN.id)).toBe("Anh/Chị gửi tên đơn vị mới (tối đa 200 ký tự). Gõ /cancel để thôi.");

    await say(ADMIN, "/people");
    await tap(ADMIN, "✖️ Phó — quản trị viên");
    await tap(ADMIN, "✅ Gỡ vai trò");
    expect(lastTextTo(rec, ADMIN.id)).toContain("✅ Phó không còn là quản trị viên.");

    await say(SECOND_ADMIN, "Phòng Mới");
    expect(lastTextTo(rec, SECOND_ADMIN.id)).toBe("Xin lỗi, chỉ quản trị viên mới dùng được chức năng này.");
    expect(await db.prisma.unit.count({ where: { name: "Phòng Mới" } })).toBe(0);
    // The wait for a name ended with the role: the next text is just text.
    await say(SECOND_ADMIN, "Phòng Mới");
    expect(lastTextTo(rec, SECOND_ADMIN.id)).toMatch(/^Tôi chưa rõ Anh\/Chị cần gì/);
    // A button of the /units screen shown while they were an administrator.
    const before = rec.calls.length;
    await tap(SECOND_ADMIN, "✏️ Đổi tên");
    const answered = rec.calls.slice(before).filter((c) => c.method === "answerCallbackQuery").map((c) => c.payload.text);
    expect(answered).toEqual(["Xin lỗi, chỉ quản trị viên mới dùng được chức năng này."]);
    expect(rec.calls.slice(before).filter((c) => c.method === "sendMessage" || c.method === "editMessageText")).toEqual([]);
    expect(await db.prisma.membership.count({ where: { personId: secondId, revokedAt: null } })).toBe(0);
  });

  it("removing a role ends the person's web links that opened that role's pages; the links of roles kept still work", async () => {
    const unit2 = world.unitIds[1]!;
    const both = await db.prisma.person.create({
      data: { name: "Hai Vai", memberships: { create: [{ role: "REPORTER", unitId: unit2 }, { role: "SECRETARY" }] } },
    });
    const form = await issueLink(db.prisma, TEST_KEYRING, { personId: both.id, roundId, kind: "form" });
    const desk = await issueLink(db.prisma, TEST_KEYRING, { personId: both.id, roundId, kind: "desk" });
    const opens = async (token: string) => (await checkLink(db.prisma, TEST_KEYRING, token, new Date())).ok;
    expect([await opens(form), await opens(desk)]).toEqual([true, true]);

    await say(ADMIN, "/people");
    await tap(ADMIN, "✖️ Hai Vai — Văn phòng (thư ký tổng hợp)");
    await tap(ADMIN, "✅ Gỡ vai trò");
    expect(lastTextTo(rec, ADMIN.id)).toContain("✅ Hai Vai không còn là Văn phòng (thư ký tổng hợp).");
    // Still a reporter: the form link works; the desk link does not.
    expect([await opens(form), await opens(desk)]).toEqual([true, false]);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "membership.revoked", data: { path: ["personId"], equals: both.id } } });
    expect(audit).toMatchObject({ actorId: adminId, data: { role: "SECRETARY", linksRevoked: 1, via: "bot" } });

    await tap(ADMIN, /^✖️ Hai Vai — người báo cáo/);
    await tap(ADMIN, "✅ Gỡ vai trò");
    expect(await opens(form)).toBe(false);
    // A link asked for again is a new one (and opens nothing the person has no role for).
    expect(await issueLink(db.prisma, TEST_KEYRING, { personId: both.id, roundId, kind: "form" })).not.toBe(form);
  });

  it("two administrators removing each other at the same moment leave one of them", async () => {
    const ids: number[] = [];
    for (const name of ["A", "B"]) {
      const p = await db.prisma.person.create({ data: { name, memberships: { create: { role: "ADMIN" } } }, include: { memberships: true } });
      ids.push(p.memberships[0]!.id);
    }
    // The first administrator steps back, so A and B are the only ones left.
    const first = await db.prisma.membership.findFirstOrThrow({ where: { personId: adminId, role: "ADMIN" } });
    expect((await revokeMembership(db.prisma, { membershipId: first.id, actorId: adminId, now: new Date(), via: "bot" })).ok).toBe(true);
    const results = await Promise.all(ids.map((id) => revokeMembership(db.prisma, { membershipId: id, actorId: null, now: new Date(), via: "cli" })));
    expect(results.map((r) => (r.ok ? "ok" : r.reason)).sort()).toEqual(["last-admin", "ok"]);
    expect(await db.prisma.membership.count({ where: { role: "ADMIN", revokedAt: null } })).toBe(1);
  });
});
