import { nextPeriod, periodLabel, periodLabelWithoutYear, type Period } from "../calendar/period.ts";
import type { DOCUMENT_PLACEHOLDERS } from "../template/placeholders.ts";

type DocumentPlaceholder = (typeof DOCUMENT_PLACEHOLDERS)[number];

/** Shown when the preamble cites a request document the round has not named yet. */
export const MISSING_REQUEST_DOCUMENT = "[số, ngày, trích yếu văn bản yêu cầu báo cáo]";

/**
 * The period without its year when the next period falls in the same year, so
 * "… 9 tháng đầu năm, nhiệm vụ trọng tâm Quý IV năm 2024" names the year once.
 */
export function periodShortLabel(period: Period): string {
  return nextPeriod(period).year === period.year && period.kind !== "YEAR" ? periodLabelWithoutYear(period) : periodLabel(period);
}

/** Headings and the subject write "Quý IV năm 2024"; running text writes "quý IV năm 2024". */
export type TextCase = "heading" | "running";

function inCase(label: string, textCase: TextCase): string {
  return textCase === "running" ? label.replaceAll("Quý ", "quý ") : label;
}

export function documentPlaceholders(input: {
  period: Period;
  /** Name in running text: "Sở Khoa học và Công nghệ". */
  organisationName: string;
  /** Short form after the first mention: "Sở". */
  organisationShortForm: string;
  /** The citation with its subject, "Công văn số … về việc …"; null when the round names none. */
  requestDocument: string | null;
  recipients: readonly string[];
  textCase: TextCase;
}): Record<DocumentPlaceholder, string> {
  const next = nextPeriod(input.period);
  const c = (label: string) => inCase(label, input.textCase);
  return {
    period: c(periodLabel(input.period)),
    periodWithoutYear: c(periodLabelWithoutYear(input.period)),
    periodShort: c(periodShortLabel(input.period)),
    nextPeriod: c(periodLabel(next)),
    nextPeriodWithoutYear: c(periodLabelWithoutYear(next)),
    year: String(input.period.year),
    org: input.organisationName,
    orgShort: input.organisationShortForm || input.organisationName,
    requestDocument: input.requestDocument?.trim() || MISSING_REQUEST_DOCUMENT,
    recipients: input.recipients.join(", "),
  };
}
