// Report compile: assembly + .docx rendering of 20, 200 and 1,000 units × 19 questions, no database.
// Each size runs in a child process of its own (bench/compile-report-child.ts) so its peak memory is its own.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import type { Measurement } from "./compile-report-child.ts";
import { markdownTable } from "./markdown-table.ts";

export const title = "Report compile";
export const description =
  "`npx tsx bench/compile-report.bench.ts` — the default template with 19 questions asked of every unit (every question type; " +
  "merged, counted, summed and joined as the template says, two of them for the office only), each unit answering all of them " +
  "(lists of 3 items, long texts of ~600 characters, every unit's text its own, so nothing merges away); assembly + .docx " +
  "rendering with the default options (submitted answers only, no attribution, no appendix), no database. " +
  "Median of 3 runs after a warm-up; peak RSS of a process doing only that size; heap sampled every millisecond. " +
  "Each size runs three ways: under tsx from src/ with Node's default heap settings; the same with the V8 flags `npm start` gives the app " +
  "(`--max-semi-space-size=1`; `--liftoff-only` touches only WebAssembly, which a compile does not run); and as `npm start` runs the app: " +
  "the compiled dist/ on plain Node with those flags, no tsx loader in the process.";

const SIZES = [20, 200, 1000];

const ROOT = resolve(import.meta.dirname, "..");
const CHILD = join(import.meta.dirname, "compile-report-child.ts");

/** The V8 flags of `npm start`, the bot and the worker (package.json, Dockerfile). */
const APP_FLAGS = ["--liftoff-only", "--max-semi-space-size=1"];

/** How a child runs: under tsx from src/ (as this bench and the tests do), or as `npm start` runs the app. */
type Way = { label: string; flags: readonly string[]; compiled: boolean };
const WAYS: Way[] = [
  { label: "tsx, defaults", flags: [], compiled: false },
  { label: "tsx, npm start's flags", flags: APP_FLAGS, compiled: false },
  { label: "dist/ (npm start)", flags: APP_FLAGS, compiled: true },
];

/**
 * The child as plain JavaScript importing the compiled dist/ (built first when older than src/): TypeScript strips
 * its types, and its imports of src/*.ts point at dist/*.js. No tsx loader is in that process, as in the app's.
 */
function compiledChild(): string {
  execFileSync(process.execPath, [join(ROOT, "scripts/build.mjs"), "--if-stale"], { stdio: "inherit" });
  const source = readFileSync(CHILD, "utf8");
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const dist = pathToFileURL(join(ROOT, "dist")).href;
  const rewritten = js.replace(/from "\.\.\/src\/([^"]+)\.ts"/g, (_, path: string) => `from "${dist}/${path}.js"`);
  const file = join(mkdtempSync(join(tmpdir(), "tonghop-bench-")), "compile-report-child.mjs");
  writeFileSync(file, rewritten);
  return file;
}

function measureInChild(units: number, way: Way, compiled: string | null): Measurement {
  const args = way.compiled ? [...way.flags, compiled!, String(units)] : [...way.flags, "--import", "tsx", CHILD, String(units)];
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", timeout: 600_000 });
  if (child.status !== 0) throw new Error(`bench child for ${units} units (${way.label}) failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Measurement;
}

export async function run(): Promise<string> {
  const compiled = compiledChild();
  const runs = SIZES.flatMap((units) => WAYS.map((way) => ({ way, m: measureInChild(units, way, compiled) })));
  const rows = runs.map(({ way, m }, i) => [
    m.units,
    way.label,
    m.questions,
    (m.units * m.questions).toLocaleString("en"),
    m.assembleMs.toFixed(0),
    m.renderMs.toFixed(0),
    (m.assembleMs + m.renderMs).toFixed(0),
    `${(m.bytes / 1024).toFixed(0)} KB`,
    m.rssMb.toFixed(0),
    (m.rssMb / runs[i - (i % WAYS.length)]!.m.rssMb).toFixed(2),
    m.heapMb.toFixed(0),
  ]);
  return markdownTable(
    ["Units", "runs as", "Questions", "Answers", "Assemble (ms)", "Render .docx (ms)", "Total (ms)", ".docx size", "Peak RSS (MB)", "× tsx, defaults", "Peak heap (MB)"],
    rows,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await run());
}
