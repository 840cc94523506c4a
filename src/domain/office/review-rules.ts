import type { RoundStatus, SubmissionStatus } from "../submission-rules.ts";

/** Longest comment the office can attach when returning answers. */
export const RETURN_COMMENT_MAX = 1000;

export type ReviewActions = { accept: boolean; return: boolean };

/**
 * What the office may do with a submission: accept what was submitted; return a submitted or accepted one
 * while the round is open (after closing, nobody could answer again).
 */
export function reviewActions(status: SubmissionStatus, roundStatus: RoundStatus): ReviewActions {
  return {
    accept: status === "SUBMITTED" && roundStatus !== "DRAFT",
    return: (status === "SUBMITTED" || status === "ACCEPTED") && roundStatus === "OPEN",
  };
}

export type ReturnCheck = { ok: true; keys: string[]; comment: string } | { ok: false; reason: "no-questions" | "unknown-question" | "empty-comment" | "comment-too-long" };

/** The questions picked exist for the unit (kept in the unit's order) and the comment says something. */
export function checkReturn(unitQuestionKeys: readonly string[], picked: readonly string[], comment: string): ReturnCheck {
  if (picked.length === 0) return { ok: false, reason: "no-questions" };
  if (picked.some((key) => !unitQuestionKeys.includes(key))) return { ok: false, reason: "unknown-question" };
  const text = comment.trim();
  if (text === "") return { ok: false, reason: "empty-comment" };
  if (text.length > RETURN_COMMENT_MAX) return { ok: false, reason: "comment-too-long" };
  return { ok: true, keys: unitQuestionKeys.filter((key) => picked.includes(key)), comment: text };
}
