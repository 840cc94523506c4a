import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBundledTemplate } from "../src/report/bundled-templates.ts";
import { questionsForUnitKind } from "../src/domain/template/template-schema.ts";
import { saveAnswer } from "../src/submissions/save-answer.ts";
import { textUpdate } from "./support/bot-harness.ts";
import { answer, buildOfficeBot, documentOf, documentsTo, seedOfficeWorld, submit, who, type OfficeWorld } from "./support/office-world.ts";
import { parseCsv } from "./support/parse-csv.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

// The office answers for the agency; it is asked (among others) every question a department is.
const OFFICE = {
  leadership_direction: 'Đảng ủy, lãnh đạo Sở chỉ đạo "sát sao", thường xuyên;\nquán triệt tới từng chi bộ.',
  awareness_activities: ["Hội nghị cán bộ, công chức ngày 15/01/2024", "- Tập huấn nghiệp vụ tiếp công dân"],
  results: ["=SUM(A1:A9) không phải công thức", "Công khai tài chính, ngân sách quý I–III"],
  reception_officer: "Ông Nguyễn Văn Đạt, Chánh Thanh tra",
  complaints_count: 1234.5,
  publicity_channels: ["briefing", "portal"],
  self_assessment: "excellent",
  regulation_issued: true,
  regulation_document: { text: "Quyết định số 12/QĐ-SKHCN ngày 05/3/2024 của Giám đốc Sở", number: "12/QĐ-SKHCN", date: "2024-03-05", issuer: "Giám đốc Sở" },
  conference_held: true,
  next_tasks: ["Tiếp tục thực hiện nghiêm Quy chế dân chủ ở cơ sở"],
};

const AFFILIATED = {
  awareness_activities: ["Sinh hoạt chuyên đề về dân chủ ở cơ sở"],
  results: ["Tổ chức Hội nghị viên chức"],
  conference_date: "2024-01-15",
  dialogue_held: true,
  next_tasks: ["Rà soát, sửa đổi quy chế chi tiêu nội bộ"],
};

describe("/export", () => {
  let db: TestDatabase;
  let world: OfficeWorld;

  beforeAll(async () => {
    db = await createTestDatabase();
    world = await seedOfficeWorld(db.prisma, {
      units: [
        { name: "Văn phòng Sở", kind: "office" },
        { name: "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ", kind: "affiliated" },
        { name: "Công đoàn cơ sở Sở", kind: "trade_union" },
      ],
    });
    const [vanPhong, trungTam] = world.units;
    await answer(db.prisma, vanPhong!, OFFICE);
    await saveAnswer(db.prisma, { submissionId: vanPhong!.submissionId, questionKey: "shortcomings", value: null, skipped: true, authorId: vanPhong!.reporterId, source: "typed" });
    await submit(db.prisma, vanPhong!);
    await answer(db.prisma, trungTam!, AFFILIATED);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("sends one row per unit × question that parses back to the stored answers, Vietnamese intact", async () => {
    const { bot, rec } = buildOfficeBot(db.prisma);
    const secretary = who(world.secretaries[0]!.telegramId);
    await bot.handleUpdate(textUpdate(secretary, "/export"));
    const doc = documentOf(documentsTo(rec, secretary.id).at(-1)!);
    expect(doc.fileName).toBe("TL-dan-chu-co-so-9-thang-2024.csv");
    const bytes = Buffer.from(doc.bytes);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toMatch(/\r\n$/);
    const [header, ...records] = parseCsv(text.slice(1));
    expect(header).toEqual([
      "STT đơn vị",
      "Mã đơn vị",
      "Đơn vị",
      "Tình trạng",
      "Câu số",
      "Mã câu hỏi",
      "Câu hỏi",
      "Trả lời",
      "Giá trị (JSON)",
      "Bỏ qua",
      "Lần sửa",
      "Người trả lời",
      "Cập nhật lúc",
      "Đưa vào báo cáo",
    ]);
    const template = loadBundledTemplate("dan-chu-co-so");
    const expected = ["office", "affiliated", "trade_union"].map((kind) => questionsForUnitKind(template, kind).length);
    expect(records).toHaveLength(expected.reduce((a, b) => a + b, 0));
    expect(records.every((r) => r.length === header!.length)).toBe(true);
    expect(doc.caption).toContain(`Câu trả lời của 3 đơn vị (${records.length} dòng`);

    // The JSON column gives back exactly what is stored.
    const stored = await db.prisma.answer.findMany({ include: { submission: { select: { unit: { select: { code: true } } } } } });
    for (const answerRow of stored) {
      const record = records.find((r) => r[1] === answerRow.submission.unit.code && r[5] === answerRow.questionKey)!;
      expect(record, `${answerRow.submission.unit.code} ${answerRow.questionKey}`).toBeDefined();
      if (answerRow.skipped) {
        expect(record[8]).toBe("");
        expect(record[9]).toBe("Có");
      } else {
        expect(JSON.parse(record[8]!)).toEqual(answerRow.value);
        expect(record[9]).toBe("Không");
      }
    }
    const row = (code: string, key: string) => records.find((r) => r[1] === code && r[5] === key)!;
    const vanPhong = world.units[0]!.code;
    const trungTam = world.units[1]!.code;
    expect(row(vanPhong, "leadership_direction")[7]).toBe(OFFICE.leadership_direction);
    expect(row(vanPhong, "leadership_direction")[2]).toBe("Văn phòng Sở");
    expect(row(vanPhong, "leadership_direction")[3]).toBe("Đã nộp");
    expect(row(vanPhong, "awareness_activities")[7]).toBe("Hội nghị cán bộ, công chức ngày 15/01/2024\n- Tập huấn nghiệp vụ tiếp công dân");
    // A typed formula is neutralised in the readable column, kept as typed in the JSON one.
    expect(row(vanPhong, "results")[7]).toBe("'=SUM(A1:A9) không phải công thức\nCông khai tài chính, ngân sách quý I–III");
    expect(row(vanPhong, "complaints_count")[7]).toBe("1234.5");
    expect(row(vanPhong, "publicity_channels")[7]).toMatch(/^.+\n.+$/);
    expect(row(vanPhong, "self_assessment")[7]).not.toBe("excellent");
    expect(row(vanPhong, "results")[11]).toBe("Người báo cáo 1");
    expect(row(vanPhong, "results")[12]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(row(vanPhong, "regulation_document")[7]).toBe("Quyết định số 12/QĐ-SKHCN ngày 05/3/2024 của Giám đốc Sở");
    // The office's own questions are marked: the report does not print them.
    expect(row(vanPhong, "self_assessment")[13]).toBe("Không");
    expect(row(trungTam, "conference_date")[13]).toBe("Không");
    expect(row(vanPhong, "results")[13]).toBe("Có");
    expect(row(trungTam, "conference_date")[7]).toBe("15/01/2024");
    expect(row(trungTam, "dialogue_held")[7]).toBe("Có");
    expect(row(trungTam, "dialogue_held")[3]).toBe("Đang trả lời");
    // Unanswered questions are listed, empty.
    const union = records.filter((r) => r[2] === "Công đoàn cơ sở Sở");
    expect(union.length).toBeGreaterThan(0);
    expect(union.every((r) => r[3] === "Chưa bắt đầu" && r[7] === "" && r[8] === "")).toBe(true);
    expect(await db.prisma.auditEvent.count({ where: { action: "answers.exported" } })).toBe(1);
  });

  it("a reporter gets no export", async () => {
    const { bot, rec } = buildOfficeBot(db.prisma);
    const reporter = who(world.units[0]!.reporterTelegramId);
    await bot.handleUpdate(textUpdate(reporter, "/export"));
    expect(documentsTo(rec, reporter.id)).toEqual([]);
  });
});
