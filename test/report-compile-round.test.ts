import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import { loadBundledTemplate } from "../src/report/bundled-templates.ts";
import { CompileError, compileRound, getCompiledReport } from "../src/report/compile-round.ts";
import { ensureBundledTemplates, ensureTemplate } from "../src/report/ensure-template.ts";
import { SAMPLE_ORGANISATION, SAMPLE_SUBMISSIONS, SAMPLE_UNITS } from "../src/report/sample/sample-report-input.ts";
import { TemplateError } from "../src/domain/template/template-error.ts";
import { bodyParagraphs, openDocx, paragraphTexts } from "./support/docx-xml.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

let db: TestDatabase;
let prisma: PrismaClient;
let roundId: number;
const unitIds = new Map<number, number>(); // sample unit id → database id

async function textOf(bytes: Uint8Array): Promise<string[]> {
  return bodyParagraphs(bytes);
}

async function setAnswer(sampleUnitId: number, questionKey: string, value: unknown) {
  const submission = await prisma.submission.findUniqueOrThrow({ where: { roundId_unitId: { roundId, unitId: unitIds.get(sampleUnitId)! } } });
  await prisma.answer.upsert({
    where: { submissionId_questionKey: { submissionId: submission.id, questionKey } },
    create: { submissionId: submission.id, questionKey, value: value as never },
    update: { value: value as never, revision: { increment: 1 } },
  });
  await prisma.submission.update({ where: { id: submission.id }, data: { version: { increment: 1 } } });
}

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  const { signerAuthority, recipients, distribution, ...org } = SAMPLE_ORGANISATION;
  const organisation = await prisma.organisation.create({ data: { ...org, signerAuthority, recipients, distribution } });
  for (const unit of SAMPLE_UNITS) {
    const row = await prisma.unit.create({
      data: { organisationId: organisation.id, code: `u${unit.id}`, name: unit.name, kind: unit.kind, order: unit.order },
    });
    unitIds.set(unit.id, row.id);
  }
  const template = await ensureTemplate(prisma, loadBundledTemplate("dan-chu-co-so"));
  const round = await prisma.round.create({
    data: {
      organisationId: organisation.id,
      templateId: template.id,
      periodKind: "NINE_MONTHS",
      periodYear: 2024,
      periodNumber: 1,
      // 17:00 on 20/9 in Hanoi is 10:00 UTC the same day.
      deadline: new Date("2024-09-20T10:00:00Z"),
      requestDocument: "Công văn số 09-CV/BCĐ ngày 10/9/2024 của Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở",
      status: "OPEN",
    },
  });
  roundId = round.id;
  for (const submission of SAMPLE_SUBMISSIONS) {
    await prisma.submission.create({
      data: {
        roundId,
        unitId: unitIds.get(submission.unitId)!,
        status: submission.status,
        answers: {
          create: Object.entries(submission.answers).map(([questionKey, answer]) => ({
            questionKey,
            value: (answer.value ?? null) as never,
            skipped: answer.skipped,
          })),
        },
      },
    });
  }
});

afterAll(async () => {
  await db?.drop();
});

describe("compileRound", () => {
  it("compiles and stores version 1 with its checksum, file name and included submissions", async () => {
    const result = await compileRound(prisma, { roundId });
    expect(result).toMatchObject({ version: 1, reused: false, final: false, fileName: "BC-dan-chu-co-so-9-thang-2024-v1.docx" });
    expect(result.checksum).toBe(createHash("sha256").update(result.bytes).digest("hex"));
    expect(result.options).toEqual({ includeDrafts: false, attribution: false, statusAppendix: null, drafterInitials: null });
    // Units 1, 2, 3, 5, 6, 7 submitted; 4 is still writing, 8 has not started.
    expect(result.includedSubmissions.map((s) => s.unitId).sort((a, b) => a - b)).toEqual(
      [1, 2, 3, 5, 6, 7].map((id) => unitIds.get(id)!).sort((a, b) => a - b),
    );
    expect(result.unitStatus.filter((u) => !u.included).map((u) => u.unitName)).toEqual(["Phòng Quản lý chuyên ngành", "Chi đoàn Sở"]);
    const text = await textOf(result.bytes);
    expect(text).toContain("5. Nhiệm vụ trọng tâm Quý IV năm 2024");
    expect(text).toContainEqual(expect.stringMatching(/^- Sở đã cử công chức phụ trách công tác tiếp công dân theo quy định\. Trong kỳ báo cáo, tính đến hiện tại, Sở không nhận được/));
    // No appendix unless asked; with it, the deadline is printed as the local day.
    expect(text.join("\n")).not.toContain("PHỤ LỤC");
    const appendix = await compileRound(prisma, { roundId, statusAppendix: true, drafterInitials: "Tr" });
    expect(appendix).toMatchObject({ version: 2, options: { statusAppendix: true, drafterInitials: "Tr" } });
    const withAppendix = await textOf(appendix.bytes);
    expect(withAppendix).toContain("Đã nộp 6/8 đơn vị. Hạn nộp: 20/9/2024");
    expect(withAppendix).toContain("- Lưu: VT, VPTr.");
    await prisma.compiledReport.delete({ where: { id: appendix.id } });

    const stored = await prisma.compiledReport.findUniqueOrThrow({ where: { id: result.id } });
    expect(Buffer.from(stored.bytes).equals(Buffer.from(result.bytes))).toBe(true);
  });

  it("returns the stored version when nothing changed; every compile is audited, the command line's too (no actor)", async () => {
    const audits = () => prisma.auditEvent.findMany({ where: { action: "report.compiled" }, orderBy: { id: "asc" } });
    const before = (await audits()).length;
    const again = await compileRound(prisma, { roundId });
    const [audit] = (await audits()).slice(before);
    expect(audit).toMatchObject({ actorId: null, entityType: "CompiledReport", entityId: String(again.id), data: { roundId, version: again.version, reused: true } });
    expect(again).toMatchObject({ version: 1, reused: true });
    expect(await prisma.compiledReport.count({ where: { roundId } })).toBe(1);
  });

  it("ignores edits to a draft that the report does not show", async () => {
    await setAnswer(4, "results", ["Một kết quả mới trong bản nháp"]);
    expect(await compileRound(prisma, { roundId })).toMatchObject({ version: 1, reused: true });
  });

  it("makes a new version after an included answer changes, and keeps the old one", async () => {
    const v1 = (await getCompiledReport(prisma, roundId, 1))!;
    await setAnswer(2, "complaints_count", 2);
    const v2 = await compileRound(prisma, { roundId, actorId: null });
    expect(v2).toMatchObject({ version: 2, reused: false, fileName: "BC-dan-chu-co-so-9-thang-2024-v2.docx" });
    expect(v2.checksum).not.toBe(v1.checksum);
    expect(await textOf(v2.bytes)).toContainEqual(expect.stringMatching(/Sở nhận được 2 đơn thư khiếu nại, tố cáo/));

    expect((await getCompiledReport(prisma, roundId))!.version).toBe(2);
    const again = (await getCompiledReport(prisma, roundId, 1))!;
    expect(again.checksum).toBe(v1.checksum);
    expect(createHash("sha256").update(again.bytes).digest("hex")).toBe(v1.checksum);
    expect(await getCompiledReport(prisma, roundId, 99)).toBeNull();
  });

  it("treats other options as other input", async () => {
    const attributed = await compileRound(prisma, { roundId, attribution: true });
    expect(attributed).toMatchObject({ version: 3, reused: false, options: { includeDrafts: false, attribution: true } });
    expect((await textOf(attributed.bytes)).join("\n")).toContain("(Thanh tra Sở; Văn phòng Sở: 0; Thanh tra Sở: 2; Phòng Quản lý khoa học: 0)");
    expect(await compileRound(prisma, { roundId, attribution: true })).toMatchObject({ version: 3, reused: true });
    const drafts = await compileRound(prisma, { roundId, includeDrafts: true });
    expect(drafts.version).toBe(4);
    expect((await textOf(drafts.bytes)).join("\n")).toContain("Một kết quả mới trong bản nháp");
  });

  it("numbers versions without gaps or repeats when compiles race", async () => {
    await setAnswer(3, "self_assessment", "average");
    const results = await Promise.all([compileRound(prisma, { roundId }), compileRound(prisma, { roundId })]);
    expect(results.map((r) => r.version)).toEqual([5, 5]);
    expect(results.filter((r) => !r.reused)).toHaveLength(1);
    const versions = (await prisma.compiledReport.findMany({ where: { roundId }, select: { version: true }, orderBy: { version: "asc" } })).map((r) => r.version);
    expect(versions).toEqual([1, 2, 3, 4, 5]);
  });

  it("marks a compile of a closed round as final", async () => {
    await prisma.round.update({ where: { id: roundId }, data: { status: "CLOSED", reportDate: new Date("2024-10-05") } });
    const final = await compileRound(prisma, { roundId });
    expect(final).toMatchObject({ version: 6, final: true, reused: false });
    const cells = await openDocx(final.bytes);
    expect(paragraphTexts(cells.xml("word/document.xml"))).toContain("Hưng Yên, ngày 05 tháng 10 năm 2024");
  });

  it("says so when the round does not exist", async () => {
    await expect(compileRound(prisma, { roundId: 987_654 })).rejects.toThrow(new CompileError("round 987654 does not exist"));
  });
});

describe("ensureTemplate", () => {
  it("is idempotent and refuses to change a version rounds already use", async () => {
    const template = loadBundledTemplate("dan-chu-co-so");
    const first = await ensureTemplate(prisma, template);
    expect(first).toMatchObject({ key: "dan-chu-co-so", version: 2, created: false, updated: false });
    const changed = { ...template, subject: `${template.subject} (sửa)` };
    await expect(ensureTemplate(prisma, changed)).rejects.toThrow(TemplateError);
    await expect(ensureTemplate(prisma, changed)).rejects.toThrow(/raise the version/);
    const next = await ensureTemplate(prisma, { ...changed, version: 3 });
    expect(next).toMatchObject({ version: 3, created: true });
    expect(next.id).not.toBe(first.id);
    // Not used by any round yet: may still be corrected in place.
    expect(await ensureTemplate(prisma, { ...changed, version: 3, subject: "Khác {period}" })).toMatchObject({ id: next.id, updated: true });
  });

  it("stores a second bundled template alongside, and all of them at once", async () => {
    const row = await ensureTemplate(prisma, loadBundledTemplate("cai-cach-hanh-chinh"));
    expect(row).toMatchObject({ key: "cai-cach-hanh-chinh", created: true, name: "Công tác cải cách hành chính" });
    const all = await ensureBundledTemplates(prisma);
    expect(all.map((t) => `${t.key} v${t.version}`)).toEqual(["cai-cach-hanh-chinh v2", "dan-chu-co-so v2"]);
    expect(all.find((t) => t.key === "cai-cach-hanh-chinh")!.id).toBe(row.id);
  });
});
