import type { Period } from "../calendar/period.ts";
import type { RequestDocumentParts } from "../round-input.ts";
import type { Template } from "../template/template-schema.ts";

/** The issuing agency as the report prints it. */
export type OrganisationInfo = {
  /** Issuing agency in the header: "SỞ KHOA HỌC VÀ CÔNG NGHỆ". */
  name: string;
  /** Name in running text: "Sở Khoa học và Công nghệ". */
  shortName: string;
  /** Short form after the first mention, {orgShort}: "Sở". Empty or absent: the running-text name. */
  shortForm?: string;
  /** Parent line of the header: "UBND TỈNH HƯNG YÊN". */
  parentName: string;
  /** Document symbol: "SKHCN" gives "Số:   /BC-SKHCN". */
  symbol: string;
  place: string;
  /** "KT. GIÁM ĐỐC"; null when the head signs in their own name. */
  signerAuthority: string | null;
  signerTitle: string;
  signerName: string;
  /** Default "Kính gửi" recipients. */
  recipients: string[];
  /** "Nơi nhận" lines, without the leading "- " and trailing ";". */
  distribution: string[];
  /** Paragraphs of "Khái quát đặc điểm tình hình", one per line. */
  profileText: string;
  /** The unit that drafts reports, for "Lưu: VT, {drafterUnit}": "VP". */
  drafterUnit?: string;
};

export type RoundInfo = {
  period: Period;
  /** "Công văn số 09-CV/BCĐ ngày 10/9/2024 của …"; null when the round cites none. */
  requestDocument: string | null;
  /** The same in parts, when the round stored them; absent: parsed from the text. */
  requestDocumentParts?: RequestDocumentParts | null;
  /** "Kính gửi" for this round; empty uses the template's, then the organisation's. */
  recipients: string[];
  /** "YYYY-MM-DD" printed in the header; null for a draft (day and month left blank). */
  reportDate: string | null;
  /** Local date "YYYY-MM-DD" of the deadline, shown in the status appendix. */
  deadline: string | null;
};

export type UnitInfo = { id: number; name: string; kind: string; order: number };

export const SUBMISSION_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "SUBMITTED", "RETURNED", "ACCEPTED"] as const;

export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** A stored answer: the JSON value (see answer-value.ts) or a deliberate skip. */
export type StoredAnswer = { value: unknown; skipped: boolean };

export type SubmissionInfo = {
  unitId: number;
  status: SubmissionStatus;
  /** By question key. */
  answers: Readonly<Record<string, StoredAnswer>>;
};

/**
 * The secretary's own text for a section (item null) or for one item of it (1-based position among the section's
 * blocks when it was written, with the generated text it replaced).
 */
export type ReportOverride = { sectionKey: string; item: number | null; text: string; replacedText: string | null };

export type ReportInput = {
  organisation: OrganisationInfo;
  round: RoundInfo;
  template: Template;
  units: readonly UnitInfo[];
  submissions: readonly SubmissionInfo[];
  overrides?: readonly ReportOverride[];
};

export type AssembleOptions = {
  /** Also merge submissions still being written or returned (default: only SUBMITTED and ACCEPTED). */
  includeDrafts?: boolean;
  /** Follow each contribution with its unit's name in brackets. */
  attribution?: boolean;
  /** End the document with the table of units that submitted and those that did not (default: the template's, off). */
  statusAppendix?: boolean;
  /** The drafter's initials, raised after the drafting unit in "Lưu: VT, VP^Tr". */
  drafterInitials?: string | null;
};
