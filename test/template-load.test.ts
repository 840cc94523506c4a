import { describe, expect, it } from "vitest";
import { loadBundledTemplate, bundledTemplateKeys } from "../src/report/bundled-templates.ts";
import { parseTemplateDefinition, parseTemplateYaml } from "../src/domain/template/load-template.ts";
import { TemplateError } from "../src/domain/template/template-error.ts";
import { QUESTION_TYPES, templateQuestions, questionsForUnitKind, type TemplateSection } from "../src/domain/template/template-schema.ts";

const BASE = `key: test-report
version: 1
name: { vi: Báo cáo thử, en: Test report }
subject: Kết quả {period}
preamble: Thực hiện {requestDocument}, {org} báo cáo như sau
closing: Trên đây là báo cáo của {org}./.
distribution:
  - Như trên
  - "Lưu: VT"
sections:
  - key: overview
    heading: { vi: Khái quát, en: Overview }
    content:
      type: profile
  - key: results
    heading: { vi: Kết quả, en: Results }
    content:
      type: questions
      merge: { style: bullets }
      questions:
        - key: results
          type: list
          required: true
          unitKinds: [department]
          prompt: { vi: Kết quả?, en: Results? }
          help: { vi: Mỗi dòng một ý, en: One per line }
        - key: complaints
          type: number
          required: true
          unitKinds: [department]
          prompt: { vi: Số đơn thư?, en: Complaints? }
          help: { vi: Nhập 0 nếu không có, en: 0 if none }
          merge:
            style: sum
            zero: "{org} không nhận được đơn thư"
            other: "{org} nhận được {sum} đơn thư"
  - key: tasks
    heading: { vi: "Nhiệm vụ {nextPeriod}", en: Tasks }
    children:
      - key: main_tasks
        heading: { vi: Nhiệm vụ chính, en: Main tasks }
        text_marker: here
`;

// The base uses a marker line we replace with valid or broken content per case.
const VALID = BASE.replace("        text_marker: here\n", "        content: { type: text, text: Tiếp tục thực hiện }\n");

function lineOf(source: string, needle: string): number {
  const index = source.indexOf(needle);
  if (index < 0) throw new Error(`needle not in source: ${needle}`);
  return source.slice(0, index).split("\n").length;
}

function problemsOf(source: string) {
  try {
    parseTemplateYaml(source, "case.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return (error as TemplateError).problems;
  }
  throw new Error("template was accepted");
}

describe("bundled templates", () => {
  it("ships the default and a second template, both valid", () => {
    expect(bundledTemplateKeys()).toEqual(expect.arrayContaining(["dan-chu-co-so", "cai-cach-hanh-chinh"]));
    for (const key of bundledTemplateKeys()) {
      const template = loadBundledTemplate(key);
      expect(template.key).toBe(key);
      expect(template.closing.endsWith("./.")).toBe(true);
    }
  });

  it("the default template follows the reference outline", () => {
    const template = loadBundledTemplate("dan-chu-co-so");
    const outline = (sections: TemplateSection[]): unknown[] =>
      sections.map((s) => (s.children.length ? [s.heading.vi, outline(s.children)] : s.heading.vi));
    expect(outline(template.sections)).toEqual([
      "Khái quát đặc điểm tình hình",
      [
        "Công tác lãnh đạo, chỉ đạo của cấp ủy, tổ chức đảng, chính quyền",
        [
          expect.stringMatching(/^Việc tổ chức quán triệt, triển khai thực hiện/),
          expect.stringMatching(/^Công tác tuyên truyền nâng cao nhận thức/),
        ],
      ],
      "Kết quả thực hiện dân chủ ở cơ sở",
      [
        "Đánh giá chung",
        [["Những kết quả đạt được và nguyên nhân", ["Những kết quả đạt được", "Nguyên nhân đạt được"]], "Những hạn chế, yếu kém và nguyên nhân"],
      ],
      "Nhiệm vụ trọng tâm {nextPeriod}",
    ]);
    expect(template.sections[0]!.content).toEqual({ type: "profile" });
    // Every question type is used, the trade union has its own item, tasks are numbered across units.
    const questions = templateQuestions(template);
    expect(new Set(questions.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
    expect(questionsForUnitKind(template, "trade_union").map((q) => q.key)).toContain("trade_union_activity");
    const tasks = template.sections[4]!.content;
    expect(tasks?.type === "questions" && tasks.merge).toMatchObject({ style: "numbered" });
  });

  it("a stored definition validates the same way", () => {
    const template = loadBundledTemplate("dan-chu-co-so");
    expect(parseTemplateDefinition(JSON.parse(JSON.stringify(template)))).toEqual(template);
    expect(() => parseTemplateDefinition({ ...template, sections: [] }, "Template #3")).toThrow(/Template #3.*\n.*sections/);
  });
});

describe("template validation", () => {
  it("accepts the valid base and fills defaults", () => {
    const template = parseTemplateYaml(VALID);
    expect(template.title).toBe("BÁO CÁO");
    expect(template.sections[1]!.content?.type === "questions" && template.sections[1]!.content.questions[0]!.offerKeepLast).toBe(false);
  });

  const cases: { name: string; source: string; path: string; line: string; message?: RegExp }[] = [
    {
      name: "unknown question type",
      source: VALID.replace("type: list", "type: text_list"),
      path: "sections[1].content.questions[0].type",
      line: "type: text_list",
    },
    {
      name: "missing prompt",
      source: VALID.replace("          prompt: { vi: Kết quả?, en: Results? }\n", ""),
      path: "sections[1].content.questions[0].prompt",
      line: "        - key: results",
      message: /is required/,
    },
    {
      name: "misspelt field",
      source: VALID.replace("required: true\n          unitKinds: [department]\n          prompt: { vi: Kết quả?", "requred: true\n          unitKinds: [department]\n          prompt: { vi: Kết quả?"),
      path: "sections[1].content.questions[0].requred",
      line: "requred: true",
    },
    {
      // A mistyped kind is caught against the organisation's kinds (npm run template -- check --org).
      name: "unit kind that is not a key",
      source: VALID.replace("unitKinds: [department]\n          prompt: { vi: Số", "unitKinds: [Phòng ban]\n          prompt: { vi: Số"),
      path: "sections[1].content.questions[1].unitKinds[0]",
      line: "unitKinds: [Phòng ban]",
    },
    {
      name: "duplicate question key",
      source: VALID.replace("- key: complaints", "- key: results"),
      path: "sections[1].content.questions[1].key",
      line: "- key: results\n          type: number",
      message: /duplicate question key "results"/,
    },
    {
      name: "sum on a list question",
      source: VALID.replace("          help: { vi: Mỗi dòng một ý", '          merge: { style: sum, zero: a, other: "b {sum}" }\n          help: { vi: Mỗi dòng một ý'),
      path: "sections[1].content.questions[0].merge.style",
      line: "merge: { style: sum, zero: a",
      message: /sum only merges number questions, not list/,
    },
    {
      name: "sum as a section's merge",
      source: VALID.replace("merge: { style: bullets }", 'merge: { style: sum, zero: a, other: "b {sum}" }'),
      path: "sections[1].content.merge.style",
      line: "style: sum, zero: a",
      message: /section's merge cannot be sum/,
    },
    {
      name: "choice without options",
      source: VALID.replace("type: number", "type: single_choice").replace(
        "          merge:\n            style: sum\n            zero: \"{org} không nhận được đơn thư\"\n            other: \"{org} nhận được {sum} đơn thư\"\n",
        "",
      ),
      path: "sections[1].content.questions[1].options",
      line: "- key: complaints",
      message: /needs at least two options/,
    },
    {
      name: "unknown placeholder",
      source: VALID.replace("subject: Kết quả {period}", "subject: Kết quả {perod}"),
      path: "subject",
      line: "subject:",
      message: /unknown placeholder \{perod\}/,
    },
    {
      name: "closing without ./.",
      source: VALID.replace("báo cáo của {org}./.", "báo cáo của {org}."),
      path: "closing",
      line: "closing:",
      message: /\.\/\./,
    },
    {
      name: "sum wording without {sum}",
      source: VALID.replace('other: "{org} nhận được {sum} đơn thư"', 'other: "{org} nhận được đơn thư"'),
      path: "sections[1].content.questions[1].merge.other",
      line: 'other: "{org} nhận được đơn thư"',
      message: /must contain \{sum\}/,
    },
    {
      name: "limit that does not fit the type",
      source: VALID.replace("          help: { vi: Nhập 0", "          limits: { maxItems: 3 }\n          help: { vi: Nhập 0"),
      path: "sections[1].content.questions[1].limits.maxItems",
      line: "limits: { maxItems: 3 }",
      message: /only applies to list/,
    },
    {
      name: "mixed numbering among siblings",
      source: VALID.replace("  - key: results\n    heading:", "  - key: results\n    numbering: alpha\n    heading:"),
      path: "sections[1].numbering",
      line: "numbering: alpha",
      message: /share one numbering style/,
    },
    {
      name: "outline numbering at the top",
      source: VALID.replace("  - key: overview\n", "  - key: overview\n    numbering: outline\n"),
      path: "sections[0].numbering",
      line: "numbering: outline",
      message: /needs a parent numbered decimal/,
    },
    {
      name: "section with nothing in it",
      source: BASE.replace("        text_marker: here\n", ""),
      path: "sections[2].children[0]",
      line: "      - key: main_tasks",
      message: /needs content or child sections/,
    },
    {
      name: "unquoted colon in a list of texts",
      source: VALID.replace('  - "Lưu: VT"', "  - Lưu: VT"),
      path: "distribution[1]",
      line: "  - Lưu: VT",
      message: /must be quoted/,
    },
  ];

  for (const c of cases) {
    it(`rejects ${c.name} at ${c.path}`, () => {
      const problems = problemsOf(c.source);
      const problem = problems.find((p) => p.path === c.path);
      expect(problem, JSON.stringify(problems)).toBeDefined();
      expect(problem!.line).toBe(lineOf(c.source, c.line));
      if (c.message) expect(problem!.message).toMatch(c.message);
    });
  }

  it("lists every problem, each with path and line, in the message", () => {
    const source = VALID.replace("type: list", "type: lst").replace("subject: Kết quả {period}", "subject: Kết quả {when}");
    let message = "";
    try {
      parseTemplateYaml(source, "two.yaml");
    } catch (error) {
      message = (error as Error).message;
    }
    // Shape problems come first; placeholder rules run once the shape is right.
    expect(message).toContain("two.yaml: invalid template (1 problem)");
    expect(message).toContain(`line ${lineOf(source, "type: lst")}: sections[1].content.questions[0].type`);

    const semantic = VALID.replace("subject: Kết quả {period}", "subject: Kết quả {when}").replace("- key: complaints", "- key: results");
    let second = "";
    try {
      parseTemplateYaml(semantic, "two.yaml");
    } catch (error) {
      second = (error as Error).message;
    }
    expect(second).toContain("(2 problems)");
    expect(second).toContain(`line ${lineOf(semantic, "subject:")}: subject: unknown placeholder {when}`);
    expect(second).toMatch(/sections\[1\]\.content\.questions\[1\]\.key: duplicate question key/);
  });

  it("reports YAML syntax errors with their line", () => {
    const source = VALID.replace("subject: Kết quả {period}", "subject: [Kết quả");
    const problems = problemsOf(source);
    expect(problems[0]!.message).toMatch(/^YAML syntax/);
    expect(problems[0]!.line).toBeGreaterThanOrEqual(lineOf(source, "subject:"));
  });
});
