import { expandFigures } from "../template/expression-check.ts";
import { namesIn, parseExpression, type Expr } from "../template/expression.ts";
import { findPlaceholders } from "../template/placeholders.ts";
import { templateSections, type MergeRule, type Question, type Template } from "../template/template-schema.ts";

function questionsOfFigures(template: Pick<Template, "figures">, names: readonly string[]): string[] {
  const figures = new Map<string, Expr>();
  for (const [name, text] of Object.entries(template.figures)) {
    try {
      figures.set(name, parseExpression(text));
    } catch {
      // A stored template was validated when it was loaded; nothing to follow here.
    }
  }
  const out: string[] = [];
  for (const name of names) {
    const expr = figures.get(name);
    if (!expr) continue;
    // After expansion only aggregates' arguments remain as names: they are question keys.
    out.push(...namesIn(expandFigures(expr, figures)));
  }
  return out;
}

function mergeTexts(merge: MergeRule | undefined): string[] {
  if (!merge) return [];
  switch (merge.style) {
    case "sum":
      return [merge.zero, merge.other];
    case "count":
      return [merge.all, merge.some, merge.none ?? ""];
    case "choices":
      return [merge.text];
    case "statement":
      return [merge.text, ...merge.cases.map((c) => c.text)];
    default:
      return [];
  }
}

function questionTexts(question: Question): string[] {
  return [question.format ?? "", question.yesText ?? "", question.noText ?? "", ...mergeTexts(question.merge)];
}

/**
 * The questions whose answers make a section's text: its own questions, and those its figures add up (a
 * statement's percentage reads two numbers, wherever they are asked). Child sections are not included.
 */
export function questionsBehindSection(template: Pick<Template, "sections" | "figures">, sectionKey: string): string[] {
  const section = templateSections(template).find((s) => s.key === sectionKey);
  const content = section?.content;
  if (!content) return [];
  const texts: string[] = [];
  const keys: string[] = [];
  if (content.type === "text") texts.push(content.text);
  if (content.type === "questions") {
    for (const question of content.questions) {
      keys.push(question.key);
      texts.push(...questionTexts(question));
    }
    texts.push(...mergeTexts(content.merge));
    for (const expr of content.questions.flatMap((q) => (q.merge?.style === "statement" ? q.merge.cases.map((c) => c.when) : []))) {
      try {
        const figures = namesIn(parseExpression(expr));
        texts.push(...figures.map((name) => `{${name}}`));
      } catch {
        // Validated when loaded.
      }
    }
  }
  const figureNames = texts.flatMap(findPlaceholders).filter((name) => Object.hasOwn(template.figures, name));
  return [...new Set([...keys, ...questionsOfFigures(template, figureNames)])];
}
