import type { Expr } from "./expression.ts";

/** A computed value: a number, a percentage (printed with %) or the truth of a condition. */
export type Computed = { type: "number" | "percent"; value: number } | { type: "boolean"; value: boolean };

/** A division by zero the template did not word a case for, or a name with no value (a check's unanswered question). */
export class NoValue extends Error {
  override name = "NoValue";
  constructor(readonly reason: "division-by-zero" | "unanswered", message: string) {
    super(message);
  }
}

export type Resolver = {
  /** A figure's or a question's value (checks: the unit's own answer; undefined when not answered). */
  name(name: string): Computed | undefined;
  /** sum(q), yes(q) … over all included units (figures only). */
  aggregate?(fn: string, questionKey: string): number;
};

/** Rounds half away from zero at the given decimals, without binary noise (1.005 → 1.01). */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  const shifted = Number((Math.abs(value) * factor).toPrecision(15));
  return (Math.sign(value) * Math.round(shifted)) / factor;
}

/** Evaluates a checked expression. Throws NoValue for a division by zero or an unanswered name. */
export function evaluateExpression(expr: Expr, resolve: Resolver): Computed {
  const num = (e: Expr): number => {
    const v = evaluateExpression(e, resolve);
    if (v.type === "boolean") throw new TypeError("a condition where a number was expected");
    return v.value;
  };
  const bool = (e: Expr): boolean => {
    const v = evaluateExpression(e, resolve);
    if (v.type !== "boolean") throw new TypeError("a number where a condition was expected");
    return v.value;
  };
  switch (expr.kind) {
    case "number":
      return { type: "number", value: expr.value };
    case "name": {
      const value = resolve.name(expr.name);
      if (value === undefined) throw new NoValue("unanswered", `${expr.name} has no value`);
      return value;
    }
    case "call": {
      const arg = expr.args[0];
      if (resolve.aggregate && arg?.kind === "name" && ["sum", "yes", "no", "answered", "asked"].includes(expr.fn)) {
        return { type: "number", value: resolve.aggregate(expr.fn, arg.name) };
      }
      switch (expr.fn) {
        case "percent": {
          const whole = num(expr.args[1]!);
          if (whole === 0) throw new NoValue("division-by-zero", "percent of a zero whole");
          const digits = expr.args[2] ? num(expr.args[2]) : 2;
          return { type: "percent", value: roundTo((num(expr.args[0]!) / whole) * 100, digits) };
        }
        case "round":
          return { type: "number", value: roundTo(num(expr.args[0]!), expr.args[1] ? num(expr.args[1]) : 0) };
        case "min":
          return { type: "number", value: Math.min(...expr.args.map(num)) };
        case "max":
          return { type: "number", value: Math.max(...expr.args.map(num)) };
        default:
          throw new TypeError(`unknown function ${expr.fn}`);
      }
    }
    case "neg":
      return { type: "number", value: -num(expr.arg) };
    case "arith": {
      const left = num(expr.left);
      const right = num(expr.right);
      switch (expr.op) {
        case "+":
          return { type: "number", value: left + right };
        case "-":
          return { type: "number", value: left - right };
        case "*":
          return { type: "number", value: left * right };
        case "/":
          if (right === 0) throw new NoValue("division-by-zero", "division by zero");
          return { type: "number", value: left / right };
      }
      break;
    }
    case "compare": {
      // Rounded to 9 decimals so 0.1 + 0.2 == 0.3 holds, as a person expects.
      const left = roundTo(num(expr.left), 9);
      const right = roundTo(num(expr.right), 9);
      const value =
        expr.op === "<" ? left < right
        : expr.op === "<=" ? left <= right
        : expr.op === ">" ? left > right
        : expr.op === ">=" ? left >= right
        : expr.op === "==" ? left === right
        : left !== right;
      return { type: "boolean", value };
    }
    case "logic":
      return { type: "boolean", value: expr.op === "and" ? bool(expr.left) && bool(expr.right) : bool(expr.left) || bool(expr.right) };
    case "not":
      return { type: "boolean", value: !bool(expr.arg) };
  }
  throw new TypeError("unknown expression");
}
