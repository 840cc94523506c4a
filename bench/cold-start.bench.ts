// Cold start to the first answered update, and idle memory, of the bot + worker process, started the
// way the README says (`npm start`, compiled JavaScript) and the way it was started before (tsx).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Redis } from "ioredis";
import pg from "pg";
import { FakeBotApi } from "../test/support/fake-bot-api.ts";
import { markdownTable } from "./markdown-table.ts";

export const title = "Cold start and idle memory";
export const description =
  "`npx tsx bench/cold-start.bench.ts` — the bot + worker process started with a /start update already waiting at a local Bot API; time from spawn to the reply, then RSS of the app's Node process after 5 s idle (npm's own process, about 50 MB while it waits for its child, is not counted). *npm start*: `npm start` as the README says (compiled `dist/main.js`, the build already up to date); *no V8 flags*: `node dist/main.js all`, how `npm start` ran before `--liftoff-only --max-semi-space-size=1`; *tsx*: `node --import tsx src/main.ts all`, how it ran before compiled JavaScript. Each row is the second of two runs (the first warms the disk cache).";

const ROOT = resolve(import.meta.dirname, "..");

/** A database of the benchmarks' own, so runs never touch anyone's data. */
export async function benchDatabaseUrl(): Promise<string> {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const client = new pg.Client({ connectionString: "postgresql://postgres@127.0.0.1:5432/postgres" });
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = 'tonghop_bench'");
  if (exists.rowCount === 0) await client.query("CREATE DATABASE tonghop_bench");
  await client.end();
  return "postgresql://postgres@127.0.0.1:5432/tonghop_bench";
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** The process (this one or a descendant) whose command line runs the app's main module. */
function appPid(pid: number): number | undefined {
  const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  if (/main\.(js|ts)\0/.test(cmdline)) return pid;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const children = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
    for (const child of children ? children.split(" ") : []) {
      const found = appPid(Number(child));
      if (found) return found;
    }
  }
  return undefined;
}

async function dropKeys(prefix: string): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
  await redis.quit();
}

function childPids(pid: number): number[] {
  const pids: number[] = [];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const children = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
    for (const child of children ? children.split(" ") : []) pids.push(Number(child), ...childPids(Number(child)));
  }
  return pids;
}

/** Proportional memory of the app's child processes (the embedded PostgreSQL server and its workers). */
function childrenPssMb(pid: number): number {
  let kb = 0;
  for (const child of childPids(pid)) {
    try {
      kb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${child}/smaps_rollup`, "utf8"))![1]);
    } catch {
      // gone meanwhile
    }
  }
  return kb / 1024;
}

export type Launch = "npm start" | "no V8 flags" | "tsx";
export type Database = "embedded" | "PostgreSQL";
export type Sample = { launch: Launch; database: Database; coldStartMs: number; idleRssMb: number; serverPssMb: number };

export async function measure(launch: Launch, database: Database, extraEnv: Record<string, string> = {}): Promise<Sample> {
  const api = new FakeBotApi();
  await api.start();
  const cwd = mkdtempSync(join(tmpdir(), "tong-hop-bench-"));
  const prefix = `bench-cold-${process.pid}-${Date.now()}`;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? cwd,
    BOT_TOKEN: "123:bench",
    BOT_API_ROOT: api.apiRoot,
    PORT: "0",
    LOG_LEVEL: process.env.BENCH_DEBUG ? "info" : "warn",
    DATA_DIR: join(cwd, "data"),
    // A prefix of its own: the stranger's reply is sent once per 10 minutes per chat, and runs must not share queues.
    REDIS_PREFIX: prefix,
    ...extraEnv,
  };
  if (database === "PostgreSQL") env.DATABASE_URL = await benchDatabaseUrl();
  // The update waits at the Bot API from the start, as after a restart.
  api.pushUpdate({
    message: { message_id: 1, date: 1, chat: { id: 7, type: "private" }, from: { id: 7, is_bot: false, first_name: "A" }, text: "/start", entities: [{ type: "bot_command", offset: 0, length: 6 }] },
  });
  const started = performance.now();
  const stdio = process.env.BENCH_DEBUG ? "inherit" : "ignore";
  const child =
    launch === "npm start"
      ? spawn("npm", ["start", "--silent"], { cwd: ROOT, env, stdio, detached: true })
      : launch === "no V8 flags"
        ? spawn(process.execPath, [join(ROOT, "dist/main.js"), "all"], { cwd: ROOT, env, stdio, detached: true })
        : spawn(process.execPath, ["--import", import.meta.resolve("tsx"), join(ROOT, "src/main.ts"), "all"], { cwd, env, stdio, detached: true });
  try {
    await api.waitForCall((call) => call.method === "sendMessage", 60_000);
    const coldStartMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, 5000));
    const pid = appPid(child.pid!) ?? child.pid!;
    return { launch, database, coldStartMs, idleRssMb: rssMb(pid), serverPssMb: childrenPssMb(pid) };
  } finally {
    const exited = new Promise((r) => child.once("exit", r));
    process.kill(-child.pid!, "SIGTERM");
    await exited;
    await api.stop();
    await dropKeys(prefix);
    rmSync(cwd, { recursive: true, force: true });
  }
}

export async function run(): Promise<string> {
  const rows: Sample[] = [];
  for (const database of ["embedded", "PostgreSQL"] as const) {
    for (const launch of ["tsx", "no V8 flags", "npm start"] as const) {
      await measure(launch, database);
      rows.push(await measure(launch, database));
    }
  }
  const base = (r: Sample) => rows.find((b) => b.database === r.database && b.launch === "tsx")!;
  const unflagged = (r: Sample) => rows.find((b) => b.database === r.database && b.launch === "no V8 flags")!;
  const targets = { embedded: "≤ 3000 ms, ≤ 250 MB", PostgreSQL: "≤ 1500 ms, ≤ 150 MB" };
  return markdownTable(
    ["database", "started by", "cold start → first reply (ms)", "× tsx", "idle RSS after 5 s (MB)", "× tsx", "× no V8 flags", "+ embedded server PSS (MB)", "targets"],
    rows.map((r) => [
      r.database,
      r.launch,
      r.coldStartMs.toFixed(0),
      (r.coldStartMs / base(r).coldStartMs).toFixed(2),
      r.idleRssMb.toFixed(0),
      (r.idleRssMb / base(r).idleRssMb).toFixed(2),
      r.launch === "tsx" ? "—" : (r.idleRssMb / unflagged(r).idleRssMb).toFixed(2),
      r.database === "embedded" ? r.serverPssMb.toFixed(0) : "—",
      targets[r.database],
    ]),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) console.log(await run());
