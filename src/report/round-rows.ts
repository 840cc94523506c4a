import type { Db } from "../submissions/db-client.ts";
import { activeOverrides } from "./active-overrides.ts";
import type { RoundRows } from "./round-report-input.ts";

// Apart from the compile, so screens that read a round's report (the secretary's texts, a unit's preview)
// do not load the .docx renderer.

export class CompileError extends Error {
  override name = "CompileError";
}

/** Everything a compile reads for one round, with the secretary's texts in force. */
export async function loadRoundRows(prisma: Db, roundId: number): Promise<RoundRows> {
  // One query at a time: inside a transaction a nested read would send its relation queries side by side
  // on the transaction's one connection.
  const rest = await prisma.round.findUnique({ where: { id: roundId } });
  if (!rest) throw new CompileError(`round ${roundId} does not exist`);
  const organisation = await prisma.organisation.findUniqueOrThrow({ where: { id: rest.organisationId } });
  const template = await prisma.template.findUniqueOrThrow({ where: { id: rest.templateId } });
  const submissionRows = await prisma.submission.findMany({ where: { roundId } });
  const answers = await prisma.answer.findMany({
    where: { submissionId: { in: submissionRows.map((s) => s.id) } },
    orderBy: [{ submissionId: "asc" }, { questionKey: "asc" }],
  });
  const bySubmission = new Map<number, typeof answers>();
  for (const answer of answers) {
    const list = bySubmission.get(answer.submissionId);
    if (list) list.push(answer);
    else bySubmission.set(answer.submissionId, [answer]);
  }
  const submissions = submissionRows.map((s) => ({ ...s, answers: bySubmission.get(s.id) ?? [] }));
  // Active units, and any unit that has a submission in this round even if deactivated since.
  const units = await prisma.unit.findMany({
    where: { organisationId: rest.organisationId, OR: [{ active: true }, { submissions: { some: { roundId } } }] },
    orderBy: [{ order: "asc" }, { id: "asc" }],
  });
  // The submitted revisions of answers changed after their report was submitted.
  const submitted = await prisma.$queryRaw<{ answerId: number; value: unknown; skipped: boolean }[]>`
    SELECT a."id" AS "answerId", r."value", r."skipped"
    FROM "Answer" a JOIN "Submission" s ON s."id" = a."submissionId"
    JOIN "AnswerRevision" r ON r."answerId" = a."id" AND r."revision" = a."submittedRevision"
    WHERE s."roundId" = ${roundId} AND s."editedAfterSubmitAt" IS NOT NULL AND a."submittedRevision" <> a."revision"`;
  const submittedRevisions = new Map(submitted.map((row) => [row.answerId, { value: row.value, skipped: row.skipped }]));
  const overrides = await activeOverrides(prisma, roundId);
  return { round: rest, organisation, template, units, submissions: submissions.sort((a, b) => a.unitId - b.unitId), overrides, submittedRevisions };
}
