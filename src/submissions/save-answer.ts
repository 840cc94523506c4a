import type { AnswerValue } from "../domain/answer-value.ts";
import { editability, statusAfterAnswer, type RoundStatus, type SubmissionStatus } from "../domain/submission-rules.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { inTransaction, type Db } from "./db-client.ts";

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

/**
 * Stores one answer and its revision in one transaction. The submission row is locked first, so two people
 * of a unit saving at once are serialised: both revisions are kept and the later one is told it replaced
 * the other's. The round row is held (shared) until the commit, so closing the round waits for the save and
 * a save after the close is refused. A change to a submitted report keeps it submitted: the revisions
 * current at the first change are recorded as the submitted version, which the office keeps using until
 * the report is submitted again.
 */
export function saveAnswer(db: Db, input: SaveAnswerInput): Promise<SaveAnswerResult> {
  return inTransaction(db, async (tx) => {
    const now = input.now ?? new Date();
    // Lock and read in one statement: this runs on every answer.
    const locked = await tx.$queryRaw<{ status: SubmissionStatus; returnedQuestionKeys: string[]; editedAfterSubmitAt: Date | null; roundStatus: RoundStatus }[]>`
      SELECT s."status"::text AS "status", s."returnedQuestionKeys", s."editedAfterSubmitAt", r."status"::text AS "roundStatus"
      FROM "Submission" s JOIN "Round" r ON r."id" = s."roundId"
      WHERE s."id" = ${input.submissionId}
      FOR UPDATE OF s FOR SHARE OF r`;
    const submission = locked[0];
    if (!submission) return { ok: false, reason: "not-found" };
    const e = editability(submission, submission.roundStatus);
    if (!e.editable) return { ok: false, reason: e.reason };
    if (e.returnedOnly && !e.keys.includes(input.questionKey)) return { ok: false, reason: "not-returned" };

    if (input.expectedRevision !== undefined) {
      // Read under the submission's lock: no other save of this unit can slip in before this one.
      const stored = await tx.answer.findUnique({
        where: { submissionId_questionKey: { submissionId: input.submissionId, questionKey: input.questionKey } },
        select: { revision: true, value: true, skipped: true, authorId: true, updatedAt: true },
      });
      if ((stored?.revision ?? 0) !== input.expectedRevision && stored) return { ok: false, reason: "conflict", current: stored };
    }

    const firstChangeAfterSubmit = submission.status === "SUBMITTED" && submission.editedAfterSubmitAt === null;
    if (firstChangeAfterSubmit) {
      // What the office has now is what was submitted: remember it before the first change.
      await tx.$executeRaw`UPDATE "Answer" SET "submittedRevision" = "revision" WHERE "submissionId" = ${input.submissionId}`;
    }
    const value = input.skipped || input.value === null ? Prisma.JsonNull : (input.value as Prisma.InputJsonValue);
    const existing = await tx.answer.findUnique({
      where: { submissionId_questionKey: { submissionId: input.submissionId, questionKey: input.questionKey } },
      select: { id: true, revision: true, authorId: true, updatedAt: true },
    });
    const answer = existing
      ? await tx.answer.update({
          where: { id: existing.id },
          data: { value, skipped: input.skipped, authorId: input.authorId, revision: { increment: 1 } },
          select: { id: true, revision: true },
        })
      : await tx.answer.create({
          data: { submissionId: input.submissionId, questionKey: input.questionKey, value, skipped: input.skipped, authorId: input.authorId },
          select: { id: true, revision: true },
        });
    await tx.answerRevision.create({
      data: { answerId: answer.id, revision: answer.revision, value, skipped: input.skipped, authorId: input.authorId, source: input.source, createdAt: now },
    });
    const status = statusAfterAnswer(submission.status);
    const updated = await tx.submission.update({
      where: { id: input.submissionId },
      data: { status, version: { increment: 1 }, lastActivityAt: now, cursor: input.questionKey, ...(firstChangeAfterSubmit ? { editedAfterSubmitAt: now } : {}) },
      select: { version: true },
    });
    const seen = input.seenRevision;
    const overwrote =
      existing && seen !== undefined && existing.revision > seen && existing.authorId !== input.authorId
        ? { authorId: existing.authorId, revision: existing.revision, at: existing.updatedAt }
        : null;
    return { ok: true, revision: answer.revision, previousStatus: submission.status, status, version: updated.version, overwrote, firstChangeAfterSubmit };
  });
}
