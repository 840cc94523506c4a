// Property-based: random edits of the shipped template either load or are refused with a TemplateError
// (nothing else escapes), and a template that loads renders a .docx every part of which is well-formed XML.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { answerValueSchemaFor } from "../src/domain/answer-value.ts";
import { assembleReport } from "../src/domain/report/assemble-report.ts";
import { parseTemplateYaml } from "../src/domain/template/load-template.ts";
import { TemplateError } from "../src/domain/template/template-error.ts";
import { templateQuestions, type Template } from "../src/domain/template/template-schema.ts";
import { renderReportDocx } from "../src/report/render-docx.ts";
import { sampleReportInput } from "../src/report/sample/sample-report-input.ts";
import { fuzzParameters } from "./support/fuzz-runs.ts";
import { nastyText } from "./support/fuzz-text.ts";
import { ROOT } from "./support/report-world.ts";
import { checkWellFormedXml } from "./support/xml-well-formed.ts";

const SOURCE = readFileSync(`${ROOT}/templates/dan-chu-co-so.yaml`, "utf8");
const LINES = SOURCE.split("\n");

/** YAML that tends to break loaders: anchors and aliases, tags, flow collections, block scalars, documents. */
const yamlToken = fc.constantFrom(
  "&a",
  "*a",
  "*missing",
  "<<: *a",
  "!!binary aGk=",
  "!!str",
  "!custom",
  "!!map {}",
  "[]",
  "{}",
  "[1, [2, {x: y}]]",
  "{ vi: x, en: y }",
  "|",
  ">-",
  "? ",
  "- ",
  ": ",
  "#",
  "---",
  "...",
  "%YAML 1.1",
  "'",
  '"',
  '"\\u0000\\x07\\ud800"',
  "null",
  "~",
  ".nan",
  "-.inf",
  "0x1F",
  "1e999",
  "2024-02-30",
  "yes",
  "__proto__",
  "constructor",
  "\t",
);

const alias = fc.integer({ min: 2, max: 12 }).map((n) => {
  // A billion laughs in miniature: each level repeats the one before.
  const levels = ["l0: &l0 [x, x, x, x, x, x, x, x]"];
  for (let i = 1; i < n; i++) levels.push(`l${i}: &l${i} [${Array(8).fill(`*l${i - 1}`).join(", ")}]`);
  return levels.join("\n");
});

type Edit = (lines: string[]) => string[];

const at = (max: number) => fc.nat({ max: Math.max(0, max - 1) });

// Lines holding text that reaches the report or the conversation: headings, prompts, wording.
const TEXT_LINES = LINES.flatMap((line, i) => (/^\s*(vi|en|title|subject|example|format|yesText|noText):\s/.test(line) ? [i] : []));

/** A text field's value replaced with random text, quoted so YAML keeps it a string and it reaches the report. */
const textEdit: fc.Arbitrary<Edit> = fc.tuple(fc.constantFrom(...TEXT_LINES), nastyText).map(([i, text]): Edit => (lines) =>
  lines.map((line, j) => {
    if (j !== i) return line;
    const colon = line.indexOf(": ");
    return `${line.slice(0, colon + 2)}${JSON.stringify(text)}`;
  }),
);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  at(LINES.length).map((i): Edit => (lines) => lines.filter((_, j) => j !== i % lines.length)),
  at(LINES.length).map((i): Edit => (lines) => lines.flatMap((line, j) => (j === i % lines.length ? [line, line] : [line]))),
  fc.tuple(at(LINES.length), at(LINES.length)).map(([i, k]): Edit => (lines) => {
    const out = [...lines];
    const [a, b] = [i % out.length, k % out.length];
    [out[a], out[b]] = [out[b]!, out[a]!];
    return out;
  }),
  fc.tuple(at(LINES.length), fc.integer({ min: -4, max: 4 })).map(([i, shift]): Edit => (lines) =>
    lines.map((line, j) => (j !== i % lines.length ? line : shift > 0 ? " ".repeat(shift) + line : line.slice(-shift))),
  ),
  // A value replaced: after "key: " on a line, anything.
  fc.tuple(at(LINES.length), fc.oneof(nastyText, yamlToken, fc.jsonValue().map((v) => JSON.stringify(v)))).map(([i, value]): Edit => (lines) =>
    lines.map((line, j) => {
      if (j !== i % lines.length) return line;
      const colon = line.indexOf(": ");
      return colon < 0 ? `${line}${value}` : `${line.slice(0, colon + 2)}${value}`;
    }),
  ),
  textEdit,
  fc.tuple(at(LINES.length), fc.oneof(yamlToken, alias, nastyText)).map(([i, inserted]): Edit => (lines) => [
    ...lines.slice(0, i % lines.length),
    ...inserted.split("\n"),
    ...lines.slice(i % lines.length),
  ]),
  fc.tuple(fc.nat({ max: SOURCE.length }), fc.oneof(yamlToken, nastyText)).map(([p, inserted]): Edit => (lines) => {
    const text = lines.join("\n");
    const cut = p % (text.length + 1);
    return (text.slice(0, cut) + inserted + text.slice(cut)).split("\n");
  }),
  fc.nat({ max: SOURCE.length }).map((p): Edit => (lines) => lines.join("\n").slice(0, p).split("\n")),
);

const apply = (edits: Edit[]) => edits.reduce((lines, e) => e(lines), LINES).join("\n");
const mutated = fc.array(edit, { minLength: 1, maxLength: 4 }).map(apply);
const withRandomText = fc.array(textEdit, { minLength: 1, maxLength: 8 }).map(apply);

const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

function load(source: string): Template | null {
  try {
    return parseTemplateYaml(source, "fuzzed.yaml");
  } catch (error) {
    if (!(error instanceof TemplateError)) throw new Error(`not a TemplateError: ${(error as Error)?.name}: ${(error as Error)?.message}\n--- source ---\n${source.slice(0, 500)}`);
    expect(error.problems.length).toBeGreaterThan(0);
    return null;
  }
}

async function expectValidDocx(template: Template): Promise<void> {
  const bytes = await renderReportDocx(assembleReport(sampleReportInput(template), { includeDrafts: true }));
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((name) => /\.(xml|rels)$/.test(name));
  expect(parts).toContain("word/document.xml");
  for (const name of parts) checkWellFormedXml(await zip.file(name)!.async("string"), name);
}

describe("the strict XML check used on the .docx parts", () => {
  it("accepts what Word writes and refuses each kind of breakage", () => {
    const good = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="x"><w:body><w:p><w:r><w:t xml:space="preserve">a &amp; b &#x1F600; &lt;</w:t></w:r></w:p><w:p/><!-- c --></w:body></w:document>';
    expect(() => checkWellFormedXml(good)).not.toThrow();
    const broken = [
      "<a><b></a></b>",
      "<a>x\u0001y</a>",
      "<a>\uD800</a>",
      "<a>&#1;</a>",
      "<a>&nbsp;</a>",
      "<a>a & b</a>",
      '<a x="1" x="2"/>',
      "<a x=1/>",
      '<a x="<"/>',
      "<a/><b/>",
      "<a>]]></a>",
      "<a><!-- a -- b --></a>",
      "<a>",
      "text<a/>",
    ];
    for (const xml of broken) expect(() => checkWellFormedXml(xml), xml).toThrow();
  });
});

// Hundreds of template loads per property: generous on a loaded two-core machine.
const FUZZ_TIMEOUT = 240_000;

describe("the template loader under random edits of templates/dan-chu-co-so.yaml", () => {
  it("YAML the reader itself throws on is a TemplateError: aliases naming no anchor, alias bombs, deep nesting", { timeout: 60_000 }, () => {
    const bomb = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 10; i++) bomb.push(`l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(", ")}]`);
    for (const source of [`${SOURCE}\nextra: *nowhere\n`, bomb.join("\n"), `${"- ".repeat(20_000)}x`]) {
      expect(() => parseTemplateYaml(source, "bad.yaml")).toThrow(TemplateError);
    }
  });

  it("loads or throws a TemplateError; nothing else escapes", () => {
    let loaded = 0;
    fc.assert(
      fc.property(mutated, (source) => {
        const template = load(source);
        if (!template) return;
        loaded++;
        // Every question of a loaded template has a stored-answer check.
        for (const question of templateQuestions(template)) answerValueSchemaFor(question);
        // Its texts go to Telegram as they are: nothing Telegram would refuse, nothing invisible.
        for (const text of strings(template)) expect(UNPRINTABLE.test(text), JSON.stringify(text)).toBe(false);
      }),
      fuzzParameters(600, 40_000),
    );
    // Some edits keep the template valid: that side is exercised too.
    expect(loaded).toBeGreaterThan(0);
  }, FUZZ_TIMEOUT);

  it("a template that loads, with random text in its fields, compiles into a well-formed .docx", async () => {
    let rendered = 0;
    await fc.assert(
      fc.asyncProperty(withRandomText, async (source) => {
        const template = load(source);
        if (template) {
          rendered++;
          await expectValidDocx(template);
        }
      }),
      fuzzParameters(120, 40_000),
    );
    expect(rendered).toBeGreaterThan(3);
  }, FUZZ_TIMEOUT);
});
