import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { assembleReport } from "../src/domain/report/assemble-report.ts";
import type { ReportModel } from "../src/domain/report/report-model.ts";
import { templateQuestions } from "../src/domain/template/template-schema.ts";
import { loadBundledTemplate } from "../src/report/bundled-templates.ts";
import { renderReportDocx } from "../src/report/render-docx.ts";
import { sampleReportInput } from "../src/report/sample/sample-report-input.ts";
import { assertWellFormedXml, openDocx, paragraphTexts, tableCells, type DocxParts } from "./support/docx-xml.ts";

const template = loadBundledTemplate("dan-chu-co-so");

/** The raw XML of the first paragraph whose text is exactly `text`. */
function paragraphXml(xml: string, text: string): string {
  for (const match of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) if (paragraphTexts(match[0])[0] === text) return match[0];
  throw new Error(`no paragraph "${text}"`);
}

/** Part names of the section's headers by type ("default", "first"). */
function headerNames(docx: DocxParts): Record<string, string> {
  const document = docx.xml("word/document.xml");
  const rels = docx.xml("word/_rels/document.xml.rels");
  const out: Record<string, string> = {};
  for (const ref of document.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)) {
    out[ref[1]!] = `word/${new RegExp(`Id="${ref[2]}"[^>]*Target="([^"]+)"`).exec(rels)![1]!}`;
  }
  return out;
}

function headerFiles(docx: DocxParts): Record<string, string> {
  return Object.fromEntries(Object.entries(headerNames(docx)).map(([type, name]) => [type, docx.xml(name)]));
}

/** Font size in half-points of a paragraph's runs: explicit, or the document default of 28 (14 pt). */
function sizes(paragraph: string): number[] {
  return [...paragraph.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((run) => Number(/<w:sz w:val="(\d+)"\/>/.exec(run[1]!)?.[1] ?? 28));
}

/** The pPr of a paragraph style in styles.xml. */
function styleOf(docx: DocxParts, paragraph: string): string {
  const id = /<w:pStyle w:val="(\w+)"\/>/.exec(paragraph)?.[1];
  if (!id) throw new Error("paragraph has no style");
  return new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">[\\s\\S]*?</w:style>`).exec(docx.xml("word/styles.xml"))![0];
}

describe("renderReportDocx", () => {
  let model: ReportModel;
  let docx: DocxParts;
  let document: string;
  let paragraphs: string[];

  beforeAll(async () => {
    model = assembleReport(sampleReportInput(template));
    docx = await openDocx(await renderReportDocx(model));
    document = docx.xml("word/document.xml");
    paragraphs = paragraphTexts(document);
  });

  it("is an A4 portrait page with margins 20/20/30/15 mm", () => {
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(document)![1]!;
    expect(margins).toContain('w:top="1134"');
    expect(margins).toContain('w:bottom="1134"');
    expect(margins).toContain('w:left="1701"');
    expect(margins).toContain('w:right="850"');
  });

  it("sets everything in Times New Roman, 14 pt unless said otherwise", () => {
    const styles = docx.xml("word/styles.xml");
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    expect(defaults).toContain('<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/>');
    expect(defaults).toContain('<w:sz w:val="28"/>');
    // Nothing anywhere names another font.
    for (const name of ["word/document.xml", "word/styles.xml", ...Object.values(headerNames(docx))]) {
      for (const fonts of docx.xml(name).matchAll(/<w:rFonts ([^>]*)\/>/g)) {
        for (const value of fonts[1]!.matchAll(/w:\w+="([^"]*)"/g)) expect(value[1], name).toBe("Times New Roman");
      }
    }
    expect(docx.xml("word/document.xml")).not.toMatch(/<w:rFonts /);
  });

  it("opens with the borderless two-column header table", () => {
    const [header] = tableCells(document);
    expect(header).toEqual([
      ["UBND TỈNH HƯNG YÊN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "", "Số:   /BC-SKHCN"],
      ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "", "Hưng Yên, ngày   tháng   năm 2024"],
    ]);
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(document)![0];
    const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(table)![1]!;
    expect([...borders.matchAll(/w:val="(\w+)"/g)].map((m) => m[1])).toEqual(Array(6).fill("none"));
    // Parent agency upright, issuing agency bold, both 13 pt; national title bold 13, motto bold 14.
    expect(paragraphXml(table, "UBND TỈNH HƯNG YÊN")).not.toContain("<w:b/>");
    expect(paragraphXml(table, "UBND TỈNH HƯNG YÊN")).toContain('<w:sz w:val="26"/>');
    expect(paragraphXml(table, "SỞ KHOA HỌC VÀ CÔNG NGHỆ")).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="26"\/>/);
    expect(paragraphXml(table, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="26"\/>/);
    expect(paragraphXml(table, "Độc lập - Tự do - Hạnh phúc")).toContain("<w:b/>");
    expect(sizes(paragraphXml(table, "Độc lập - Tự do - Hạnh phúc"))).toEqual([28]);
    expect(paragraphXml(table, "Hưng Yên, ngày   tháng   năm 2024")).toContain("<w:i/>");
    // The two rules: solid bottom borders on empty paragraphs, the agency's shorter than the motto's.
    const rules = [...table.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pBdr><w:bottom w:val="single"[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    expect(rules).toHaveLength(2);
    const ruleLength = (xml: string, cell: number) => cell - 2 * Number(/w:left="(\d+)"/.exec(xml)![1]);
    const agency = ruleLength(rules[0]!, 4300 - 114);
    const motto = ruleLength(rules[1]!, 5670 - 114);
    expect(agency).toBeGreaterThan(1000);
    expect(agency).toBeLessThan(2200);
    expect(motto).toBeGreaterThan(3000);
    expect(motto).toBeLessThan(3800);
  });

  it("writes a filled date with the leading zeros Nghị định 30 asks for", async () => {
    const input = sampleReportInput(template);
    const filled = assembleReport({ ...input, round: { ...input.round, reportDate: "2024-03-05" } });
    const cells = tableCells((await openDocx(await renderReportDocx(filled))).xml("word/document.xml"))[0]!;
    expect(cells[1]![3]).toBe("Hưng Yên, ngày 05 tháng 3 năm 2024");
  });

  it("has the title, subject and recipients", () => {
    const title = paragraphs.indexOf("BÁO CÁO");
    expect(title).toBeGreaterThan(0);
    expect(paragraphs[title + 1]).toBe("Kết quả thực hiện Quy chế dân chủ ở cơ sở 9 tháng đầu năm, nhiệm vụ trọng tâm Quý IV năm 2024");
    const titleXml = paragraphXml(document, "BÁO CÁO");
    expect(titleXml).toContain('<w:jc w:val="center"/>');
    expect(titleXml).toContain("<w:b/>");
    expect(sizes(titleXml)).toEqual([28]);
    expect(paragraphs).toContain("Kính gửi:\t- Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở;");
    expect(paragraphs).toContain("- Ban Dân vận Tỉnh ủy.");
    expect(paragraphs.find((p) => p.startsWith("Thực hiện Công văn số 09-CV/BCĐ ngày 10/9/2024"))).toBeDefined();
  });

  it("lays out the body justified, 14 pt, first-line indent 1.27 cm, 6 pt apart", () => {
    const body = paragraphXml(document, paragraphs.find((p) => p.startsWith("Sở có trụ sở tại"))!);
    const style = styleOf(docx, body);
    expect(style).toContain('<w:jc w:val="both"/>');
    expect(style).toContain('w:firstLine="720"');
    expect(Number(/w:before="(\d+)"/.exec(style)![1])).toBeGreaterThanOrEqual(120);
    const line = Number(/w:line="(\d+)"/.exec(style)![1]);
    expect(line).toBeGreaterThanOrEqual(240);
    expect(line).toBeLessThanOrEqual(360);
    expect(sizes(body)).toEqual([28]);
    // Contributions (bullets, numbered tasks) are body paragraphs too.
    expect(styleOf(docx, paragraphXml(document, paragraphs.find((p) => p.startsWith("1. Tiếp tục quán triệt"))!))).toBe(style);
  });

  it("prints the section headings in order with generated numbers", () => {
    const headings = [
      "1. Khái quát đặc điểm tình hình",
      "2. Công tác lãnh đạo, chỉ đạo của cấp ủy, tổ chức đảng, chính quyền",
      "a) Việc tổ chức quán triệt, triển khai thực hiện các quan điểm, chủ trương của Đảng, chính sách, pháp luật của Nhà nước về thực hiện dân chủ ở cơ sở",
      "b) Công tác tuyên truyền nâng cao nhận thức của cấp ủy, chính quyền, các tổ chức chính trị - xã hội và của cán bộ, đảng viên, đoàn viên, người lao động về dân chủ và thực hiện dân chủ ở cơ sở",
      "3. Kết quả thực hiện dân chủ ở cơ sở",
      "4. Đánh giá chung",
      "4.1. Những kết quả đạt được và nguyên nhân",
      "a) Những kết quả đạt được",
      "b) Nguyên nhân đạt được",
      "4.2. Những hạn chế, yếu kém và nguyên nhân",
      "5. Nhiệm vụ trọng tâm Quý IV năm 2024",
    ];
    const positions = headings.map((h) => paragraphs.indexOf(h));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Headings: bold through their style, kept with the text that follows.
    const heading = styleOf(docx, paragraphXml(document, headings[0]!));
    expect(heading).toContain("<w:b/>");
    expect(heading).toContain("<w:keepNext/>");
    expect(heading).toContain('<w:basedOn w:val="ReportBody"/>');
  });

  it("numbers pages in the header from page 2 on", () => {
    expect(document).toMatch(/<w:sectPr>[\s\S]*<w:titlePg\/>[\s\S]*<\/w:sectPr>/);
    const headers = headerFiles(docx);
    expect(Object.keys(headers).sort()).toEqual(["default", "first"]);
    expect(headers.default).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(headers.default).toContain('<w:jc w:val="center"/>');
    expect(headers.first).not.toContain("PAGE");
  });

  it("closes with ./., then Nơi nhận beside the signer", () => {
    const closing = paragraphs.findIndex((p) => p.startsWith("Trên đây là báo cáo của Sở Khoa học và Công nghệ"));
    expect(paragraphs[closing]!.endsWith("theo quy định./.")).toBe(true);
    const tables = tableCells(document);
    const signature = tables.find((t) => t[0]![0] === "Nơi nhận:")!;
    expect(signature[0]).toEqual(["Nơi nhận:", "- Như trên;", "- Giám đốc Sở và các Phó Giám đốc Sở;", "- Lưu: VT, VP."]);
    expect(signature[1]!.filter((p) => p !== "")).toEqual(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Thái Kiều Ngân"]);
    const noiNhan = paragraphXml(document, "Nơi nhận:");
    expect(noiNhan).toMatch(/<w:b\/>[\s\S]*<w:i\/>[\s\S]*<w:sz w:val="24"\/>/);
    expect(paragraphXml(document, "- Như trên;")).toContain('<w:sz w:val="22"/>');
    expect(paragraphXml(document, "Nguyễn Thái Kiều Ngân")).toContain("<w:b/>");
    expect(paragraphs.indexOf("Nơi nhận:")).toBeGreaterThan(closing);
  });

  it("appends who submitted and who did not when asked, and by default not", async () => {
    expect(model.showStatusAppendix).toBe(false);
    expect(paragraphs).not.toContain("TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC ĐƠN VỊ");
    const withAppendix = (await openDocx(await renderReportDocx({ ...model, showStatusAppendix: true }))).xml("word/document.xml");
    const tables = tableCells(withAppendix);
    const status = tables.at(-1)!;
    expect(paragraphTexts(withAppendix)).toContain("TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC ĐƠN VỊ");
    expect(status.slice(0, 3).flat()).toEqual(["STT", "Đơn vị", "Tình trạng"]);
    expect(status.flat()).toContain("Chi đoàn Sở");
    expect(status.flat()).toContain("Chưa nộp (chưa bắt đầu)");
    const without = await openDocx(await renderReportDocx({ ...model, showStatusAppendix: false }));
    expect(paragraphTexts(without.xml("word/document.xml"))).not.toContain("TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC ĐƠN VỊ");
  });

  it("every part is well-formed XML", () => {
    for (const name of docx.names.filter((n) => /\.(xml|rels)$/.test(n))) assertWellFormedXml(docx.xml(name), name);
  });
});

describe("hostile text", () => {
  it("control characters, emoji and 10,000 characters still make a valid file", async () => {
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join("") + "\u007F\uFFFE\uFFFF\uDFFF\uD800";
    const long = `${"Nội dung rất dài 😀 ".repeat(600)}`.slice(0, 10_000);
    const nasty = `${controls}<w:p>&amp; "quoted" ]]> 👨‍👩‍👧 ${controls}${long}`;
    // Looser length limits, so the 10,000 characters reach the document.
    const unlimited = structuredClone(template);
    for (const question of templateQuestions(unlimited)) {
      if (question.key === "results" || question.key === "achievements") question.limits = { maxLength: 20_000 };
    }
    const input = sampleReportInput(unlimited);
    const model = assembleReport({
      ...input,
      organisation: { ...input.organisation, name: `Sở${controls}`, signerName: `Tên\u0000 😀`, profileText: nasty },
      units: input.units.map((u) => ({ ...u, name: `${u.name}\u0007` })),
      submissions: input.submissions.map((s) =>
        s.unitId === 1 ? { ...s, answers: { ...s.answers, results: { value: [nasty, `\u0001${long}`], skipped: false }, achievements: { value: nasty, skipped: false } } } : s,
      ),
      round: { ...input.round, requestDocument: `Công văn\u0003 ${controls}` },
    }, { attribution: true });
    expect(model.warnings).toEqual([]);
    const bytes = await renderReportDocx(model);
    const docx = await openDocx(bytes);
    for (const name of docx.names.filter((n) => /\.(xml|rels)$/.test(n))) assertWellFormedXml(docx.xml(name), name);
    const text = paragraphTexts(docx.xml("word/document.xml")).join("\n");
    // Markup typed by a user stays text.
    expect(text).toContain('<w:p>&amp; "quoted" ]]> 👨‍👩‍👧');
    expect(text).toContain(long.trim().slice(0, 2000));
    expect(text.length).toBeGreaterThan(30_000);
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(text).toContain("Tên 😀");
  });
});

const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((path) => existsSync(path));

// .ci/run installs LibreOffice and sets REQUIRE_LIBREOFFICE, so there the test runs or fails, never skips.
it.runIf(process.env.REQUIRE_LIBREOFFICE === "1")("LibreOffice is installed where it is required", () => {
  expect(soffice, "soffice (apt-get install libreoffice-writer-nogui)").toBeDefined();
});

describe.skipIf(!soffice)("LibreOffice", () => {
  it("opens the sample and converts it to PDF", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tonghop-docx-"));
    try {
      writeFileSync(join(dir, "sample.docx"), await renderReportDocx(assembleReport(sampleReportInput(template))));
      execFileSync(soffice!, ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "pdf", "--outdir", dir, join(dir, "sample.docx")], {
        stdio: "ignore",
        timeout: 60_000,
      });
      const pdf = readFileSync(join(dir, "sample.pdf"));
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      // Several pages of body (the status appendix is off by default).
      expect((pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
