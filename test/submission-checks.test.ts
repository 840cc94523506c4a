import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translatorFor } from "../src/i18n.ts";
import { handleEvent, type ConversationDeps } from "../src/conversation/conversation-service.ts";
import { checkSubmission } from "../src/domain/check-submission.ts";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import { loadBundledTemplate } from "../src/report/bundled-templates.ts";
import { ensureTemplate } from "../src/report/ensure-template.ts";
import { submitSubmission } from "../src/submissions/submit-submission.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { TEST_ORGANISATION } from "./support/test-organisation.ts";

const reform = loadBundledTemplate("cai-cach-hanh-chinh");
const a = (value: unknown) => ({ value, skipped: false });

describe("checkSubmission", () => {
  it("returns the template's message when one unit's figures do not agree", () => {
    const problems = checkSubmission(reform, "office", { tthc_tiep_nhan: a(10), tthc_dung_han: a(12), tthc_truc_tuyen: a(3) });
    expect(problems).toEqual([
      {
        rule: "tthc_dung_han <= tthc_tiep_nhan",
        message: { vi: "Số hồ sơ giải quyết đúng hạn không thể nhiều hơn số hồ sơ tiếp nhận trong kỳ.", en: "Applications settled on time cannot exceed the applications received." },
        questionKeys: ["tthc_dung_han", "tthc_tiep_nhan"],
      },
    ]);
    expect(checkSubmission(reform, "office", { tthc_tiep_nhan: a(10), tthc_dung_han: a(10), tthc_truc_tuyen: a(11) }).map((p) => p.rule)).toEqual(["tthc_truc_tuyen <= tthc_tiep_nhan"]);
  });

  it("applies only when every question it names is asked and answered", () => {
    expect(checkSubmission(reform, "office", { tthc_tiep_nhan: a(10), tthc_dung_han: { value: null, skipped: true } })).toEqual([]);
    expect(checkSubmission(reform, "office", { tthc_dung_han: a(12) })).toEqual([]);
    // A department is not asked these questions: whatever it stored, no check applies.
    expect(checkSubmission(reform, "department", { tthc_tiep_nhan: a(1), tthc_dung_han: a(5) })).toEqual([]);
    expect(checkSubmission(reform, "office", { tthc_tiep_nhan: a(10), tthc_dung_han: a(10), tthc_truc_tuyen: a(0) })).toEqual([]);
  });
});

describe("submitting a unit's report", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let submissionId: number;
  let personId: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = db.prisma;
    const organisation = await prisma.organisation.create({ data: { ...TEST_ORGANISATION, shortForm: "Sở" } });
    const unit = await prisma.unit.create({ data: { organisationId: organisation.id, code: "van-phong", name: "Văn phòng Sở", kind: "office", order: 1 } });
    const template = await ensureTemplate(prisma, reform);
    const round = await prisma.round.create({
      data: { organisationId: organisation.id, templateId: template.id, periodKind: "QUARTER", periodYear: 2025, periodNumber: 3, deadline: new Date(Date.now() + 7 * 86_400_000), status: "OPEN" },
    });
    const person = await prisma.person.create({ data: { accounts: { create: { channel: "TELEGRAM", externalId: String(5551n) } }, name: "Lê Thị Hằng" } });
    personId = person.id;
    await prisma.membership.create({ data: { personId, role: "REPORTER", unitId: unit.id } });
    const answers: Record<string, unknown> = {
      direction: "Sở ban hành Kế hoạch cải cách hành chính năm 2025.",
      tthc_tiep_nhan: 120,
      tthc_dung_han: 125,
      tthc_truc_tuyen: 80,
      dvc_toan_trinh: true,
      next_tasks: ["Đẩy mạnh dịch vụ công trực tuyến"],
    };
    const submission = await prisma.submission.create({
      data: {
        roundId: round.id,
        unitId: unit.id,
        status: "IN_PROGRESS",
        answers: { create: Object.entries(answers).map(([questionKey, value]) => ({ questionKey, value: value as never })) },
      },
    });
    submissionId = submission.id;
  });

  afterAll(async () => {
    await db?.drop();
  });

  it("refuses with the template's message, and the conversation shows it in the reporter's language", async () => {
    const refused = await submitSubmission(prisma, { submissionId, personId });
    expect(refused).toMatchObject({ ok: false, reason: "check-failed", problems: [{ rule: "tthc_dung_han <= tthc_tiep_nhan" }] });
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: submissionId } })).status).toBe("IN_PROGRESS");

    const deps: ConversationDeps = { prisma, timezone: "Asia/Ho_Chi_Minh", defaultLocale: "vi", translatorFor, messageLimit: 4096 };
    const { version } = await prisma.submission.findUniqueOrThrow({ where: { id: submissionId }, select: { version: true } });
    const actor = { personId, grants: [{ role: "REPORTER" as const, unitId: (await prisma.submission.findUniqueOrThrow({ where: { id: submissionId } })).unitId }] };
    for (const [locale, expected] of [
      ["vi", "⚠️ Báo cáo chưa nộp được vì số liệu chưa khớp:\n• Số hồ sơ giải quyết đúng hạn không thể nhiều hơn số hồ sơ tiếp nhận trong kỳ."],
      ["en", "⚠️ The report was not submitted because some figures do not agree:\n• Applications settled on time cannot exceed the applications received."],
    ] as const) {
      const outcome = await handleEvent(deps, `chat:${locale}`, { personId, name: "Lê Thị Hằng", actor, locale }, { type: "button", action: { op: "submit", sid: submissionId, version } });
      const text = outcome.replies.map((r) => r.text).join("\n");
      // Fluent wraps placeables in isolation marks; compare without them.
      expect(text.replace(/[\u2068\u2069]/g, "")).toContain(expected);
      expect(outcome.submitted).toBeUndefined();
    }
  });

  it("submits once the figures agree", async () => {
    await prisma.answer.update({ where: { submissionId_questionKey: { submissionId, questionKey: "tthc_dung_han" } }, data: { value: 118 } });
    expect(await submitSubmission(prisma, { submissionId, personId })).toMatchObject({ ok: true });
  });
});
