import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { officeOnlyAnswers } from "../src/office/office-only-answers.ts";
import { storeSampleRound } from "./support/sample-round.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

describe("answers kept for the office", () => {
  let db: TestDatabase;
  let roundId: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ roundId } = await storeSampleRound(db.prisma));
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("lists the self-assessments and conference dates the report does not print, in unit order, in the reader's language", async () => {
    const vi = await officeOnlyAnswers(db.prisma, roundId, "vi", { yes: "Có", no: "Không" });
    expect(vi.map((a) => `${a.unitName} | ${a.questionKey} | ${a.answer}`)).toEqual([
      "Văn phòng Sở | conference_date | 12/01/2024",
      "Văn phòng Sở | self_assessment | tốt",
      "Phòng Quản lý khoa học | self_assessment | khá",
      "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ | conference_date | 05/01/2024",
      "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ | self_assessment | tốt",
      "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng | conference_date | 10/01/2024",
    ]);
    expect(vi[1]!.question).toBe("Đơn vị tự đánh giá kết quả thực hiện dân chủ ở cơ sở ở mức nào?");
    const en = await officeOnlyAnswers(db.prisma, roundId, "en", { yes: "Yes", no: "No" });
    expect(en[1]).toMatchObject({ question: "How does your unit rate its own grassroots democracy work?", answer: "good" });
  });
});
