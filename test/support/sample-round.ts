import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { loadBundledTemplate } from "../../src/report/bundled-templates.ts";
import { ensureTemplate } from "../../src/report/ensure-template.ts";
import { SAMPLE_ORGANISATION, SAMPLE_SUBMISSIONS, SAMPLE_UNITS } from "../../src/report/sample/sample-report-input.ts";

/**
 * The bundled sample stored as a round of the default template: the sample organisation, its units and their
 * answers. Returns the round and the database id of each sample unit.
 */
export async function storeSampleRound(
  prisma: PrismaClient,
  round: { requestDocument?: string | null; status?: "OPEN" | "CLOSED" } = {},
): Promise<{ roundId: number; organisationId: number; unitIds: Map<number, number>; submissionIds: Map<number, number> }> {
  const { signerAuthority, recipients, distribution, ...org } = SAMPLE_ORGANISATION;
  const organisation = await prisma.organisation.create({ data: { ...org, shortForm: org.shortForm ?? "", drafterUnit: org.drafterUnit ?? "", signerAuthority, recipients, distribution } });
  const unitIds = new Map<number, number>();
  for (const unit of SAMPLE_UNITS) {
    const row = await prisma.unit.create({ data: { organisationId: organisation.id, code: `u${unit.id}`, name: unit.name, kind: unit.kind, order: unit.order } });
    unitIds.set(unit.id, row.id);
  }
  const template = await ensureTemplate(prisma, loadBundledTemplate("dan-chu-co-so"));
  const row = await prisma.round.create({
    data: {
      organisationId: organisation.id,
      templateId: template.id,
      periodKind: "NINE_MONTHS",
      periodYear: 2024,
      periodNumber: 1,
      deadline: new Date("2024-09-20T10:00:00Z"),
      requestDocument: round.requestDocument === undefined ? "Công văn số 09-CV/BCĐ ngày 10/9/2024 của Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở" : round.requestDocument,
      status: round.status ?? "OPEN",
    },
  });
  const submissionIds = new Map<number, number>();
  for (const submission of SAMPLE_SUBMISSIONS) {
    const created = await prisma.submission.create({
      data: {
        roundId: row.id,
        unitId: unitIds.get(submission.unitId)!,
        status: submission.status,
        answers: {
          create: Object.entries(submission.answers).map(([questionKey, answer]) => ({ questionKey, value: (answer.value ?? null) as never, skipped: answer.skipped })),
        },
      },
    });
    submissionIds.set(submission.unitId, created.id);
  }
  return { roundId: row.id, organisationId: organisation.id, unitIds, submissionIds };
}
