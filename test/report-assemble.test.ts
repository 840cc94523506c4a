import { describe, expect, it } from "vitest";
import { assembleReport, EMPTY_SECTION_PLACEHOLDER } from "../src/domain/report/assemble-report.ts";
import { formatDocumentDate, placeAndDateLine } from "../src/domain/report/document-date.ts";
import { drafterInitialsOf } from "../src/domain/report/drafter-initials.ts";
import type { OrganisationInfo, ReportInput, RoundInfo, SubmissionInfo, UnitInfo } from "../src/domain/report/report-input.ts";
import type { ReportBlock, ReportSection } from "../src/domain/report/report-model.ts";
import { parseTemplateYaml } from "../src/domain/template/load-template.ts";
import { loadBundledTemplate } from "../src/report/bundled-templates.ts";
import { sampleReportInput } from "../src/report/sample/sample-report-input.ts";

const TEMPLATE = parseTemplateYaml(`
key: test-report
version: 1
name: { vi: Thử, en: Test }
subject: Kết quả {periodShort}, nhiệm vụ trọng tâm {nextPeriod}
preamble: Thực hiện {requestDocument}, {org} báo cáo như sau
preambleWithoutRequest: "{org} báo cáo như sau"
closing: Kính gửi {recipients} tổng hợp./.
recipients: [Ban A, Ban B]
distribution: [Như trên, "Lưu: VT"]
sections:
  - key: notes
    heading: { vi: Tình hình chung, en: Notes }
    content:
      type: questions
      questions:
        - { key: notes, type: long_text, required: false, unitKinds: [department, affiliated], prompt: { vi: a, en: a }, help: { vi: a, en: a } }
  - key: results
    heading: { vi: Kết quả, en: Results }
    content:
      type: questions
      merge: { style: bullets }
      questions:
        - { key: results, type: list, required: true, unitKinds: [department, affiliated], prompt: { vi: a, en: a }, help: { vi: a, en: a } }
        - key: complaints
          type: number
          required: true
          unitKinds: [department]
          prompt: { vi: a, en: a }
          help: { vi: a, en: a }
          merge:
            style: sum
            as: bullet
            zero: Trong kỳ báo cáo, {org} không nhận được đơn thư khiếu nại, tố cáo
            other: Trong kỳ báo cáo, {org} nhận được {sum} đơn thư khiếu nại, tố cáo
        - key: union
          type: long_text
          required: true
          unitKinds: [trade_union]
          prompt: { vi: a, en: a }
          help: { vi: a, en: a }
  - key: proposals
    omitWhenEmpty: true
    heading: { vi: Đề xuất, en: Proposals }
    content:
      type: questions
      questions:
        - { key: proposals, type: list, required: false, unitKinds: [department], prompt: { vi: a, en: a }, help: { vi: a, en: a } }
  - key: assessment
    heading: { vi: Đánh giá, en: Assessment }
    children:
      - key: good
        numbering: outline
        heading: { vi: Ưu điểm, en: Good }
        children:
          - key: rating
            heading: { vi: Tự đánh giá, en: Rating }
            content:
              type: questions
              questions:
                - key: rating
                  type: single_choice
                  required: false
                  unitKinds: [department]
                  format: "{unit} tự đánh giá: {value}"
                  options: [{ key: good, label: { vi: tốt, en: good } }, { key: fair, label: { vi: khá, en: fair } }]
                  prompt: { vi: a, en: a }
                  help: { vi: a, en: a }
                - key: held
                  type: yes_no
                  required: false
                  unitKinds: [affiliated]
                  yesText: "{unit} đã tổ chức hội nghị"
                  noText: "{unit} chưa tổ chức hội nghị"
                  prompt: { vi: a, en: a }
                  help: { vi: a, en: a }
      - key: bad
        numbering: outline
        heading: { vi: Hạn chế, en: Bad }
        content: { type: text, text: "Không có hạn chế đáng kể trong {periodWithoutYear}.\\n{nextPeriod} tiếp tục theo dõi." }
  - key: tasks
    heading: { vi: "Nhiệm vụ trọng tâm {nextPeriod}", en: Tasks }
    content:
      type: questions
      merge: { style: numbered }
      questions:
        - { key: tasks, type: list, required: true, unitKinds: [department, affiliated, trade_union], prompt: { vi: a, en: a }, help: { vi: a, en: a } }
`);

const ORG: OrganisationInfo = {
  name: "Sở Khoa học và Công nghệ",
  shortName: "Sở Khoa học và Công nghệ",
  parentName: "UBND tỉnh Hưng Yên",
  symbol: "SKHCN",
  place: "Hưng Yên",
  signerAuthority: "KT. Giám đốc",
  signerTitle: "Phó Giám đốc",
  signerName: "Nguyễn Văn A",
  recipients: ["Ban Tổ chức"],
  distribution: [],
  profileText: "",
};

const ROUND: RoundInfo = {
  period: { kind: "NINE_MONTHS", year: 2024, number: 1 },
  requestDocument: "Công văn số 09-CV/BCĐ ngày 10/9/2024",
  recipients: [],
  reportDate: null,
  deadline: "2024-09-20",
};

// Given out of order on purpose: the report follows `order`.
const UNITS: UnitInfo[] = [
  { id: 30, name: "Công đoàn Sở", kind: "trade_union", order: 9 },
  { id: 20, name: "Phòng Quản lý khoa học", kind: "department", order: 2 },
  { id: 10, name: "Văn phòng Sở", kind: "department", order: 1 },
  { id: 40, name: "Trung tâm Ứng dụng", kind: "affiliated", order: 5 },
  { id: 50, name: "Chi đoàn", kind: "youth_union", order: 10 },
];

const a = (value: unknown) => ({ value, skipped: false });

function submissions(overrides: Partial<Record<number, Partial<SubmissionInfo>>> = {}): SubmissionInfo[] {
  const base: SubmissionInfo[] = [
    {
      unitId: 10,
      status: "SUBMITTED",
      answers: {
        notes: a("Dòng một\n\nDòng hai"),
        results: a(["- Kết quả A1;", "Kết quả A2."]),
        complaints: a(0),
        rating: a("good"),
        tasks: a(["Nhiệm vụ VP 1", "Nhiệm vụ VP 2"]),
      },
    },
    {
      unitId: 20,
      status: "ACCEPTED",
      answers: { results: a(["Kết quả B1"]), complaints: a(0), proposals: { value: null, skipped: true }, tasks: a(["Nhiệm vụ QLKH"]) },
    },
    { unitId: 30, status: "SUBMITTED", answers: { union: a("Công đoàn phối hợp tuyên truyền"), tasks: a(["Nhiệm vụ CĐ"]) } },
    { unitId: 40, status: "IN_PROGRESS", answers: { results: a(["Kết quả nháp"]), held: a(true), tasks: a(["Nhiệm vụ TT"]) } },
  ];
  return base.map((s) => ({ ...s, ...overrides[s.unitId] }));
}

function input(subs = submissions(), round: Partial<RoundInfo> = {}, org: Partial<OrganisationInfo> = {}): ReportInput {
  return { organisation: { ...ORG, ...org }, round: { ...ROUND, ...round }, template: TEMPLATE, units: UNITS, submissions: subs };
}

const byKey = (sections: ReportSection[], key: string): ReportSection => {
  for (const s of sections) {
    if (s.key === key) return s;
    const found = s.children.length ? byKeyOrNull(s.children, key) : null;
    if (found) return found;
  }
  throw new Error(`no section ${key}`);
};
const byKeyOrNull = (sections: ReportSection[], key: string): ReportSection | null => {
  try {
    return byKey(sections, key);
  } catch {
    return null;
  }
};
const texts = (blocks: ReportBlock[]) =>
  blocks.map((b) =>
    b.kind === "placeholder"
      ? `[${b.text}]`
      : `${b.kind === "bullet" ? "- " : b.kind === "numbered" ? `${b.number}. ` : ""}${b.text}${b.attribution ? ` (${b.attribution})` : ""}${b.ending}`,
  );
const line = (l: { text: string; superscript: string | null; ending: string }) => `${l.text}${l.superscript ? `^${l.superscript}` : ""}${l.ending}`;
const outline = (sections: ReportSection[]): string[] =>
  sections.flatMap((s) => [`${s.number} ${s.heading}`.trim(), ...outline(s.children)]);

describe("assembleReport", () => {
  it("merges bullets in unit order, ends the run with '.', and words a zero sum", () => {
    const model = assembleReport(input());
    expect(texts(byKey(model.sections, "results").blocks)).toEqual([
      "- Kết quả A1;",
      "- Kết quả A2;",
      "- Kết quả B1;",
      "- Trong kỳ báo cáo, Sở Khoa học và Công nghệ không nhận được đơn thư khiếu nại, tố cáo;",
      "- Công đoàn phối hợp tuyên truyền.",
    ]);
  });

  it("sums numbers across units with the other wording", () => {
    const model = assembleReport(
      input(submissions({ 10: { answers: { complaints: a(2), results: a(["x"]) } }, 20: { answers: { complaints: a(1.5) } } })),
    );
    expect(texts(byKey(model.sections, "results").blocks)).toContain(
      "- Trong kỳ báo cáo, Sở Khoa học và Công nghệ nhận được 3,5 đơn thư khiếu nại, tố cáo;",
    );
  });

  it("numbers the next-period tasks across units with no gaps", () => {
    const model = assembleReport(input());
    expect(texts(byKey(model.sections, "tasks").blocks)).toEqual([
      "1. Nhiệm vụ VP 1.",
      "2. Nhiệm vụ VP 2.",
      "3. Nhiệm vụ QLKH.",
      "4. Nhiệm vụ CĐ.",
    ]);
    const withDrafts = assembleReport(input(), { includeDrafts: true });
    expect(texts(byKey(withDrafts.sections, "tasks").blocks).map((t) => t.slice(0, 3))).toEqual(["1. ", "2. ", "3. ", "4. ", "5. "]);
    expect(texts(byKey(withDrafts.sections, "tasks").blocks)[3]).toBe("4. Nhiệm vụ TT.");
  });

  it("generates section numbers, leaving out empty optional sections without a gap", () => {
    const model = assembleReport(input());
    expect(outline(model.sections)).toEqual([
      "1. Tình hình chung",
      "2. Kết quả",
      "3. Đánh giá",
      "3.1. Ưu điểm",
      "a) Tự đánh giá",
      "3.2. Hạn chế",
      "4. Nhiệm vụ trọng tâm Quý IV năm 2024",
    ]);
    const withProposal = assembleReport(input(submissions({ 20: { answers: { proposals: a(["Bổ sung kinh phí"]) } } })));
    expect(outline(withProposal.sections).filter((h) => /^\d\. /.test(h))).toEqual([
      "1. Tình hình chung",
      "2. Kết quả",
      "3. Đề xuất",
      "4. Đánh giá",
      "5. Nhiệm vụ trọng tâm Quý IV năm 2024",
    ]);
  });

  it("numbers the default template like the reference report", () => {
    const model = assembleReport(sampleReportInput(loadBundledTemplate("dan-chu-co-so")));
    expect(outline(model.sections).map((h) => h.split(" ")[0])).toEqual(["1.", "2.", "a)", "b)", "3.", "4.", "4.1.", "a)", "b)", "4.2.", "5."]);
  });

  it("shows a placeholder where nobody answered, and for an empty profile", () => {
    const nobody = submissions().map((s) => ({ ...s, status: "NOT_STARTED" as const }));
    const model = assembleReport(input(nobody));
    expect(texts(byKey(model.sections, "results").blocks)).toEqual([`[${EMPTY_SECTION_PLACEHOLDER}]`]);
    expect(texts(byKey(model.sections, "tasks").blocks)).toEqual([`[${EMPTY_SECTION_PLACEHOLDER}]`]);
    expect(byKey(model.sections, "rating").blocks[0]!.kind).toBe("placeholder");
    // Fixed text needs no answers.
    // A fixed text's paragraph begins with a capital, like any other, even when a period word starts it.
    expect(texts(byKey(model.sections, "bad").blocks)).toEqual(["Không có hạn chế đáng kể trong 9 tháng đầu năm.", "Quý IV năm 2024 tiếp tục theo dõi."]);
    expect(model.sections.map((s) => s.key)).not.toContain("proposals");

    const profile = assembleReport(sampleReportInput(loadBundledTemplate()));
    expect(profile.sections[0]!.blocks.length).toBe(5);
    const noProfile = assembleReport({ ...sampleReportInput(loadBundledTemplate()), organisation: { ...ORG, profileText: " \n " } });
    expect(noProfile.sections[0]!.blocks[0]!.kind).toBe("placeholder");
  });

  it("attributes each contribution to its unit only when asked", () => {
    const off = assembleReport(input());
    expect(texts(byKey(off.sections, "results").blocks).join("\n")).not.toContain("(Văn phòng Sở)");
    const on = assembleReport(input(), { attribution: true });
    const results = texts(byKey(on.sections, "results").blocks);
    expect(results[0]).toBe("- Kết quả A1 (Văn phòng Sở);");
    expect(results[2]).toBe("- Kết quả B1 (Phòng Quản lý khoa học);");
    expect(results[3]).toContain("(Văn phòng Sở: 0; Phòng Quản lý khoa học: 0)");
    expect(texts(byKey(on.sections, "rating").blocks)).toEqual(["Văn phòng Sở tự đánh giá: tốt (Văn phòng Sở)."]);
  });

  it("leaves drafts out by default and includes them on request", () => {
    const model = assembleReport(input());
    expect(texts(byKey(model.sections, "results").blocks).join()).not.toContain("Kết quả nháp");
    expect(texts(byKey(model.sections, "rating").blocks).join()).not.toContain("hội nghị");
    const drafts = assembleReport(input(), { includeDrafts: true });
    expect(texts(byKey(drafts.sections, "results").blocks)).toContain("- Kết quả nháp;");
    expect(texts(byKey(drafts.sections, "rating").blocks)).toContain("Trung tâm Ứng dụng đã tổ chức hội nghị.");
    expect(drafts.unitStatus.find((u) => u.unitId === 40)!.statusLabel).toBe("Chưa nộp (đang soạn), đã đưa vào bản nháp");
  });

  it("lists every unit's status in unit order", () => {
    const model = assembleReport(input());
    expect(model.unitStatus.map((u) => [u.unitName, u.statusLabel, u.included])).toEqual([
      ["Văn phòng Sở", "Đã nộp", true],
      ["Phòng Quản lý khoa học", "Đã nộp, đã tiếp nhận", true],
      ["Trung tâm Ứng dụng", "Chưa nộp (đang soạn)", false],
      ["Công đoàn Sở", "Đã nộp", true],
      ["Chi đoàn", "Chưa nộp (chưa bắt đầu)", false],
    ]);
    expect(model.statusSummary).toBe("Đã nộp 3/5 đơn vị.");
    expect(model.deadlineLine).toBe("Hạn nộp: 20/9/2024");
  });

  it("splits long text into paragraphs and finishes them with a full stop", () => {
    const model = assembleReport(input());
    expect(texts(byKey(model.sections, "notes").blocks)).toEqual(["Dòng một.", "Dòng hai."]);
  });

  it("ignores answers that do not fit, and says so", () => {
    const model = assembleReport(
      input(submissions({ 20: { answers: { complaints: a("ba"), results: a(["ok"]), union: a("không hỏi"), gone: a("x") } } })),
    );
    expect(model.warnings).toEqual([
      expect.stringMatching(/^Phòng Quản lý khoa học: answer to "complaints" ignored/),
      'Phòng Quản lý khoa học: answer to "union" ignored, the question is not asked of department units',
      'Phòng Quản lý khoa học: answer to "gone" ignored, the template has no such question',
    ]);
  });

  it("fills the document parts: header, subject, recipients, preamble, closing, Nơi nhận, signer", () => {
    const model = assembleReport(input());
    expect(model.header).toEqual({
      parentName: "UBND TỈNH HƯNG YÊN",
      organisationName: "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
      documentNumber: "Số:   /BC-SKHCN",
      nationalTitle: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      motto: "Độc lập - Tự do - Hạnh phúc",
      placeAndDate: "Hưng Yên, ngày   tháng   năm 2024",
    });
    expect(model.draft).toBe(true);
    expect(model.subject).toBe("Kết quả 9 tháng đầu năm, nhiệm vụ trọng tâm Quý IV năm 2024");
    expect(model.recipients).toEqual(["- Ban A;", "- Ban B."]);
    expect(model.preamble).toBe("Thực hiện Công văn số 09-CV/BCĐ ngày 10/9/2024, Sở Khoa học và Công nghệ báo cáo như sau");
    expect(model.closing).toBe("Kính gửi Ban A, Ban B tổng hợp./.");
    expect(model.distribution.map(line)).toEqual(["- Như trên;", "- Lưu: VT."]);
    expect(model.signer).toEqual({ authority: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Nguyễn Văn A" });

    const final = assembleReport(
      input(submissions(), { reportDate: "2024-03-05", requestDocument: null, recipients: ["Văn phòng Tỉnh ủy"] }, { distribution: ["Như trên", "Lưu: VT, VP"] }),
    );
    expect(final.draft).toBe(false);
    expect(final.header.placeAndDate).toBe("Hưng Yên, ngày 05 tháng 3 năm 2024");
    expect(final.recipients).toEqual(["Văn phòng Tỉnh ủy."]);
    expect(final.preamble).toBe("Sở Khoa học và Công nghệ báo cáo như sau");
    expect(final.distribution.map(line)).toEqual(["- Như trên;", "- Lưu: VT, VP."]);
  });

  it("is deterministic", () => {
    expect(assembleReport(input(), { attribution: true })).toEqual(assembleReport(input(), { attribution: true }));
  });
});

describe("the drafter's initials", () => {
  it("are the first letter of each word of the compiling person's name, upper case, at most ten", () => {
    expect(drafterInitialsOf("Nguyễn Thị Lan")).toBe("NTL");
    expect(drafterInitialsOf("  đặng   văn  ánh ")).toBe("ĐVÁ");
    expect(drafterInitialsOf("Lan (VP) 🎉")).toBe("LV");
    expect(drafterInitialsOf("🎉 123")).toBe("");
    expect(drafterInitialsOf("a b c d e f g h i j k l")).toBe("ABCDEFGHIJ");
  });
});

describe("document dates", () => {
  it("pads the day always and the month only for January and February", () => {
    expect(formatDocumentDate("2024-07-09")).toBe("09/7/2024");
    expect(formatDocumentDate("2016-01-07")).toBe("07/01/2016");
    expect(formatDocumentDate("2024-12-25")).toBe("25/12/2024");
    expect(placeAndDateLine("Hưng Yên", "2024-02-15", 2024)).toBe("Hưng Yên, ngày 15 tháng 02 năm 2024");
    expect(placeAndDateLine("Hà Nội", null, 2025)).toBe("Hà Nội, ngày   tháng   năm 2025");
  });
});

describe("second template", () => {
  it("numbers parts I., II. in capitals with items 1., 2. under them, and states the summed figures with their share", () => {
    const template = loadBundledTemplate("cai-cach-hanh-chinh");
    const units: UnitInfo[] = [
      { id: 1, name: "Văn phòng", kind: "office", order: 1 },
      { id: 2, name: "Trung tâm", kind: "affiliated", order: 2 },
    ];
    const submissions: SubmissionInfo[] = [
      {
        unitId: 1,
        status: "SUBMITTED",
        answers: { direction: a("Ban hành kế hoạch"), tthc_tiep_nhan: a(120), tthc_dung_han: a(120), tthc_truc_tuyen: a(60), next_tasks: a(["Rà soát thủ tục"]) },
      },
      { unitId: 2, status: "SUBMITTED", answers: { tthc_tiep_nhan: a(1234), tthc_dung_han: a(1200), tthc_truc_tuyen: a(600), next_tasks: a(["Số hóa hồ sơ"]) } },
    ];
    const model = assembleReport({
      organisation: ORG,
      round: { ...ROUND, period: { kind: "QUARTER", year: 2024, number: 4 } },
      template,
      units,
      submissions,
    });
    expect(outline(model.sections)).toEqual([
      "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
      "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
      "1. Cải cách thể chế",
      "2. Cải cách thủ tục hành chính",
      "3. Xây dựng chính quyền điện tử, chính quyền số",
      "III. TỒN TẠI, HẠN CHẾ",
      "IV. NHIỆM VỤ TRỌNG TÂM QUÝ I NĂM 2025",
    ]);
    expect(model.subject).toBe("Kết quả công tác cải cách hành chính Quý IV năm 2024, nhiệm vụ trọng tâm Quý I năm 2025");
    expect(texts(byKey(model.sections, "procedures").blocks)).toEqual([
      "Tổng số hồ sơ thủ tục hành chính tiếp nhận: 1.354, giải quyết đúng hạn 1.320 (đạt 97,49%); tiếp nhận trực tuyến 660 hồ sơ (48,7%).",
    ]);
    expect(texts(byKey(model.sections, "next_tasks").blocks)).toEqual(["1. Rà soát thủ tục.", "2. Số hóa hồ sơ."]);
  });
});
