import { parseAnswerValue, type AnswerValue } from "../domain/answer-value.ts";
import { periodLabel } from "../domain/calendar/period.ts";
import type { SubmissionStatus } from "../domain/submission-rules.ts";
import { questionsForUnitKind } from "../domain/template/template-schema.ts";
import type { Locale } from "../i18n.ts";
import type { Db } from "../submissions/db-client.ts";
import { templateById } from "../submissions/round-template.ts";
import type { StoredAnswer, SubmissionSnapshot } from "./submission-snapshot.ts";

/** Reads one submission with its round, unit, questions, answers and last period's answers. */
export async function loadSnapshot(db: Db, submissionId: number, locale: Locale): Promise<SubmissionSnapshot | null> {
  const row = await db.submission.findUnique({
    where: { id: submissionId },
    select: {
      id: true,
      status: true,
      version: true,
      returnedQuestionKeys: true,
      returnComment: true,
      returnedAt: true,
      submittedAt: true,
      unit: { select: { id: true, name: true, kind: true } },
      round: { select: { id: true, status: true, deadline: true, periodKind: true, periodYear: true, periodNumber: true, templateId: true } },
      answers: {
        select: { questionKey: true, value: true, skipped: true, revision: true, authorId: true, updatedAt: true, author: { select: { name: true } } },
      },
    },
  });
  if (!row) return null;
  const template = await templateById(db, row.round.templateId);
  const questions = questionsForUnitKind(template, row.unit.kind);
  const answers: Record<string, StoredAnswer> = {};
  for (const a of row.answers) {
    answers[a.questionKey] = {
      value: a.skipped ? null : (a.value as AnswerValue),
      skipped: a.skipped,
      revision: a.revision,
      authorId: a.authorId,
      authorName: a.author?.name ?? null,
      updatedAt: a.updatedAt,
    };
  }

  const keepable = questions.filter((q) => q.offerKeepLast);
  const lastValues: Record<string, AnswerValue> = {};
  if (keepable.length > 0) {
    const earlier = await db.answer.findMany({
      where: {
        questionKey: { in: keepable.map((q) => q.key) },
        skipped: false,
        submission: { unitId: row.unit.id, round: { id: { not: row.round.id }, deadline: { lt: row.round.deadline } } },
      },
      orderBy: { submission: { round: { deadline: "desc" } } },
      select: { questionKey: true, value: true },
    });
    for (const answer of earlier) {
      if (answer.questionKey in lastValues) continue;
      // A value from an older template version may no longer fit the question; then it is not offered.
      const question = keepable.find((q) => q.key === answer.questionKey)!;
      const parsed = parseAnswerValue(question, answer.value);
      if (parsed.ok) lastValues[answer.questionKey] = parsed.value;
    }
  }

  return {
    id: row.id,
    unitId: row.unit.id,
    unitName: row.unit.name,
    status: row.status,
    version: row.version,
    returnedQuestionKeys: row.returnedQuestionKeys,
    returnComment: row.returnComment,
    returnedAt: row.returnedAt,
    submittedAt: row.submittedAt,
    roundId: row.round.id,
    roundStatus: row.round.status,
    roundLabel: periodLabel({ kind: row.round.periodKind, year: row.round.periodYear, number: row.round.periodNumber }, locale),
    deadline: row.round.deadline,
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
        unitName: unit.name,
        roundLabel: periodLabel({ kind: round.periodKind, year: round.periodYear, number: round.periodNumber }, locale),
        deadline: round.deadline,
        status,
      });
    }
  }
  return out;
}
