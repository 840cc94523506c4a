import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatComputed, formatNumber, formatPercent } from "../src/domain/report/figure-text.ts";
import { evaluateExpression, NoValue, roundTo, type Computed } from "../src/domain/template/evaluate-expression.ts";
import { checkExpression, expandFigures, zeroableDivisors, type QuestionRef, type Scope } from "../src/domain/template/expression-check.ts";
import { ExpressionError, expressionText, parseExpression, type Expr } from "../src/domain/template/expression.ts";

const questions = new Map<string, QuestionRef>([
  ["tiep_nhan", { key: "tiep_nhan", type: "number" }],
  ["dung_han", { key: "dung_han", type: "number" }],
  ["toan_trinh", { key: "toan_trinh", type: "yes_no" }],
  ["ghi_chu", { key: "ghi_chu", type: "long_text" }],
]);

function figureScope(figures: Record<string, string>): Scope {
  return { kind: "figure", figures: new Map(Object.entries(figures).map(([k, v]) => [k, parseExpression(v)])), questions };
}

const value = (n: number): Computed => ({ type: "number", value: n });

describe("expression parser", () => {
  it("follows the usual precedence and writes one canonical form", () => {
    expect(expressionText(parseExpression("1 + 2 * 3"))).toBe("(1 + (2 * 3))");
    expect(expressionText(parseExpression("(1 + 2) × 3 ÷ 4 − 5"))).toBe("((((1 + 2) * 3) / 4) - 5)");
    expect(expressionText(parseExpression("a ≤ b and not c ≠ 0 or d = 1"))).toBe("(((a <= b) and not ((c != 0))) or (d == 1))");
  });

  it("refuses what is not in the grammar, saying where", () => {
    const cases: [string, number][] = [
      ["1 +", 3],
      ["a b", 2],
      ["sum(x", 5],
      ["a $ b", 2],
      ["a < b < c", 6],
      ["(", 1],
      ["and", 0],
      ["", 0],
    ];
    for (const [text, position] of cases) {
      let error: unknown;
      try {
        parseExpression(text);
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(ExpressionError);
      expect((error as ExpressionError).position, text).toBe(position);
    }
  });

  it("never runs code: JavaScript is just names, unknown functions or refused characters", () => {
    expect(checkExpression(parseExpression("constructor"), figureScope({}), "value").problems[0]).toMatch(/unknown name constructor/);
    expect(checkExpression(parseExpression("process(1, 2)"), figureScope({}), "value").problems[0]).toMatch(/unknown function process/);
    for (const text of ["x.y", "a[0]", "`x`", "a; b", "f => 1", "'s'"]) expect(() => parseExpression(text), text).toThrow(ExpressionError);
  });

  it("nesting past the limit is a refusal, not a stack overflow", () => {
    expect(() => parseExpression(`${"(".repeat(200)}1${")".repeat(200)}`)).toThrow(/nested too deeply/);
    expect(() => parseExpression("-".repeat(300) + "1")).toThrow(ExpressionError);
  });

  it("random input parses or throws an ExpressionError, nothing else", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: fc.constantFrom(..."ab01 ()+-*/<=>!,.×÷≤sumpercentandornot_".split("")) }), (text) => {
        try {
          parseExpression(text);
        } catch (error) {
          expect(error).toBeInstanceOf(ExpressionError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("expression checks", () => {
  it("names unknown names, questions used bare, wrong types and cycles", () => {
    const check = (text: string, figures: Record<string, string> = {}) => checkExpression(parseExpression(text), figureScope(figures), "value").problems;
    expect(check("sum(nothing)")[0]).toMatch(/no question has the key nothing/);
    expect(check("tiep_nhan + 1")[0]).toMatch(/tiep_nhan is a question: .*sum\(tiep_nhan\)/);
    expect(check("yes(tiep_nhan)")[0]).toMatch(/yes takes a yes_no question, tiep_nhan is number/);
    expect(check("sum(ghi_chu)")[0]).toMatch(/sum takes a number question/);
    expect(check("a", { a: "b + 1", b: "a * 2" }).join(" ")).toMatch(/defined in terms of itself/);
    expect(check("percent(1)")[0]).toMatch(/percent\(\) takes 2 to 3 values/);
    expect(check("percent(1, 2, 9)")[0]).toMatch(/digits .* 0 to 6/);
    expect(check("1 < 2")[0]).toMatch(/must be a value, not a condition/);
    expect(check("answered(ghi_chu) + asked(ghi_chu)")).toEqual([]);
  });

  it("checks read one unit's number and yes/no answers by key, never aggregates", () => {
    const scope: Scope = { kind: "check", questions };
    expect(checkExpression(parseExpression("dung_han <= tiep_nhan"), scope, "boolean").problems).toEqual([]);
    expect(checkExpression(parseExpression("toan_trinh == 1 or dung_han > 0"), scope, "boolean").problems).toEqual([]);
    expect(checkExpression(parseExpression("sum(dung_han) <= 1"), scope, "boolean").problems[0]).toMatch(/belongs in figures/);
    expect(checkExpression(parseExpression("ghi_chu > 1"), scope, "boolean").problems[0]).toMatch(/long_text question/);
    expect(checkExpression(parseExpression("dung_han + 1"), scope, "boolean").problems[0]).toMatch(/must be a condition/);
  });

  it("finds divisors that can be zero through figures, and not constant ones", () => {
    const figures = new Map<string, Expr>([
      ["total", parseExpression("sum(tiep_nhan)")],
      ["rate", parseExpression("percent(sum(dung_han), total)")],
    ]);
    expect(zeroableDivisors(expandFigures(parseExpression("rate"), figures))).toEqual(["sum(tiep_nhan)"]);
    expect(zeroableDivisors(parseExpression("sum(dung_han) / 2"))).toEqual([]);
    expect(zeroableDivisors(parseExpression("1 / (sum(a) - 3)"))).toEqual(["(sum(a) - 3)"]);
  });
});

describe("evaluation and Vietnamese numbers", () => {
  const figures = { name: () => undefined, aggregate: (fn: string, key: string) => ({ tiep_nhan: 1260, dung_han: 1252, zero: 0 })[key as "tiep_nhan"] ?? 0 };

  it("computes the share settled on time as the reference writes it", () => {
    const rate = evaluateExpression(parseExpression("percent(sum(dung_han), sum(tiep_nhan), 2)"), figures);
    expect(rate).toEqual({ type: "percent", value: 99.37 });
    expect(formatComputed(rate)).toBe("99,37%");
    expect(formatComputed(evaluateExpression(parseExpression("sum(tiep_nhan)"), figures))).toBe("1.260");
    expect(formatPercent(100)).toBe("100%");
    expect(formatNumber(1234567.5)).toBe("1.234.567,5");
  });

  it("rounds half away from zero without binary noise", () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(evaluateExpression(parseExpression("0.1 + 0.2 == 0.3"), figures)).toEqual({ type: "boolean", value: true });
    expect(evaluateExpression(parseExpression("round(2 / 3, 3)"), figures)).toEqual(value(0.667));
  });

  it("a division by zero is NoValue, never Infinity or NaN", () => {
    expect(() => evaluateExpression(parseExpression("percent(1, sum(zero))"), figures)).toThrow(NoValue);
    expect(() => evaluateExpression(parseExpression("1 / (2 - 2)"), figures)).toThrow(NoValue);
  });
});
