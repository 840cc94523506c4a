import type { SubmissionStatus } from "./report-input.ts";

const FINAL: ReadonlySet<SubmissionStatus> = new Set(["SUBMITTED", "ACCEPTED"]);
const DRAFT: ReadonlySet<SubmissionStatus> = new Set(["IN_PROGRESS", "RETURNED"]);

/** Whether a submission's answers go into the report: submitted ones always, drafts only when asked. */
export function isIncluded(status: SubmissionStatus, includeDrafts: boolean): boolean {
  return FINAL.has(status) || (includeDrafts && DRAFT.has(status));
}

export function isSubmitted(status: SubmissionStatus): boolean {
  return FINAL.has(status);
}

const LABELS: Record<SubmissionStatus, string> = {
  NOT_STARTED: "Chưa nộp (chưa bắt đầu)",
  IN_PROGRESS: "Chưa nộp (đang soạn)",
  SUBMITTED: "Đã nộp",
  RETURNED: "Đã trả lại để bổ sung",
  ACCEPTED: "Đã nộp, đã tiếp nhận",
};

/** The appendix wording of a status; drafts merged into the report say so. */
export function statusLabel(status: SubmissionStatus, included: boolean): string {
  const label = LABELS[status];
  return included && DRAFT.has(status) ? `${label}, đã đưa vào bản nháp` : label;
}
