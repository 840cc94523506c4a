// Reminder fan-out against a Bot API that enforces Telegram's limits, and lateness of delayed reminders.
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { Api } from "grammy";
import { planRoundReminders } from "../src/queue/plan-round-reminders.ts";
import { remindNow } from "../src/queue/remind-now.ts";
import { createReminderQueue } from "../src/queue/reminder-queue.ts";
import { createReminderWorker } from "../src/queue/reminder-worker.ts";
import { seedHolidays } from "../src/queue/holidays.ts";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import { createTestRedis, deleteKeys } from "../test/support/reminder-fixtures.ts";
import { createTestDatabase } from "../test/support/test-database.ts";
import { limitedBotApi } from "./limited-bot-api.ts";
import { markdownTable } from "./markdown-table.ts";
import { percentile } from "./percentile.ts";
import { createTelegramPerson } from "../test/support/people.ts";
import { workerSending } from "../test/support/outbound.ts";

export const title = "Reminders";
export const description =
  "`npx tsx bench/reminder-fanout.bench.ts` — one in-process reminder worker (defaults: Telegram's shared send budget of 29 msg/s, 1 msg/s per chat, concurrency 10, no job limiter of its own) on local PostgreSQL and Redis. (a) /remind to 1,000 units with one reporter each, against a fake Bot API that answers 429 (retry_after 1) above 30 msg/s overall or 1 msg/s per chat; the rate is accepted messages between the first and the last. (a′) the same with 300 units and the sender set to 40 msg/s, above the Bot API's limit. (b) 100 rounds (each its own template), each with one unit's before-1 reminder and the office digest due at the same moment, due 100 ms apart (all planned beforehand); lateness is the send time at the Bot API minus the job's due time (BullMQ timestamp + delay).";

const FANOUT = 1000;
const OVER_LIMIT_FANOUT = 300;
const DELAYED = 100;
// Each round also has its office digest due at the same moment: two sends per step, 20/s, stay under the budget.
const SPACING_MS = 100;
const PLAN_AHEAD_MS = 5000;

async function seed(prisma: PrismaClient, units: number, roundsOfOne: boolean) {
  await seedHolidays(prisma);
  const org = await prisma.organisation.create({
    data: { name: "SỞ KHOA HỌC VÀ CÔNG NGHỆ", shortName: "Sở KH&CN", parentName: "UBND TỈNH HƯNG YÊN", symbol: "SKHCN", place: "Hưng Yên", signerTitle: "PHÓ GIÁM ĐỐC", signerName: "Nguyễn Văn A" },
  });
  const template = (n: number) => prisma.template.create({ data: { key: `bench-${org.id}-${n}`, version: 1, name: "Kết quả thực hiện Quy chế dân chủ ở cơ sở", definition: {} } });
  await prisma.unit.createMany({ data: Array.from({ length: units }, (_, i) => ({ organisationId: org.id, code: `u${i}`, name: `Đơn vị ${i + 1}`, kind: "department", order: i })) });
  const unitRows = await prisma.unit.findMany({ where: { organisationId: org.id }, orderBy: { order: "asc" } });
  const people = [];
  for (const [i] of unitRows.entries()) people.push(await createTelegramPerson(prisma, { telegramId: 9_000_000_000n + BigInt(org.id * 100_000 + i), name: `Người báo cáo ${i + 1}` }));
  await prisma.membership.createMany({ data: people.map((p, i) => ({ personId: p.id, role: "REPORTER" as const, unitId: unitRows[i]!.id })) });
  // One open round per organisation, template and period: each round of one unit gets its own template.
  const round = async (unitIds: number[], n: number) =>
    prisma.round.create({
      data: {
        organisationId: org.id,
        templateId: (await template(n)).id,
        periodKind: "NINE_MONTHS",
        periodYear: 2024,
        periodNumber: 1,
        deadline: new Date("2024-10-10T10:00:00Z"),
        status: "OPEN",
        submissions: { create: unitIds.map((unitId) => ({ unitId })) },
      },
    });
  const roundIds = roundsOfOne ? [] : [(await round(unitRows.map((u) => u.id), 0)).id];
  if (roundsOfOne) for (const [i, u] of unitRows.entries()) roundIds.push((await round([u.id], i)).id);
  return roundIds;
}


async function until(probe: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

async function scenario<T>(fn: (ctx: { prisma: PrismaClient; prefix: string; redis: ReturnType<typeof createTestRedis> }) => Promise<T>): Promise<T> {
  const db = await createTestDatabase();
  const redis = createTestRedis();
  const prefix = `bench-${randomUUID()}`;
  try {
    return await fn({ prisma: db.prisma, prefix, redis });
  } finally {
    await deleteKeys(redis, prefix);
    redis.disconnect();
    await db.drop();
  }
}

async function fanOut(count: number, perSecond?: number) {
  return scenario(async ({ prisma, prefix, redis }) => {
    const [roundId] = await seed(prisma, count, false);
    const bot = limitedBotApi();
    await bot.api.start();
    const queue = createReminderQueue({ connection: redis, prefix });
    // A weekday morning in Hà Nội, whatever the time of the run (no reminder goes out at night).
    const offsetMs = new Date("2024-10-03T03:00:00Z").getTime() - Date.now();
    const now = () => new Date(Date.now() + offsetMs);
    const reminders = createReminderWorker({
      connection: redis,
      prisma,
      ...workerSending(prisma, redis, prefix, new Api("1:bench", { apiRoot: bot.api.apiRoot }), { now, ...(perSecond ? { pace: { perSecond } } : {}) }),
      prefix,
      reconcileEveryMs: false,
      now,
    });
    try {
      await reminders.worker.waitUntilReady();
      const started = Date.now();
      const queued = await remindNow(prisma, queue, roundId!, null, now());
      const done = await until(() => bot.delivered.size >= count, 180_000);
      // Anything still to come (a duplicate) would show up in this second.
      await new Promise((r) => setTimeout(r, 1000));
      const times = [...bot.delivered.values()].flat().sort((a, b) => a - b);
      const rate = (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
      const duplicated = [...bot.delivered.values()].filter((t) => t.length > 1).length;
      const sentLogged = await prisma.reminderLog.count({ where: { roundId, outcome: "SENT", sentAt: { not: null } } });
      return {
        queued: queued.queued.length,
        delivered: bot.delivered.size,
        lost: count - bot.delivered.size,
        duplicated,
        refused: bot.refused(),
        seconds: (times.at(-1)! - started) / 1000,
        rate,
        sentLogged,
        done,
      };
    } finally {
      await reminders.close();
      await queue.close();
      await bot.api.stop();
    }
  });
}

async function lateness() {
  return scenario(async ({ prisma, prefix, redis }) => {
    const roundIds = await seed(prisma, DELAYED, true);
    const bot = limitedBotApi();
    await bot.api.start();
    const queue = createReminderQueue({ connection: redis, prefix });
    const slot = new Date("2024-10-09T01:00:00Z"); // before-1, 08:00 local
    const offsetMs = slot.getTime() - Date.now();
    const reminders = createReminderWorker({
      connection: redis,
      prisma,
      ...workerSending(prisma, redis, prefix, new Api("1:bench", { apiRoot: bot.api.apiRoot })),
      prefix,
      reconcileEveryMs: false,
      now: () => new Date(Date.now() + offsetMs),
    });
    try {
      await reminders.worker.waitUntilReady();
      const due = new Map<string, number>();
      // Round i's reminder is due PLAN_AHEAD_MS + SPACING_MS × i from the start (planned as if "now"
      // were that much before 08:00); all planning is done before the first one is due.
      const base = Date.now();
      for (const [i, roundId] of roundIds.entries()) {
        const lead = PLAN_AHEAD_MS + SPACING_MS * i - (Date.now() - base);
        const result = await planRoundReminders(prisma, queue, roundId, new Date(slot.getTime() - lead));
        const id = result.added.find((j) => j.includes("_before-1_"))!;
        const job = (await queue.getJob(id))!;
        due.set(id, job.timestamp + job.delay);
      }
      if (Date.now() - base > PLAN_AHEAD_MS) throw new Error("planning took longer than PLAN_AHEAD_MS; raise it");
      await until(() => bot.delivered.size >= DELAYED, 60_000);
      const sends = bot.api.callsOf("sendMessage");
      const late: number[] = [];
      for (const row of await prisma.reminderLog.findMany({ where: { kind: "before-1", outcome: "SENT" }, include: { person: { include: { accounts: true } } } })) {
        const at = bot.delivered.get(row.person!.accounts[0]!.externalId)?.[0];
        if (at !== undefined) late.push(at - due.get(row.jobId)!);
      }
      late.sort((a, b) => a - b);
      return { count: late.length, median: percentile(late, 50), p99: percentile(late, 99), max: late.at(-1)!, calls: sends.length };
    } finally {
      await reminders.close();
      await queue.close();
      await bot.api.stop();
    }
  });
}

export async function run(): Promise<string> {
  const a = await fanOut(FANOUT);
  // The same with the sender set above Telegram's limit: every 429 must be waited out, nothing lost.
  const over = await fanOut(OVER_LIMIT_FANOUT, 40);
  const b = await lateness();
  return markdownTable(
    ["scenario", "result", "target"],
    [
      ["(a) fan-out: reminders queued / delivered", `${a.queued} / ${a.delivered} in ${a.seconds.toFixed(1)} s`, "1000 / 1000"],
      ["(a) achieved rate (first → last accepted)", `${a.rate.toFixed(1)} msg/s = ${(a.rate / 30).toFixed(2)} of 30/s`, "≥ 0.95"],
      ["(a) lost / duplicated", `${a.lost} / ${a.duplicated}`, "0 / 0"],
      ["(a) 429 answers received and retried", String(a.refused), "0"],
      ["(a) SENT rows in the reminder log", String(a.sentLogged), "1000"],
      [
        `(a′) ${OVER_LIMIT_FANOUT} reminders, sender misconfigured to 40 msg/s`,
        `${over.delivered} delivered, ${over.lost} lost, ${over.duplicated} duplicated, ${over.refused} × 429; ${over.rate.toFixed(1)} msg/s = ${(over.rate / 30).toFixed(2)} of 30/s`,
        "0 lost, 0 duplicated",
      ],
      ["(b) delayed reminders sent", String(b.count), String(DELAYED)],
      ["(b) lateness median / p99 / max", `${b.median} / ${b.p99} / ${b.max} ms`, "median < 100 ms"],
    ],
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  console.log(await run());
  process.exit(0);
}
