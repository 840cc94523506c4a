import type { z } from "zod";
import { numberingOf, type NumberingStyle } from "./numbering-style.ts";
import { ANSWER_PLACEHOLDERS, DOCUMENT_PLACEHOLDERS, SUM_PLACEHOLDERS, findPlaceholders } from "./placeholders.ts";
import type { MergeRule, Question, Template, TemplateSection } from "./template-schema.ts";

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

const CHOICE_TYPES = new Set(["single_choice", "multiple_choice"]);
const TEXT_LIMIT_TYPES = new Set(["short_text", "long_text", "list", "document_ref"]);
const ITEM_LIMIT_TYPES = new Set(["list", "multiple_choice"]);

function checkPlaceholders(report: Report, path: Path, value: string | undefined, allowed: readonly string[]): void {
  if (value === undefined) return;
  for (const name of findPlaceholders(value)) {
    if (!allowed.includes(name)) report(path, `unknown placeholder {${name}}; allowed: ${allowed.map((a) => `{${a}}`).join(", ")}`);
  }
}

function checkMerge(report: Report, path: Path, merge: MergeRule, question: Question | null): void {
  if (merge.style !== "sum") return;
  if (question === null) {
    report([...path, "style"], "a section's merge cannot be sum; put the sum rule (with its wording) on the number question");
    return;
  }
  if (question.type !== "number") report([...path, "style"], `sum only merges number questions, not ${question.type}`);
  const allowed = [...DOCUMENT_PLACEHOLDERS, ...SUM_PLACEHOLDERS];
  checkPlaceholders(report, [...path, "zero"], merge.zero, allowed);
  checkPlaceholders(report, [...path, "other"], merge.other, allowed);
  if (!merge.other.includes("{sum}")) report([...path, "other"], "must contain {sum}");
}

function checkQuestion(report: Report, path: Path, q: Question): void {
  const isChoice = CHOICE_TYPES.has(q.type);
  if (isChoice) {
    if (!q.options || q.options.length < 2) report([...path, "options"], `${q.type} needs at least two options`);
    const seen = new Set<string>();
    q.options?.forEach((option, i) => {
      if (seen.has(option.key)) report([...path, "options", i, "key"], `duplicate option key "${option.key}"`);
      seen.add(option.key);
    });
  } else if (q.options) {
    report([...path, "options"], `only single_choice and multiple_choice have options, not ${q.type}`);
  }

  const limits = q.limits ?? {};
  if (limits.maxLength !== undefined && !TEXT_LIMIT_TYPES.has(q.type)) {
    report([...path, "limits", "maxLength"], `maxLength does not apply to ${q.type}`);
  }
  for (const key of ["min", "max", "integer"] as const) {
    if (limits[key] !== undefined && q.type !== "number") report([...path, "limits", key], `${key} only applies to number questions`);
  }
  if (limits.maxItems !== undefined && !ITEM_LIMIT_TYPES.has(q.type)) {
    report([...path, "limits", "maxItems"], `maxItems only applies to list and multiple_choice`);
  }
  if (limits.min !== undefined && limits.max !== undefined && limits.min > limits.max) {
    report([...path, "limits", "min"], `min ${limits.min} is greater than max ${limits.max}`);
  }

  const answerPlaceholders = [...DOCUMENT_PLACEHOLDERS, ...ANSWER_PLACEHOLDERS];
  if (q.type === "yes_no") {
    if (q.format !== undefined) report([...path, "format"], "yes_no questions word their answers with yesText and noText");
    if (q.yesText === undefined) report([...path, "yesText"], "yes_no questions need yesText, the report sentence for yes");
    if (q.noText === undefined) report([...path, "noText"], "yes_no questions need noText, the report sentence for no");
    const unitOnly = answerPlaceholders.filter((name) => name !== "value");
    checkPlaceholders(report, [...path, "yesText"], q.yesText, unitOnly);
    checkPlaceholders(report, [...path, "noText"], q.noText, unitOnly);
  } else {
    for (const key of ["yesText", "noText"] as const) {
      if (q[key] !== undefined) report([...path, key], `only yes_no questions have ${key}`);
    }
    checkPlaceholders(report, [...path, "format"], q.format, answerPlaceholders);
    if (q.format !== undefined && !q.format.includes("{value}")) report([...path, "format"], "must contain {value}");
  }
  if (q.merge) checkMerge(report, [...path, "merge"], q.merge, q);
}

/** Cross-field rules zod's shapes cannot say: unique keys, numbering, types against limits, placeholders. */
export function checkTemplateRules(template: Template, ctx: z.RefinementCtx): void {
  const report: Report = (path, message) => ctx.addIssue({ code: "custom", path, message });
  const sectionKeys = new Map<string, string>();
  const questionKeys = new Map<string, string>();
  const pathText = (path: Path) => path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("").slice(1);

  checkPlaceholders(report, ["subject"], template.subject, DOCUMENT_PLACEHOLDERS);
  checkPlaceholders(report, ["preamble"], template.preamble, DOCUMENT_PLACEHOLDERS);
  checkPlaceholders(report, ["closing"], template.closing, DOCUMENT_PLACEHOLDERS);
  checkPlaceholders(
    report,
    ["preambleWithoutRequest"],
    template.preambleWithoutRequest,
    DOCUMENT_PLACEHOLDERS.filter((name) => name !== "requestDocument"),
  );

  const visit = (sections: readonly TemplateSection[], base: Path, parentStyle: NumberingStyle | null) => {
    let siblingStyle: NumberingStyle | null = null;
    sections.forEach((section, i) => {
      const path = [...base, i];
      const previous = sectionKeys.get(section.key);
      if (previous) report([...path, "key"], `duplicate section key "${section.key}" (also at ${previous})`);
      else sectionKeys.set(section.key, pathText(path));

      const style = numberingOf(section, parentStyle);
      if (style !== "none") {
        if (siblingStyle !== null && style !== siblingStyle) {
          report([...path, "numbering"], `sibling sections must share one numbering style: ${siblingStyle} before, ${style} here`);
        }
        siblingStyle ??= style;
      }
      if (style === "outline" && parentStyle !== "decimal" && parentStyle !== "outline") {
        report([...path, "numbering"], "outline numbering (4.1.) needs a parent numbered decimal or outline");
      }

      checkPlaceholders(report, [...path, "heading", "vi"], section.heading.vi, DOCUMENT_PLACEHOLDERS);
      checkPlaceholders(report, [...path, "heading", "en"], section.heading.en, DOCUMENT_PLACEHOLDERS);
      const content = section.content;
      if (!content && section.children.length === 0) report(path, "needs content or child sections");
      if (content?.type === "text") checkPlaceholders(report, [...path, "content", "text"], content.text, DOCUMENT_PLACEHOLDERS);
      if (content?.type === "questions") {
        checkMerge(report, [...path, "content", "merge"], content.merge, null);
        content.questions.forEach((question, j) => {
          const qPath = [...path, "content", "questions", j];
          const previousQuestion = questionKeys.get(question.key);
          if (previousQuestion) report([...qPath, "key"], `duplicate question key "${question.key}" (also at ${previousQuestion})`);
          else questionKeys.set(question.key, pathText(qPath));
          checkQuestion(report, qPath, question);
        });
      }
      visit(section.children, [...path, "children"], style);
    });
  };
  visit(template.sections, ["sections"], null);
}
