import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatShortCode, generateShortCode, hashShortCode, looksLikeShortCode, normaliseShortCode, SHORT_CODE_LENGTH } from "../src/invites/short-code.ts";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

describe("Zalo invite short codes", () => {
  it("are ten Crockford characters (50 bits) grouped 4-4-2, and do not repeat", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = generateShortCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/);
      seen.add(code);
    }
    expect(seen.size).toBe(2000);
    expect(SHORT_CODE_LENGTH * Math.log2(CROCKFORD.length)).toBeGreaterThanOrEqual(40);
  });

  it("use every character of the alphabet in every position (no bias towards a subset)", () => {
    const perPosition = Array.from({ length: SHORT_CODE_LENGTH }, () => new Set<string>());
    for (let i = 0; i < 3000; i++) {
      [...normaliseShortCode(generateShortCode())!].forEach((char, at) => perPosition[at]!.add(char));
    }
    for (const chars of perPosition) expect(chars.size).toBe(32);
  });

  it("read back however they are typed: lower case, spaces, dashes, I/L for 1, O for 0", () => {
    expect(normaliseShortCode("K7QM-3XD9-PA")).toBe("K7QM3XD9PA");
    expect(normaliseShortCode("k7qm 3xd9 pa")).toBe("K7QM3XD9PA");
    expect(normaliseShortCode("k7qm3xd9pa")).toBe("K7QM3XD9PA");
    expect(normaliseShortCode("1O1L-Ii0o-AB")).toBe("1011110" + "0AB");
    expect(normaliseShortCode("  K7QM - 3XD9 - PA ")).toBe("K7QM3XD9PA");
  });

  it("refuse U, other letters and symbols, and the wrong length", () => {
    expect(normaliseShortCode("K7QM-3XD9-PU")).toBeNull();
    expect(normaliseShortCode("K7QM-3XD9-P")).toBeNull();
    expect(normaliseShortCode("K7QM-3XD9-PAA")).toBeNull();
    expect(normaliseShortCode("K7QM_3XD9_PA")).toBeNull();
    expect(normaliseShortCode("K7QM-3XĐ9-PA")).toBeNull();
    expect(normaliseShortCode("")).toBeNull();
  });

  it("any generated code survives being typed with any case and separators", () => {
    const typing = fc.array(fc.record({ lower: fc.boolean(), after: fc.constantFrom("", "", " ", "-") }), { minLength: 12, maxLength: 12 });
    fc.assert(
      fc.property(typing, (keys) => {
        const code = generateShortCode().replaceAll("-", "");
        const typed = [...code].map((char, i) => (keys[i]!.lower ? char.toLowerCase() : char) + (i < 9 ? keys[i]!.after : "")).join("");
        return normaliseShortCode(typed) === code && looksLikeShortCode(typed) && hashShortCode(typed) === hashShortCode(code);
      }),
      { numRuns: 300 },
    );
  });

  it("are recognised as a whole message, and ordinary messages are not taken for codes", () => {
    expect(looksLikeShortCode("K7QM-3XD9-PA")).toBe(true);
    expect(looksLikeShortCode(" k7qm3xd9pa\n")).toBe(true);
    for (const text of ["báo cáo", "trạng thái", "HELLOWORLD", "helloworld", "xinchaoanh", "1", "12", "Mã: K7QM-3XD9-PA", "K7QM-3XD9-PA cảm ơn", "0123456789012345678901"]) {
      expect(looksLikeShortCode(text), text).toBe(false);
    }
  });

  it("hash to the sha256 of the normalised form, the same however typed", () => {
    const expected = createHash("sha256").update("K7QM3XD9PA").digest("hex");
    expect(hashShortCode("K7QM-3XD9-PA")).toBe(expected);
    expect(hashShortCode("k7qm 3xd9 pa")).toBe(expected);
    expect(hashShortCode("K7QM-3XD9-PA")).not.toBe(hashShortCode("K7QM-3XD9-PB"));
    expect(() => hashShortCode("not a code")).toThrow();
  });

  it("format groups a normalised code for reading", () => {
    expect(formatShortCode("K7QM3XD9PA")).toBe("K7QM-3XD9-PA");
  });
});
