// One size of the report compile bench (bench/compile-report.bench.ts), in a process of its own so that its peak
// memory is its own. It imports only the product's code, so the parent can also run it on the compiled dist/.
import { assembleReport } from "../src/domain/report/assemble-report.ts";
import type { ReportInput, StoredAnswer, SubmissionInfo, UnitInfo } from "../src/domain/report/report-input.ts";
import { templateQuestions, type Question, type Template } from "../src/domain/template/template-schema.ts";
import { UNIT_KINDS } from "../src/domain/unit-kind.ts";
import { loadBundledTemplate } from "../src/report/bundled-templates.ts";
import { renderReportDocx } from "../src/report/render-docx.ts";
import { SAMPLE_ORGANISATION, SAMPLE_ROUND } from "../src/report/sample/sample-report-input.ts";

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

export type Measurement = { units: number; questions: number; assembleMs: number; renderMs: number; bytes: number; rssMb: number; heapMb: number };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One size, in this process. */
export async function measure(units: number): Promise<Measurement> {
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


const units = Number(process.argv[2]);
if (Number.isInteger(units) && units > 0) console.log(JSON.stringify(await measure(units)));
