// Property-based: whatever is typed, parsing either refuses it with a reason or gives a value the
// stored-answer check accepts, that survives JSON (the database column) and that a .docx can hold.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanText, parseAnswer, splitListItems } from "../src/domain/answer-parsing.ts";
import { answerValueSchemaFor } from "../src/domain/answer-value.ts";
import { cutText } from "../src/domain/cut-text.ts";
import { loadTemplateFile } from "../src/domain/template/load-template.ts";
import { templateQuestions, type Question } from "../src/domain/template/template-schema.ts";
import { FIXTURE_TEMPLATE, ROOT } from "./support/report-world.ts";
import { fuzzParameters } from "./support/fuzz-runs.ts";
import { anyInput, dateText, nastyText, numberText } from "./support/fuzz-text.ts";

const fixture = templateQuestions(loadTemplateFile(FIXTURE_TEMPLATE));
const shipped = templateQuestions(loadTemplateFile(`${ROOT}/templates/dan-chu-co-so.yaml`));

// Limits a template may set that the shipped ones do not.
const base = { prompt: { vi: "?", en: "?" }, help: { vi: "?", en: "?" }, required: true, unitKinds: ["department"], offerKeepLast: false, report: true };
const synthetic: Question[] = [
  { ...base, key: "bounded", type: "number", limits: { min: -5, max: 5 } },
  { ...base, key: "whole", type: "number", limits: { integer: true, min: 0 } },
  { ...base, key: "unbounded", type: "number" },
  { ...base, key: "tiny_text", type: "short_text", limits: { maxLength: 1 } },
  { ...base, key: "tiny_list", type: "list", limits: { maxItems: 1, maxLength: 3 } },
  { ...base, key: "ref", type: "document_ref", limits: { maxLength: 20 } },
  {
    ...base,
    key: "pick",
    type: "multiple_choice",
    limits: { maxItems: 2 },
    options: [
      { key: "a", label: { vi: "Một", en: "One" } },
      { key: "b", label: { vi: "Hai 🎉", en: "Two" } },
      { key: "c", label: { vi: "Ba & <bốn>", en: "Three" } },
    ],
  },
];
const questions = [...fixture, ...shipped, ...synthetic];

// What XML 1.0 forbids, and the invisible controls cleanText promises to remove.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

function checkParsed(question: Question, raw: string): void {
  const result = parseAnswer(question, raw);
  if (!result.ok) {
    expect(typeof result.problem.code).toBe("string");
    return;
  }
  const schema = answerValueSchemaFor(question);
  const parsed = schema.safeParse(result.value);
  if (!parsed.success) throw new Error(`${question.key} (${question.type}): parsed ${JSON.stringify(raw).slice(0, 200)} into ${JSON.stringify(result.value).slice(0, 200)}, which the stored-answer check refuses: ${parsed.error.message}`);
  // The database keeps JSON: the value must come back the same and still be accepted.
  const stored = JSON.parse(JSON.stringify(result.value)) as unknown;
  expect(JSON.stringify(stored)).toBe(JSON.stringify(result.value));
  expect(schema.safeParse(stored).success).toBe(true);
  for (const text of strings(result.value)) {
    expect(NOT_XML.test(text), `${question.key}: ${JSON.stringify(text).slice(0, 120)}`).toBe(false);
    expect(CONTROL.test(text)).toBe(false);
  }
}

const question = fc.constantFrom(...questions);
// Generous for a loaded two-core machine: each property stops starting runs after 20 s.
const TIMEOUT = { timeout: 90_000 };
const runs = () => fuzzParameters(1500, 20_000);

describe("answer parsing under random input", () => {
  it("refuses whole numbers past 2^53 - 1 and figures a scale word carries past the largest number", () => {
    const whole = synthetic.find((q) => q.key === "whole")!;
    const unbounded = synthetic.find((q) => q.key === "unbounded")!;
    expect(parseAnswer(whole, "0.009.007.199.255 triệu")).toEqual({ ok: false, problem: { code: "number-above-max", vars: { max: Number.MAX_SAFE_INTEGER } } });
    expect(parseAnswer(whole, "9.007.199.254.740.991")).toEqual({ ok: true, value: Number.MAX_SAFE_INTEGER });
    expect(parseAnswer(unbounded, `1${"0".repeat(300)} tỷ`)).toMatchObject({ ok: false, problem: { code: "not-a-number" } });
    expect(parseAnswer(unbounded, `1${"0".repeat(300)}`)).toEqual({ ok: true, value: 1e300 });
  });

  it("every question type: no exception, and an accepted value is a valid stored answer", TIMEOUT, () => {
    fc.assert(fc.property(question, anyInput, (q, raw) => checkParsed(q, raw)), runs());
  });

  it("numbers typed every way, including huge and scaled ones", TIMEOUT, () => {
    const numeric = questions.filter((q) => q.type === "number");
    fc.assert(fc.property(fc.constantFrom(...numeric), numberText, (q, raw) => checkParsed(q, raw)), runs());
  });

  it("dates, possible and impossible", TIMEOUT, () => {
    const dated = questions.filter((q) => q.type === "date" || q.type === "document_ref");
    fc.assert(fc.property(fc.constantFrom(...dated), dateText, (q, raw) => checkParsed(q, raw)), runs());
  });

  it("a text cut for quoting is a prefix within the limit that never ends in half a surrogate pair", TIMEOUT, () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), fc.integer({ min: 1, max: 70 }), (text, max) => {
        const cut = cutText(text, max);
        expect(text.startsWith(cut)).toBe(true);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(cut.length).toBeGreaterThanOrEqual(Math.min(text.length, max - 1));
        expect(/[\uD800-\uDBFF]$/.test(cut)).toBe(false);
      }),
      runs(),
    );
  });

  it("cleaned text and list items carry no controls, lone surrogates or characters XML forbids", TIMEOUT, () => {
    fc.assert(
      fc.property(nastyText, (raw) => {
        for (const text of [cleanText(raw), ...splitListItems(raw)]) {
          expect(NOT_XML.test(text)).toBe(false);
          expect(CONTROL.test(text)).toBe(false);
          expect(text).toBe(text.normalize("NFC"));
        }
      }),
      fuzzParameters(300, 20_000),
    );
  });
});
