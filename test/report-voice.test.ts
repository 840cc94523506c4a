import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assembleReport } from "../src/domain/report/assemble-report.ts";
import type { ReportInput, SubmissionInfo, UnitInfo } from "../src/domain/report/report-input.ts";
import type { ReportBlock, ReportSection } from "../src/domain/report/report-model.ts";
import { saysNothing } from "../src/domain/report/says-nothing.ts";
import { parseRequestDocumentParts } from "../src/domain/round-input.ts";
import { parseTemplateYaml } from "../src/domain/template/load-template.ts";
import { loadBundledTemplate } from "../src/report/bundled-templates.ts";
import { renderReportDocx } from "../src/report/render-docx.ts";
import { SAMPLE_ORGANISATION, SAMPLE_ROUND, SAMPLE_SUBMISSIONS, SAMPLE_UNITS, sampleReportInput } from "../src/report/sample/sample-report-input.ts";
import { openDocx, paragraphTexts } from "./support/docx-xml.ts";
import { fuzzParameters } from "./support/fuzz-runs.ts";

const text = (b: ReportBlock) =>
  b.kind === "placeholder" ? `[${b.text}]` : `${b.kind === "bullet" ? "- " : b.kind === "numbered" ? `${b.number}. ` : ""}${b.text}${b.attribution ? ` (${b.attribution})` : ""}${b.ending}`;

function section(sections: readonly ReportSection[], key: string): ReportSection {
  for (const s of sections) {
    if (s.key === key) return s;
    try {
      return section(s.children, key);
    } catch {
      // look further
    }
  }
  throw new Error(`no section ${key}`);
}

const sample = () => assembleReport(sampleReportInput(loadBundledTemplate()));
const blocksOf = (key: string, model = sample()) => section(model.sections, key).blocks.map(text);
const unitNames = SAMPLE_UNITS.map((u) => u.name);

describe("the default template compiled from the sample speaks as the agency", () => {
  it("section 3 has seven points, none of them a unit's own sentence", () => {
    const results = blocksOf("results");
    expect(results).toHaveLength(7);
    for (const line of results) {
      // The trade union's point is its own activity; every other point names no unit.
      if (line.startsWith("- Ban Chấp hành Công đoàn")) continue;
      for (const name of unitNames) expect(line, name).not.toContain(name);
    }
    expect(results[0]).toMatch(/^- Thực hiện Quyết định số 346\/QĐ-TTg .*cơ quan Sở và các đơn vị trực thuộc đã xây dựng, ban hành và thực hiện Quy chế/);
    // Choices merged once each, in the template's order, joined to the regulation point.
    expect(results[1]).toContain(
      "Sở thực hiện tốt việc công khai các nội dung công chức, viên chức, người lao động được biết như: việc tuyển dụng, nâng bậc lương, nâng ngạch, đề bạt, bổ nhiệm cán bộ, đánh giá, phân loại, khen thưởng, kỷ luật, kế hoạch đào tạo, bồi dưỡng, kế hoạch tài chính, quy chế chi tiêu nội bộ, các chế độ",
    );
    expect(results[1]).toContain("Thông tin được công khai qua: họp giao ban định kỳ, niêm yết tại trụ sở, cổng thông tin điện tử, hệ thống quản lý văn bản và điều hành, thư điện tử công vụ;");
    // The office's "Không" is no answer; the inspectorate's officer makes the count "some", worded as the agency.
    expect(results[2]).toBe(
      "- Sở đã cử công chức phụ trách công tác tiếp công dân theo quy định. Trong kỳ báo cáo, tính đến hiện tại, Sở không nhận được đơn thư khiếu nại, tố cáo của tổ chức, cá nhân trong thực hiện nhiệm vụ chuyên môn thuộc phạm vi chức năng quản lý nhà nước của Sở; đoàn kết nội bộ, không có đơn thư tố cáo của công chức, viên chức, người lao động;",
    );
    expect(results[3]).toMatch(/^- Cơ quan Sở và các đơn vị trực thuộc đã tổ chức Hội nghị .* 1\/2 đơn vị sự nghiệp trực thuộc đã tổ chức đối thoại/);
    // Two units gave the same point in their own spelling: it is written once.
    expect(results.filter((line) => /Đề án Văn hóa công vụ/i.test(line))).toHaveLength(1);
  });

  it("keeps the self-assessments and the conference dates out of the report text", () => {
    const all = JSON.stringify(sample().sections);
    expect(all).not.toMatch(/tự đánh giá/i);
    expect(all).not.toContain("12/01/2024");
    expect(blocksOf("achievements")).toHaveLength(1);
  });

  it("merges several units' points into one, and drops answers that only say 'Không'", () => {
    const awareness = blocksOf("awareness");
    expect(awareness).toHaveLength(3);
    expect(awareness[1]).toMatch(/^- Đăng tải .*\. Tuyên truyền pháp luật về khiếu nại.*\. Đẩy mạnh tuyên truyền.*\. Tuyên truyền Luật.*\. Đa dạng nội dung.*;$/);
    expect(blocksOf("shortcomings")).toEqual(["Việc nắm tình hình tư tưởng của công chức, viên chức, nhất là các vấn đề mới nảy sinh, có lúc chưa kịp thời."]);
    expect(blocksOf("causes")).toHaveLength(3);
    expect(blocksOf("dissemination")).toHaveLength(1);
  });

  it("puts the year-end review last among the tasks, and the same task once", () => {
    const tasks = blocksOf("next_tasks");
    expect(tasks).toHaveLength(7);
    expect(tasks.at(-1)).toBe("7. Tổ chức tổng kết, đánh giá, báo cáo kết quả thực hiện Quy chế dân chủ ở cơ sở năm 2024.");
    expect(tasks.filter((t) => t.includes("Tiếp tục quán triệt"))).toHaveLength(1);
  });

  it("has no appendix unless asked, and says who gave what when the office asks for attribution", async () => {
    expect(sample().showStatusAppendix).toBe(false);
    const paragraphs = paragraphTexts((await openDocx(await renderReportDocx(sample()))).xml("word/document.xml"));
    expect(paragraphs.join("\n")).not.toContain("PHỤ LỤC");
    const attributed = assembleReport(sampleReportInput(loadBundledTemplate()), { attribution: true, statusAppendix: true });
    expect(attributed.showStatusAppendix).toBe(true);
    const tasks = blocksOf("next_tasks", attributed);
    expect(tasks.at(-1)).toContain("(Văn phòng Sở, Trung tâm Ứng dụng tiến bộ khoa học và công nghệ)");
    // The office's "Không" is not counted; the sum joined to it lists every unit's figure.
    expect(blocksOf("results", attributed)[2]).toContain("(Thanh tra Sở; Văn phòng Sở: 0; Thanh tra Sở: 0; Phòng Quản lý khoa học: 0);");
  });

  it("writes period words capitalised in headings and the subject, lower case in running text", () => {
    const model = sample();
    expect(model.subject).toBe("Kết quả thực hiện Quy chế dân chủ ở cơ sở 9 tháng đầu năm, nhiệm vụ trọng tâm Quý IV năm 2024");
    expect(model.preamble).toMatch(/nhiệm vụ trọng tâm quý IV năm 2024 như sau:$/);
    expect(section(model.sections, "next_tasks").heading).toBe("Nhiệm vụ trọng tâm Quý IV năm 2024");
  });

  it("sets 2 a)/b) plain and 4.1 a)/b) bold upright, other headings bold", async () => {
    const model = sample();
    expect(["dissemination", "awareness", "achievements", "causes", "results"].map((k) => section(model.sections, k).headingStyle)).toEqual(["plain", "plain", "bold", "bold", "bold"]);
    const xml = (await openDocx(await renderReportDocx(model))).xml("word/document.xml");
    const heading = (start: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => paragraphTexts(p)[0]!.startsWith(start))!;
    expect(heading("a) Việc tổ chức")).toContain('<w:b w:val="false"/>');
    expect(heading("a) Việc tổ chức")).not.toMatch(/<w:i\/>|<w:i w:val="true"\/>/);
    expect(heading("a) Những kết quả")).toMatch(/<w:b\/>|<w:b w:val="true"\/>/);
    expect(heading("a) Những kết quả")).not.toMatch(/<w:i\/>/);
  });

  it("takes heading styles from the template by numbering, a section's own style winning", () => {
    const template = loadBundledTemplate();
    const styled = { ...template, layout: { ...template.layout, headingStyles: { alpha: "italic" as const, decimal: "plain" as const } } };
    const model = assembleReport({ ...sampleReportInput(template), template: styled });
    expect(["overview", "dissemination", "achievements", "achievements_and_causes"].map((k) => section(model.sections, k).headingStyle)).toEqual(["plain", "plain", "bold", "bold"]);
    const plainTemplate = { ...template, sections: template.sections.map((s) => ({ ...s, children: s.children.map((c) => ({ ...c, headingStyle: undefined })) })) };
    expect(section(assembleReport({ ...sampleReportInput(template), template: plainTemplate }).sections, "dissemination").headingStyle).toBe("bold-italic");
  });

  it("prints 'Lưu: VT, VP' with the drafter's initials raised", async () => {
    const model = assembleReport(sampleReportInput(loadBundledTemplate()), { drafterInitials: "Tr" });
    expect(model.distribution.at(-1)).toEqual({ text: "- Lưu: VT, VP", superscript: "Tr", ending: "." });
    const xml = (await openDocx(await renderReportDocx(model))).xml("word/document.xml");
    expect(xml).toMatch(/<w:vertAlign w:val="superscript"\/>[\s\S]{0,80}<w:t xml:space="preserve">Tr<\/w:t>|<w:vertAlign w:val="superscript"\/><\/w:rPr><w:t[^>]*>Tr<\/w:t>/);
    const without = assembleReport(sampleReportInput(loadBundledTemplate()));
    expect(without.distribution.at(-1)).toEqual({ text: "- Lưu: VT, VP", superscript: null, ending: "." });
    const noUnit = assembleReport({ ...sampleReportInput(loadBundledTemplate()), organisation: { ...SAMPLE_ORGANISATION, drafterUnit: "" } });
    expect(noUnit.distribution.at(-1)).toEqual({ text: "- Lưu: VT", superscript: null, ending: "." });
  });

  it("uses the short name for running text where the template says {orgShort}, the full one for {org}", () => {
    const model = sample();
    expect(model.preamble).toContain("Sở Khoa học và Công nghệ báo cáo");
    expect(blocksOf("results")[2]).toMatch(/^- Sở đã cử/);
    const noShort = assembleReport({ ...sampleReportInput(loadBundledTemplate()), organisation: { ...SAMPLE_ORGANISATION, shortForm: "" } });
    expect(blocksOf("results", noShort)[2]).toMatch(/^- Sở Khoa học và Công nghệ đã cử/);
  });
});

describe("the preamble says the request's subject once", () => {
  const withRequest = (requestDocument: string) =>
    assembleReport({ ...sampleReportInput(loadBundledTemplate()), round: { ...SAMPLE_ROUND, requestDocument } }).preamble;

  it("leaves out the template's 'về việc …' when the request document carries its own subject", () => {
    const preamble = withRequest("Công văn số 215/BDVTU-CQ ngày 12/9/2024 của Ban Dân vận Tỉnh ủy về việc báo cáo kết quả thực hiện dân chủ ở cơ sở 9 tháng đầu năm 2024");
    expect(preamble).toBe(
      "Thực hiện Công văn số 215/BDVTU-CQ ngày 12/9/2024 của Ban Dân vận Tỉnh ủy về việc báo cáo kết quả thực hiện dân chủ ở cơ sở 9 tháng đầu năm 2024. Căn cứ chức năng, nhiệm vụ được giao, Sở Khoa học và Công nghệ báo cáo kết quả thực hiện dân chủ ở cơ sở 9 tháng đầu năm, nhiệm vụ trọng tâm quý IV năm 2024 như sau:",
    );
    expect(preamble.match(/về việc/g)).toHaveLength(1);
    expect(withRequest("Công văn số 215/BDVTU-CQ ngày 12/9/2024 của Ban Dân vận Tỉnh ủy V/v báo cáo kết quả 9 tháng").match(/về việc/g)).toHaveLength(1);
  });

  it("keeps the template's subject when the request names none; an issuer with 'về' in its name stays whole", () => {
    const preamble = withRequest("Công văn số 09-CV/BCĐ ngày 10/9/2024 của Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở");
    expect(preamble).toMatch(/^Thực hiện Công văn số 09-CV\/BCĐ ngày 10\/9\/2024 của Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở về việc báo cáo kết quả thực hiện dân chủ ở cơ sở 9 tháng đầu năm 2024\. Căn cứ/);
  });

  it("parses the request document into number, date, issuer and subject", () => {
    expect(parseRequestDocumentParts("Công văn số 215/BDVTU-CQ ngày 12/9/2024 của Ban Dân vận Tỉnh ủy về việc báo cáo kết quả thực hiện dân chủ ở cơ sở")).toEqual({
      text: "Công văn số 215/BDVTU-CQ ngày 12/9/2024 của Ban Dân vận Tỉnh ủy về việc báo cáo kết quả thực hiện dân chủ ở cơ sở",
      kind: "Công văn",
      number: "215/BDVTU-CQ",
      date: "2024-09-12",
      issuer: "Ban Dân vận Tỉnh ủy",
      subject: "về việc báo cáo kết quả thực hiện dân chủ ở cơ sở",
    });
    expect(parseRequestDocumentParts("Kế hoạch số 01/KH-BCĐ ngày 10/9/2024 của Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở")).toMatchObject({
      kind: "Kế hoạch",
      issuer: "Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở",
      subject: null,
    });
    expect(parseRequestDocumentParts("Công văn của Sở Nội vụ")).toMatchObject({ kind: null, number: null, date: null, issuer: "Sở Nội vụ", subject: null });
  });
});

describe("answers that say there is nothing to report", () => {
  it("are recognised in their usual forms, and a real sentence is not", () => {
    for (const text of ["Không", "không.", "Không có", "KHÔNG CÓ.", "chưa có", "- Không có;", "Không có ý kiến", "n/a", "—"]) expect(saysNothing(text), text).toBe(true);
    for (const text of ["Không có hạn chế đáng kể", "Không nhận được đơn thư nào", "Có"]) expect(saysNothing(text), text).toBe(false);
  });

  it("'Không' after another unit's point is not printed as a paragraph; alone, the section shows its placeholder", () => {
    const model = sample();
    expect(blocksOf("shortcomings", model).join(" ")).not.toMatch(/Không\.|Không có/);
    const onlyNothing: SubmissionInfo[] = SAMPLE_SUBMISSIONS.map((s) => ({ ...s, answers: { ...s.answers, shortcomings: { value: "Không có.", skipped: false } } }));
    const empty = assembleReport({ ...sampleReportInput(loadBundledTemplate()), submissions: onlyNothing });
    expect(section(empty.sections, "shortcomings").blocks).toEqual([{ kind: "placeholder", text: "[Chưa có đơn vị nào báo cáo nội dung này]" }]);
  });
});

describe("figures, counts and statements of a new report type", () => {
  const template = loadBundledTemplate("cai-cach-hanh-chinh");
  const units: UnitInfo[] = [
    { id: 1, name: "Văn phòng Sở", kind: "office", order: 1 },
    ...[2, 3, 4, 5].map((id) => ({ id, name: `Phòng ${id}`, kind: "department", order: id })),
    { id: 6, name: "Trung tâm", kind: "affiliated", order: 6 },
  ];
  const a = (value: unknown) => ({ value, skipped: false });
  const input = (answers: Record<number, Record<string, unknown>>): ReportInput => ({
    organisation: SAMPLE_ORGANISATION,
    round: { period: { kind: "QUARTER", year: 2025, number: 3 }, requestDocument: null, recipients: [], reportDate: null, deadline: null },
    template,
    units,
    // Only the units given answers have submitted.
    submissions: units
      .filter((u) => answers[u.id])
      .map((u) => ({ unitId: u.id, status: "SUBMITTED", answers: Object.fromEntries(Object.entries(answers[u.id]!).map(([k, v]) => [k, a(v)])) })),
  });

  it("prints the share settled on time with both totals, Vietnamese style", () => {
    const model = assembleReport(
      input({
        1: { tthc_tiep_nhan: 1200, tthc_dung_han: 1194, tthc_truc_tuyen: 900, dvc_toan_trinh: true },
        2: { dvc_toan_trinh: true },
        3: { dvc_toan_trinh: true },
        4: { dvc_toan_trinh: false },
        5: { dvc_toan_trinh: true },
        6: { tthc_tiep_nhan: 60, tthc_dung_han: 58, tthc_truc_tuyen: 45, dvc_toan_trinh: true },
      }),
    );
    expect(blocksOf("procedures", model)).toEqual([
      "Tổng số hồ sơ thủ tục hành chính tiếp nhận: 1.260, giải quyết đúng hạn 1.252 (đạt 99,37%); tiếp nhận trực tuyến 945 hồ sơ (75%).",
    ]);
    expect(blocksOf("digital", model)).toEqual(["- 5/6 đơn vị đã cung cấp dịch vụ công trực tuyến toàn trình."]);
    expect(section(model.sections, "direction").number).toBe("I.");
    expect(section(model.sections, "procedures").number).toBe("2.");
  });

  it("words a zero total by its case instead of dividing by zero, and counts all and none", () => {
    const model = assembleReport(input({ 1: { tthc_tiep_nhan: 0, tthc_dung_han: 0, tthc_truc_tuyen: 0, dvc_toan_trinh: false }, 6: { tthc_tiep_nhan: 0, tthc_dung_han: 0, tthc_truc_tuyen: 0, dvc_toan_trinh: false } }));
    expect(blocksOf("procedures", model)).toEqual(["Trong quý III, Sở không tiếp nhận hồ sơ thủ tục hành chính nào."]);
    expect(blocksOf("digital", model)).toEqual(["- Các đơn vị chưa cung cấp dịch vụ công trực tuyến toàn trình."]);
    const all = assembleReport(input({ 1: { dvc_toan_trinh: true }, 2: { dvc_toan_trinh: true } }));
    expect(blocksOf("digital", all)).toEqual(["- Tất cả 2 đơn vị đã cung cấp dịch vụ công trực tuyến toàn trình."]);
  });

  it("a yes/no answer is counted once, not one sentence per unit naming the unit twice", () => {
    const model = assembleReport(input({ 1: { dvc_toan_trinh: true }, 2: { dvc_toan_trinh: false } }), { attribution: true });
    expect(blocksOf("digital", model)).toEqual(["- 1/2 đơn vị đã cung cấp dịch vụ công trực tuyến toàn trình (Có: Văn phòng Sở; Không: Phòng 2)."]);
  });
});

describe("suggested items and their order", () => {
  const template = parseTemplateYaml(`key: t
version: 1
name: T
subject: S
preamble: P
closing: C./.
sections:
  - key: tasks
    heading: Nhiệm vụ
    content:
      type: questions
      merge: { style: numbered, order: options }
      questions:
        - key: tasks
          type: list
          required: true
          unitKinds: [department]
          options:
            - { key: first, order: first, label: "Quán triệt văn bản mới" }
            - { key: plain, label: "Cải cách hành chính" }
            - { key: review, order: last, label: "Tổng kết năm {year}" }
          prompt: Nhiệm vụ?
          help: Mỗi dòng một nhiệm vụ.
`);
  it("puts first and last items where the template says and the rest in option order, then unit order", () => {
    const units: UnitInfo[] = [1, 2].map((id) => ({ id, name: `Đơn vị ${id}`, kind: "department", order: id }));
    const model = assembleReport({
      organisation: SAMPLE_ORGANISATION,
      round: { ...SAMPLE_ROUND, requestDocument: null },
      template,
      units,
      submissions: [
        { unitId: 1, status: "SUBMITTED", answers: { tasks: { value: ["Tổng kết năm 2024", "Việc riêng A", "cải cách hành chính."], skipped: false } } },
        { unitId: 2, status: "SUBMITTED", answers: { tasks: { value: ["Việc riêng B", "QUÁN TRIỆT VĂN BẢN MỚI;"], skipped: false } } },
      ],
    });
    expect(blocksOf("tasks", model)).toEqual(["1. Quán triệt văn bản mới.", "2. Cải cách hành chính.", "3. Việc riêng A.", "4. Việc riêng B.", "5. Tổng kết năm 2024."]);
  });
});

describe("the same item from several units", () => {
  it("is recognised through case, marks, accents and tone placement, and long paragraphs through case and final marks", async () => {
    const { itemIdentity } = await import("../src/domain/report/merge-question.ts");
    expect(itemIdentity("- Văn hóa công vụ;")).toBe(itemIdentity("văn hoá công vụ."));
    expect(itemIdentity("1. Duy trì giao ban")).toBe(itemIdentity("Duy trì  giao ban!"));
    expect(itemIdentity("Giao ban")).not.toBe(itemIdentity("Giao ban tháng"));
    const long = `Triển khai ${"nội dung ".repeat(40)}đến toàn thể công chức`;
    expect(itemIdentity(`${long}.`)).toBe(itemIdentity(long.toUpperCase()));
    expect(itemIdentity(long)).not.toBe(itemIdentity(`${long} và viên chức`));
  });

  it("folds a short item as the plain definition does: no marks, lower case, đ as d, one space between letters and digits", async () => {
    const { itemIdentity } = await import("../src/domain/report/merge-question.ts");
    // The definition the loop implements, with regular expressions.
    const byDefinition = (text: string) =>
      text
        .replace(/^\s*(?:[-–—•+*]|\d{1,3}[.)]|[a-zđ]\))\s+/u, "")
        .normalize("NFD")
        .toLowerCase()
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/đ/g, "d")
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim();
    expect(itemIdentity("Đ. Ⅻ ٣ 😀 ﬁ İ ß")).toBe(byDefinition("Đ. Ⅻ ٣ 😀 ﬁ İ ß"));
    const pieces = ["a", "Ă", "ệ", "Đ", "đ", " ", "\t", "\n", ".", ";", "- ", "1. ", ")", "😀", "\u0301", "Ⅻ", "٣", "ǅ", "İ", "ß", "ﬁ", "—", "•", "\u00A0", "Σ", "𝒜"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join("");
        expect(itemIdentity(text)).toBe(byDefinition(text));
      }),
      fuzzParameters(2_000, 2_000),
    );
  });
});
