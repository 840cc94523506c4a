import type { AnswerValue } from "../answer-value.ts";
import { evaluateExpression, roundTo, type Computed } from "../template/evaluate-expression.ts";
import { parseExpression, type Expr } from "../template/expression.ts";
import { findPlaceholders } from "../template/placeholders.ts";
import type { Template } from "../template/template-schema.ts";
import { formatComputed } from "./figure-text.ts";

export type FigureSource = {
  /** Usable answers of included units, by question key (after "không" and the like are dropped). */
  answers(questionKey: string): readonly AnswerValue[];
  /** Included units asked the question. */
  asked(questionKey: string): number;
};

/** The template's figures over one report's answers, computed once each. Throws NoValue like evaluateExpression. */
export type Figures = {
  has(name: string): boolean;
  value(name: string): Computed;
  evaluate(expr: Expr): Computed;
  /** {figure} values a text uses, formatted for the report ("1.260", "99,37%"). */
  textValues(text: string): Record<string, string>;
};

export function createFigures(template: Pick<Template, "figures">, source: FigureSource): Figures {
  const definitions = new Map<string, Expr>(Object.entries(template.figures).map(([name, text]) => [name, parseExpression(text)]));
  const computed = new Map<string, Computed>();
  const aggregate = (fn: string, key: string): number => {
    const answers = source.answers(key);
    switch (fn) {
      case "sum":
        // Rounded so 0.1 + 0.2 adds up to 0.3.
        return roundTo(answers.reduce<number>((acc, v) => acc + (typeof v === "number" ? v : 0), 0), 6);
      case "yes":
        return answers.filter((v) => v === true).length;
      case "no":
        return answers.filter((v) => v === false).length;
      case "answered":
        return answers.length;
      case "asked":
        return source.asked(key);
      default:
        throw new TypeError(`unknown aggregate ${fn}`);
    }
  };
  const resolver = {
    name: (name: string): Computed | undefined => (definitions.has(name) ? value(name) : undefined),
    aggregate,
  };
  const value = (name: string): Computed => {
    const known = computed.get(name);
    if (known) return known;
    const result = evaluateExpression(definitions.get(name)!, resolver);
    computed.set(name, result);
    return result;
  };
  return {
    has: (name) => definitions.has(name),
    value,
    evaluate: (expr) => evaluateExpression(expr, resolver),
    textValues(text) {
      const out: Record<string, string> = {};
      for (const name of findPlaceholders(text)) if (definitions.has(name)) out[name] = formatComputed(value(name));
      return out;
    },
  };
}
