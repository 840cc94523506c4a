import type { Translate } from "./status-table.ts";

/** One submission the office is told about. */
export type SubmittedItem = {
  submissionId: number;
  unit: string;
  at: Date;
  /** First submission, a resubmission after a change, or the answer to a return. */
  kind: "submitted" | "resubmitted" | "answered-return";
};

/** Where a submission stands now, as far as a notice about one of its submissions goes. */
export type SubmissionNow = { status: string; submittedAt: Date | null; acceptedAt: Date | null; returnedAt: Date | null };

/**
 * Whether a later state has made the news of a submission at `at` stale: changed again (edited, returned),
 * submitted again since (that submission is told instead), or already accepted or returned by the office.
 */
export function supersededSince(at: Date, now: SubmissionNow): boolean {
  if (now.status !== "SUBMITTED") return true;
  const later = (instant: Date | null) => instant !== null && instant.getTime() > at.getTime();
  return later(now.submittedAt) || later(now.acceptedAt) || later(now.returnedAt);
}

/** Several events for one submission in one batch: the latest tells the story. */
export function latestPerSubmission(items: readonly SubmittedItem[]): SubmittedItem[] {
  const latest = new Map<number, SubmittedItem>();
  for (const item of items) {
    const seen = latest.get(item.submissionId);
    if (!seen || seen.at.getTime() <= item.at.getTime()) latest.set(item.submissionId, item);
  }
  return [...latest.values()].sort((a, b) => a.at.getTime() - b.at.getTime() || a.unit.localeCompare(b.unit, "vi"));
}

/**
 * The short message to the office about what came in during one batching window: one line per unit, and
 * where the round stands now.
 */
export function submissionNoticeText(
  input: { round: string; items: readonly SubmittedItem[]; submitted: number; total: number },
  t: Translate,
  time: (instant: Date) => string,
): string {
  const items = latestPerSubmission(input.items);
  const lines = [t("office-notice-title", { round: input.round, count: items.length })];
  for (const item of items) lines.push(t(`office-notice-${item.kind}`, { unit: item.unit, time: time(item.at) }));
  lines.push(t("office-notice-progress", { submitted: input.submitted, total: input.total }));
  return lines.join("\n");
}
