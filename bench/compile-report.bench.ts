// Report compile: assembly + .docx rendering of 20, 200 and 1,000 units × 19 questions, no database.
// Each size runs in a child process of its own so its peak memory is its own.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { assembleReport } from "../src/domain/report/assemble-report.ts";
import type { ReportInput, StoredAnswer, SubmissionInfo, UnitInfo } from "../src/domain/report/report-input.ts";
import { templateQuestions, type Question, type Template } from "../src/domain/template/template-schema.ts";
import { UNIT_KINDS } from "../src/domain/unit-kind.ts";
import { loadBundledTemplate } from "../src/report/bundled-templates.ts";
import { renderReportDocx } from "../src/report/render-docx.ts";
import { SAMPLE_ORGANISATION, SAMPLE_ROUND } from "../src/report/sample/sample-report-input.ts";
import { markdownTable } from "./markdown-table.ts";

export const title = "Report compile";
export const description =
  "`npx tsx bench/compile-report.bench.ts` — the default template with 19 questions asked of every unit (every question type; " +
  "merged, counted, summed and joined as the template says, two of them for the office only), each unit answering all of them " +
  "(lists of 3 items, long texts of ~600 characters, every unit's text its own, so nothing merges away); assembly + .docx " +
  "rendering with the default options (submitted answers only, no attribution, no appendix), no database. " +
  "Median of 3 runs after a warm-up; peak RSS of a process doing only that size; heap sampled every millisecond. " +
  "Each size runs twice: with Node's default heap settings, and with the V8 flags `npm start` gives the app (`--max-semi-space-size=1`; " +
  "`--liftoff-only` touches only WebAssembly, which a compile does not run).";

const SIZES = [20, 200, 1000];
const RUNS = 3;
// The 19 questions: all of the default template's except the trade union's own item and the reception officer.
const LEFT_OUT = new Set(["trade_union_activity", "reception_officer"]);

function benchTemplate(): Template {
  const template = structuredClone(loadBundledTemplate("dan-chu-co-so"));
  const visit = (sections: Template["sections"]) => {
    for (const section of sections) {
      if (section.content?.type === "questions") {
        section.content.questions = section.content.questions.filter((q) => !LEFT_OUT.has(q.key));
        for (const q of section.content.questions) q.unitKinds = [...UNIT_KINDS];
      }
      visit(section.children);
    }
  };
  visit(template.sections);
  return template;
}

const SENTENCE =
  "Tổ chức tuyên truyền, phổ biến, quán triệt đến công chức, viên chức và người lao động các văn bản về thực hiện dân chủ ở cơ sở";

function answerFor(question: Question, unit: number): StoredAnswer {
  const value = (() => {
    switch (question.type) {
      case "short_text":
        return `công chức số ${unit}`;
      case "long_text":
        return `${SENTENCE} (đơn vị ${unit}). ${SENTENCE}; ${SENTENCE}.\n${SENTENCE}, ${SENTENCE}.`;
      case "list":
        return [1, 2, 3].map((i) => `${SENTENCE} — mục ${i} của đơn vị ${unit}`);
      case "number":
        return unit % 7 === 0 ? 1 : 0;
      case "yes_no":
        return unit % 2 === 0;
      case "single_choice":
        return question.options![unit % question.options!.length]!.key;
      case "multiple_choice":
        return question.options!.slice(0, 2).map((o) => o.key);
      case "date":
        return "2024-01-05";
      case "document_ref":
        return { text: `Quyết định số ${unit}/QĐ-SKHCN ngày 09/7/2024 về việc ban hành Quy chế thực hiện dân chủ ở cơ sở` };
    }
  })();
  return { value, skipped: false };
}

export function benchInput(units: number): ReportInput {
  const template = benchTemplate();
  const questions = templateQuestions(template);
  const unitList: UnitInfo[] = Array.from({ length: units }, (_, i) => ({
    id: i + 1,
    name: `${i % 2 === 0 ? "Phòng" : "Trung tâm"} số ${i + 1}`,
    kind: i % 2 === 0 ? "department" : "affiliated",
    order: i + 1,
  }));
  const submissions: SubmissionInfo[] = unitList.map((unit) => ({
    unitId: unit.id,
    status: "SUBMITTED",
    answers: Object.fromEntries(questions.map((q) => [q.key, answerFor(q, unit.id)])),
  }));
  return { organisation: SAMPLE_ORGANISATION, round: SAMPLE_ROUND, template, units: unitList, submissions };
}

type Measurement = { units: number; questions: number; assembleMs: number; renderMs: number; bytes: number; rssMb: number; heapMb: number };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One size, in this process. */
async function measure(units: number): Promise<Measurement> {
  let heapPeak = 0;
  const sample = () => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  };
  const sampler = setInterval(sample, 1);
  try {
    // Warm-up so the first timed run is not the JIT's.
    await renderReportDocx(assembleReport(benchInput(20), {}));
    const input = benchInput(units);
    const assemble: number[] = [];
    const render: number[] = [];
    let bytes = 0;
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const model = assembleReport(input, {});
      const t1 = performance.now();
      sample();
      const docx = await renderReportDocx(model);
      const t2 = performance.now();
      sample();
      assemble.push(t1 - t0);
      render.push(t2 - t1);
      bytes = docx.length;
    }
    return {
      units,
      questions: templateQuestions(input.template).length,
      assembleMs: median(assemble),
      renderMs: median(render),
      bytes,
      rssMb: process.resourceUsage().maxRSS / 1024,
      heapMb: heapPeak / 2 ** 20,
    };
  } finally {
    clearInterval(sampler);
  }
}

const SELF = fileURLToPath(import.meta.url);

/** The V8 flags of `npm start`, the bot and the worker (package.json, Dockerfile). */
const APP_FLAGS = ["--liftoff-only", "--max-semi-space-size=1"];

function measureInChild(units: number, flags: readonly string[]): Measurement {
  const child = spawnSync(process.execPath, [...flags, "--import", "tsx", SELF, "--child", String(units)], {
    cwd: resolve(import.meta.dirname, ".."),
    encoding: "utf8",
    timeout: 600_000,
  });
  if (child.status !== 0) throw new Error(`bench child for ${units} units failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Measurement;
}

export async function run(): Promise<string> {
  const runs = SIZES.flatMap((units) => [
    { flags: "defaults", m: measureInChild(units, []) },
    { flags: "npm start's", m: measureInChild(units, APP_FLAGS) },
  ]);
  const rows = runs.map(({ flags, m }, i) => [
    m.units,
    flags,
    m.questions,
    (m.units * m.questions).toLocaleString("en"),
    m.assembleMs.toFixed(0),
    m.renderMs.toFixed(0),
    (m.assembleMs + m.renderMs).toFixed(0),
    `${(m.bytes / 1024).toFixed(0)} KB`,
    m.rssMb.toFixed(0),
    (m.rssMb / runs[i - (i % 2)]!.m.rssMb).toFixed(2),
    m.heapMb.toFixed(0),
  ]);
  return markdownTable(
    ["Units", "V8 flags", "Questions", "Answers", "Assemble (ms)", "Render .docx (ms)", "Total (ms)", ".docx size", "Peak RSS (MB)", "× defaults", "Peak heap (MB)"],
    rows,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const childAt = process.argv.indexOf("--child");
  if (childAt >= 0) {
    console.log(JSON.stringify(await measure(Number(process.argv[childAt + 1]))));
  } else {
    console.log(await run());
  }
}
