/** What may happen to a unit's submission, by its status and its round's; free of storage and channel. */

export type SubmissionStatus = "NOT_STARTED" | "IN_PROGRESS" | "SUBMITTED" | "RETURNED" | "ACCEPTED";
export type RoundStatus = "DRAFT" | "OPEN" | "CLOSED";

export type Editability =
  | { editable: true; returnedOnly: false }
  /** The office returned some answers: only those are asked again. */
  | { editable: true; returnedOnly: true; keys: readonly string[] }
  | { editable: false; reason: "round-closed" | "round-not-open" | "accepted" };

export function editability(
  submission: { status: SubmissionStatus; returnedQuestionKeys: readonly string[] },
  roundStatus: RoundStatus,
): Editability {
  if (roundStatus === "CLOSED") return { editable: false, reason: "round-closed" };
  if (roundStatus !== "OPEN") return { editable: false, reason: "round-not-open" };
  if (submission.status === "ACCEPTED") return { editable: false, reason: "accepted" };
  if (submission.status === "RETURNED" && submission.returnedQuestionKeys.length > 0) {
    return { editable: true, returnedOnly: true, keys: submission.returnedQuestionKeys };
  }
  return { editable: true, returnedOnly: false };
}

/**
 * A change to an answer: a report not started is now in progress. A submitted report stays submitted — the
 * office keeps the submitted version — and is marked as being edited until it is submitted again.
 */
export function statusAfterAnswer(status: SubmissionStatus): SubmissionStatus {
  return status === "NOT_STARTED" ? "IN_PROGRESS" : status;
}

/** Where a submission stands for submitting: its status and whether it changed since it was submitted. */
export type SubmitState = { status: SubmissionStatus; editedAfterSubmitAt: Date | null };

/** A submitted report changed since, whose changes the office does not have yet. */
export function isEditingSubmitted(s: SubmitState): boolean {
  return s.status === "SUBMITTED" && s.editedAfterSubmitAt !== null;
}

/** Whether "submit" is possible: never submitted, returned, or submitted and changed since. */
export function canSubmit(s: SubmitState): boolean {
  return s.status === "NOT_STARTED" || s.status === "IN_PROGRESS" || s.status === "RETURNED" || isEditingSubmitted(s);
}

/**
 * Which version of a stored answer the office reads (status, compile, review, export) of a submitted or
 * accepted report: the current one, unless the report was changed after it was submitted — then the
 * revision that was submitted, and nothing for an answer added since. Of a draft, the current one.
 */
export function officeAnswerVersion(answer: { revision: number; submittedRevision: number | null }, s: SubmitState): "current" | "submitted" | "absent" {
  const submitted = s.status === "SUBMITTED" || s.status === "ACCEPTED";
  if (!submitted || s.editedAfterSubmitAt === null || answer.submittedRevision === answer.revision) return "current";
  return answer.submittedRevision === null ? "absent" : "submitted";
}

/** Required questions without a real answer (unanswered or skipped), in the given order. */
export function missingRequired(
  questions: readonly { key: string; required: boolean }[],
  answers: Readonly<Record<string, { skipped: boolean } | undefined>>,
): string[] {
  return questions.filter((q) => q.required && (!answers[q.key] || answers[q.key]!.skipped)).map((q) => q.key);
}
