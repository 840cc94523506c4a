import { describe, expect, it } from "vitest";
import { displayAnswer } from "../src/conversation/display-answer.ts";
import type { AnswerValue } from "../src/domain/answer-value.ts";
import { answerText } from "../src/domain/office/answer-text.ts";
import { answerPieces } from "../src/domain/report/format-answer.ts";
import type { Question, QuestionType } from "../src/domain/template/template-schema.ts";

const question = (type: QuestionType): Question =>
  ({
    key: "q",
    type,
    prompt: { vi: "Câu hỏi", en: "Question" },
    options: [
      { key: "good", label: { vi: "tốt", en: "good" } },
      { key: "fair", label: { vi: "khá", en: "fair" } },
    ],
  }) as Question;

const t = (key: string) => key;
const chat = (type: QuestionType, value: AnswerValue, locale: "vi" | "en" = "vi") => displayAnswer(question(type), value, locale, t);
const office = (type: QuestionType, value: AnswerValue, locale: "vi" | "en" = "vi") => answerText(question(type), value, locale, { yes: "Có", no: "Không" });
const report = (type: QuestionType, value: AnswerValue) => answerPieces(question(type), value, {}).join("|");

describe("one answer, the same in the chat, the office's export and the report", () => {
  it("numbers are grouped and decimal as the reader's language writes them, to six places everywhere", () => {
    for (const [value, vi, en] of [
      [1234.5, "1.234,5", "1,234.5"],
      [1260, "1.260", "1,260"],
      [0.12345, "0,12345", "0.12345"],
      [0.1 + 0.2, "0,3", "0.3"],
      [-3, "-3", "-3"],
    ] as const) {
      expect([chat("number", value), office("number", value), report("number", value)]).toEqual([vi, vi, vi]);
      expect([chat("number", value, "en"), office("number", value, "en")]).toEqual([en, en]);
    }
  });

  it("options by their label in the reader's language, a key the template dropped as stored; the report in Vietnamese", () => {
    expect([chat("single_choice", "fair"), office("single_choice", "fair"), report("single_choice", "fair")]).toEqual(["khá", "khá", "khá"]);
    expect([chat("single_choice", "fair", "en"), office("single_choice", "fair", "en")]).toEqual(["fair", "fair"]);
    expect([chat("single_choice", "gone"), office("single_choice", "gone"), report("single_choice", "gone")]).toEqual(["gone", "gone", "gone"]);
  });

  it("dates day first; the report document writes them the Nghị định 30 way", () => {
    expect([chat("date", "2025-03-05"), office("date", "2025-03-05", "en")]).toEqual(["05/03/2025", "05/03/2025"]);
    expect(report("date", "2025-03-05")).toBe("05/3/2025");
  });
});
