import { describe, expect, it } from "vitest";
import {
  checkListItems,
  cleanText,
  isDoneWord,
  limitsOf,
  parseAnswer,
  parseChoice,
  parseChoices,
  parseDate,
  parseDocumentRef,
  parseNumber,
  parseShortText,
  parseYesNo,
  splitListItems,
  type ParseResult,
} from "../src/domain/answer-parsing.ts";
import type { Question } from "../src/domain/template/template-schema.ts";

const value = <T>(result: ParseResult<T>): T => {
  if (!result.ok) throw new Error(`expected a value, got ${JSON.stringify(result.problem)}`);
  return result.value;
};
const problem = <T>(result: ParseResult<T>) => {
  if (result.ok) throw new Error(`expected a problem, got ${JSON.stringify(result.value)}`);
  return result.problem;
};

const options = [
  { key: "hoi_nghi", label: { vi: "Hội nghị cán bộ", en: "Staff conference" } },
  { key: "niem_yet", label: { vi: "Niêm yết công khai", en: "Public posting" } },
  { key: "website", label: { vi: "Trang thông tin điện tử", en: "Website" } },
];

describe("cleanText", () => {
  it("removes control and invisible characters, keeps emoji and line breaks", () => {
    expect(cleanText("  Xin\u0000 chào\u0007\u200B\u202E 👍🏽\r\nDòng 2\t!  ")).toBe("Xin chào 👍🏽\nDòng 2 !");
    // A family emoji is joined by ZWJ; it must survive intact.
    expect(cleanText("👨‍👩‍👧")).toBe("👨‍👩‍👧");
    expect(cleanText("a\n\n\n\nb")).toBe("a\n\nb");
  });

  it("drops lone surrogates and composes decomposed Vietnamese letters", () => {
    expect(cleanText("x\uD800y")).toBe("xy");
    const decomposed = "Vie\u0302\u0323t Nam";
    expect(cleanText(decomposed)).toBe("Việt Nam");
    expect(cleanText(decomposed).length).toBe(8);
  });
});

describe("parseNumber", () => {
  it.each([
    ["1.234", 1234],
    ["1.234.567", 1234567],
    ["1,5", 1.5],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["0.5", 0.5],
    ["không", 0],
    ["Không", 0],
    ["khong", 0],
    ["0", 0],
    ["12 đơn", 12],
    ["12 đơn thư", 12],
    ["  7  ", 7],
    ["-3", -3],
    ["1 234", 1234],
    ["50%", 50],
    ["1,5 triệu", 1_500_000],
    ["2 tỷ", 2_000_000_000],
    ["12.", 12],
  ])("%s → %s", (input, expected) => {
    expect(value(parseNumber(input))).toBe(expected);
  });

  it.each(["", "abc", "12 đơn, 3 vụ", "1.2.3", "1,2,3,4", "mười hai", "12abc34"])("refuses %j", (input) => {
    expect(["not-a-number", "empty"]).toContain(problem(parseNumber(input)).code);
  });

  it("applies the question's limits", () => {
    expect(problem(parseNumber("1,5", { integer: true })).code).toBe("number-not-integer");
    expect(problem(parseNumber("-1", { integer: false, min: 0 }))).toEqual({ code: "number-below-min", vars: { min: 0 } });
    expect(problem(parseNumber("1.001", { integer: false, max: 1000 }))).toEqual({ code: "number-above-max", vars: { max: 1000 } });
    expect(value(parseNumber("1.000", { integer: true, max: 1000 }))).toBe(1000);
  });
});

describe("parseDate", () => {
  it.each([
    ["5/3/2025", "2025-03-05"],
    ["05-03-2025", "2025-03-05"],
    ["05.03.2025", "2025-03-05"],
    ["2025-03-05", "2025-03-05"],
    ["5/3/25", "2025-03-05"],
    ["ngày 5 tháng 3 năm 2025", "2025-03-05"],
    ["Ngày 05 tháng 03 năm 2025.", "2025-03-05"],
    ["29/2/2024", "2024-02-29"],
  ])("%s → %s", (input, expected) => {
    expect(value(parseDate(input))).toBe(expected);
  });

  it("reads day before month (Vietnamese order)", () => {
    expect(value(parseDate("1/12/2024"))).toBe("2024-12-01");
  });

  it.each(["31/2/2025", "29/2/2025", "13/13/2024", "0/1/2024", "1/1/1800"])("refuses the impossible day %s", (input) => {
    expect(problem(parseDate(input)).code).toBe("impossible-date");
  });

  it.each(["hôm qua", "5/3", "2025", "5 3 2025"])("refuses %j as not a date", (input) => {
    expect(problem(parseDate(input)).code).toBe("not-a-date");
  });
});

describe("parseYesNo", () => {
  it.each([
    ["có", true],
    ["Có", true],
    ["co", true],
    ["yes", true],
    ["Rồi", true],
    ["không", false],
    ["Khong", false],
    ["ko", false],
    ["no", false],
    ["chưa", false],
  ])("%s → %s", (input, expected) => {
    expect(value(parseYesNo(input))).toBe(expected);
  });

  it("refuses anything else", () => {
    expect(problem(parseYesNo("có lẽ")).code).toBe("not-yes-no");
  });
});

describe("choices", () => {
  it("picks one option by number, label (with or without diacritics) or key", () => {
    expect(value(parseChoice("2", options))).toBe("niem_yet");
    expect(value(parseChoice("hội nghị cán bộ", options))).toBe("hoi_nghi");
    expect(value(parseChoice("Niem yet cong khai", options))).toBe("niem_yet");
    expect(value(parseChoice("website", options))).toBe("website");
    expect(problem(parseChoice("4", options))).toEqual({ code: "unknown-option", vars: { text: "4" } });
  });

  it("picks several options in template order, without repeats, within maxItems", () => {
    expect(value(parseChoices("3, 1; 3", options, 3))).toEqual(["hoi_nghi", "website"]);
    expect(value(parseChoices("Niêm yết công khai\nTrang thông tin điện tử", options, 3))).toEqual(["niem_yet", "website"]);
    expect(problem(parseChoices("1, 2, 3", options, 2))).toEqual({ code: "too-many-options", vars: { max: 2 } });
    expect(problem(parseChoices("1, xyz", options, 3)).code).toBe("unknown-option");
  });
});

describe("lists", () => {
  it("splits one item per line and removes bullets and numbering", () => {
    expect(splitListItems("- Một\n• Hai\n\n3. Ba\n4) Bốn\na) Năm\nSáu")).toEqual(["Một", "Hai", "Ba", "Bốn", "Năm", "Sáu"]);
  });

  it("checks item length and count", () => {
    expect(problem(checkListItems(["ok", "x".repeat(11)], { maxLength: 10, maxItems: 5 }))).toEqual({
      code: "item-too-long",
      vars: { item: 2, max: 10, length: 11 },
    });
    expect(problem(checkListItems(["a", "b", "c"], { maxLength: 10, maxItems: 2 }))).toEqual({ code: "too-many-items", vars: { max: 2, count: 3 } });
    expect(problem(checkListItems([], { maxLength: 10, maxItems: 2 })).code).toBe("empty");
  });
});

describe("text answers", () => {
  it("says how long the answer may be", () => {
    expect(problem(parseShortText("x".repeat(21), 20))).toEqual({ code: "too-long", vars: { max: 20, length: 21 } });
    expect(value(parseShortText("  Một \n hai ", 20))).toBe("Một hai");
    expect(problem(parseShortText(" \u0000 \u200B ", 20)).code).toBe("empty");
  });

  it("recognises the words that end a multi-message answer", () => {
    for (const word of ["Xong", "xong", "XONG.", "done", "Hết"]) expect(isDoneWord(word), word).toBe(true);
    expect(isDoneWord("xong việc rồi")).toBe(false);
  });
});

describe("parseDocumentRef", () => {
  it("keeps the whole citation and picks out number, date, issuer and subject", () => {
    expect(value(parseDocumentRef("Công văn số 09-CV/BCĐ ngày 10/9/2024 của Ban Chỉ đạo về việc báo cáo", 1000))).toEqual({
      text: "Công văn số 09-CV/BCĐ ngày 10/9/2024 của Ban Chỉ đạo về việc báo cáo",
      number: "09-CV/BCĐ",
      date: "2024-09-10",
      issuer: "Ban Chỉ đạo",
      subject: "về việc báo cáo",
    });
    expect(value(parseDocumentRef("Quyết định số 219/QĐ-SKHCN ngày 09/7/2024", 1000))).toEqual({
      text: "Quyết định số 219/QĐ-SKHCN ngày 09/7/2024",
      number: "219/QĐ-SKHCN",
      date: "2024-07-09",
    });
    expect(value(parseDocumentRef("Kế hoạch năm 2024", 1000))).toEqual({ text: "Kế hoạch năm 2024" });
    expect(problem(parseDocumentRef("x".repeat(30), 20)).code).toBe("too-long");
  });
});

describe("parseAnswer and limitsOf", () => {
  const q = (type: Question["type"], extra: Partial<Question> = {}) => ({ type, limits: undefined, options: undefined, ...extra }) as Question;

  it("uses the template's limits and the defaults", () => {
    expect(limitsOf(q("short_text")).maxLength).toBe(500);
    expect(limitsOf(q("long_text", { limits: { maxLength: 6000 } })).maxLength).toBe(6000);
    expect(limitsOf(q("multiple_choice", { options })).maxItems).toBe(3);
  });

  it("dispatches by question type", () => {
    expect(value(parseAnswer(q("number"), "1.234"))).toBe(1234);
    expect(value(parseAnswer(q("list"), "a\nb"))).toEqual(["a", "b"]);
    expect(value(parseAnswer(q("yes_no"), "có"))).toBe(true);
    expect(value(parseAnswer(q("date"), "5/3/2025"))).toBe("2025-03-05");
    expect(value(parseAnswer(q("single_choice", { options }), "1"))).toBe("hoi_nghi");
    expect(value(parseAnswer(q("multiple_choice", { options }), "1,2"))).toEqual(["hoi_nghi", "niem_yet"]);
    expect(value(parseAnswer(q("long_text"), "Đoạn 1\nĐoạn 2 🎉"))).toBe("Đoạn 1\nĐoạn 2 🎉");
    expect(problem(parseAnswer(q("short_text", { limits: { maxLength: 5 } }), "quá dài")).code).toBe("too-long");
  });
});
