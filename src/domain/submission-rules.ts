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

/** A change to an answer: a submitted report goes back to "in progress" until it is submitted again. */
export function statusAfterAnswer(status: SubmissionStatus): SubmissionStatus {
  switch (status) {
    case "NOT_STARTED":
    case "SUBMITTED":
      return "IN_PROGRESS";
    default:
      return status;
  }
}

/** Statuses from which "submit" is possible. */
export function canSubmitFrom(status: SubmissionStatus): boolean {
  return status === "NOT_STARTED" || status === "IN_PROGRESS" || status === "RETURNED";
}

/** Required questions without a real answer (unanswered or skipped), in the given order. */
export function missingRequired(
  questions: readonly { key: string; required: boolean }[],
  answers: Readonly<Record<string, { skipped: boolean } | undefined>>,
): string[] {
  return questions.filter((q) => q.required && (!answers[q.key] || answers[q.key]!.skipped)).map((q) => q.key);
}
