// The loops and single-pass forms that replaced backtracking patterns (and pattern replaces that pay per
// match) give what the patterns gave, on short random text where the patterns are still fast.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanText, documentNumbers, parseDocumentRef, splitDocumentSubject, splitListItems } from "../src/domain/answer-parsing.ts";
import { collapseSpaces, foldText } from "../src/domain/text-scan.ts";
import { lineBreaksToSpaces } from "../src/domain/text-scan.ts";
import { trimEndOf, trimEndOfSpaceAnd } from "../src/domain/text-trim.ts";
import { fillPlaceholders, findPlaceholders, scanPlaceholders, type PlaceholderUse } from "../src/domain/template/placeholders.ts";

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

// The forms these functions had as pattern replaces.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF\uFFFE\uFFFF]/g;
const cleanTextByPatterns = (raw: string) =>
  raw
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .replace(LONE_SURROGATE, "")
    .replace(INVISIBLE, "")
    .normalize("NFC")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
const foldTextByPatterns = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
// The placeholder scan as it was, searching the next "}" and line break again from every "{".
function scanPlaceholdersEachBrace(text: string): PlaceholderUse[] {
  const out: PlaceholderUse[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf("{", from);
    if (open < 0) return out;
    const close = text.indexOf("}", open + 1);
    const nextOpen = text.indexOf("{", open + 1);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      const lineEnd = text.indexOf("\n", open);
      out.push({ raw: text.slice(open, lineEnd < 0 ? Math.min(text.length, open + 40) : Math.min(lineEnd, open + 40)), name: null, index: open });
      from = open + 1;
      continue;
    }
    const inner = text.slice(open + 1, close);
    out.push({ raw: text.slice(open, close + 1), name: /^[A-Za-z][A-Za-z0-9_]*$/.test(inner) ? inner : null, index: open });
    from = close + 1;
  }
}
const ISSUER_PATTERN = /\bc[uủ]a\s+(.+?)[.;,]?$/iu;

const TRICKY = ["\r", "\n", "\r\n", "\t", " ", "\u00A0", "\u2028", "\u3000", "\uD800", "\uDC00", "\uD83C\uDF89", "\u0000", "\u0007", "\u202E", "\u200B", "\u200D", "\uFEFF", "\uFFFF"];
const LETTERS = ["a", "Đ", "đ", "ế", "e\u0302\u0301", "İ", "x", "Ạ", "\u{1D167}", ".", ";", "1"];

describe("linear text trimming", () => {
  it("cleanText equals its pattern form", () => {
    sameAs([...TRICKY, ...LETTERS], cleanText, cleanTextByPatterns);
  });

  it("the placeholder scan finds what searching again from every brace found", () => {
    const alphabet = ["{", "}", "{", "}", "\n", "a", "p", "1", " ", "."];
    sameAs(alphabet, scanPlaceholders, scanPlaceholdersEachBrace);
    sameAs(alphabet, findPlaceholders, (text) => scanPlaceholdersEachBrace(text).flatMap((use) => (use.name === null ? [] : [use.name])));
    const values = { a: "x", p: "{a}", a1: "" };
    sameAs(alphabet, (text) => fillPlaceholders(text, values), (text) => {
      let out = "";
      let from = 0;
      for (const use of scanPlaceholdersEachBrace(text)) {
        if (use.name === null || !Object.hasOwn(values, use.name)) continue;
        out += text.slice(from, use.index) + values[use.name as keyof typeof values];
        from = use.index + use.raw.length;
      }
      return out + text.slice(from);
    });
  });

  it("foldText equals its pattern form", () => {
    sameAs([...TRICKY, ...LETTERS], foldText, foldTextByPatterns);
  });

  it("splitListItems equals trying the bullet pattern on every line", () => {
    const BULLET = /^(?:[-–—•*+●▪◦]|\d{1,3}[.)]|[a-zđ]\))\s+/iu;
    sameAs(["\n", " ", "-", "•", "1", "2.", ")", "a", "Đ", "ſ", "x", "\t", "."], splitListItems, (text) =>
      cleanText(text)
        .split("\n")
        .map((line) => line.trim().replace(BULLET, "").trim())
        .filter((line) => line !== ""),
    );
  });

  it("collapseSpaces equals /\s+/g → one space, trimmed", () => {
    sameAs([...TRICKY, ...LETTERS], collapseSpaces, (text) => text.replace(/\s+/g, " ").trim());
  });

  it("the issuer of a document is what the one-pattern form found", () => {
    sameAs(
      ["của ", "Của ", "cua ", " về ", " v/v ", " ", "  ", "Ban", "Sở", ".", ";", "x", "\n", "về", "\u00A0"],
      (text) => parseDocumentRef(text, 10_000),
      (text) => {
        const parsed = parseDocumentRef(text, 10_000);
        if (!parsed.ok) return parsed;
        const issuer = ISSUER_PATTERN.exec(splitDocumentSubject(parsed.value.text).citation.replace(/\s+/gu, " "))?.[1]?.trim();
        const { issuer: _left, ...rest } = parsed.value;
        return { ok: true, value: issuer ? { ...rest, issuer } : rest };
      },
    );
  });

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
    // No subject ("về việc …") here: "về thực hiện …" is part of the issuer's name.
    expect(parseDocumentRef(text, 500)).toEqual({ ok: true, value: { text, number: "09-CV/BCĐ", date: "2024-09-10", issuer: "Ban Chỉ đạo về thực hiện Quy chế dân chủ" } });
  });
});
