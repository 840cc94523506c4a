import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { LocalZaloOa } from "../src/demo/local-zalo-oa.ts";
import { remindNow } from "../src/queue/remind-now.ts";
import { createReminderQueue } from "../src/queue/reminder-queue.ts";
import { textUpdate } from "./support/bot-harness.ts";
import { FakeBotApi, type RecordedCall } from "./support/fake-bot-api.ts";
import { eventually } from "./support/office-world.ts";
import { createTestRedis } from "./support/reminder-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { seedZaloRound, startAppOnZalo, stopAppOnZalo, workingMorningClock } from "./support/zalo-app.ts";
import { textOf, ZaloPerson } from "./support/zalo-person.ts";

const CODE = /\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2})\b/;
const LAN_TELEGRAM = 7301;
const MINH_TELEGRAM = 7302;

describe("one person on Telegram and Zalo: linked with a code, over both channels' real adapters", () => {
  const oa = new LocalZaloOa();
  const api = new FakeBotApi();
  const prefix = `test-link-channels-${randomUUID()}`;
  const redis = createTestRedis();
  // A working morning; moved on by the tests where the reminders' one-minute dedupe needs it.
  const morning = workingMorningClock();
  let shiftMs = 0;
  const now = () => new Date(morning().getTime() + shiftMs);
  let db: TestDatabase;
  let app: App;
  let roundId: number;
  let units: Record<string, number>;
  let lan: number;
  let minh: number;
  const lanZalo = new ZaloPerson(oa, "8300000000000000001");
  const minhZalo = new ZaloPerson(oa, "8300000000000000002");

  const sentTo = (chatId: number, from = 0) =>
    api.calls.slice(from).filter((c: RecordedCall) => c.method === "sendMessage" && String(c.payload.chat_id) === String(chatId)).map((c) => String(c.payload.text));
  /** A private message from a Telegram user through the Bot API's long polling; the bot's next text that matches. */
  async function telegramSays(userId: number, text: string, match: RegExp): Promise<string> {
    const from = api.calls.length;
    api.pushUpdate({ message: textUpdate({ id: userId, first_name: "Người dùng", language_code: "vi" }, text).message });
    return eventually(() => sentTo(userId, from).find((t) => match.test(t)), 20_000);
  }

  beforeAll(async () => {
    await Promise.all([oa.start(), api.start()]);
    db = await createTestDatabase();
    ({ roundId, units } = await seedZaloRound(db, now));
    lan = (
      await db.prisma.person.create({
        data: { name: "Nguyễn Thị Lan", accounts: { create: { channel: "TELEGRAM", externalId: String(LAN_TELEGRAM) } }, memberships: { create: { role: "REPORTER", unitId: units["van-phong"]! } } },
      })
    ).id;
    minh = (
      await db.prisma.person.create({
        data: { name: "Trần Văn Minh", accounts: { create: { channel: "ZALO", externalId: minhZalo.userId } }, memberships: { create: { role: "REPORTER", unitId: units["thanh-tra"]! } } },
      })
    ).id;
    oa.addFollower(lanZalo.userId);
    oa.addFollower(minhZalo.userId);
    app = await startAppOnZalo(oa, db, prefix, { env: { BOT_TOKEN: "123:abc", BOT_API_ROOT: api.apiRoot }, now });
  }, 90_000);

  afterAll(async () => {
    await stopAppOnZalo({ app, oa, redis, prefix, db });
    await api.stop();
  });

  it("Telegram → Zalo: /link in the Telegram chat, the code sent to the Official Account; answered on Zalo, told on Telegram", async () => {
    const issued = await telegramSays(LAN_TELEGRAM, "/link", /Mã liên kết/);
    expect(issued).toContain(`Trên Zalo: mở https://zalo.me/${oa.oaId}, bấm “Quan tâm”`);
    const code = CODE.exec(issued)![1]!;

    const before = api.calls.length;
    await lanZalo.say(code);
    expect(await lanZalo.reply(/Đã liên kết/)).toMatch(/^🔗 Đã liên kết: tài khoản này giờ là của Anh\/Chị Nguyễn Thị Lan, cùng các vai trò Anh\/Chị có trên Telegram\./);
    const notice = await eventually(() => sentTo(LAN_TELEGRAM, before).find((t) => t.includes("đã được liên kết")), 20_000);
    expect(notice).toMatch(/^🔗 Tài khoản Zalo đã được liên kết với Anh\/Chị Nguyễn Thị Lan\./);
    // Nothing of the linking went to Zalo but the reply.
    expect(lanZalo.messages().map(textOf).filter((t) => t.includes("liên kết"))).toHaveLength(1);

    const account = await db.prisma.channelAccount.findUniqueOrThrow({ where: { channel_externalId: { channel: "ZALO", externalId: lanZalo.userId } } });
    expect(account.personId).toBe(lan);
    expect(await db.prisma.auditEvent.count({ where: { action: "person.channel-linked", actorId: lan } })).toBe(1);

    // The same code again, from someone else on Zalo: used.
    const other = new ZaloPerson(oa, "8300000000000000009");
    oa.addFollower(other.userId);
    await other.say(code);
    expect(await other.reply(/Mã liên kết/)).toBe("Mã liên kết này đã được dùng. Anh/Chị gõ /link ở ứng dụng đã tham gia để lấy mã mới.");
  }, 60_000);

  it("Zalo → Telegram: “liên kết” typed on Zalo, the code opened as the bot's link on Telegram; answered and given the menu there, told on Zalo", async () => {
    await minhZalo.say("liên kết");
    const issued = await minhZalo.reply(/Mã liên kết/);
    const code = CODE.exec(issued)![1]!;
    expect(issued).toContain(`Trên Telegram: mở https://t.me/tong_hop_test_bot?start=${code} rồi bấm “Bắt đầu”`);

    const before = api.calls.length;
    const welcome = await telegramSays(MINH_TELEGRAM, `/start ${code}`, /Đã liên kết/);
    expect(welcome).toMatch(/^🔗 Đã liên kết: tài khoản này giờ là của Anh\/Chị Trần Văn Minh, cùng các vai trò Anh\/Chị có trên Zalo\./);
    expect(await minhZalo.reply(/đã được liên kết/)).toMatch(/🔗 Tài khoản Telegram đã được liên kết với Anh\/Chị Trần Văn Minh\./);
    // The Telegram chat now shows a reporter's commands.
    const menu = await eventually(() => api.calls.slice(before).find((c) => c.method === "setMyCommands" && (c.payload.scope as { chat_id?: number } | undefined)?.chat_id === MINH_TELEGRAM), 20_000);
    expect((menu.payload.commands as { command: string }[]).map((c) => c.command)).toContain("report");
    const account = await db.prisma.channelAccount.findUniqueOrThrow({ where: { channel_externalId: { channel: "TELEGRAM", externalId: String(MINH_TELEGRAM) } } });
    expect(account.personId).toBe(minh);
  }, 60_000);

  it("a reminder goes to the messenger the person wrote from last, and follows them when they write from the other", async () => {
    const queue = createReminderQueue({ connection: redis, prefix });
    const unitId = units["van-phong"]!;
    try {
      await db.prisma.submission.upsert({ where: { roundId_unitId: { roundId, unitId } }, create: { roundId, unitId }, update: {} });
      // Lan wrote last on Zalo (the code): the office's reminder goes there, not to Telegram.
      const telegramBefore = api.calls.length;
      const zaloBefore = lanZalo.messages().length;
      const first = await remindNow(db.prisma, queue, roundId, null, now(), [unitId]);
      expect(first.queued).toHaveLength(1);
      await eventually(() => db.prisma.reminderLog.findFirst({ where: { jobId: first.queued[0]!, personId: lan, sentAt: { not: null } } }), 20_000);
      expect(lanZalo.messages().slice(zaloBefore).map(textOf)).toEqual([expect.stringMatching(/^Văn phòng nhắc: .* của Văn phòng Sở/)]);
      expect(sentTo(LAN_TELEGRAM, telegramBefore)).toEqual([]);

      // Lan writes on Telegram; the next reminder (a few minutes later) goes there.
      await telegramSays(LAN_TELEGRAM, "/help", /lệnh/);
      shiftMs += 3 * 60_000;
      const zaloAfter = lanZalo.messages().length;
      const telegramAfter = api.calls.length;
      const second = await remindNow(db.prisma, queue, roundId, null, now(), [unitId]);
      expect(second.queued).toHaveLength(1);
      await eventually(() => db.prisma.reminderLog.findFirst({ where: { jobId: second.queued[0]!, personId: lan, sentAt: { not: null } } }), 20_000);
      expect(sentTo(LAN_TELEGRAM, telegramAfter)).toEqual([expect.stringMatching(/^Văn phòng nhắc: .* của Văn phòng Sở/)]);
      expect(lanZalo.messages().slice(zaloAfter)).toEqual([]);
    } finally {
      await queue.close();
    }
  }, 90_000);
});
