import { checkReturn, reviewActions } from "../domain/office/review-rules.ts";
import { questionsForUnitKind } from "../domain/template/template-schema.ts";
import type { SubmissionStatus } from "../domain/submission-rules.ts";
import { inTransaction, type Db } from "../submissions/db-client.ts";
import { templateById } from "../submissions/round-template.ts";

export type ReviewRefusal = "not-found" | "version-changed" | "not-allowed" | "no-questions" | "unknown-question" | "empty-comment" | "comment-too-long";

export type ReviewResult = { ok: true; submissionId: number; unitId: number; roundId: number; version: number } | { ok: false; reason: ReviewRefusal; status?: SubmissionStatus };

type Locked = {
  id: number;
  status: SubmissionStatus;
  version: number;
  unitId: number;
  roundId: number;
  unitKind: string;
  roundStatus: "DRAFT" | "OPEN" | "CLOSED";
  templateId: number;
};

async function lock(tx: Db, submissionId: number): Promise<Locked | null> {
  // One statement: a nested read would send its relation queries side by side on the transaction's connection.
  const rows = await tx.$queryRaw<Locked[]>`
    SELECT s."id", s."status"::text AS "status", s."version", s."unitId", s."roundId", u."kind" AS "unitKind",
           r."status"::text AS "roundStatus", r."templateId"
    FROM "Submission" s JOIN "Unit" u ON u."id" = s."unitId" JOIN "Round" r ON r."id" = s."roundId"
    WHERE s."id" = ${submissionId}
    FOR UPDATE OF s FOR SHARE OF r`;
  return rows[0] ?? null;
}

/**
 * Accepts a submitted report: it is locked for the unit from now on (unless returned again). Refused when it
 * changed since the office read it (`expectedVersion`).
 */
export function acceptSubmission(db: Db, input: { submissionId: number; actorId: number; expectedVersion?: number; now?: Date }): Promise<ReviewResult> {
  return inTransaction(db, async (tx) => {
    const now = input.now ?? new Date();
    const s = await lock(tx, input.submissionId);
    if (!s) return { ok: false, reason: "not-found" };
    if (input.expectedVersion !== undefined && s.version !== input.expectedVersion) return { ok: false, reason: "version-changed", status: s.status };
    if (!reviewActions(s.status, s.roundStatus).accept) return { ok: false, reason: "not-allowed", status: s.status };
    const updated = await tx.submission.update({
      where: { id: s.id },
      data: { status: "ACCEPTED", acceptedAt: now, acceptedById: input.actorId, version: { increment: 1 } },
      select: { version: true },
    });
    await tx.auditEvent.create({
      data: { actorId: input.actorId, action: "submission.accepted", entityType: "Submission", entityId: String(s.id), data: { version: updated.version }, createdAt: now },
    });
    return { ok: true, submissionId: s.id, unitId: s.unitId, roundId: s.roundId, version: updated.version };
  });
}

/**
 * Returns some answers of a submitted (or accepted) report to the unit with the office's comment: the unit
 * answers those questions again and resubmits.
 */
export function returnSubmission(
  db: Db,
  input: { submissionId: number; actorId: number; questionKeys: readonly string[]; comment: string; expectedVersion?: number; now?: Date },
): Promise<ReviewResult & { keys?: string[] }> {
  return inTransaction(db, async (tx) => {
    const now = input.now ?? new Date();
    const s = await lock(tx, input.submissionId);
    if (!s) return { ok: false, reason: "not-found" };
    if (input.expectedVersion !== undefined && s.version !== input.expectedVersion) return { ok: false, reason: "version-changed", status: s.status };
    if (!reviewActions(s.status, s.roundStatus).return) return { ok: false, reason: "not-allowed", status: s.status };
    const template = await templateById(tx, s.templateId);
    const checked = checkReturn(
      questionsForUnitKind(template, s.unitKind).map((q) => q.key),
      input.questionKeys,
      input.comment,
    );
    if (!checked.ok) return { ok: false, reason: checked.reason, status: s.status };
    const updated = await tx.submission.update({
      where: { id: s.id },
      data: {
        status: "RETURNED",
        returnComment: checked.comment,
        returnedQuestionKeys: checked.keys,
        returnedAt: now,
        returnedById: input.actorId,
        acceptedAt: null,
        acceptedById: null,
        version: { increment: 1 },
      },
      select: { version: true },
    });
    await tx.auditEvent.create({
      data: {
        actorId: input.actorId,
        action: "submission.returned",
        entityType: "Submission",
        entityId: String(s.id),
        data: { version: updated.version, previousStatus: s.status, questionKeys: checked.keys, comment: checked.comment },
        createdAt: now,
      },
    });
    return { ok: true, submissionId: s.id, unitId: s.unitId, roundId: s.roundId, version: updated.version, keys: checked.keys };
  });
}
