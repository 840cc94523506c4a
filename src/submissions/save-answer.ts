import type { AnswerValue } from "../domain/answer-value.ts";
import { editability, statusAfterAnswer, type RoundStatus, type SubmissionStatus } from "../domain/submission-rules.ts";
import type { RawSql } from "../db/raw-sql.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { inRawTransaction, type Db } from "./db-client.ts";

export type SaveAnswerInput = {
  submissionId: number;
  questionKey: string;
  /** Ignored (stored as JSON null) when skipped. */
  value: AnswerValue | null;
  skipped: boolean;
  authorId: number;
  /** typed, kept (last period's answer), imported … */
  source: string;
  /** Revision the author saw when answering (0: none); a newer one by someone else is reported back. */
  seenRevision?: number;
  /**
   * Refuse instead of replacing when the stored answer is no longer at this revision (0: none yet): the web
   * form's version check, so an answer changed elsewhere meanwhile becomes a visible conflict.
   */
  expectedRevision?: number;
  now?: Date;
};

export type SaveAnswerResult =
  | {
      ok: true;
      revision: number;
      previousStatus: SubmissionStatus;
      status: SubmissionStatus;
      /** The submission's version after this change. */
      version: number;
      /** Someone else's answer stored after the author last saw the question, now replaced (kept in the history). */
      overwrote: { authorId: number | null; revision: number; at: Date } | null;
      /** The first change to a submitted report: the office keeps the submitted version until it is submitted again. */
      firstChangeAfterSubmit: boolean;
    }
  | { ok: false; reason: "not-found" | "round-closed" | "round-not-open" | "accepted" | "not-returned" }
  /** Only with `expectedRevision`: the answer as it stands now, changed since the author last saw it. */
  | { ok: false; reason: "conflict"; current: { revision: number; value: unknown; skipped: boolean; authorId: number | null; updatedAt: Date } };

/** The submission as its lock holder read it, with the stored answer to the question being saved. */
export type HeldSubmission = {
  status: SubmissionStatus;
  returnedQuestionKeys: string[];
  editedAfterSubmitAt: Date | null;
  roundStatus: RoundStatus;
  existing: { revision: number; value: unknown; skipped: boolean; authorId: number | null; updatedAt: Date } | null;
};

type LockedRow = Omit<HeldSubmission, "existing"> & {
  answerRevision: number | null;
  answerValue: unknown;
  answerSkipped: boolean | null;
  answerAuthorId: number | null;
  answerUpdatedAt: Date | null;
};

/** Locks the submission (and holds its round, shared) and reads it with the stored answer to one question. */
async function lockForSave(sql: RawSql, submissionId: number, questionKey: string): Promise<HeldSubmission | null> {
  const rows = await sql.rows<LockedRow>(Prisma.sql`
    SELECT s."status"::text AS "status", s."returnedQuestionKeys", s."editedAfterSubmitAt", r."status"::text AS "roundStatus",
           a."revision" AS "answerRevision", a."value" AS "answerValue", a."skipped" AS "answerSkipped",
           a."authorId" AS "answerAuthorId", a."updatedAt" AS "answerUpdatedAt"
    FROM "Submission" s JOIN "Round" r ON r."id" = s."roundId"
    LEFT JOIN "Answer" a ON a."submissionId" = s."id" AND a."questionKey" = ${questionKey}
    WHERE s."id" = ${submissionId}
    FOR UPDATE OF s FOR SHARE OF r`);
  const row = rows[0];
  if (!row) return null;
  const { answerRevision, answerValue, answerSkipped, answerAuthorId, answerUpdatedAt, ...submission } = row;
  const existing =
    answerRevision === null
      ? null
      : { revision: answerRevision, value: answerValue, skipped: answerSkipped === true, authorId: answerAuthorId, updatedAt: answerUpdatedAt! };
  return { ...submission, existing };
}

/**
 * Stores one answer and its revision in one transaction. The submission row is locked first, so two people
 * of a unit saving at once are serialised: both revisions are kept and the later one is told it replaced
 * the other's. The round row is held (shared) until the commit, so closing the round waits for the save and
 * a save after the close is refused. A change to a submitted report keeps it submitted: the revisions
 * current at the first change are recorded as the submitted version, which the office keeps using until
 * the report is submitted again.
 *
 * `held`: the caller already locked the submission in this transaction and read it (a conversation step
 * reads it so); the save then is one statement.
 */
export function saveAnswer(db: Db | RawSql, input: SaveAnswerInput, held?: HeldSubmission): Promise<SaveAnswerResult> {
  return inRawTransaction(db, async (sql) => {
    const now = input.now ?? new Date();
    const submission = held ?? (await lockForSave(sql, input.submissionId, input.questionKey));
    if (!submission) return { ok: false, reason: "not-found" };
    const e = editability(submission, submission.roundStatus);
    if (!e.editable) return { ok: false, reason: e.reason };
    if (e.returnedOnly && !e.keys.includes(input.questionKey)) return { ok: false, reason: "not-returned" };

    const existing = submission.existing;
    // Read under the submission's lock: no other save of this unit can slip in before this one.
    if (input.expectedRevision !== undefined && existing && existing.revision !== input.expectedRevision) return { ok: false, reason: "conflict", current: existing };

    const firstChangeAfterSubmit = submission.status === "SUBMITTED" && submission.editedAfterSubmitAt === null;
    if (firstChangeAfterSubmit) {
      // What the office has now is what was submitted: remember it before the first change.
      await sql.run(Prisma.sql`UPDATE "Answer" SET "submittedRevision" = "revision" WHERE "submissionId" = ${input.submissionId}`);
    }
    const value = JSON.stringify(input.skipped || input.value === null ? null : input.value);
    const status = statusAfterAnswer(submission.status);
    // The answer (created or its revision bumped), its revision row and the submission's version in one statement.
    const rows = await sql.rows<{ revision: number; version: number }>(Prisma.sql`
      WITH saved AS (
        INSERT INTO "Answer" ("submissionId", "questionKey", "value", "skipped", "authorId", "revision", "createdAt", "updatedAt")
        VALUES (${input.submissionId}, ${input.questionKey}, ${value}::jsonb, ${input.skipped}, ${input.authorId}, 1, ${now}, ${now})
        ON CONFLICT ("submissionId", "questionKey") DO UPDATE SET "value" = EXCLUDED."value", "skipped" = EXCLUDED."skipped",
          "authorId" = EXCLUDED."authorId", "revision" = "Answer"."revision" + 1, "updatedAt" = EXCLUDED."updatedAt"
        RETURNING "id", "revision"),
      history AS (
        INSERT INTO "AnswerRevision" ("answerId", "revision", "value", "skipped", "authorId", "source", "createdAt")
        SELECT "id", "revision", ${value}::jsonb, ${input.skipped}, ${input.authorId}, ${input.source}, ${now} FROM saved),
      counted AS (
        UPDATE "Submission" SET "status" = ${status}::"SubmissionStatus", "version" = "version" + 1, "lastActivityAt" = ${now},
          "cursor" = ${input.questionKey}, "updatedAt" = ${now},
          "editedAfterSubmitAt" = CASE WHEN ${firstChangeAfterSubmit} THEN ${now}::timestamp(3) ELSE "editedAfterSubmitAt" END
        WHERE "id" = ${input.submissionId}
        RETURNING "version")
      SELECT saved."revision", counted."version" FROM saved, counted`);
    const saved = rows[0]!;
    const seen = input.seenRevision;
    const overwrote =
      existing && seen !== undefined && existing.revision > seen && existing.authorId !== input.authorId
        ? { authorId: existing.authorId, revision: existing.revision, at: existing.updatedAt }
        : null;
    return { ok: true, revision: saved.revision, previousStatus: submission.status, status, version: saved.version, overwrote, firstChangeAfterSubmit };
  });
}
