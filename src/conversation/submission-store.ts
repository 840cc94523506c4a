import { parseAnswerValue, type AnswerValue } from "../domain/answer-value.ts";
import { periodLabel, type PeriodKind } from "../domain/calendar/period.ts";
import { cleanDisplayName } from "../domain/display-name.ts";
import { officeAnswerVersion, type RoundStatus, type SubmissionStatus } from "../domain/submission-rules.ts";
import { questionsForUnitKind, templateQuestions, type Template } from "../domain/template/template-schema.ts";
import { rawSqlOf, type RawSql } from "../db/raw-sql.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { Locale } from "../i18n.ts";
import type { Db } from "../submissions/db-client.ts";
import { templateById } from "../submissions/round-template.ts";
import type { StoredAnswer, SubmissionSnapshot } from "./submission-snapshot.ts";

type SubmissionRow = {
  id: number;
  status: SubmissionStatus;
  version: number;
  returnedQuestionKeys: string[];
  returnComment: string | null;
  returnedAt: Date | null;
  submittedAt: Date | null;
  editedAfterSubmitAt: Date | null;
  unitId: number;
  unitName: string;
  unitKind: string;
  roundId: number;
  roundStatus: RoundStatus;
  deadline: Date;
  periodKind: PeriodKind;
  periodYear: number;
  periodNumber: number;
  templateId: number;
  roundHasOverrides: boolean;
  /** The unit's answer to each question in its latest earlier round (null when not asked for). */
  lastAnswers: { questionKey: string; value: unknown }[] | null;
  answers: (Omit<AnswerRow, "updatedAt" | "submittedAt"> & { updatedAt: number; submittedAt: number | null })[];
};

type AnswerRow = {
  questionKey: string;
  value: unknown;
  skipped: boolean;
  revision: number;
  submittedRevision: number | null;
  authorId: number | null;
  updatedAt: Date;
  authorName: string | null;
  /** The submitted revision, when it is not the current one (office view only; the id null otherwise). */
  submittedId: number | null;
  submittedValue: unknown;
  submittedSkipped: boolean | null;
  submittedAuthorId: number | null;
  submittedAuthorName: string | null;
  submittedAt: Date | null;
};

// A submission's round, and so its template, never changes: kept so that the next read of it asks only for the
// earlier answers its questions can offer. Bounded: forgotten wholesale past a size no agency reaches in a day.
const templateOfSubmission = new Map<number, number>();
const keepableKeys = new Map<number, string[]>();
const REMEMBERED_SUBMISSIONS = 50_000;

function rememberTemplate(submissionId: number, templateId: number, template: Template): void {
  if (templateOfSubmission.size >= REMEMBERED_SUBMISSIONS) templateOfSubmission.clear();
  templateOfSubmission.set(submissionId, templateId);
  if (!keepableKeys.has(templateId)) keepableKeys.set(templateId, templateQuestions(template).filter((q) => q.offerKeepLast).map((q) => q.key));
}

/** Whose eyes: the unit's (answers as they stand) or the office's (the version submitted). */
export type SnapshotView = "reporter" | "office";

/**
 * Reads one submission with its round, unit, questions, answers and last period's answers. A reload of
 * the same submission within one step may pass the earlier snapshot's `lastValues`: earlier rounds'
 * answers do not change meanwhile. The office's view (and anyone's, once accepted) shows the version
 * submitted rather than changes made since. `lock`: the submission is locked (and its round held, shared)
 * until the caller's transaction ends, so what was read is what a save in that transaction finds.
 */
export async function loadSnapshot(
  db: Db | RawSql,
  submissionId: number,
  locale: Locale,
  reuse: { lastValues?: Record<string, AnswerValue>; view?: SnapshotView; lock?: boolean } = {},
): Promise<SubmissionSnapshot | null> {
  // One statement instead of the six a nested Prisma read takes: this runs on every step. The answers come
  // as one JSON array (times as epoch milliseconds, exact for timestamp(3)); the submitted revision is joined only
  // while the report is edited after submitting, the one case where a view shows it. Last period's answers are
  // the latest earlier round's, one per question. Which questions offer them is the template's to say: known from
  // this process's earlier read of the submission, only those are read (null: all, filtered below; none: no read).
  const known = templateOfSubmission.get(submissionId);
  const keepKeys = known === undefined ? null : (keepableKeys.get(known) ?? null);
  const withLast = !reuse.lastValues && keepKeys?.length !== 0;
  const rows = await rawSqlOf(db).rows<SubmissionRow>(Prisma.sql`
    SELECT s."id", s."status"::text AS "status", s."version", s."returnedQuestionKeys", s."returnComment", s."returnedAt", s."submittedAt", s."editedAfterSubmitAt",
           u."id" AS "unitId", u."name" AS "unitName", u."kind" AS "unitKind",
           r."id" AS "roundId", r."status"::text AS "roundStatus", r."deadline", r."periodKind"::text AS "periodKind",
           r."periodYear", r."periodNumber", r."templateId",
           EXISTS (SELECT 1 FROM "ReportOverride" o WHERE o."roundId" = r."id") AS "roundHasOverrides",
           COALESCE((
             SELECT json_agg(json_build_object(
                      'questionKey', a."questionKey", 'value', a."value", 'skipped', a."skipped", 'revision', a."revision",
                      'submittedRevision', a."submittedRevision", 'authorId', a."authorId",
                      'updatedAt', (extract(epoch FROM a."updatedAt") * 1000)::float8, 'authorName', p."name",
                      'submittedId', sr."id", 'submittedValue', sr."value", 'submittedSkipped', sr."skipped",
                      'submittedAuthorId', sr."authorId", 'submittedAuthorName', sp."name",
                      'submittedAt', (extract(epoch FROM sr."createdAt") * 1000)::float8))
             FROM "Answer" a LEFT JOIN "Person" p ON p."id" = a."authorId"
             LEFT JOIN "AnswerRevision" sr ON s."editedAfterSubmitAt" IS NOT NULL AND sr."answerId" = a."id"
                  AND sr."revision" = a."submittedRevision" AND a."submittedRevision" <> a."revision"
             LEFT JOIN "Person" sp ON sp."id" = sr."authorId"
             WHERE a."submissionId" = s."id"
           ), '[]'::json) AS "answers",
           CASE WHEN ${withLast} THEN COALESCE((
             SELECT json_agg(json_build_object('questionKey', l."questionKey", 'value', l."value"))
             FROM (SELECT DISTINCT ON (la."questionKey") la."questionKey", la."value"
                   FROM "Answer" la JOIN "Submission" ls ON ls."id" = la."submissionId" JOIN "Round" lr ON lr."id" = ls."roundId"
                   WHERE ls."unitId" = s."unitId" AND lr."id" <> r."id" AND lr."deadline" < r."deadline" AND NOT la."skipped"
                     AND (${keepKeys}::text[] IS NULL OR la."questionKey" = ANY(${keepKeys}::text[]))
                   ORDER BY la."questionKey", lr."deadline" DESC) l
           ), '[]'::json) END AS "lastAnswers"
    FROM "Submission" s JOIN "Unit" u ON u."id" = s."unitId" JOIN "Round" r ON r."id" = s."roundId"
    WHERE s."id" = ${submissionId}
    ${reuse.lock ? Prisma.sql`FOR UPDATE OF s FOR SHARE OF r` : Prisma.empty}`);
  const row = rows[0];
  if (!row) return null;
  const view: SnapshotView = reuse.view ?? (row.status === "ACCEPTED" ? "office" : "reporter");
  const officeView = view === "office" && row.editedAfterSubmitAt !== null;
  const stored: AnswerRow[] = row.answers.map((a) => ({
    ...a,
    updatedAt: new Date(a.updatedAt),
    submittedAt: a.submittedAt === null ? null : new Date(a.submittedAt),
  }));
  const template = await templateById(db, row.templateId);
  const questions = questionsForUnitKind(template, row.unitKind);
  rememberTemplate(submissionId, row.templateId, template);
  const answers: Record<string, StoredAnswer> = {};
  const changedKeys = stored.filter((a) => officeAnswerVersion(a, row) !== "current").map((a) => a.questionKey);
  for (const a of stored) {
    const version = officeView ? officeAnswerVersion(a, row) : "current";
    if (version === "absent") continue;
    const shown =
      version === "submitted" && a.submittedId !== null
        ? { value: a.submittedValue, skipped: a.submittedSkipped === true, authorId: a.submittedAuthorId, authorName: a.submittedAuthorName, updatedAt: a.submittedAt! }
        : a;
    answers[a.questionKey] = {
      value: shown.skipped ? null : (shown.value as AnswerValue),
      skipped: shown.skipped,
      revision: version === "submitted" ? a.submittedRevision! : a.revision,
      submittedRevision: a.submittedRevision,
      authorId: shown.authorId,
      authorName: shown.authorName === null ? null : cleanDisplayName(shown.authorName),
      updatedAt: shown.updatedAt,
    };
  }

  const lastValues: Record<string, AnswerValue> = reuse.lastValues ? { ...reuse.lastValues } : {};
  for (const answer of row.lastAnswers ?? []) {
    const question = questions.find((q) => q.key === answer.questionKey);
    if (!question?.offerKeepLast) continue;
    // A value from an older template version may no longer fit the question; then it is not offered.
    const parsed = parseAnswerValue(question, answer.value);
    if (parsed.ok) lastValues[answer.questionKey] = parsed.value;
  }

  return {
    id: row.id,
    unitId: row.unitId,
    unitName: cleanDisplayName(row.unitName),
    status: row.status,
    version: row.version,
    returnedQuestionKeys: row.returnedQuestionKeys,
    returnComment: row.returnComment,
    returnedAt: row.returnedAt,
    submittedAt: row.submittedAt,
    editedAfterSubmitAt: row.editedAfterSubmitAt,
    changedKeys: questions.map((q) => q.key).filter((key) => changedKeys.includes(key)),
    roundId: row.roundId,
    roundStatus: row.roundStatus,
    roundHasOverrides: row.roundHasOverrides,
    roundLabel: periodLabel({ kind: row.periodKind, year: row.periodYear, number: row.periodNumber }, locale),
    deadline: row.deadline,
    questions,
    answers,
    lastValues,
  };
}

export type SubmissionSummary = {
  submissionId: number;
  unitId: number;
  unitName: string;
  roundLabel: string;
  deadline: Date;
  status: SubmissionStatus;
};

/** The submission of a unit in a round, created on first use (a round may open before its rows exist). */
export async function ensureSubmission(db: Db, roundId: number, unitId: number): Promise<{ id: number; status: SubmissionStatus }> {
  return db.submission.upsert({
    where: { roundId_unitId: { roundId, unitId } },
    create: { roundId, unitId },
    update: {},
    select: { id: true, status: true },
  });
}

/** The open rounds' submissions of these units, for units whose kind the round's template asks anything. */
export async function openSubmissions(db: Db, unitIds: readonly number[], locale: Locale): Promise<SubmissionSummary[]> {
  if (unitIds.length === 0) return [];
  const units = await db.unit.findMany({
    where: { id: { in: [...unitIds] }, active: true },
    select: { id: true, name: true, kind: true, order: true, organisationId: true },
    orderBy: { order: "asc" },
  });
  const rounds = await db.round.findMany({
    where: { status: "OPEN", organisationId: { in: [...new Set(units.map((u) => u.organisationId))] } },
    select: { id: true, organisationId: true, deadline: true, periodKind: true, periodYear: true, periodNumber: true, templateId: true },
    orderBy: { deadline: "asc" },
  });
  const out: SubmissionSummary[] = [];
  for (const round of rounds) {
    const template = await templateById(db, round.templateId);
    for (const unit of units) {
      if (unit.organisationId !== round.organisationId || questionsForUnitKind(template, unit.kind).length === 0) continue;
      const { id: submissionId, status } = await ensureSubmission(db, round.id, unit.id);
      out.push({
        submissionId,
        unitId: unit.id,
        unitName: cleanDisplayName(unit.name),
        roundLabel: periodLabel({ kind: round.periodKind, year: round.periodYear, number: round.periodNumber }, locale),
        deadline: round.deadline,
        status,
      });
    }
  }
  return out;
}
