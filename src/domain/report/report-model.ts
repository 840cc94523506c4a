import type { NumberingStyle } from "../template/numbering-style.ts";
import type { HeadingStyle } from "../template/template-schema.ts";
import type { SubmissionStatus } from "./report-input.ts";

/**
 * One paragraph of a section. `text` carries no trailing punctuation of its own for bullets and numbered
 * items: the renderer prints prefix + text + " (attribution)" + ending, so "- …;" stays correct with
 * attribution on.
 */
export type ReportBlock =
  | { kind: "paragraph"; text: string; ending: string; attribution?: string }
  | { kind: "bullet"; text: string; ending: string; attribution?: string }
  | { kind: "numbered"; number: number; text: string; ending: string; attribution?: string }
  /** Shown where no unit has answered, so the secretary sees the gap. */
  | { kind: "placeholder"; text: string };

export type ReportSection = {
  key: string;
  /** Generated: "1.", "a)", "4.1.", "II."; empty for unnumbered sections. */
  number: string;
  heading: string;
  style: NumberingStyle;
  /** Bold, bold italic, italic or plain: the section's own, else the template's for its numbering. */
  headingStyle: HeadingStyle;
  /** The secretary replaced its text ("section") or some of its items ("items"). */
  overridden: "no" | "section" | "items";
  /** 0 for top-level sections. */
  depth: number;
  blocks: ReportBlock[];
  children: ReportSection[];
};

/** One "Nơi nhận" line: its text, the drafter's initials raised after it (or null), then its ending. */
export type DistributionLine = { text: string; superscript: string | null; ending: string };

export type UnitStatusLine = {
  unitId: number;
  unitName: string;
  kind: string;
  status: SubmissionStatus;
  /** "Đã nộp", "Chưa nộp (đang soạn)" … */
  statusLabel: string;
  /** Its answers are merged into this report. */
  included: boolean;
};

export type ReportModel = {
  /** No report date yet: day and month are left blank. */
  draft: boolean;
  header: {
    parentName: string;
    organisationName: string;
    /** "Số:   /BC-SKHCN" */
    documentNumber: string;
    nationalTitle: string;
    motto: string;
    /** "Hưng Yên, ngày   tháng   năm 2024" or "Hưng Yên, ngày 05 tháng 3 năm 2024" */
    placeAndDate: string;
  };
  title: string;
  subject: string;
  /** Formatted lines: "- Ban Dân vận Tỉnh ủy;" … the last ending "."; a single recipient has no dash. */
  recipients: string[];
  preamble: string;
  sections: ReportSection[];
  closing: string;
  /** "Nơi nhận" lines: "- Như trên;" … "- Lưu: VT, VP" + raised initials "Tr" + "." */
  distribution: DistributionLine[];
  signer: { authority: string | null; title: string; name: string };
  unitStatus: UnitStatusLine[];
  /** "Đã nộp 12/15 đơn vị." */
  statusSummary: string;
  /** "Hạn nộp: 20/9/2024" or null. */
  deadlineLine: string | null;
  showStatusAppendix: boolean;
  /** Stored answers that could not be used (wrong shape, unit not asked), for the person compiling. */
  warnings: string[];
};
