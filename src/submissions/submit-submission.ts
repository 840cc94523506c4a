import { checkSubmission, type SubmissionProblem } from "../domain/check-submission.ts";
import { canSubmitFrom, editability, missingRequired } from "../domain/submission-rules.ts";
import { questionsForUnitKind } from "../domain/template/template-schema.ts";
import { inTransaction, type Db } from "./db-client.ts";
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

/** Submits a unit's answers to the office: every required question answered, nothing changed since the preview. */
export function submitSubmission(db: Db, input: SubmitInput): Promise<SubmitResult> {
  return inTransaction(db, async (tx) => {
    const now = input.now ?? new Date();
    const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Submission" WHERE id = ${input.submissionId} FOR UPDATE`;
    if (locked.length === 0) return { ok: false, reason: "not-found" };
    const submission = await tx.submission.findUniqueOrThrow({
      where: { id: input.submissionId },
      select: {
        status: true,
        version: true,
        submittedAt: true,
        returnedQuestionKeys: true,
        unit: { select: { kind: true } },
        round: { select: { status: true, templateId: true } },
        answers: { select: { questionKey: true, skipped: true, value: true } },
      },
    });
    const e = editability(submission, submission.round.status);
    if (!e.editable) return { ok: false, reason: e.reason };
    if (!canSubmitFrom(submission.status)) return { ok: false, reason: "already-submitted" };
    if (input.expectedVersion !== undefined && input.expectedVersion !== submission.version) return { ok: false, reason: "version-changed" };
    const template = await templateById(tx, submission.round.templateId);
    const answers = Object.fromEntries(submission.answers.map((a) => [a.questionKey, a]));
    const missing = missingRequired(questionsForUnitKind(template, submission.unit.kind), answers);
    if (missing.length > 0) return { ok: false, reason: "incomplete", missing };
    const problems = checkSubmission(template, submission.unit.kind, answers);
    if (problems.length > 0) return { ok: false, reason: "check-failed", problems };

    const wasReturned = submission.status === "RETURNED";
    const updated = await tx.submission.update({
      where: { id: input.submissionId },
      data: {
        status: "SUBMITTED",
        submittedAt: now,
        submittedById: input.personId,
        version: { increment: 1 },
        lastActivityAt: now,
        // The returned questions are answered again; the comment stays for the record.
        ...(wasReturned ? { returnedQuestionKeys: [] } : {}),
      },
      select: { version: true },
    });
    const resubmitted = submission.submittedAt !== null;
    await tx.auditEvent.create({
      data: {
        actorId: input.personId,
        action: resubmitted ? "submission.resubmitted" : "submission.submitted",
        entityType: "Submission",
        entityId: String(input.submissionId),
        data: { version: updated.version, wasReturned, returnedQuestionKeys: submission.returnedQuestionKeys },
        createdAt: now,
      },
    });
    return { ok: true, submittedAt: now, version: updated.version, resubmitted, wasReturned };
  });
}
