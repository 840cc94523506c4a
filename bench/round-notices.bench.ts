// Opening a round for 1,000 units: how soon the secretary is answered, how fast the notices go out, and how
// long a reply to someone else waits meanwhile — against a Bot API that enforces Telegram's limits.
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { Api } from "grammy";
import { telegramSender } from "../src/channels/telegram/telegram-sender.ts";
import { createLogger } from "../src/logger.ts";
import { createOutbound } from "../src/queue/outbound.ts";
import { makeContext } from "../src/use-cases/context.ts";
import { announceToReporters } from "../src/use-cases/announce.ts";
import { loadTemplateFile } from "../src/domain/template/load-template.ts";
import { createReminderQueue } from "../src/queue/reminder-queue.ts";
import { replanRound } from "../src/queue/replan-on-change.ts";
import { openRound } from "../src/rounds/open-round.ts";
import { inTransaction } from "../src/submissions/db-client.ts";
import { CHANNEL_LIMITS } from "../src/use-cases/identify.ts";
import { botDeps, TEST_KEYRING } from "../test/support/bot-deps.ts";
import { createTelegramPerson } from "../test/support/people.ts";
import { createTestRedis, deleteKeys } from "../test/support/reminder-fixtures.ts";
import { FIXTURE_TEMPLATE, seedTemplate } from "../test/support/report-world.ts";
import { createTestDatabase } from "../test/support/test-database.ts";
import { limitedBotApi } from "./limited-bot-api.ts";
import { markdownTable } from "./markdown-table.ts";
import { percentile } from "./percentile.ts";

export const title = "Round notices";
export const description =
  "`npx tsx bench/round-notices.bench.ts` — a round opens for 1,000 units with one reporter each (local PostgreSQL and Redis). The secretary's confirmation is timed as the wizard gives it: the round opened in one transaction (a submission per unit), its reminders planned (BullMQ jobs), the notices queued. The notices are queued (one job per reporter) and sent by one in-process notice worker through Telegram's shared send budget (29 msg/s, one per chat per second) to a local Bot API that answers 429 above 30 messages in any second or more than one a second per chat. Meanwhile a reply to a person who is waiting (another chat) goes out every 500 ms through the same budget; its wait is the time from asking for a slot to the Bot API's answer. The rate is accepted notices between the first and the last. Before this change the secretary's confirmation waited for all 1,000 sends: 38.5 s, at 26.8 msg/s with 37 answers of 429.";

const UNITS = 1000;


export async function run(): Promise<string> {
  const db = await createTestDatabase();
  const redis = createTestRedis();
  const prefix = `bench-${randomUUID()}`;
  const bot = limitedBotApi({ perChatLimit: (chat) => Number(chat) >= 5_000_000 });
  await bot.api.start();
  try {
    const org = await db.prisma.organisation.create({
      data: { name: "SỞ KHOA HỌC VÀ CÔNG NGHỆ", shortName: "Sở KH&CN", parentName: "UBND TỈNH HƯNG YÊN", symbol: "SKHCN", place: "Hưng Yên", signerTitle: "PHÓ GIÁM ĐỐC", signerName: "Nguyễn Văn A" },
    });
    await db.prisma.unit.createMany({ data: Array.from({ length: UNITS }, (_, i) => ({ organisationId: org.id, code: `u${i}`, name: `Đơn vị ${i + 1}`, kind: "department", order: i })) });
    const units = await db.prisma.unit.findMany({ orderBy: { order: "asc" } });
    for (const [i, unit] of units.entries()) {
      const person = await createTelegramPerson(db.prisma, { telegramId: 5_000_000 + i, name: `Người báo cáo ${i + 1}` });
      await db.prisma.membership.create({ data: { personId: person.id, role: "REPORTER", unitId: unit.id } });
    }
    const secretary = await createTelegramPerson(db.prisma, { telegramId: 1, name: "Văn phòng" });
    const templateId = await seedTemplate(db.prisma);

    // The confirmation as the wizard gives it: the round opened in one transaction (a submission per unit),
    // its reminders planned, the notices queued; each part timed.
    const reminderQueue = createReminderQueue({ connection: redis, prefix });
    const confirmStarted = performance.now();
    const opened = await inTransaction(db.prisma, (tx) =>
      openRound(tx, {
        organisationId: org.id,
        templateId,
        template: loadTemplateFile(FIXTURE_TEMPLATE),
        period: { kind: "QUARTER", year: 2026, number: 4 },
        deadline: new Date(Date.now() + 30 * 86_400_000),
        requestDocument: null,
        recipients: [],
        actorId: secretary.id,
        now: new Date(),
      }),
    );
    if (!opened.ok) throw new Error(`the round did not open: ${opened.reason}`);
    const round = { id: opened.roundId };
    const openMs = performance.now() - confirmStarted;
    const planStarted = performance.now();
    const plan = await replanRound({ prisma: db.prisma, queue: reminderQueue, logger: createLogger("silent") }, round.id);
    const planMs = performance.now() - planStarted;

    const api = new Api("1:bench", { apiRoot: bot.api.apiRoot });
    const outbound = createOutbound({
      prisma: db.prisma,
      redis,
      prefix,
      logger: createLogger("silent"),
      defaultLocale: "vi",
      windows: {},
      keyring: TEST_KEYRING,
      senders: [telegramSender(api)],
    });
    const ctx = makeContext(
      { ...botDeps(db.prisma), notifier: outbound.notifier, notices: outbound.notices },
      { channel: "telegram", address: "1", sessionKey: null, person: { ...secretary, locale: null }, actor: null, locale: "vi", ...CHANNEL_LIMITS.telegram },
    );

    const started = performance.now();
    const summary = await announceToReporters(ctx, round.id, "round-opened");
    const queueMs = performance.now() - started;
    const confirmMs = performance.now() - confirmStarted;
    outbound.startNoticeWorker();

    // A reply every 500 ms to a person who is waiting, through the same budget, while the notices go out.
    const replyWaits: number[] = [];
    const reply = outbound.replySenders.telegram!;
    let replying = true;
    const replies = (async () => {
      while (replying) {
        const asked = performance.now();
        await reply.send("7", [{ kind: "text", text: "Đã lưu câu 3." }]);
        replyWaits.push(performance.now() - asked);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })();

    const deadline = Date.now() + 180_000;
    const reporterChats = () => [...bot.delivered.keys()].filter((chat) => Number(chat) >= 5_000_000).length;
    while (reporterChats() < UNITS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    replying = false;
    await replies;
    const times = [...bot.delivered.entries()]
      .filter(([chat]) => Number(chat) >= 5_000_000)
      .flatMap(([, at]) => at)
      .sort((a, b) => a - b);
    const seconds = (times.at(-1)! - times[0]!) / 1000;
    const rate = (times.length - 1) / seconds;
    // The replies share the budget: counted in the same window, they show how much of it was used.
    const repliesInWindow = (bot.delivered.get("7") ?? []).filter((at) => at >= times[0]! && at <= times.at(-1)!).length;
    const replyRate = repliesInWindow / seconds;
    const duplicated = [...bot.delivered.entries()].filter(([chat, at]) => Number(chat) >= 5_000_000 && at.length > 1).length;
    // The batch report reaches the secretary when the last notice is done.
    const reportDeadline = Date.now() + 20_000;
    while (!bot.delivered.has("1") && Date.now() < reportDeadline) await new Promise((resolve) => setTimeout(resolve, 100));
    replyWaits.sort((a, b) => a - b);
    await outbound.close();
    await reminderQueue.close();
    return markdownTable(
      ["what", "result", "target"],
      [
        [
          "secretary's confirmation: round opened / reminders planned / notices queued",
          `${Math.round(confirmMs)} ms: ${Math.round(openMs)} / ${Math.round(planMs)} (${(plan?.added.length ?? 0) + (plan?.kept.length ?? 0)} jobs) / ${Math.round(queueMs)} (${summary.queued} queued)`,
          "at once (was 38,500 ms)",
        ],
        ["notices delivered / duplicated", `${times.length} / ${duplicated} in ${seconds.toFixed(1)} s`, `${UNITS} / 0`],
        ["notice rate (first → last accepted)", `${rate.toFixed(1)} msg/s = ${(rate / 30).toFixed(2)} of 30/s`, "the budget less the replies"],
        ["whole budget used: notices + replies in that time", `${(rate + replyRate).toFixed(1)} msg/s = ${((rate + replyRate) / 30).toFixed(2)} of 30/s`, "≥ 0.95 (was 0.89)"],
        ["429 answers", String(bot.refused()), "0 (was 37)"],
        ["reply wait during the bulk send, p50 / p99 / max", `${Math.round(percentile(replyWaits, 50))} / ${Math.round(percentile(replyWaits, 99))} / ${Math.round(replyWaits.at(-1)!)} ms (${replyWaits.length} replies)`, "replies first"],
        ["secretary told how the batch went", bot.delivered.has("1") ? "yes" : "no", "yes"],
      ],
    );
  } finally {
    await bot.api.stop();
    await deleteKeys(redis, prefix);
    redis.disconnect();
    await db.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  console.log(await run());
  process.exit(0);
}
