import type { AnswerValue } from "../domain/answer-value.ts";
import type { RoundStatus, SubmissionStatus } from "../domain/submission-rules.ts";
import type { Question } from "../domain/template/template-schema.ts";

export type StoredAnswer = {
  /** null when skipped. */
  value: AnswerValue | null;
  skipped: boolean;
  revision: number;
  /** The revision the office has; compared with `revision` only while the report is edited after submitting. */
  submittedRevision: number | null;
  authorId: number | null;
  authorName: string | null;
  updatedAt: Date;
};

/** Everything the conversation needs to know about one unit's submission, read in one go. */
export type SubmissionSnapshot = {
  id: number;
  unitId: number;
  unitName: string;
  status: SubmissionStatus;
  version: number;
  returnedQuestionKeys: string[];
  returnComment: string | null;
  returnedAt: Date | null;
  submittedAt: Date | null;
  /** Set while a submitted report has changes the office does not have yet. */
  editedAfterSubmitAt: Date | null;
  /** Questions whose answer changed since the report was submitted (while it is submitted or accepted). */
  changedKeys: string[];
  roundId: number;
  roundStatus: RoundStatus;
  /** The office has rewritten some of the round's text: a changed answer may need telling it. */
  roundHasOverrides: boolean;
  /** "9 tháng đầu năm 2024", in the reader's language. */
  roundLabel: string;
  deadline: Date;
  /** The questions this unit's kind is asked, in template order; a question's number is its index + 1. */
  questions: Question[];
  /** The unit's answers as they stand; in the office's view (and once accepted), the version the office has. */
  answers: Record<string, StoredAnswer>;
  /** The unit's answer to the same question in its latest earlier round, when it still fits the question. */
  lastValues: Record<string, AnswerValue>;
};
