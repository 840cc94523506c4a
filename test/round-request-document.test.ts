import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBundledTemplate } from "../src/report/bundled-templates.ts";
import { compileRound } from "../src/report/compile-round.ts";
import { openRound } from "../src/rounds/open-round.ts";
import { openDocx, paragraphTexts } from "./support/docx-xml.ts";
import { storeSampleRound } from "./support/sample-round.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const TYPED = "Công văn số 215/BDVTU-CQ ngày 12/9/2024 của Ban Dân vận Tỉnh ủy về việc báo cáo kết quả thực hiện dân chủ ở cơ sở 9 tháng đầu năm 2024";

describe("the request document of a round", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("is stored in parts when the round opens, and the preamble says its subject once", async () => {
    const sample = await storeSampleRound(db.prisma, { status: "CLOSED" });
    const template = await db.prisma.template.findFirstOrThrow({ where: { key: "dan-chu-co-so" } });
    const person = await db.prisma.person.create({ data: { accounts: { create: { channel: "TELEGRAM", externalId: String(42n) } }, name: "Văn thư" } });
    const opened = await openRound(db.prisma, {
      organisationId: sample.organisationId,
      templateId: template.id,
      template: loadBundledTemplate("dan-chu-co-so"),
      period: { kind: "NINE_MONTHS", year: 2024, number: 1 },
      deadline: new Date("2030-01-01T00:00:00Z"),
      requestDocument: TYPED,
      recipients: [],
      actorId: person.id,
      now: new Date("2024-09-13T02:00:00Z"),
    });
    if (!opened.ok) throw new Error(`not opened: ${opened.reason}`);
    const round = await db.prisma.round.findUniqueOrThrow({ where: { id: opened.roundId } });
    expect(round).toMatchObject({
      requestDocument: TYPED,
      requestDocKind: "Công văn",
      requestDocNumber: "215/BDVTU-CQ",
      requestDocDate: new Date("2024-09-12T00:00:00Z"),
      requestDocIssuer: "Ban Dân vận Tỉnh ủy",
      requestDocSubject: "về việc báo cáo kết quả thực hiện dân chủ ở cơ sở 9 tháng đầu năm 2024",
    });
    const text = paragraphTexts((await openDocx((await compileRound(db.prisma, { roundId: opened.roundId, includeDrafts: true })).bytes)).xml("word/document.xml"));
    const preamble = text.find((p) => p.startsWith("Thực hiện"))!;
    expect(preamble).toBe(
      "Thực hiện Công văn số 215/BDVTU-CQ ngày 12/9/2024 của Ban Dân vận Tỉnh ủy về việc báo cáo kết quả thực hiện dân chủ ở cơ sở 9 tháng đầu năm 2024. Căn cứ chức năng, nhiệm vụ được giao, Sở Khoa học và Công nghệ báo cáo kết quả thực hiện dân chủ ở cơ sở 9 tháng đầu năm, nhiệm vụ trọng tâm quý IV năm 2024 như sau:",
    );
  });

  it("of a round stored before the parts were is parsed from its text at compile time", async () => {
    const { roundId } = await storeSampleRound(db.prisma, { requestDocument: TYPED });
    const round = await db.prisma.round.findUniqueOrThrow({ where: { id: roundId } });
    expect(round.requestDocNumber).toBeNull();
    const text = paragraphTexts((await openDocx((await compileRound(db.prisma, { roundId })).bytes)).xml("word/document.xml"));
    expect(text.find((p) => p.startsWith("Thực hiện"))!.match(/về việc/g)).toHaveLength(1);
  });
});
