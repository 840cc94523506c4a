// N reporters answering a whole submission at once through the real grammY stack on PostgreSQL.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { cpus } from "node:os";
import { pathToFileURL } from "node:url";
import { Redis } from "ioredis";
import pg from "pg";
import { createBot } from "../src/channels/telegram/create-bot.ts";
import { i18n } from "../src/i18n.ts";
import { createFloodControl } from "../src/inbound/flood-control.ts";
import { createRedisHandledEvents } from "../src/inbound/handled-events.ts";
import { createLogger } from "../src/logger.ts";
import { TEST_BOT_INFO } from "../test/support/bot-harness.ts";
import { deleteKeys, REDIS_URL } from "../test/support/reminder-fixtures.ts";
import { ChatView, FULL_ANSWER_SET, stepUpdate } from "../test/support/reporter-script.ts";
import { seedReporterWorld } from "../test/support/reporter-world.ts";
import { createTestDatabase } from "../test/support/test-database.ts";
import { markdownTable } from "./markdown-table.ts";
import { percentile } from "./percentile.ts";
import { botDeps } from "../test/support/bot-deps.ts";

export const title = "Conversation throughput";
export const description = [
  "`npx tsx bench/conversation-throughput.bench.ts` — N reporters, one department unit each, answer every question of",
  "`test/fixtures/all-question-types.yaml` and submit (14 updates each: typed answers — a long text and a list in one message each —, buttons, toggles)",
  "through `bot.handleUpdate` with the production middleware (duplicate-update guard on Redis, session lock, one transaction",
  "per step) on local PostgreSQL; Bot API calls are answered in-process by a transformer. A step's time is one",
  "`handleUpdate`, from arrival to the last reply sent. *Saturated*: every reporter sends its next update as soon as the",
  "previous one is answered (the throughput ceiling; per-step time then includes waiting for the 10 database connections).",
  "*Paced*: each reporter sends one step every N / rate seconds from a random phase, so that together they offer the given rate",
  "(300 updates/s, the target, and half of it); a reporter still waits for each answer before its next step.",
  "The load generator runs in the bot's process and shares its CPU. Twenty warm-up reporters answer first and are not counted.",
].join(" ");

const TOKEN = "123:bench";
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 20);
const TARGET_RATE = 300;

type Scenario = { reporters: number; pacedRate?: number };

type Result = Scenario & {
  updates: number;
  seconds: number;
  rate: number;
  p50: number;
  p99: number;
  max: number;
  submitted: number;
  failures: number;
  /** CPU time of this (the bot's) process per update, user + system; less sensitive to other load than wall time. */
  cpuMsPerUpdate: number;
  /** Statements sent to PostgreSQL per update. */
  roundTripsPerUpdate: number;
};

// Every statement the app sends goes through pg's Client.query (Prisma's adapter, raw SQL, BEGIN and COMMIT):
// counting its calls counts the database round trips.
let roundTrips = 0;
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  roundTrips++;
  if (process.env.BENCH_TRACE) {
    const first = args[0] as string | { text?: string };
    process.stderr.write(`SQL ${(typeof first === "string" ? first : (first?.text ?? "?")).replace(/\s+/g, " ").slice(0, 160)}\n`);
  }
  return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof clientQuery;

/**
 * CPU time (ms) of each thread of this process, from Linux's /proc: the main thread runs JavaScript, V8's own
 * threads collect garbage and compile; empty elsewhere.
 */
function threadCpuMs(): Map<string, number> {
  const times = new Map<string, number>();
  let tasks: string[] = [];
  try {
    tasks = readdirSync("/proc/self/task");
  } catch {
    return times;
  }
  for (const task of tasks) {
    const stat = readFileSync(`/proc/self/task/${task}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime, fields 14 and 15 of stat, in clock ticks (100 per second).
    times.set(task, (Number(fields[11]) + Number(fields[12])) * 10);
  }
  return times;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


async function measure(scenario: Scenario): Promise<Result> {
  const db = await createTestDatabase();
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const botId = 700_000_000 + Math.floor(Math.random() * 1_000_000);
  try {
    const world = await seedReporterWorld(db.prisma, { units: scenario.reporters + WARM_UP });
    const bot = createBot(TOKEN, {
      botInfo: TEST_BOT_INFO,
      deps: botDeps(db.prisma, {
        logger: createLogger(process.env.BENCH_LOG ?? "silent"),
        updateLog: createRedisHandledEvents(redis, { prefix: `bench-${botId}` }),
        // As the app runs it: each sender's events counted in Redis, a chat's queue capped.
        ...(process.env.BENCH_NO_FLOOD ? {} : { floodControl: createFloodControl(redis, { prefix: `bench-${botId}` }) }),
      }),
    });
    const view = new ChatView();
    const tryAgain = i18n.t("vi", "error-try-again");
    let failures = 0;
    const failed = new Set<number>();
    let messageId = 1;
    bot.api.config.use(async (_prev, method, payload) => {
      const p = payload as Record<string, unknown>;
      const id = messageId++;
      view.observe(method, p, id);
      if (p.text === tryAgain) {
        failures++;
        failed.add(Number(p.chat_id));
      }
      const result =
        method === "sendMessage" || method === "editMessageText"
          ? { message_id: id, date: Math.floor(Date.now() / 1000), chat: { id: Number(p.chat_id), type: "private" }, text: p.text }
          : true;
      return { ok: true, result } as never;
    });

    let updateId = 1;
    const durations: number[] = [];
    const answerAll = async (person: (typeof world.reporters)[number], thinkMs: number, record: boolean) => {
      // Paced: one step every thinkMs from a random phase, due on that schedule (not after the previous
      // answer), so a slow answer does not lower the rate offered; a step never overtakes the answer before it.
      let due = performance.now() + Math.random() * thinkMs;
      for (const step of FULL_ANSWER_SET) {
        if (thinkMs > 0) {
          await sleep(Math.max(0, due - performance.now()));
          due += thinkMs;
        }
        // Told to try again, a person sends the same thing once more (a few times at most).
        for (let attempt = 0; attempt < 3; attempt++) {
          failed.delete(person.id);
          const update = { update_id: updateId++, ...stepUpdate(step, person, view) };
          const started = performance.now();
          if (process.env.BENCH_TRACE && record) process.stderr.write(`STEP ${JSON.stringify(step).slice(0, 80)}\n`);
          await bot.handleUpdate(update as never);
          if (record) durations.push(performance.now() - started);
          if (!failed.has(person.id)) break;
        }
      }
    };

    const warmUp = world.reporters.slice(0, WARM_UP);
    const measured = world.reporters.slice(WARM_UP);
    await Promise.all(warmUp.map((person) => answerAll(person, 0, false)));
    failures = 0;

    // Each reporter's cycle is think time + step time; the think time alone sets the offered rate.
    const thinkMs = scenario.pacedRate ? (scenario.reporters / scenario.pacedRate) * 1000 : 0;
    // BENCH_CPU_PROFILE=<file> writes a V8 CPU profile of the measured steps only (not seeding or warm-up).
    const profiler = process.env.BENCH_CPU_PROFILE ? new Session() : undefined;
    if (profiler) {
      profiler.connect();
      await profiler.post("Profiler.enable");
      await profiler.post("Profiler.start");
    }
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const threadsBefore = threadCpuMs();
    const tripsBefore = roundTrips;
    await Promise.all(measured.map((person) => answerAll(person, thinkMs, true)));
    const cpu = process.cpuUsage(cpuBefore);
    const trips = roundTrips - tripsBefore;
    if (profiler) {
      const { profile } = await profiler.post("Profiler.stop");
      writeFileSync(process.env.BENCH_CPU_PROFILE!, JSON.stringify(profile));
      profiler.disconnect();
    }
    if (process.env.BENCH_DEBUG) {
      const main = String(process.pid);
      let mainMs = NaN;
      let others = 0;
      for (const [task, ms] of threadCpuMs()) {
        const spent = ms - (threadsBefore.get(task) ?? 0);
        if (task === main) mainMs = spent;
        else others += spent;
      }
      process.stderr.write(
        `user ${cpu.user / 1000} ms, system ${cpu.system / 1000} ms, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB; ` +
          `per update: main thread ${(mainMs / durations.length).toFixed(2)} ms, V8's other threads ${(others / durations.length).toFixed(2)} ms\n`,
      );
    }
    const seconds = (performance.now() - started) / 1000;

    const submitted = await db.prisma.submission.count({ where: { roundId: world.roundId, status: "SUBMITTED", unitId: { in: measured.map((r) => r.unitId) } } });
    const sorted = durations.sort((a, b) => a - b);
    return {
      ...scenario,
      updates: durations.length,
      seconds,
      rate: durations.length / seconds,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? NaN,
      submitted,
      failures,
      cpuMsPerUpdate: (cpu.user + cpu.system) / 1000 / durations.length,
      roundTripsPerUpdate: trips / durations.length,
    };
  } finally {
    await deleteKeys(redis, `bench-${botId}`);
    redis.disconnect();
    await db.drop();
  }
}

const SCENARIOS: Scenario[] = [
  { reporters: 10 },
  { reporters: 100 },
  { reporters: 1000 },
  { reporters: 100, pacedRate: TARGET_RATE },
  { reporters: 1000, pacedRate: TARGET_RATE },
  { reporters: 100, pacedRate: TARGET_RATE / 2 },
  { reporters: 100, pacedRate: 100 },
];

export async function run(): Promise<string> {
  const rows: Result[] = [];
  // BENCH_TRACE=1 prints the statements of one reporter's steps, one step after another.
  for (const scenario of process.env.BENCH_TRACE ? [{ reporters: 1 }] : process.env.BENCH_SCENARIO ? SCENARIOS.filter((s) => `${s.reporters}${s.pacedRate ? `p${s.pacedRate}` : ""}` === process.env.BENCH_SCENARIO) : SCENARIOS) {
    const result = await measure(scenario);
    rows.push(result);
    process.stderr.write(`${JSON.stringify(result)}\n`);
  }
  const ms = (value: number) => value.toFixed(1);
  return markdownTable(
    ["N reporters", "load", "updates", "wall (s)", "updates/s", "p50 step (ms)", "p99 step (ms)", "max (ms)", "bot CPU per update (ms)", "round trips per update", "submitted", "try-again replies"],
    rows.map((r) => [
      r.reporters.toLocaleString("en"),
      r.pacedRate ? `paced, ${r.pacedRate}/s offered` : "saturated",
      r.updates.toLocaleString("en"),
      r.seconds.toFixed(1),
      r.rate.toFixed(0),
      ms(r.p50),
      ms(r.p99),
      ms(r.max),
      ms(r.cpuMsPerUpdate),
      r.roundTripsPerUpdate.toFixed(1),
      `${r.submitted}/${r.reporters}`,
      r.failures,
    ]),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  process.stderr.write(`${cpus().length} × ${cpus()[0]?.model ?? "CPU"}\n`);
  console.log(await run());
  process.exit(0);
}
