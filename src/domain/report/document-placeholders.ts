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

export function documentPlaceholders(input: {
  period: Period;
  organisationShortName: string;
  requestDocument: string | null;
  recipients: readonly string[];
}): Record<DocumentPlaceholder, string> {
  const next = nextPeriod(input.period);
  return {
    period: periodLabel(input.period),
    periodWithoutYear: periodLabelWithoutYear(input.period),
    periodShort: periodShortLabel(input.period),
    nextPeriod: periodLabel(next),
    nextPeriodWithoutYear: periodLabelWithoutYear(next),
    year: String(input.period.year),
    org: input.organisationShortName,
    requestDocument: input.requestDocument?.trim() || MISSING_REQUEST_DOCUMENT,
    recipients: input.recipients.join(", "),
  };
}
