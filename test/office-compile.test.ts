import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callbackUpdate, textUpdate } from "./support/bot-harness.ts";
import { bodyParagraphs } from "./support/docx-xml.ts";
import { answer, button, buildOfficeBot, departmentAnswers, documentOf, documentsTo, lastTextTo, seedOfficeWorld, submit, who, type OfficeWorld } from "./support/office-world.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

async function docText(bytes: Uint8Array): Promise<string> {
  return (await bodyParagraphs(bytes)).join("\n");
}

describe("/compile", () => {
  let db: TestDatabase;
  let world: OfficeWorld;
  let bot: ReturnType<typeof buildOfficeBot>["bot"];
  let rec: ReturnType<typeof buildOfficeBot>["rec"];
  const SUBMITTED = "Văn phòng Sở công khai kế hoạch công tác năm trên Cổng thông tin điện tử";
  const DRAFT = "Thanh tra Sở đang soạn: bản nháp chưa nộp";

  beforeAll(async () => {
    db = await createTestDatabase();
    world = await seedOfficeWorld(db.prisma, { units: ["Văn phòng Sở", "Thanh tra Sở", "Phòng Quản lý khoa học"] });
    const [vanPhong, thanhTra] = world.units;
    await answer(db.prisma, vanPhong!, departmentAnswers("Văn phòng Sở"));
    await submit(db.prisma, vanPhong!);
    await answer(db.prisma, thanhTra!, { results: [DRAFT] });
    ({ bot, rec } = buildOfficeBot(db.prisma));
  });
  afterAll(async () => {
    await db?.drop();
  });

  const secretary = () => who(world.secretaries[0]!.telegramId, "Thư ký");
  const lastDocument = () => documentOf(documentsTo(rec, secretary().id).at(-1)!);

  it("sends the .docx with the submitted answers only, and names the missing units in the caption", async () => {
    await bot.handleUpdate(textUpdate(secretary(), "/compile"));
    const doc = lastDocument();
    expect(doc.fileName).toBe("BC-dan-chu-co-so-9-thang-2024-v1.docx");
    const text = await docText(doc.bytes);
    expect(text).toContain(SUBMITTED);
    expect(text).not.toContain(DRAFT);
    expect(doc.caption).toContain("Dự thảo báo cáo tổng hợp, phiên bản 1.");
    expect(doc.caption).toContain("Đã tổng hợp 1/3 đơn vị.");
    expect(doc.caption).toContain("Chưa nộp (2): Thanh tra Sở, Phòng Quản lý khoa học.");
    expect(doc.caption.length).toBeLessThanOrEqual(1024);
    const stored = await db.prisma.compiledReport.findMany({ where: { roundId: world.roundId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ version: 1, final: false, createdById: world.secretaries[0]!.id });
    // The secretary who compiles is the drafter: "Thư ký" is raised as TK after the drafting unit.
    expect(stored[0]!.options).toMatchObject({ drafterInitials: "TK" });
    expect(Buffer.from(stored[0]!.bytes).equals(Buffer.from(doc.bytes))).toBe(true);
    expect(await db.prisma.auditEvent.count({ where: { action: "report.compiled" } })).toBe(1);
  });

  it("a second /compile without changes sends the stored version again", async () => {
    await bot.handleUpdate(textUpdate(secretary(), "/compile"));
    const doc = lastDocument();
    expect(doc.fileName).toBe("BC-dan-chu-co-so-9-thang-2024-v1.docx");
    expect(doc.caption).toContain("Không có thay đổi kể từ phiên bản này");
    expect(await db.prisma.compiledReport.count({ where: { roundId: world.roundId } })).toBe(1);
  });

  it("typing in a draft the report does not show changes nothing; asking for drafts makes a version with them", async () => {
    await answer(db.prisma, world.units[1]!, { complaints_count: 3 });
    await bot.handleUpdate(textUpdate(secretary(), "/compile"));
    expect(lastDocument().fileName).toBe("BC-dan-chu-co-so-9-thang-2024-v1.docx");

    await bot.handleUpdate(callbackUpdate(secretary(), button(rec, secretary().id, "📝 Tổng hợp lại, kèm bản nháp")));
    const doc = lastDocument();
    expect(doc.fileName).toBe("BC-dan-chu-co-so-9-thang-2024-v2.docx");
    expect(await docText(doc.bytes)).toContain(DRAFT);
    expect(doc.caption).toContain("Bản nháp được đưa vào (1): Thanh tra Sở.");
    expect(doc.caption).toContain("Tùy chọn: có đưa vào câu trả lời của đơn vị chưa nộp (bản nháp).");
  });

  it("after a submitted answer changes, a new version is made; attribution names the units", async () => {
    const vanPhong = world.units[0]!;
    await answer(db.prisma, vanPhong, { results: ["Văn phòng Sở tổ chức đối thoại với công chức ngày 12/9/2024"] });
    await submit(db.prisma, vanPhong);
    await bot.handleUpdate(textUpdate(secretary(), "/compile ghi-ten"));
    const doc = lastDocument();
    expect(doc.fileName).toBe("BC-dan-chu-co-so-9-thang-2024-v3.docx");
    const text = await docText(doc.bytes);
    expect(text).toContain("Văn phòng Sở tổ chức đối thoại với công chức ngày 12/9/2024 (Văn phòng Sở)");
    expect(text).not.toContain(SUBMITTED);
    expect(doc.caption).toContain("có ghi tên đơn vị sau từng ý");
  });

  it("an unknown option is explained, nothing compiled", async () => {
    const before = await db.prisma.compiledReport.count();
    await bot.handleUpdate(textUpdate(secretary(), "/compile tatca"));
    expect(lastTextTo(rec, secretary().id)).toContain("Tôi không hiểu tùy chọn “tatca”");
    expect(await db.prisma.compiledReport.count()).toBe(before);
  });

  it("after the round closes, nobody can change answers and the compile is marked final", async () => {
    await db.prisma.round.update({ where: { id: world.roundId }, data: { status: "CLOSED", closedAt: new Date() } });
    const { saveAnswer } = await import("../src/submissions/save-answer.ts");
    const refused = await saveAnswer(db.prisma, { submissionId: world.units[1]!.submissionId, questionKey: "complaints_count", value: 9, skipped: false, authorId: world.units[1]!.reporterId, source: "typed" });
    expect(refused).toEqual({ ok: false, reason: "round-closed" });
    const reporter = who(world.units[1]!.reporterTelegramId, "Bình");
    await bot.handleUpdate(textUpdate(reporter, "/report"));
    expect(lastTextTo(rec, reporter.id)).toMatch(/chưa có kỳ báo cáo nào đang mở|đã đóng/i);

    await bot.handleUpdate(textUpdate(secretary(), "/compile"));
    const doc = lastDocument();
    expect(doc.fileName).toBe("BC-dan-chu-co-so-9-thang-2024-v4.docx");
    expect(doc.caption).toContain("Báo cáo tổng hợp bản cuối (kỳ báo cáo đã đóng), phiên bản 4.");
    const stored = await db.prisma.compiledReport.findFirstOrThrow({ where: { roundId: world.roundId }, orderBy: { version: "desc" } });
    expect(stored).toMatchObject({ version: 4, final: true });
  });
});
