import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sanitizeXmlText, sanitizeXmlValue } from "../src/domain/sanitize-xml-text.ts";

// XML 1.0 Char production.
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

describe("sanitizeXmlText", () => {
  it("removes controls, lone surrogates and non-characters, keeps Vietnamese and emoji", () => {
    expect(sanitizeXmlText("Sở\u0000 Khoa\u0008 học\u001F\uFFFE\uFFFF \uD800x\uDC00 😀 và\r\nCông nghệ\u0085")).toBe(
      "Sở Khoa học x 😀 và\nCông nghệ",
    );
  });

  it("composes decomposed Vietnamese (NFC)", () => {
    const decomposed = "Nghi\u0323 đi\u0323nh";
    expect(sanitizeXmlText(decomposed)).toBe("Nghị định");
  });

  it("always yields XML 1.0 characters, whatever the input", () => {
    fc.assert(
      // Any UTF-16 code units, lone surrogates included.
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 }), (codes) => {
        const text = String.fromCharCode(...codes);
        expect(XML_CHAR.test(sanitizeXmlText(text))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("cleans every string inside a JSON value", () => {
    expect(sanitizeXmlValue({ text: "a\u0001b", items: ["c\u0002", 3, true], nested: { x: null } })).toEqual({
      text: "ab",
      items: ["c", 3, true],
      nested: { x: null },
    });
  });
});
