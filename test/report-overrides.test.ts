import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import { compileRound } from "../src/report/compile-round.ts";
import {
  dropReportOverride,
  overriddenSections,
  overriddenSectionsAffectedBy,
  overrideNoticesAfterAnswers,
  reportOverrideHistory,
  setReportOverride,
} from "../src/report/report-overrides.ts";
import { bodyParagraphs } from "./support/docx-xml.ts";
import { storeSampleRound } from "./support/sample-round.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

let db: TestDatabase;
let prisma: PrismaClient;
let roundId: number;
let secretaryId: number;
let otherId: number;

async function paragraphs(): Promise<string[]> {
  const result = await compileRound(prisma, { roundId });
  return bodyParagraphs(result.bytes);
}

/** The paragraphs between a heading and the next heading that starts with `next`. */
function between(all: string[], heading: string, next: string): string[] {
  const from = all.findIndex((p) => p.startsWith(heading));
  const to = all.findIndex((p, i) => i > from && p.startsWith(next));
  return all.slice(from + 1, to);
}

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  ({ roundId } = await storeSampleRound(prisma));
  secretaryId = (await prisma.person.create({ data: { accounts: { create: { channel: "TELEGRAM", externalId: String(9001n) } }, name: "Nguyễn Thị Ngọc" } })).id;
  otherId = (await prisma.person.create({ data: { accounts: { create: { channel: "TELEGRAM", externalId: String(9002n) } }, name: "Trần Văn Bình" } })).id;
});

afterAll(async () => {
  await db?.drop();
});

describe("the secretary's own text", () => {
  it("replaces a section's consolidated text in every later compile, and is kept with author, time and version", async () => {
    const generated = between(await paragraphs(), "4.2.", "5.");
    expect(generated).toHaveLength(1);
    const at = new Date("2024-09-25T02:00:00Z");
    const set = await setReportOverride(prisma, {
      roundId,
      sectionKey: "shortcomings",
      text: "Một số đơn vị nộp báo cáo chậm.\nCông tác nắm tình hình tư tưởng có lúc chưa kịp thời.",
      authorId: secretaryId,
      now: at,
    });
    expect(set).toEqual({ ok: true, version: 1, sectionKey: "shortcomings", item: null });
    expect(between(await paragraphs(), "4.2.", "5.")).toEqual(["Một số đơn vị nộp báo cáo chậm.", "Công tác nắm tình hình tư tưởng có lúc chưa kịp thời."]);

    const second = await setReportOverride(prisma, { roundId, sectionKey: "shortcomings", text: "- Báo cáo chậm\n- Nắm tình hình chưa kịp thời", authorId: otherId });
    expect(second).toMatchObject({ ok: true, version: 2 });
    expect(between(await paragraphs(), "4.2.", "5.")).toEqual(["- Báo cáo chậm;", "- Nắm tình hình chưa kịp thời."]);
    const history = await reportOverrideHistory(prisma, { roundId, sectionKey: "shortcomings" });
    expect(history.map((v) => [v.version, v.authorName, v.dropped])).toEqual([
      [2, "Trần Văn Bình", false],
      [1, "Nguyễn Thị Ngọc", false],
    ]);
    expect(history[1]!.at).toEqual(at);
    const audit = await prisma.auditEvent.findMany({ where: { action: "report.override.set", entityId: String(roundId) }, orderBy: { id: "asc" } });
    expect(audit.map((e) => (e.data as { version: number }).version)).toEqual([1, 2]);
  });

  it("is listed for /status with the section's number and heading", async () => {
    const listed = await overriddenSections(prisma, roundId);
    expect(listed).toEqual([
      expect.objectContaining({ sectionKey: "shortcomings", number: "4.2.", heading: "Những hạn chế, yếu kém và nguyên nhân", item: null, version: 2, authorName: "Trần Văn Bình" }),
    ]);
  });

  it("can be dropped to return to the generated text; the history keeps every version", async () => {
    expect(await dropReportOverride(prisma, { roundId, sectionKey: "shortcomings", authorId: secretaryId })).toEqual({ ok: true, version: 3 });
    expect(between(await paragraphs(), "4.2.", "5.")).toEqual(["Việc nắm tình hình tư tưởng của công chức, viên chức, nhất là các vấn đề mới nảy sinh, có lúc chưa kịp thời."]);
    expect(await dropReportOverride(prisma, { roundId, sectionKey: "shortcomings", authorId: secretaryId })).toEqual({ ok: false, reason: "not-overridden" });
    expect((await reportOverrideHistory(prisma, { roundId, sectionKey: "shortcomings" })).map((v) => v.dropped)).toEqual([true, false, false]);
    expect(await overriddenSections(prisma, roundId)).toEqual([]);
  });

  it("replaces one item and keeps the others, and refuses what does not exist", async () => {
    const before = between(await paragraphs(), "5.", "Trên đây");
    expect(before).toHaveLength(7);
    expect(await setReportOverride(prisma, { roundId, sectionKey: "next_tasks", item: 2, text: "Phối hợp rà soát các quy định chồng chéo, tham mưu UBND tỉnh điều chỉnh.", authorId: secretaryId })).toMatchObject({
      ok: true,
      item: 2,
    });
    const after = between(await paragraphs(), "5.", "Trên đây");
    expect(after[1]).toBe("2. Phối hợp rà soát các quy định chồng chéo, tham mưu UBND tỉnh điều chỉnh.");
    expect(after.filter((p, i) => i !== 1)).toEqual(before.filter((p, i) => i !== 1));

    expect(await setReportOverride(prisma, { roundId, sectionKey: "next_tasks", item: 99, text: "x", authorId: secretaryId })).toEqual({ ok: false, reason: "no-such-item" });
    expect(await setReportOverride(prisma, { roundId, sectionKey: "no_such", text: "x", authorId: secretaryId })).toEqual({ ok: false, reason: "no-such-section" });
    expect(await setReportOverride(prisma, { roundId, sectionKey: "next_tasks", text: "  \n ", authorId: secretaryId })).toEqual({ ok: false, reason: "empty" });
    expect(await setReportOverride(prisma, { roundId: 424242, sectionKey: "next_tasks", text: "x", authorId: secretaryId })).toEqual({ ok: false, reason: "round-not-found" });
  });

  it("tells which overridden sections a changed answer is behind, and nothing for others", async () => {
    await setReportOverride(prisma, { roundId, sectionKey: "results", text: "- Văn phòng tự viết lại mục 3.", authorId: secretaryId });
    const affected = await overriddenSectionsAffectedBy(prisma, roundId, ["complaints_count", "achievements"]);
    expect(affected).toEqual([expect.objectContaining({ sectionKey: "results", number: "3.", item: null, questionKeys: ["complaints_count"] })]);
    expect(await overriddenSectionsAffectedBy(prisma, roundId, ["next_tasks"])).toEqual([expect.objectContaining({ sectionKey: "next_tasks", item: 2, questionKeys: ["next_tasks"] })]);
    expect(await overriddenSectionsAffectedBy(prisma, roundId, ["leadership_direction"])).toEqual([]);
    // The notice goes to the secretary who wrote the text, once per section, in their language by key.
    expect(await overrideNoticesAfterAnswers(prisma, { roundId, unitName: "Thanh tra Sở", questionKeys: ["complaints_count", "reception_officer"] })).toEqual([
      { personId: secretaryId, key: "office-override-affected", vars: { unit: "Thanh tra Sở", number: "3.", heading: "Kết quả thực hiện dân chủ ở cơ sở" } },
    ]);
  });

  it("a changed answer makes a new compile, which still prints the secretary's text", async () => {
    const first = await compileRound(prisma, { roundId });
    const inspectorate = await prisma.submission.findFirstOrThrow({ where: { roundId, unit: { code: "u2" } } });
    await prisma.answer.update({ where: { submissionId_questionKey: { submissionId: inspectorate.id, questionKey: "complaints_count" } }, data: { value: 3 } });
    const second = await compileRound(prisma, { roundId });
    expect(second.version).toBe(first.version + 1);
    expect(between(await bodyParagraphs(second.bytes), "3.", "4.")).toEqual(["- Văn phòng tự viết lại mục 3."]);
  });

  it("is refused once the round is closed (its compile is final), and allowed again after reopening", async () => {
    const { status } = await prisma.round.findUniqueOrThrow({ where: { id: roundId }, select: { status: true } });
    await prisma.round.update({ where: { id: roundId }, data: { status: "CLOSED" } });
    try {
      expect(await setReportOverride(prisma, { roundId, sectionKey: "shortcomings", text: "Lời văn sau khi đóng kỳ.", authorId: secretaryId })).toEqual({ ok: false, reason: "round-closed" });
      expect(await dropReportOverride(prisma, { roundId, sectionKey: "results", authorId: secretaryId })).toEqual({ ok: false, reason: "round-closed" });
      expect((await overriddenSections(prisma, roundId)).map((o) => o.sectionKey)).toContain("results");
    } finally {
      await prisma.round.update({ where: { id: roundId }, data: { status } });
    }
    expect(await setReportOverride(prisma, { roundId, sectionKey: "shortcomings", text: "Lời văn sau khi mở lại kỳ.", authorId: secretaryId })).toMatchObject({ ok: true });
  });
});
