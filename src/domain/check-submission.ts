import { parseAnswerValue } from "./answer-value.ts";
import { evaluateExpression, NoValue, type Computed } from "./template/evaluate-expression.ts";
import { namesIn, parseExpression } from "./template/expression.ts";
import { questionsForUnitKind, type LocalizedText, type Template } from "./template/template-schema.ts";

/** A check of the template that a unit's answers do not pass, with the template's own message. */
export type SubmissionProblem = { rule: string; message: LocalizedText; questionKeys: string[] };

export type AnswerForCheck = { value: unknown; skipped: boolean } | undefined;

/**
 * The template's checks over one unit's answers ("dung_han <= tiep_nhan"). A check applies when every question it
 * names is asked of the unit's kind and answered; a division by zero inside it makes it not apply.
 */
export function checkSubmission(
  template: Pick<Template, "checks" | "sections">,
  unitKind: string,
  answers: Readonly<Record<string, AnswerForCheck>>,
): SubmissionProblem[] {
  if (template.checks.length === 0) return [];
  const asked = new Map(questionsForUnitKind(template, unitKind).map((q) => [q.key, q]));
  const values = new Map<string, Computed>();
  for (const [key, question] of asked) {
    const answer = answers[key];
    if (!answer || answer.skipped) continue;
    const parsed = parseAnswerValue(question, answer.value);
    if (!parsed.ok) continue;
    if (typeof parsed.value === "number") values.set(key, { type: "number", value: parsed.value });
    else if (typeof parsed.value === "boolean") values.set(key, { type: "number", value: parsed.value ? 1 : 0 });
  }
  const problems: SubmissionProblem[] = [];
  for (const check of template.checks) {
    const expr = parseExpression(check.rule);
    const keys = [...new Set(namesIn(expr))];
    if (!keys.every((key) => values.has(key))) continue;
    try {
      const holds = evaluateExpression(expr, { name: (name) => values.get(name) });
      if (holds.type === "boolean" && !holds.value) problems.push({ rule: check.rule, message: check.message, questionKeys: keys });
    } catch (error) {
      if (!(error instanceof NoValue)) throw error;
    }
  }
  return problems;
}
