import { describe, expect, it } from "vitest";
import { answersCsv, ANSWER_EXPORT_COLUMNS, buildCsv, csvField, neutraliseFormula, UTF8_BOM } from "../src/domain/office/answers-csv.ts";
import { parseCsv } from "./support/parse-csv.ts";

describe("CSV for spreadsheets", () => {
  it("quotes what needs quoting (RFC 4180) and nothing else", () => {
    expect(csvField("Phòng Quản lý khoa học")).toBe("Phòng Quản lý khoa học");
    expect(csvField('Hội nghị "Dân chủ", năm 2024')).toBe('"Hội nghị ""Dân chủ"", năm 2024"');
    expect(csvField("dòng 1\ndòng 2")).toBe('"dòng 1\ndòng 2"');
    expect(csvField(" lề")).toBe('" lề"');
    expect(csvField(12)).toBe("12");
    expect(csvField(null)).toBe("");
  });

  it("starts with the UTF-8 mark and ends every record with CRLF", () => {
    const csv = buildCsv(["a", "b"], [["x", 1]]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe("a,b\r\nx,1\r\n");
  });

  it("keeps spreadsheets from running typed formulas", () => {
    expect(neutraliseFormula("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    expect(neutraliseFormula("- Tổ chức hội nghị")).toBe("'- Tổ chức hội nghị");
    expect(neutraliseFormula("+84 912")).toBe("'+84 912");
    expect(neutraliseFormula("Bình thường")).toBe("Bình thường");
  });

  it("reads back field for field, Vietnamese, quotes, commas and line breaks intact", () => {
    const row = {
      unitOrder: 1,
      unitCode: "van-phong",
      unitName: "Văn phòng Sở",
      status: "Đã nộp",
      questionNumber: 2,
      questionKey: "results",
      question: "Kết quả, những việc đã làm?",
      answer: 'Hội nghị "Dân chủ ở cơ sở", ngày 05/3\nTập huấn nghiệp vụ',
      valueJson: JSON.stringify(['Hội nghị "Dân chủ ở cơ sở", ngày 05/3', "Tập huấn nghiệp vụ"]),
      skipped: false,
      revision: 2,
      author: "Trần Thị Bình",
      updatedAt: "2024-09-18 10:15",
      inReport: true,
    };
    const header = ANSWER_EXPORT_COLUMNS.map((c) => c.toUpperCase());
    const csv = answersCsv(header, [row], { yes: "Có", no: "Không" });
    const [head, record, ...rest] = parseCsv(csv.slice(1));
    expect(rest).toEqual([]);
    expect(head).toEqual(header);
    expect(record).toEqual(["1", "van-phong", "Văn phòng Sở", "Đã nộp", "2", "results", "Kết quả, những việc đã làm?", row.answer, row.valueJson, "Không", "2", "Trần Thị Bình", "2024-09-18 10:15", "Có"]);
    expect(JSON.parse(record![8]!)).toEqual(['Hội nghị "Dân chủ ở cơ sở", ngày 05/3', "Tập huấn nghiệp vụ"]);
  });
});
