import { expressionText, type Expr } from "./expression.ts";

/**
 * What an expression may name, checked when the template loads: figures (report-wide values from all units'
 * answers) and checks (one unit's own answers) see different names.
 */
export type ValueType = "number" | "percent" | "boolean";

/** A question as expressions see it: its key and answer type. */
export type QuestionRef = { key: string; type: string };

/** Functions over all units' answers to one question (figures only). */
export const AGGREGATES: Record<string, { types: readonly string[] | null; about: string }> = {
  sum: { types: ["number"], about: "the units' numbers added up" },
  yes: { types: ["yes_no"], about: "units that answered yes" },
  no: { types: ["yes_no"], about: "units that answered no" },
  answered: { types: null, about: "units that gave an answer (not skipped, not \"không\")" },
  asked: { types: null, about: "units asked the question whose answers are in the report" },
};

/** Functions over values, for figures and checks alike. */
export const VALUE_FUNCTIONS: Record<string, { min: number; max: number; about: string }> = {
  percent: { min: 2, max: 3, about: "percent(part, whole[, digits]): part ÷ whole × 100, printed with %" },
  round: { min: 1, max: 2, about: "round(x[, digits])" },
  min: { min: 2, max: 10, about: "min(a, b, …)" },
  max: { min: 2, max: 10, about: "max(a, b, …)" },
};

export type Scope =
  | { kind: "figure"; figures: ReadonlyMap<string, Expr>; questions: ReadonlyMap<string, QuestionRef> }
  | { kind: "check"; questions: ReadonlyMap<string, QuestionRef> };

const CHECKABLE = new Set(["number", "yes_no"]);

/** Problems of an expression in its scope, and the type of its value when there are none. */
export function checkExpression(expr: Expr, scope: Scope, want: ValueType | "value"): { problems: string[]; type: ValueType | null } {
  const problems: string[] = [];
  const figureTypes = new Map<string, ValueType | null>();

  const typeOfFigure = (name: string, seen: readonly string[]): ValueType | null => {
    if (scope.kind !== "figure") return null;
    if (seen.includes(name)) {
      problems.push(`figure ${name} is defined in terms of itself (${[...seen, name].join(" → ")})`);
      return null;
    }
    if (figureTypes.has(name)) return figureTypes.get(name)!;
    const type = visit(scope.figures.get(name)!, [...seen, name]);
    figureTypes.set(name, type);
    return type;
  };

  const numeric = (expr: Expr, seen: readonly string[], what: string): boolean => {
    const type = visit(expr, seen);
    if (type === "boolean") {
      problems.push(`${what} must be a number, not a condition`);
      return false;
    }
    return type !== null;
  };

  const visit = (expr: Expr, seen: readonly string[]): ValueType | null => {
    switch (expr.kind) {
      case "number":
        return "number";
      case "name": {
        if (scope.kind === "figure") {
          if (scope.figures.has(expr.name)) return typeOfFigure(expr.name, seen);
          if (scope.questions.has(expr.name)) {
            problems.push(`${expr.name} is a question: a figure adds up all units' answers, e.g. sum(${expr.name}) or yes(${expr.name})`);
            return null;
          }
          problems.push(`unknown name ${expr.name}; figures: ${[...scope.figures.keys()].join(", ") || "(none)"}`);
          return null;
        }
        const question = scope.questions.get(expr.name);
        if (!question) {
          problems.push(`unknown question ${expr.name}; a check compares one unit's answers to number or yes/no questions`);
          return null;
        }
        if (!CHECKABLE.has(question.type)) {
          problems.push(`${expr.name} is a ${question.type} question; checks compare number and yes/no answers only`);
          return null;
        }
        return "number";
      }
      case "call": {
        const aggregate = AGGREGATES[expr.fn];
        if (aggregate) {
          if (scope.kind !== "figure") {
            problems.push(`${expr.fn}() adds up all units and belongs in figures; a check reads one unit's answers by their keys`);
            return null;
          }
          const arg = expr.args[0];
          if (expr.args.length !== 1 || arg?.kind !== "name") {
            problems.push(`${expr.fn}() takes one question key, e.g. ${expr.fn}(${[...scope.questions.keys()][0] ?? "question_key"})`);
            return null;
          }
          const question = scope.questions.get(arg.name);
          if (!question) {
            problems.push(`${expr.fn}(${arg.name}): no question has the key ${arg.name}`);
            return null;
          }
          if (aggregate.types && !aggregate.types.includes(question.type)) {
            problems.push(`${expr.fn}(${arg.name}): ${expr.fn} takes a ${aggregate.types.join(" or ")} question, ${arg.name} is ${question.type}`);
            return null;
          }
          return "number";
        }
        const fn = VALUE_FUNCTIONS[expr.fn];
        if (!fn) {
          const known = [...(scope.kind === "figure" ? Object.keys(AGGREGATES) : []), ...Object.keys(VALUE_FUNCTIONS)];
          problems.push(`unknown function ${expr.fn}(); known: ${known.join(", ")}`);
          return null;
        }
        if (expr.args.length < fn.min || expr.args.length > fn.max) {
          problems.push(`${expr.fn}() takes ${fn.min === fn.max ? fn.min : `${fn.min} to ${fn.max}`} values: ${fn.about}`);
          return null;
        }
        const ok = expr.args.map((arg, i) => numeric(arg, seen, `argument ${i + 1} of ${expr.fn}()`)).every(Boolean);
        if ((expr.fn === "percent" && expr.args[2]) || (expr.fn === "round" && expr.args[1])) {
          const digits = expr.fn === "percent" ? expr.args[2]! : expr.args[1]!;
          if (digits.kind !== "number" || !Number.isInteger(digits.value) || digits.value > 6) {
            problems.push(`the digits of ${expr.fn}() must be a whole number from 0 to 6`);
            return null;
          }
        }
        if (!ok) return null;
        return expr.fn === "percent" ? "percent" : "number";
      }
      case "neg":
        return numeric(expr.arg, seen, "a negated value") ? "number" : null;
      case "arith": {
        const left = numeric(expr.left, seen, `the left side of ${expr.op}`);
        const right = numeric(expr.right, seen, `the right side of ${expr.op}`);
        return left && right ? "number" : null;
      }
      case "compare": {
        const left = numeric(expr.left, seen, `the left side of ${expr.op}`);
        const right = numeric(expr.right, seen, `the right side of ${expr.op}`);
        return left && right ? "boolean" : null;
      }
      case "logic":
      case "not": {
        const parts = expr.kind === "not" ? [expr.arg] : [expr.left, expr.right];
        let ok = true;
        for (const part of parts) {
          const type = visit(part, seen);
          if (type !== null && type !== "boolean") {
            problems.push(`${expr.kind === "not" ? "not" : expr.op} joins conditions such as a <= b, not numbers`);
            ok = false;
          } else if (type === null) ok = false;
        }
        return ok ? "boolean" : null;
      }
    }
  };

  const type = visit(expr, []);
  if (type !== null && problems.length === 0) {
    if (want === "boolean" && type !== "boolean") problems.push("must be a condition, e.g. dung_han <= tiep_nhan");
    if (want === "value" && type === "boolean") problems.push("must be a value, not a condition");
  }
  return { problems, type: problems.length === 0 ? type : null };
}

/** The expression with every figure name replaced by its definition (figures are checked free of cycles first). */
export function expandFigures(expr: Expr, figures: ReadonlyMap<string, Expr>, depth = 0): Expr {
  if (depth > 20) return expr;
  switch (expr.kind) {
    case "number":
      return expr;
    case "name": {
      const definition = figures.get(expr.name);
      return definition ? expandFigures(definition, figures, depth + 1) : expr;
    }
    case "call":
      // Aggregates name questions, which are not figures.
      return { ...expr, args: expr.args.map((arg) => expandFigures(arg, figures, depth)) };
    case "neg":
    case "not":
      return { ...expr, arg: expandFigures(expr.arg, figures, depth) };
    default:
      return { ...expr, left: expandFigures(expr.left, figures, depth), right: expandFigures(expr.right, figures, depth) };
  }
}

/** Divisors that can be zero (anything but a non-zero constant), in canonical text, of an expanded expression. */
export function zeroableDivisors(expr: Expr): string[] {
  const out = new Set<string>();
  const visit = (e: Expr) => {
    switch (e.kind) {
      case "number":
      case "name":
        return;
      case "call":
        e.args.forEach(visit);
        if (e.fn === "percent" && e.args[1] && !(e.args[1].kind === "number" && e.args[1].value !== 0)) out.add(expressionText(e.args[1]));
        return;
      case "neg":
      case "not":
        visit(e.arg);
        return;
      default:
        visit(e.left);
        visit(e.right);
        if (e.kind === "arith" && e.op === "/" && !(e.right.kind === "number" && e.right.value !== 0)) out.add(expressionText(e.right));
    }
  };
  visit(expr);
  return [...out];
}

/**
 * What a condition guarantees to be zero when it holds, in canonical text: "x == 0", "x <= 0", "0 == x",
 * and either side of an "or" (each branch alone makes the case apply).
 */
export function zeroGuards(condition: Expr): string[] {
  if (condition.kind === "logic" && condition.op === "or") return [...zeroGuards(condition.left), ...zeroGuards(condition.right)];
  if (condition.kind !== "compare") return [];
  const isZero = (e: Expr) => e.kind === "number" && e.value === 0;
  if ((condition.op === "==" || condition.op === "<=") && isZero(condition.right)) return [expressionText(condition.left)];
  if ((condition.op === "==" || condition.op === ">=") && isZero(condition.left)) return [expressionText(condition.right)];
  return [];
}

/**
 * What a condition guarantees to be non-zero when it holds: "x > 0", "x != 0", "x >= 1", "0 < x", and both
 * sides of an "and".
 */
export function nonZeroGuards(condition: Expr): string[] {
  if (condition.kind === "logic" && condition.op === "and") return [...nonZeroGuards(condition.left), ...nonZeroGuards(condition.right)];
  if (condition.kind !== "compare") return [];
  const constant = (e: Expr) => (e.kind === "number" ? e.value : null);
  const right = constant(condition.right);
  const left = constant(condition.left);
  if (right !== null) {
    if ((condition.op === ">" && right >= 0) || (condition.op === ">=" && right > 0) || (condition.op === "!=" && right === 0)) return [expressionText(condition.left)];
    if ((condition.op === "<" && right <= 0) || (condition.op === "<=" && right < 0)) return [expressionText(condition.left)];
  }
  if (left !== null) {
    if ((condition.op === "<" && left >= 0) || (condition.op === "<=" && left > 0) || (condition.op === "!=" && left === 0)) return [expressionText(condition.right)];
  }
  return [];
}
