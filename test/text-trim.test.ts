// The loops and single-pass forms that replaced backtracking patterns give what the patterns gave, on
// short random text where the patterns are still fast.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { documentNumbers, parseDocumentRef } from "../src/domain/answer-parsing.ts";
import { lineBreaksToSpaces, trimEndOf, trimEndOfSpaceAnd } from "../src/domain/text-trim.ts";

const runs = { numRuns: 2000 };
const shortText = (alphabet: string[]) => fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }).map((parts) => parts.join(""));

function sameAs(alphabet: string[], linear: (text: string) => unknown, pattern: (text: string) => unknown): void {
  fc.assert(
    fc.property(shortText(alphabet), (text) => {
      expect(linear(text)).toEqual(pattern(text));
    }),
    runs,
  );
}

describe("linear text trimming", () => {
  it("trimEndOf equals /[…]+$/", () => {
    sameAs([".", "!", "a", " ", "ố", "\n"], (text) => trimEndOf(text, ".!"), (text) => text.replace(/[.!]+$/, ""));
  });

  it("trimEndOfSpaceAnd equals /[\\s…]+$/", () => {
    sameAs([".", ";", ",", "a", " ", "\u00A0", "\n", "x"], (text) => trimEndOfSpaceAnd(text, ".;,"), (text) => text.replace(/[\s.;,]+$/, ""));
  });

  it("lineBreaksToSpaces equals /\\s*\\n\\s*/g → one space", () => {
    sameAs(["\n", " ", "\t", "a", "b", "\u3000", "\r"], lineBreaksToSpaces, (text) => text.replace(/\s*\n\s*/g, " "));
  });

  it("documentNumbers finds what /\\d+[0-9A-Za-zĐđ.]*(?:[-/][0-9A-Za-zĐđ.]+)+/g found", () => {
    const pattern = /\d+[0-9A-Za-zĐđ.]*(?:[-/][0-9A-Za-zĐđ.]+)+/gu;
    sameAs(["0", "9", "1", "-", "/", "C", "V", "Đ", ".", " ", "số", "x", "("], documentNumbers, (text) => [...text.matchAll(pattern)].map((m) => m[0]));
  });

  it("a document reference still yields its number, date and issuer", () => {
    const text = "Công văn số 09-CV/BCĐ ngày 10/9/2024 của  Ban Chỉ đạo   về thực hiện Quy chế dân chủ";
    expect(parseDocumentRef(text, 500)).toEqual({ ok: true, value: { text, number: "09-CV/BCĐ", date: "2024-09-10", issuer: "Ban Chỉ đạo" } });
  });
});
