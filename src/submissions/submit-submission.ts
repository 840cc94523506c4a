import { checkSubmission, type SubmissionProblem } from "../domain/check-submission.ts";
import { canSubmit, editability, missingRequired, type RoundStatus, type SubmissionStatus } from "../domain/submission-rules.ts";
import { questionsForUnitKind } from "../domain/template/template-schema.ts";
import type { RawSql } from "../db/raw-sql.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { inRawTransaction, type Db } from "./db-client.ts";
import { templateById } from "./round-template.ts";

export type SubmitInput = {
  submissionId: number;
  personId: number;
  /** The version the person previewed; a different one means answers changed since (refused). */
  expectedVersion?: number;
  now?: Date;
};

export type SubmitResult =
  | { ok: true; submittedAt: Date; version: number; resubmitted: boolean; wasReturned: boolean }
  | { ok: false; reason: "not-found" | "round-closed" | "round-not-open" | "accepted" | "already-submitted" | "version-changed" }
  | { ok: false; reason: "incomplete"; missing: string[] }
  /** The answers fail a check of the template ("đúng hạn ≤ tiếp nhận"): its messages say what to correct. */
  | { ok: false; reason: "check-failed"; problems: SubmissionProblem[] };

type Locked = {
  status: SubmissionStatus;
  version: number;
  submittedAt: Date | null;
  editedAfterSubmitAt: Date | null;
  returnedQuestionKeys: string[];
  unitKind: string;
  roundStatus: RoundStatus;
  templateId: number;
};

/**
 * Submits a unit's answers to the office: every required question answered, nothing changed since the
 * preview. The round row is held (shared) like a save's, so closing the round waits for a submit in flight.
 */
export function submitSubmission(db: Db | RawSql, input: SubmitInput): Promise<SubmitResult> {
  return inRawTransaction(db, async (sql) => {
    const now = input.now ?? new Date();
    // One statement, one after the other on the transaction's connection (a nested read would send its
    // relation queries side by side).
    const rows = await sql.rows<Locked>(Prisma.sql`
      SELECT s."status"::text AS "status", s."version", s."submittedAt", s."editedAfterSubmitAt", s."returnedQuestionKeys",
             u."kind" AS "unitKind", r."status"::text AS "roundStatus", r."templateId"
      FROM "Submission" s JOIN "Unit" u ON u."id" = s."unitId" JOIN "Round" r ON r."id" = s."roundId"
      WHERE s."id" = ${input.submissionId}
      FOR UPDATE OF s FOR SHARE OF r`);
    const submission = rows[0];
    if (!submission) return { ok: false, reason: "not-found" };
    const e = editability(submission, submission.roundStatus);
    if (!e.editable) return { ok: false, reason: e.reason };
    if (!canSubmit(submission)) return { ok: false, reason: "already-submitted" };
    if (input.expectedVersion !== undefined && input.expectedVersion !== submission.version) return { ok: false, reason: "version-changed" };
    const template = await templateById(sql, submission.templateId);
    const stored = await sql.rows<{ questionKey: string; skipped: boolean; value: unknown }>(
      Prisma.sql`SELECT "questionKey", "skipped", "value" FROM "Answer" WHERE "submissionId" = ${input.submissionId}`,
    );
    const answers = Object.fromEntries(stored.map((a) => [a.questionKey, a]));
    const missing = missingRequired(questionsForUnitKind(template, submission.unitKind), answers);
    if (missing.length > 0) return { ok: false, reason: "incomplete", missing };
    const problems = checkSubmission(template, submission.unitKind, answers);
    if (problems.length > 0) return { ok: false, reason: "check-failed", problems };

    const wasReturned = submission.status === "RETURNED";
    const resubmitted = submission.submittedAt !== null;
    // Submitted, and audited, in one statement. What is stored now is the submitted version again; the returned
    // questions are answered again (the comment stays for the record).
    const [submitted] = await sql.rows<{ version: number }>(Prisma.sql`
      WITH submitted AS (
        UPDATE "Submission" SET "status" = 'SUBMITTED', "submittedAt" = ${now}, "submittedById" = ${input.personId},
          "editedAfterSubmitAt" = NULL, "version" = "version" + 1, "lastActivityAt" = ${now}, "updatedAt" = ${now},
          "returnedQuestionKeys" = CASE WHEN ${wasReturned} THEN ARRAY[]::text[] ELSE "returnedQuestionKeys" END
        WHERE "id" = ${input.submissionId}
        RETURNING "version"),
      audited AS (
        INSERT INTO "AuditEvent" ("actorId", "action", "entityType", "entityId", "data", "createdAt")
        SELECT ${input.personId}::int, ${resubmitted ? "submission.resubmitted" : "submission.submitted"}::text, 'Submission', ${String(input.submissionId)}::text,
          jsonb_build_object('version', "version", 'wasReturned', ${wasReturned}::boolean, 'returnedQuestionKeys', ${JSON.stringify(submission.returnedQuestionKeys)}::jsonb),
          ${now}::timestamp(3)
        FROM submitted)
      SELECT "version" FROM submitted`);
    // The row is locked by this transaction since the first read: the update found it.
    return { ok: true, submittedAt: now, version: submitted!.version, resubmitted, wasReturned };
  });
}
