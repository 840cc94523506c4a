import type { z } from "zod";
import { ExpressionError, parseExpression, type Expr } from "./expression.ts";
import { checkExpression, expandFigures, nonZeroGuards, zeroGuards, zeroableDivisors, type QuestionRef, type Scope } from "./expression-check.ts";
import { numberingOf, type NumberingStyle } from "./numbering-style.ts";
import {
  ANSWER_PLACEHOLDERS,
  CHOICE_PLACEHOLDERS,
  COUNT_PLACEHOLDERS,
  DISTRIBUTION_PLACEHOLDERS,
  DOCUMENT_PLACEHOLDERS,
  SUM_PLACEHOLDERS,
  scanPlaceholders,
} from "./placeholders.ts";
import type { MergeRule, Question, Template, TemplateSection } from "./template-schema.ts";

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

const CHOICE_TYPES = new Set(["single_choice", "multiple_choice"]);
const TEXT_LIMIT_TYPES = new Set(["short_text", "long_text", "list", "document_ref"]);
const ITEM_LIMIT_TYPES = new Set(["list", "multiple_choice"]);
const ONE_QUESTION_STYLES = new Set(["sum", "count", "choices", "statement"]);
const LOCAL_NAMES: readonly string[] = [...ANSWER_PLACEHOLDERS, ...SUM_PLACEHOLDERS, ...COUNT_PLACEHOLDERS, ...CHOICE_PLACEHOLDERS, "drafterUnit"];

/** Names and parsed expressions of the template's figures, parsed once for every rule that needs them. */
export type FigureTable = { expressions: Map<string, Expr>; questions: Map<string, QuestionRef> };

const quoteList = (names: readonly string[]) => names.map((a) => `{${a}}`).join(", ");

/**
 * A text's {…}: each must be a placeholder allowed there. Figures used in it must not divide by a total that can
 * be zero unless `guards` (what the text's case guarantees to be non-zero) covers it.
 */
function checkText(
  report: Report,
  path: Path,
  value: string | undefined,
  allowed: readonly string[],
  figures: FigureTable | null,
  guards: readonly string[] | null,
): void {
  if (value === undefined) return;
  for (const use of scanPlaceholders(value)) {
    if (use.name === null) {
      report(path, `${use.raw} is not a placeholder (a placeholder is a name in braces, e.g. {period}); computed values are defined under figures and used by name`);
      continue;
    }
    const name = use.name;
    if (allowed.includes(name)) continue;
    if (figures?.expressions.has(name) && guards !== null) {
      const divisors = zeroableDivisors(expandFigures(figures.expressions.get(name)!, figures.expressions));
      const unguarded = divisors.filter((d) => !guards.includes(d));
      if (unguarded.length > 0) {
        report(
          path,
          `{${name}} divides by ${unguarded.join(", ")}, which can be zero: use it in a statement whose cases first word the zero case, e.g. when: "${unguarded[0]} == 0"`,
        );
      }
      continue;
    }
    if (allowed.length === 0) {
      report(path, `{${name}}: this text is shown as written (in the chat or the list), placeholders are not filled in here`);
    } else if (figures?.questions.has(name)) {
      report(path, `{${name}} is a question key, not a placeholder; define a figure, e.g. figures: { ${name}: "sum(${name})" }, and use its name`);
    } else {
      const figureNames = figures && guards !== null ? [...figures.expressions.keys()] : [];
      report(path, `unknown placeholder {${name}}; allowed here: ${quoteList([...allowed, ...figureNames])}`);
    }
  }
}

function checkOptions(report: Report, path: Path, q: Question): void {
  const isChoice = CHOICE_TYPES.has(q.type);
  if (isChoice) {
    if (!q.options || q.options.length < 2) report([...path, "options"], `${q.type} needs at least two options`);
  } else if (q.options && q.type !== "list") {
    report([...path, "options"], `only single_choice, multiple_choice (choices) and list (suggested items) have options, not ${q.type}`);
  }
  const seen = new Set<string>();
  q.options?.forEach((option, i) => {
    if (seen.has(option.key)) report([...path, "options", i, "key"], `duplicate option key "${option.key}"`);
    seen.add(option.key);
    if (option.order !== undefined && q.type !== "list") report([...path, "options", i, "order"], "order places a list's suggested item; choices print in option order");
  });
}

function checkLimits(report: Report, path: Path, q: Question): void {
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
}

function parseIn(report: Report, path: Path, source: string): Expr | null {
  try {
    return parseExpression(source);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    report(path, `"${source}": ${error.message} (at character ${error.position + 1})`);
    return null;
  }
}

function checkMerge(report: Report, path: Path, merge: MergeRule, question: Question | null, figures: FigureTable): void {
  const running = [...DOCUMENT_PLACEHOLDERS];
  if (question === null) {
    if (ONE_QUESTION_STYLES.has(merge.style)) {
      report([...path, "style"], `a section's merge cannot be ${merge.style}; put the ${merge.style} rule (with its wording) on the question`);
    }
    return;
  }
  switch (merge.style) {
    case "sum":
      if (question.type !== "number") report([...path, "style"], `sum only merges number questions, not ${question.type}`);
      checkText(report, [...path, "zero"], merge.zero, [...running, ...SUM_PLACEHOLDERS], figures, []);
      checkText(report, [...path, "other"], merge.other, [...running, ...SUM_PLACEHOLDERS], figures, []);
      if (!merge.other.includes("{sum}")) report([...path, "other"], "must contain {sum}");
      return;
    case "count":
      for (const key of ["all", "some", "none"] as const) checkText(report, [...path, key], merge[key], [...running, ...COUNT_PLACEHOLDERS], figures, []);
      return;
    case "choices":
      if (!CHOICE_TYPES.has(question.type)) report([...path, "style"], `choices merges single_choice and multiple_choice questions, not ${question.type}`);
      checkText(report, [...path, "text"], merge.text, [...running, ...CHOICE_PLACEHOLDERS], figures, []);
      if (!merge.text.includes("{choices}")) report([...path, "text"], "must contain {choices}");
      return;
    case "statement": {
      const earlier: string[] = [];
      merge.cases.forEach((c, i) => {
        const condition = parseIn(report, [...path, "cases", i, "when"], c.when);
        let own: string[] = [];
        if (condition) {
          const checked = checkExpression(condition, figureScope(figures), "boolean");
          for (const problem of checked.problems) report([...path, "cases", i, "when"], `"${c.when}": ${problem}`);
          if (checked.problems.length === 0) {
            const expanded = expandFigures(condition, figures.expressions);
            own = nonZeroGuards(expanded);
            checkText(report, [...path, "cases", i, "text"], c.text, running, figures, [...earlier, ...own]);
            earlier.push(...zeroGuards(expanded));
            return;
          }
        }
        checkText(report, [...path, "cases", i, "text"], c.text, running, figures, null);
      });
      checkText(report, [...path, "text"], merge.text, running, figures, earlier);
      return;
    }
    default:
      if (merge.order === "options" && !(question.type === "list" && question.options?.length)) {
        report([...path, "order"], "order: options needs a list question with options (its suggested items)");
      }
  }
}

function figureScope(figures: FigureTable): Scope {
  return { kind: "figure", figures: figures.expressions, questions: figures.questions };
}

function checkQuestion(report: Report, path: Path, q: Question, sectionMerge: MergeRule, figures: FigureTable): void {
  checkOptions(report, path, q);
  checkLimits(report, path, q);
  const merge = q.merge ?? sectionMerge;
  const worded = !q.report || merge.style === "count" || merge.style === "statement";
  const running = [...DOCUMENT_PLACEHOLDERS];
  if (!q.report && q.merge) report([...path, "merge"], "report: false keeps the answers out of the report; a merge rule has nothing to print");
  if (q.type === "yes_no") {
    if (q.format !== undefined) report([...path, "format"], "yes_no questions word their answers with yesText and noText (or merge: { style: count })");
    if (!worded && q.yesText === undefined) report([...path, "yesText"], "yes_no questions need yesText, the report sentence for yes (or merge: { style: count } to count the units)");
    if (!worded && q.noText === undefined) report([...path, "noText"], "yes_no questions need noText, the report sentence for no (or merge: { style: count } to count the units)");
    checkText(report, [...path, "yesText"], q.yesText, [...running, "unit"], figures, []);
    checkText(report, [...path, "noText"], q.noText, [...running, "unit"], figures, []);
  } else {
    for (const key of ["yesText", "noText"] as const) {
      if (q[key] !== undefined) report([...path, key], `only yes_no questions have ${key}`);
    }
    checkText(report, [...path, "format"], q.format, [...running, ...ANSWER_PLACEHOLDERS], figures, []);
    if (q.format !== undefined && !q.format.includes("{value}")) report([...path, "format"], "must contain {value}");
  }
  for (const key of ["prompt", "help", "example"] as const) {
    for (const lang of ["vi", "en"] as const) checkText(report, [...path, key, lang], q[key]?.[lang], [], figures, null);
  }
  // A list's suggested items are report text ("… năm {year}"); a choice's labels are shown as written.
  const labelPlaceholders = q.type === "list" ? running : [];
  q.options?.forEach((option, i) => {
    for (const lang of ["vi", "en"] as const) checkText(report, [...path, "options", i, "label", lang], option.label[lang], labelPlaceholders, figures, null);
  });
  if (q.merge) checkMerge(report, [...path, "merge"], q.merge, q, figures);
}

/** Figures parsed and checked (names, types, cycles); the table later rules read. */
function checkFigures(report: Report, template: Template, questions: Map<string, QuestionRef>): FigureTable {
  const expressions = new Map<string, Expr>();
  for (const [name, source] of Object.entries(template.figures)) {
    if ((DOCUMENT_PLACEHOLDERS as readonly string[]).includes(name) || LOCAL_NAMES.includes(name)) {
      report(["figures", name], `the name ${name} is taken by the placeholder {${name}}; choose another`);
      continue;
    }
    const expr = parseIn(report, ["figures", name], source);
    if (expr) expressions.set(name, expr);
  }
  const table = { expressions, questions };
  for (const [name, expr] of expressions) {
    const checked = checkExpression(expr, figureScope(table), "value");
    for (const problem of checked.problems) report(["figures", name], `"${template.figures[name]}": ${problem}`);
  }
  return table;
}

function checkChecks(report: Report, template: Template, questions: Map<string, QuestionRef>): void {
  template.checks.forEach((check, i) => {
    const expr = parseIn(report, ["checks", i, "rule"], check.rule);
    if (!expr) return;
    const checked = checkExpression(expr, { kind: "check", questions }, "boolean");
    for (const problem of checked.problems) report(["checks", i, "rule"], `"${check.rule}": ${problem}`);
  });
  template.checks.forEach((check, i) => {
    for (const lang of ["vi", "en"] as const) checkText(report, ["checks", i, "message", lang], check.message[lang], [], null, null);
  });
}

/** Cross-field rules zod's shapes cannot say: unique keys, numbering, types against limits, placeholders, figures. */
export function checkTemplateRules(template: Template, ctx: z.RefinementCtx): void {
  const report: Report = (path, message) => ctx.addIssue({ code: "custom", path, message });
  const sectionKeys = new Map<string, string>();
  const questionKeys = new Map<string, string>();
  const pathText = (path: Path) => path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("").slice(1);

  const questions = new Map<string, QuestionRef>();
  const collect = (sections: readonly TemplateSection[]) => {
    for (const section of sections) {
      if (section.content?.type === "questions") for (const q of section.content.questions) if (!questions.has(q.key)) questions.set(q.key, q);
      collect(section.children);
    }
  };
  collect(template.sections);
  const figures = checkFigures(report, template, questions);
  checkChecks(report, template, questions);

  const running = [...DOCUMENT_PLACEHOLDERS];
  checkText(report, ["name", "vi"], template.name.vi, [], null, null);
  checkText(report, ["name", "en"], template.name.en, [], null, null);
  checkText(report, ["title"], template.title, running, figures, null);
  checkText(report, ["subject"], template.subject, running, figures, null);
  checkText(report, ["preamble"], template.preamble, running, figures, null);
  checkText(report, ["closing"], template.closing, running, figures, null);
  checkText(
    report,
    ["preambleWithoutRequest"],
    template.preambleWithoutRequest,
    running.filter((name) => name !== "requestDocument"),
    figures,
    null,
  );
  template.recipients.forEach((line, i) => checkText(report, ["recipients", i], line, [], null, null));
  template.distribution.forEach((line, i) => checkText(report, ["distribution", i], line, DISTRIBUTION_PLACEHOLDERS, null, null));

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

      checkText(report, [...path, "heading", "vi"], section.heading.vi, running, figures, null);
      checkText(report, [...path, "heading", "en"], section.heading.en, running, figures, null);
      const content = section.content;
      if (!content && section.children.length === 0) report(path, "needs content or child sections");
      if (content?.type === "text") checkText(report, [...path, "content", "text"], content.text, running, figures, []);
      if (content?.type === "questions") {
        checkMerge(report, [...path, "content", "merge"], content.merge, null, figures);
        content.questions.forEach((question, j) => {
          const qPath = [...path, "content", "questions", j];
          const previousQuestion = questionKeys.get(question.key);
          if (previousQuestion) report([...qPath, "key"], `duplicate question key "${question.key}" (also at ${previousQuestion})`);
          else questionKeys.set(question.key, pathText(qPath));
          checkQuestion(report, qPath, question, content.merge, figures);
          const printed = content.questions.slice(0, j).some((q) => q.report);
          if (question.merge?.join === "previous" && !printed) {
            report([...qPath, "merge", "join"], "join: previous continues the text of a question before it in the section; there is none");
          }
        });
        if (content.merge.join !== undefined) report([...path, "content", "merge", "join"], "join belongs on a question's merge, after another question");
      }
      visit(section.children, [...path, "children"], style);
    });
  };
  visit(template.sections, ["sections"], null);
}
