import { periodSlug } from "../domain/calendar/period.ts";
import { wallClock } from "../domain/calendar/zoned-time.ts";
import { parseAnswerValue } from "../domain/answer-value.ts";
import { answersCsv, type AnswerExportRow } from "../domain/office/answers-csv.ts";
import { answerText } from "../domain/office/answer-text.ts";
import { cleanDisplayName } from "../domain/display-name.ts";
import { officeAnswerVersion } from "../domain/submission-rules.ts";
import { questionsForUnitKind } from "../domain/template/template-schema.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Locale } from "../i18n.ts";
import { templateById } from "../submissions/round-template.ts";

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export type AnswersExport = { fileName: string; csv: string; rows: number; units: number };

/** "2024-10-14 10:32" in the organisation's time zone: sorts as text and Excel reads it as a date. */
function localStamp(instant: Date, timeZone: string): string {
  const { year, month, day, hour, minute } = wallClock(instant, timeZone);
  return `${year}-${month}-${day} ${hour}:${minute}`;
}

/**
 * The round's raw answers as CSV: one record per unit × question the unit is asked, unanswered ones too, in
 * report order. Headings and labels in the requester's language; values exactly as stored in the JSON column.
 * A report changed after it was submitted is exported as submitted, as the compile reads it.
 */
export async function exportRoundAnswers(prisma: PrismaClient, roundId: number, locale: Locale, t: Translate): Promise<AnswersExport | null> {
  const round = await prisma.round.findUnique({
    where: { id: roundId },
    select: {
      id: true,
      organisationId: true,
      templateId: true,
      periodKind: true,
      periodYear: true,
      periodNumber: true,
      template: { select: { key: true } },
      organisation: { select: { timezone: true } },
    },
  });
  if (!round) return null;
  const template = await templateById(prisma, round.templateId);
  const units = await prisma.unit.findMany({
    where: { organisationId: round.organisationId, OR: [{ active: true }, { submissions: { some: { roundId } } }] },
    orderBy: [{ order: "asc" }, { id: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      kind: true,
      order: true,
      submissions: {
        where: { roundId },
        select: {
          status: true,
          editedAfterSubmitAt: true,
          answers: {
            select: { id: true, questionKey: true, value: true, skipped: true, revision: true, submittedRevision: true, updatedAt: true, author: { select: { name: true } } },
          },
        },
      },
    },
  });
  // The submitted revisions of answers changed after their report was submitted.
  const submittedRows = await prisma.$queryRaw<{ answerId: number; value: unknown; skipped: boolean; revision: number; at: Date; authorName: string | null }[]>`
    SELECT a."id" AS "answerId", r."value", r."skipped", r."revision", r."createdAt" AS "at", p."name" AS "authorName"
    FROM "Answer" a JOIN "Submission" s ON s."id" = a."submissionId"
    JOIN "AnswerRevision" r ON r."answerId" = a."id" AND r."revision" = a."submittedRevision"
    LEFT JOIN "Person" p ON p."id" = r."authorId"
    WHERE s."roundId" = ${roundId} AND s."editedAfterSubmitAt" IS NOT NULL AND a."submittedRevision" <> a."revision"`;
  const submittedRevisions = new Map(submittedRows.map((row) => [row.answerId, row]));
  const yesNo = { yes: t("office-csv-yes"), no: t("office-csv-no") };
  const rows: AnswerExportRow[] = [];
  let unitCount = 0;
  for (const unit of units) {
    const questions = questionsForUnitKind(template, unit.kind);
    const submission = unit.submissions[0];
    if (questions.length === 0) continue;
    unitCount++;
    const status = t(`office-status-${(submission?.status ?? "NOT_STARTED").toLowerCase().replace("_", "-")}`);
    type Shown = { value: unknown; skipped: boolean; revision: number; updatedAt: Date; authorName: string | null };
    const answers = new Map<string, Shown>();
    for (const a of submission?.answers ?? []) {
      const version = officeAnswerVersion(a, submission!);
      const submitted = version === "submitted" ? submittedRevisions.get(a.id) : undefined;
      if (version === "absent" || (version === "submitted" && !submitted)) continue;
      answers.set(
        a.questionKey,
        submitted
          ? { value: submitted.value, skipped: submitted.skipped, revision: submitted.revision, updatedAt: submitted.at, authorName: submitted.authorName }
          : { value: a.value, skipped: a.skipped, revision: a.revision, updatedAt: a.updatedAt, authorName: a.author?.name ?? null },
      );
    }
    questions.forEach((question, index) => {
      const answer = answers.get(question.key);
      const parsed = answer && !answer.skipped ? parseAnswerValue(question, answer.value) : null;
      rows.push({
        unitOrder: unit.order,
        unitCode: unit.code,
        unitName: cleanDisplayName(unit.name),
        status,
        questionNumber: index + 1,
        questionKey: question.key,
        question: question.prompt[locale],
        // A stored value that no longer fits the question is still exported, as its JSON.
        answer: parsed ? (parsed.ok ? answerText(question, parsed.value, locale, yesNo) : JSON.stringify(answer!.value)) : "",
        valueJson: answer && !answer.skipped ? JSON.stringify(answer.value) : "",
        skipped: answer?.skipped ?? false,
        revision: answer?.revision ?? null,
        author: answer?.authorName ? cleanDisplayName(answer.authorName) : "",
        updatedAt: answer ? localStamp(answer.updatedAt, round.organisation.timezone) : "",
        inReport: question.report,
      });
    });
  }
  const header = [
    "unit-order",
    "unit-code",
    "unit-name",
    "status",
    "question-number",
    "question-key",
    "question",
    "answer",
    "value-json",
    "skipped",
    "revision",
    "author",
    "updated-at",
    "in-report",
  ].map((column) => t(`office-csv-${column}`));
  const period = { kind: round.periodKind, year: round.periodYear, number: round.periodNumber };
  return {
    fileName: `TL-${round.template.key}-${periodSlug(period)}.csv`,
    csv: answersCsv(header, rows, yesNo),
    rows: rows.length,
    units: unitCount,
  };
}
