// Cold start to the first answered update, and idle memory, of the bot + worker process.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { FakeBotApi } from "../test/support/fake-bot-api.ts";
import { markdownTable } from "./markdown-table.ts";

export const title = "Cold start and idle memory";
export const description =
  "`npx tsx bench/cold-start.bench.ts` — `src/main.ts all` started with a /start update already waiting at a local Bot API; time from spawn to the reply, then RSS after 5 s idle.";

const ROOT = resolve(import.meta.dirname, "..");

/** A database of the benchmarks' own, so runs never touch anyone's data. */
async function benchDatabaseUrl(): Promise<string> {
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

type Sample = { database: string; coldStartMs: number; idleRssMb: number };

async function measure(database: "embedded (PGlite)" | "PostgreSQL"): Promise<Sample> {
  const api = new FakeBotApi();
  await api.start();
  const cwd = mkdtempSync(join(tmpdir(), "tong-hop-bench-"));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    BOT_TOKEN: "123:bench",
    BOT_API_ROOT: api.apiRoot,
    PORT: "0",
    LOG_LEVEL: "warn",
  };
  if (database === "PostgreSQL") env.DATABASE_URL = await benchDatabaseUrl();
  // The update waits at the Bot API from the start, as after a restart.
  api.pushUpdate({
    message: { message_id: 1, date: 1, chat: { id: 7, type: "private" }, from: { id: 7, is_bot: false, first_name: "A" }, text: "/start", entities: [{ type: "bot_command", offset: 0, length: 6 }] },
  });
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), join(ROOT, "src/main.ts"), "all"], { cwd, env, stdio: "ignore" });
  try {
    await api.waitForCall((call) => call.method === "sendMessage", 60_000);
    const coldStartMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, 5000));
    return { database, coldStartMs, idleRssMb: rssMb(child.pid!) };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    await api.stop();
    rmSync(cwd, { recursive: true, force: true });
  }
}

export async function run(): Promise<string> {
  const rows: Sample[] = [];
  for (const database of ["embedded (PGlite)", "PostgreSQL"] as const) {
    // The first run warms the disk cache; the second is reported.
    await measure(database);
    rows.push(await measure(database));
  }
  return markdownTable(
    ["database", "cold start → first reply (ms)", "idle RSS after 5 s (MB)", "targets"],
    rows.map((r) => [r.database, r.coldStartMs.toFixed(0), r.idleRssMb.toFixed(0), "< 3000 ms, < 150 MB"]),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) console.log(await run());
