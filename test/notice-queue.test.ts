// Notices to many people are durable and idempotent per person and round: announcing a round twice (a
// confirmation retried) queues nothing new, and a notice worker stopped mid-batch and started again (a
// deploy) sends every reporter exactly one notice.
import { randomUUID } from "node:crypto";
import { Api } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { telegramSender } from "../src/channels/telegram/telegram-sender.ts";
import { createLogger } from "../src/logger.ts";
import { createOutbound, type Outbound } from "../src/queue/outbound.ts";
import { announceToReporters } from "../src/use-cases/announce.ts";
import { makeContext } from "../src/use-cases/context.ts";
import { CHANNEL_LIMITS } from "../src/use-cases/identify.ts";
import { botDeps, TEST_KEYRING } from "./support/bot-deps.ts";
import { createTelegramPerson } from "./support/people.ts";
import { createTestRedis, deleteKeys } from "./support/reminder-fixtures.ts";
import { seedTemplate } from "./support/report-world.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { TEST_ORGANISATION } from "./support/test-organisation.ts";

const REPORTERS = 40;
const FIRST_CHAT = 6_000_000;

describe("round notices through the queue", () => {
  let db: TestDatabase;
  const redis = createTestRedis();
  const prefix = `test-notices-${randomUUID()}`;
  /** Chat ids of the notices the Bot API accepted, in order. */
  const delivered: number[] = [];
  /** The web addresses among each accepted notice's buttons, by chat. */
  const urls = new Map<number, string[]>();
  const api = new Api("1:notices");
  api.config.use(async (_prev, method, payload) => {
    const chat = Number((payload as { chat_id?: unknown }).chat_id);
    // Each send takes a moment, so the worker is caught with notices still to send.
    await new Promise((resolve) => setTimeout(resolve, 30));
    if (method === "sendMessage") {
      delivered.push(chat);
      const rows = (payload as { reply_markup?: { inline_keyboard?: { url?: string }[][] } }).reply_markup?.inline_keyboard ?? [];
      urls.set(chat, rows.flat().flatMap((button) => (button.url ? [button.url] : [])));
    }
    return { ok: true, result: { message_id: delivered.length, date: 0, chat: { id: chat, type: "private" }, text: "" } } as never;
  });
  const outbound = (): Outbound =>
    createOutbound({ prisma: db.prisma, redis, prefix, logger: createLogger("silent"), defaultLocale: "vi", windows: {}, keyring: TEST_KEYRING, senders: [telegramSender(api)] });

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await deleteKeys(redis, prefix);
    redis.disconnect();
    await db?.drop();
  });

  it("announcing twice queues each notice once; a worker stopped mid-batch and started again sends each reporter one, with their own form link", { timeout: 60_000 }, async () => {
    const personOfChat = new Map<number, number>();
    const org = await db.prisma.organisation.create({ data: TEST_ORGANISATION });
    for (let i = 0; i < REPORTERS; i++) {
      const unit = await db.prisma.unit.create({ data: { organisationId: org.id, code: `u${i}`, name: `Đơn vị ${i + 1}`, kind: "department", order: i } });
      const person = await createTelegramPerson(db.prisma, { telegramId: FIRST_CHAT + i, name: `Người báo cáo ${i + 1}` });
      personOfChat.set(FIRST_CHAT + i, person.id);
      await db.prisma.membership.create({ data: { personId: person.id, role: "REPORTER", unitId: unit.id } });
    }
    const secretary = await createTelegramPerson(db.prisma, { telegramId: 1, name: "Văn phòng" });
    const round = await db.prisma.round.create({
      data: { organisationId: org.id, templateId: await seedTemplate(db.prisma), periodKind: "QUARTER", periodYear: 2026, periodNumber: 4, deadline: new Date(Date.now() + 30 * 86_400_000), status: "OPEN" },
    });

    const first = outbound();
    const ctx = makeContext(
      { ...botDeps(db.prisma), notifier: first.notifier, notices: first.notices },
      { channel: "telegram", address: "1", sessionKey: null, person: { ...secretary, locale: null }, actor: null, locale: "vi", ...CHANNEL_LIMITS.telegram },
    );
    await announceToReporters(ctx, round.id, "round-opened");
    await announceToReporters(ctx, round.id, "round-opened");
    expect(await first.notices.queue.getJobCounts("waiting", "delayed", "active")).toMatchObject({ waiting: REPORTERS });

    const formLink = async (personId: number, roundId: number) => `https://tonghop.example.gov.vn/form/p${personId}-r${roundId}`;
    first.startNoticeWorker({ formLink });
    const reporters = () => delivered.filter((chat) => chat >= FIRST_CHAT);
    const until = async (done: () => boolean) => {
      for (const stop = Date.now() + 30_000; !done() && Date.now() < stop; ) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    await until(() => reporters().length >= 3);
    await first.close();
    const beforeRestart = reporters().length;
    expect(beforeRestart).toBeLessThan(REPORTERS);

    const second = outbound();
    second.startNoticeWorker({ formLink });
    await until(() => reporters().length >= REPORTERS);
    // A moment more, for any notice sent twice to show up.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await second.close();
    const sent = reporters().sort((a, b) => a - b);
    expect(sent).toEqual(Array.from({ length: REPORTERS }, (_, i) => FIRST_CHAT + i));
    // Each notice carries its reporter's own link to the round's form, beside the button that starts in chat.
    for (const chat of sent) expect(urls.get(chat)).toEqual([`https://tonghop.example.gov.vn/form/p${personOfChat.get(chat)}-r${round.id}`]);
  });
});
