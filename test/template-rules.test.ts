import { checkTemplateSource } from "../src/domain/template/check-template-source.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseTemplateYaml, parseTemplateYamlWithWarnings } from "../src/domain/template/load-template.ts";
import { TemplateError, type TemplateProblem } from "../src/domain/template/template-error.ts";
import { checkYamlLimits, TEMPLATE_YAML_LIMITS } from "../src/domain/yaml-limits.ts";
import { OrgFileError, parseOrgFile } from "../src/organisation/org-file.ts";
import { TEMPLATES_DIR, bundledTemplateKeys, loadBundledTemplate } from "../src/report/bundled-templates.ts";

/** A valid template with one line to replace per case; `%SECTION%` is where a test puts its section. */
const BASE = `key: thu-nghiem
version: 1
name: Thử nghiệm
subject: Kết quả {period}
preamble: "Thực hiện {requestDocument}, {org} báo cáo như sau:"
closing: Trên đây là báo cáo của {orgShort}./.
distribution:
  - Như trên
  - "Lưu: VT, {drafterUnit}"
figures:
  tiep_nhan: sum(so_tiep_nhan)
  dung_han: sum(so_dung_han)
  ty_le: percent(dung_han, tiep_nhan)
checks:
  - rule: so_dung_han <= so_tiep_nhan
    message: Số đúng hạn không thể lớn hơn số tiếp nhận.
sections:
  - key: results
    heading: Kết quả
    content:
      type: questions
      questions:
        - key: so_tiep_nhan
          type: number
          required: true
          unitKinds: [office]
          prompt: Số hồ sơ tiếp nhận?
          help: Nhập 0 nếu không có.
          merge:
            style: statement
            text: "Tổng số hồ sơ tiếp nhận: {tiep_nhan}, đúng hạn {dung_han} (đạt {ty_le})"
            cases:
              - when: tiep_nhan == 0
                text: Không tiếp nhận hồ sơ nào
        - key: so_dung_han
          type: number
          required: true
          report: false
          unitKinds: [office]
          prompt: Số hồ sơ đúng hạn?
          help: Không nhiều hơn số tiếp nhận.
%SECTION%`;

const valid = (section = "") => BASE.replace("%SECTION%", section);

function problems(source: string): TemplateProblem[] {
  try {
    parseTemplateYaml(source, "t.yaml");
  } catch (error) {
    if (error instanceof TemplateError) return [...error.problems];
    throw error;
  }
  throw new Error("the template loaded");
}

const lineOf = (source: string, needle: string) => source.slice(0, source.indexOf(needle)).split("\n").length;

describe("a template in the agency's voice", () => {
  it("loads with figures, a check, a statement, an office-only question and English left out", () => {
    const template = parseTemplateYaml(valid(), "t.yaml");
    expect(template.name).toEqual({ vi: "Thử nghiệm", en: "Thử nghiệm" });
    expect(template.figures.ty_le).toBe("percent(dung_han, tiep_nhan)");
    expect(template.checks[0]!.message.en).toBe("Số đúng hạn không thể lớn hơn số tiếp nhận.");
    expect(template.layout.statusAppendix).toBe(false);
    expect(template.sections[0]!.content).toMatchObject({ type: "questions" });
  });

  it("the bundled templates load; the second one has roman parts, figures, a check and a count", () => {
    for (const key of bundledTemplateKeys()) expect(() => loadBundledTemplate(key), key).not.toThrow();
    const reform = loadBundledTemplate("cai-cach-hanh-chinh");
    expect(reform.sections[0]!.numbering).toBe("roman");
    expect(Object.keys(reform.figures)).toContain("ty_le_dung_han");
    expect(reform.checks.map((c) => c.rule)).toContain("tthc_dung_han <= tthc_tiep_nhan");
    const styles = JSON.stringify(reform).match(/"style":"(count|statement)"/g);
    expect(new Set(styles)).toEqual(new Set(['"style":"statement"', '"style":"count"']));
  });

  it("no English name ends with 'report': messages say '… report' after it", () => {
    for (const key of bundledTemplateKeys()) expect(loadBundledTemplate(key).name.en, key).not.toMatch(/report\s*$/i);
    const { warnings } = parseTemplateYamlWithWarnings(valid().replace("name: Thử nghiệm", "name: { vi: Thử, en: Grassroots democracy report }"));
    expect(warnings.map((w) => w.message).join(" ")).toMatch(/leave out the word "report"/);
  });
});

describe("every {…} is a known placeholder, or the template is refused with its line", () => {
  const cases: { name: string; replace: [string, string]; needle: string; message: RegExp }[] = [
    { name: "a dot", replace: ["subject: Kết quả {period}", "subject: Kết quả {period.label}"], needle: "subject:", message: /\{period\.label\} is not a placeholder/ },
    { name: "an underscore question key", replace: ["(đạt {ty_le})", "(đạt {so_dung_han})"], needle: "text: \"Tổng", message: /\{so_dung_han\} is a question key.*figures: \{ so_dung_han: "sum\(so_dung_han\)" \}/ },
    { name: "a formula", replace: ["(đạt {ty_le})", "(đạt {a/b %})"], needle: "text: \"Tổng", message: /\{a\/b %\} is not a placeholder/ },
    { name: "an unclosed brace", replace: ["subject: Kết quả {period}", "subject: Kết quả {period"], needle: "subject:", message: /\{period is not a placeholder/ },
    { name: "an unknown name", replace: ["closing: Trên đây là báo cáo của {orgShort}./.", "closing: Trên đây là báo cáo của {tenCoQuan}./."], needle: "closing:", message: /unknown placeholder \{tenCoQuan\}/ },
    { name: "a placeholder in a prompt", replace: ["prompt: Số hồ sơ tiếp nhận?", "prompt: Số hồ sơ tiếp nhận trong {period}?"], needle: "prompt: Số hồ sơ tiếp nhận", message: /shown as written/ },
    { name: "a placeholder in a check message", replace: ["message: Số đúng hạn", "message: Số {value} đúng hạn"], needle: "message:", message: /shown as written/ },
  ];
  for (const c of cases) {
    it(`refuses ${c.name}`, () => {
      const source = valid().replace(...c.replace);
      const found = problems(source);
      expect(found.map((p) => p.message).join("\n")).toMatch(c.message);
      expect(found[0]!.line).toBe(lineOf(source, c.needle));
    });
  }
});

describe("figures and checks are checked when the template loads", () => {
  it("a percentage of a total that can be zero needs the wording for that case", () => {
    const source = valid().replace("            cases:\n              - when: tiep_nhan == 0\n                text: Không tiếp nhận hồ sơ nào\n", "");
    const found = problems(source);
    expect(found[0]!.message).toMatch(/\{ty_le\} divides by sum\(so_tiep_nhan\), which can be zero.*when: "sum\(so_tiep_nhan\) == 0"/);
    // The guard may name the total by its figure or by what it adds up.
    expect(() => parseTemplateYaml(valid().replace("when: tiep_nhan == 0", "when: sum(so_tiep_nhan) == 0"))).not.toThrow();
    // A case that itself says the total is not zero may use the percentage.
    expect(() => parseTemplateYaml(valid().replace("when: tiep_nhan == 0\n                text: Không tiếp nhận hồ sơ nào", "when: tiep_nhan > 0\n                text: Đạt {ty_le}"))).toThrow(/\{ty_le\} divides by/);
    expect(() =>
      parseTemplateYaml(valid().replace("when: tiep_nhan == 0\n                text: Không tiếp nhận hồ sơ nào", "when: tiep_nhan == 0\n                text: Không có\n              - when: tiep_nhan > 100\n                text: Đạt {ty_le}")),
    ).not.toThrow();
  });

  it("names unknown names in figures, cases and checks with their lines", () => {
    const source = valid()
      .replace("tiep_nhan: sum(so_tiep_nhan)", "tiep_nhan: sum(so_tiep_nhn)")
      .replace("rule: so_dung_han <= so_tiep_nhan", "rule: so_dung_han <= tiep_nhan");
    const found = problems(source);
    expect(found.find((p) => p.path === "figures.tiep_nhan")).toMatchObject({ line: lineOf(source, "  tiep_nhan: sum"), message: expect.stringMatching(/no question has the key so_tiep_nhn/) });
    expect(found.find((p) => p.path === "checks[0].rule")).toMatchObject({ line: lineOf(source, "rule:"), message: expect.stringMatching(/unknown question tiep_nhan/) });
  });

  it("refuses a syntax error in an expression with its position", () => {
    expect(problems(valid().replace("percent(dung_han, tiep_nhan)", "percent(dung_han tiep_nhan)"))[0]!.message).toMatch(/expected "\)", found "tiep_nhan" \(at character 18\)/);
  });

  it("refuses a join with nothing before it, and a merge rule on an office-only question", () => {
    const joined = valid(`  - key: other
    heading: Khác
    content:
      type: questions
      questions:
        - key: ghi_chu
          type: long_text
          required: false
          unitKinds: [office]
          prompt: Ghi chú?
          help: Bỏ qua nếu không có.
          merge: { style: paragraphs, join: previous }
`);
    expect(problems(joined)[0]!.message).toMatch(/join: previous continues the text of a question before it/);
    expect(problems(valid().replace("          report: false\n", "          report: false\n          merge: { style: bullets }\n"))[0]!.message).toMatch(/report: false keeps the answers out/);
  });

  it("yes/no questions worded by a count need no yesText; choices need {choices}; suggested list items may name the year", () => {
    const section = `  - key: digital
    heading: Số hóa
    content:
      type: questions
      merge: { style: bullets }
      questions:
        - key: toan_trinh
          type: yes_no
          required: true
          unitKinds: [office, department]
          prompt: Có dịch vụ công toàn trình?
          help: Chọn Có hoặc Không.
          merge: { style: count, all: "Tất cả {total} đơn vị", some: "{count}/{total} đơn vị" }
        - key: kenh
          type: multiple_choice
          required: false
          unitKinds: [office]
          options: [{ key: a, label: họp giao ban }, { key: b, label: bảng tin }]
          prompt: Kênh công khai?
          help: Chọn một hoặc nhiều.
          merge: { style: choices, text: "Sở công khai qua: {choices}", join: previous }
        - key: tasks
          type: list
          required: true
          unitKinds: [office]
          options: [{ key: review, order: last, label: "Tổng kết năm {year}" }]
          prompt: Nhiệm vụ?
          help: Mỗi dòng một nhiệm vụ.
`;
    expect(() => parseTemplateYaml(valid(section))).not.toThrow();
    expect(problems(valid(section).replace('text: "Sở công khai qua: {choices}"', 'text: "Sở công khai"'))[0]!.message).toBe("must contain {choices}");
    expect(problems(valid(section).replace("options: [{ key: a, label: họp giao ban }", 'options: [{ key: a, label: "họp {period}" }'))[0]!.message).toMatch(/shown as written/);
    // Unquoted, the braces are YAML's own: the hint says to quote.
    expect(problems(valid(section).replace("options: [{ key: a, label: họp giao ban }", "options: [{ key: a, label: họp {period} }"))[0]!.message).toMatch(/must be in quotes/);
  });
});

describe("headings typed with their own number", () => {
  it("lose the number, with a warning at the line, so the report does not print 'I. I. …'", () => {
    const source = valid().replace("    heading: Kết quả", "    heading: { vi: I. KẾT QUẢ, en: \"1. Results\" }");
    const { template, warnings } = parseTemplateYamlWithWarnings(source, "t.yaml");
    expect(template.sections[0]!.heading).toEqual({ vi: "KẾT QUẢ", en: "Results" });
    expect(warnings.map((w) => [w.path, w.line])).toEqual([
      ["sections[0].heading.vi", lineOf(source, "heading: { vi: I.")],
      ["sections[0].heading.en", lineOf(source, "heading: { vi: I.")],
    ]);
    expect(warnings[0]!.message).toMatch(/"I\." removed from the heading/);
    // "Về công tác …", "Quý IV" are words, not numbers.
    expect(parseTemplateYamlWithWarnings(valid().replace("    heading: Kết quả", "    heading: Về kết quả quý IV")).warnings).toEqual([]);
  });
});

describe("YAML mistakes get a hint to quote the text, with the line", () => {
  it("an unquoted text ending in ':'", () => {
    const source = valid().replace("    heading: Kết quả\n", "    heading:\n      vi: Kết quả như sau:\n      en: Results\n");
    const found = problems(source);
    expect(found[0]!.line).toBe(lineOf(source, "vi: Kết quả như sau:"));
    expect(found[0]!.message).toMatch(/Nested mappings.* — a text holding ":" .* must be in quotes: vi: "Kết quả như sau:"/);
  });

  it("a comma inside an unquoted { vi: … }", () => {
    const source = valid().replace("prompt: Số hồ sơ đúng hạn?", "prompt: { vi: Số hồ sơ đúng hạn, quá hạn?, en: On time? }");
    const found = problems(source);
    expect(found[0]!.line).toBe(lineOf(source, "prompt: { vi: Số hồ sơ đúng hạn, quá"));
    expect(found[0]!.message).toMatch(/unknown field "quá hạn\?": a "," inside \{ … \} ends the text: put the text in quotes, e\.g\. vi: "Số hồ sơ đúng hạn, quá hạn\?"/);
  });
});

describe("file size and depth are capped before parsing", () => {
  it("a file nested deeper than the limit is refused quickly, twice in one process, template and organisation alike", () => {
    const flow = `sections: ${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    const block = Array.from({ length: 300 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n");
    const compact = `${"- ".repeat(50_000)}x`;
    const started = Date.now();
    for (const source of [flow, block, compact, flow]) {
      expect(() => parseTemplateYaml(source, "deep.yaml")).toThrow(/levels are read/);
      expect(() => parseOrgFile(source, "deep.yaml")).toThrow(OrgFileError);
      // What an uploaded template and `npm run template -- check` go through.
      const checked = checkTemplateSource(source, "deep.yaml", { kinds: [], name: "the organisation" });
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/levels are read/) })]);
    }
    // Each refusal is one linear scan; generous for a loaded two-core machine.
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("a file over the size limit is refused with its size", () => {
    const big = `key: x\n# ${"x".repeat(TEMPLATE_YAML_LIMITS.maxBytes)}\n`;
    expect(() => parseTemplateYaml(big, "big.yaml")).toThrow(/at most 512 KB is read/);
  });

  it("the bundled and example files are well within the limits", () => {
    for (const key of bundledTemplateKeys()) expect(checkYamlLimits(readFileSync(join(TEMPLATES_DIR, `${key}.yaml`), "utf8"), TEMPLATE_YAML_LIMITS)).toBeNull();
    expect(() => parseOrgFile(readFileSync(join(TEMPLATES_DIR, "../examples/org.yaml"), "utf8"))).not.toThrow();
  });
});

describe("templates stored before this format", () => {
  it("version 1 of the default template (rounds opened with it keep it) still loads and compiles", async () => {
    const { assembleReport } = await import("../src/domain/report/assemble-report.ts");
    const { sampleReportInput } = await import("../src/report/sample/sample-report-input.ts");
    const old = parseTemplateYaml(readFileSync(join(import.meta.dirname, "fixtures/dan-chu-co-so-v1.yaml"), "utf8"));
    expect(old.version).toBe(1);
    const model = assembleReport({ ...sampleReportInput(old), units: sampleReportInput(old).units.map((u) => (u.kind === "office" ? { ...u, kind: "department" } : u)) });
    expect(model.sections.map((s) => s.number)).toEqual(["1.", "2.", "3.", "4.", "5."]);
    expect(model.showStatusAppendix).toBe(false);
  });
});
