import { describe, expect, it } from "vitest";
import { answerValueSchemaFor, isAnswerValueFor, isIsoDate, parseAnswerValue } from "../src/domain/answer-value.ts";
import type { Question, QuestionType } from "../src/domain/template/template-schema.ts";

const q = (type: QuestionType, extra: Partial<Question> = {}) => ({ type, ...extra }) as Pick<Question, "type" | "limits" | "options">;
const options = [
  { key: "a", label: { vi: "A", en: "A" } },
  { key: "b", label: { vi: "B", en: "B" } },
];

describe("answer values", () => {
  const cases: [string, Pick<Question, "type" | "limits" | "options">, unknown[], unknown[]][] = [
    ["short_text", q("short_text", { limits: { maxLength: 5 } }), ["abc", "12345"], ["", "   ", "123456", 3, null]],
    ["long_text", q("long_text"), ["dòng 1\ndòng 2"], ["", ["x"]]],
    ["list", q("list", { limits: { maxItems: 2 } }), [["a"], ["a", "b"]], [[], ["a", "b", "c"], ["a", ""], "a"]],
    ["number", q("number", { limits: { min: 0, max: 10, integer: true } }), [0, 10, 3], [-1, 11, 1.5, "3", Number.NaN]],
    ["yes_no", q("yes_no"), [true, false], ["yes", 1, null]],
    ["single_choice", q("single_choice", { options }), ["a", "b"], ["c", ["a"], ""]],
    ["multiple_choice", q("multiple_choice", { options }), [["a"], ["b", "a"]], [[], ["a", "a"], ["z"], "a"]],
    ["date", q("date"), ["2024-02-29", "2024-12-31"], ["2023-02-29", "2024-13-01", "05/03/2024", "2024-1-5"]],
    [
      "document_ref",
      q("document_ref"),
      [{ text: "Quyết định số 219/QĐ-SKHCN" }, { text: "QĐ 219", number: "219/QĐ-SKHCN", date: "2024-07-09", issuer: "Sở KH&CN" }],
      [{ text: "" }, { number: "219" }, { text: "x", date: "9/7/2024" }, { text: "x", extra: 1 }, "QĐ 219"],
    ],
  ];

  for (const [name, question, valid, invalid] of cases) {
    it(`${name}: accepts its shape and rejects others`, () => {
      const schema = answerValueSchemaFor(question);
      for (const value of valid) expect(schema.safeParse(value).success, JSON.stringify(value)).toBe(true);
      for (const value of invalid) expect(schema.safeParse(value).success, JSON.stringify(value)).toBe(false);
    });
  }

  it("parseAnswerValue says why; the guard narrows", () => {
    const question = q("number", { limits: { max: 5 } });
    expect(parseAnswerValue(question, 9)).toEqual({ ok: false, error: "must be at most 5" });
    expect(parseAnswerValue(question, 4)).toEqual({ ok: true, value: 4 });
    const value: unknown = ["a"];
    const choice = { type: "multiple_choice" as const, options };
    if (isAnswerValueFor(choice, value)) expect(value.length).toBe(1);
    else throw new Error("guard rejected a valid value");
  });

  it("isIsoDate checks the calendar", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2100-02-29")).toBe(false);
  });
});
