import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { LocalZaloOa } from "../src/demo/local-zalo-oa.ts";
import { createInvite } from "../src/invites/invite-service.ts";
import { loadRoundProgress } from "../src/office/round-progress.ts";
import { remindNow } from "../src/queue/remind-now.ts";
import { createReminderQueue } from "../src/queue/reminder-queue.ts";
import { eventually } from "./support/office-world.ts";
import { createTestRedis } from "./support/reminder-fixtures.ts";
import { seedZaloRound, startAppOnZalo, stopAppOnZalo, workingMorningClock } from "./support/zalo-app.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { textOf, ZaloPerson } from "./support/zalo-person.ts";

const now = workingMorningClock();

const LONG = Array.from({ length: 34 }, (_, i) => `Đoạn ${i + 1}: đơn vị đã triển khai đầy đủ các nội dung của kế hoạch, công khai thông tin đúng quy định.`).join("\n\n");

describe("a reporter's round on Zalo, over HTTP against the local Official Account", () => {
  const oa = new LocalZaloOa();
  const prefix = `test-zalo-round-${randomUUID()}`;
  const redis = createTestRedis();
  let db: TestDatabase;
  let app: App;
  let roundId: number;
  let units: Record<string, number>;
  const lan = new ZaloPerson(oa, "8100000000000000001");

  beforeAll(async () => {
    await oa.start();
    db = await createTestDatabase();
    ({ roundId, units } = await seedZaloRound(db, now));
    app = await startAppOnZalo(oa, db, prefix, { now });
  }, 90_000);

  afterAll(() => stopAppOnZalo({ app, oa, redis, prefix, db }));

  it("a stranger who follows is told how to join; the invite code makes them the unit's reporter; they give their name", async () => {
    await oa.follow(lan.userId);
    expect(await lan.reply(/mã mời/)).toContain("gửi cho tôi mã mời (dạng K7QM-3XD9-PA)");
    const invite = await createInvite(db.prisma, { role: "REPORTER", unitId: units["van-phong"], kind: "short" });
    expect(invite.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
    // Typed in lower case and without dashes, as people do.
    await lan.say(invite.code.toLowerCase().replaceAll("-", " "));
    const welcome = await lan.reply(/Chào mừng/);
    expect(welcome).toContain("người báo cáo của Văn phòng Sở");
    expect(welcome).toContain("Anh/Chị cho tôi biết họ và tên đầy đủ");
    await lan.say("Nguyễn Thị Lan");
    expect(await lan.reply(/Cảm ơn/)).toBe("Cảm ơn Anh/Chị Nguyễn Thị Lan. Tôi đã ghi tên này; Văn phòng sẽ thấy tên này bên cạnh các câu trả lời.");
    const account = await db.prisma.channelAccount.findUniqueOrThrow({ where: { channel_externalId: { channel: "ZALO", externalId: lan.userId } }, include: { person: true } });
    expect(account.person.name).toBe("Nguyễn Thị Lan");
  });

  it("answers by keyword, buttons and numbers: a 3,000-character answer, a choice of seven; a sticker and a forged button change nothing", async () => {
    await lan.say("bao cao");
    expect(await lan.reply(/Câu 1\/4/)).toContain("Họ tên người đầu mối");
    await lan.say("Nguyễn Thị Lan, Chánh Văn phòng");
    await lan.reply(/Câu 2\/4/);
    expect(LONG.length).toBeGreaterThan(3000);
    await lan.say(LONG);
    const third = await lan.reply(/Câu 3\/4/);
    // Seven options: a numbered list to type from, not seven buttons (Zalo shows at most five).
    expect(third).toContain("1. Hành chính");
    expect(third).toContain("7. Đoàn thể");
    for (const message of oa.messagesTo(lan.userId)) expect(textOf(message).length).toBeLessThanOrEqual(2000);
    expect(lan.buttons().length).toBeLessThanOrEqual(5);

    await oa.sendSticker(lan.userId);
    expect(await lan.reply(/chữ/)).toMatch(/Tôi chỉ đọc được tin nhắn chữ/);
    // A payload that looks like a button's but was not made by the bot.
    await lan.say("a1zz:u:1:1:AAAAAAAA");
    await lan.reply(/không hợp lệ|đã cũ/);

    await lan.say("3");
    expect(await lan.reply(/Câu 4\/4/)).toContain("Đơn vị đã tổ chức hội nghị cán bộ chưa?");
    await lan.tap("Có");
    // The preview comes in pieces; the submit button is under the last one.
    await lan.reply((text) => text.includes("3. Lĩnh vực chính của đơn vị?\nKhoa học"));
    await eventually(() => {
      try {
        return lan.button(/Nộp báo cáo/);
      } catch {
        return null;
      }
    }, 20_000);
    await lan.tap(/Nộp báo cáo/);
    await lan.reply(/Đã nộp/);

    const submission = await db.prisma.submission.findFirstOrThrow({ where: { roundId, unitId: units["van-phong"] }, include: { answers: true } });
    expect(submission.status).toBe("SUBMITTED");
    const summary = submission.answers.find((a) => a.questionKey === "summary")!;
    expect(summary.value).toBe(LONG);
  });

  it("a reminder Zalo refuses because the window closed is recorded, not retried, and named for the office", async () => {
    const tuan = new ZaloPerson(oa, "8100000000000000002");
    const invite = await createInvite(db.prisma, { role: "REPORTER", unitId: units["thanh-tra"], kind: "short" });
    // Zalo lets an OA write only to people who follow it: the invite says to follow, then send the code.
    oa.addFollower(tuan.userId);
    await tuan.say(invite.code);
    await tuan.reply(/Chào mừng/);
    // A phone number on file changes nothing while no paid template sender is configured.
    const account = await db.prisma.channelAccount.findUniqueOrThrow({ where: { channel_externalId: { channel: "ZALO", externalId: tuan.userId } } });
    await db.prisma.person.update({ where: { id: account.personId }, data: { phone: "84912345678" } });
    // Zalo's window (as the stand-in keeps it) closes at once; the bot's own estimate still says open.
    oa.windowMs = 1;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const queue = createReminderQueue({ connection: redis, prefix });
    try {
      await db.prisma.submission.upsert({ where: { roundId_unitId: { roundId, unitId: units["thanh-tra"]! } }, create: { roundId, unitId: units["thanh-tra"]! }, update: {} });
      const result = await remindNow(db.prisma, queue, roundId, null, now(), [units["thanh-tra"]!]);
      expect(result.queued).toHaveLength(1);
      const log = await eventually(() => db.prisma.reminderLog.findFirst({ where: { jobId: result.queued[0]!, outcome: "WINDOW_CLOSED" } }), 20_000);
      expect(log.personId).not.toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // No paid template message (ZNS) is tried: it is off unless configured.
      expect(oa.calls.filter((c) => c.endpoint === "zns")).toEqual([]);
      expect(oa.templateMessages).toEqual([]);
      // One refused call, no retries.
      expect(oa.calls.filter((c) => c.endpoint === "message" && JSON.stringify(c.body).includes(tuan.userId) && c.answer.error !== 0)).toHaveLength(1);
      // The office's progress table names the reporter who must be reached another way.
      const progress = await loadRoundProgress(db.prisma, roundId, [units["thanh-tra"]!], { now: now(), windows: { zalo: 48 * 3600_000 } });
      expect(progress[0]!.unreachable).toHaveLength(1);
      // Writing again opens the window: the reporter is reachable again.
      oa.windowMs = 48 * 3600_000;
      await tuan.say("/help");
      await tuan.reply(/lệnh/);
      const after = await loadRoundProgress(db.prisma, roundId, [units["thanh-tra"]!], { now: now(), windows: { zalo: 48 * 3600_000 } });
      expect(after[0]!.unreachable).toHaveLength(0);
    } finally {
      oa.windowMs = 48 * 3600_000;
      await queue.close();
    }
  });
});
