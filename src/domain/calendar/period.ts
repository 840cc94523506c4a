/** A reporting period: month 1–12, quarter 1–4, half 1–2; number is 1 for nine months and year. */
export type PeriodKind = "MONTH" | "QUARTER" | "HALF_YEAR" | "NINE_MONTHS" | "YEAR";

export type Period = { kind: PeriodKind; year: number; number: number };

export type Locale = "vi" | "en";

const ROMAN = ["I", "II", "III", "IV"] as const;

const MAX_NUMBER: Record<PeriodKind, number> = { MONTH: 12, QUARTER: 4, HALF_YEAR: 2, NINE_MONTHS: 1, YEAR: 1 };

export class PeriodError extends Error {
  override name = "PeriodError";
}

export function makePeriod(kind: PeriodKind, year: number, number = 1): Period {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new PeriodError(`year ${year} is out of range 2000–2100`);
  if (!Number.isInteger(number) || number < 1 || number > MAX_NUMBER[kind]) {
    throw new PeriodError(`${kind} number must be 1–${MAX_NUMBER[kind]}, got ${number}`);
  }
  return { kind, year, number };
}

/** The label without the year: "9 tháng đầu năm", "Quý III", "tháng 10". */
export function periodLabelWithoutYear(period: Period, locale: Locale = "vi"): string {
  const { kind, number } = period;
  if (locale === "en") {
    switch (kind) {
      case "MONTH":
        return new Date(Date.UTC(2000, number - 1, 1)).toLocaleString("en", { month: "long", timeZone: "UTC" });
      case "QUARTER":
        return `Q${number}`;
      case "HALF_YEAR":
        return number === 1 ? "first half" : "second half";
      case "NINE_MONTHS":
        return "first nine months";
      case "YEAR":
        return "year";
    }
  }
  switch (kind) {
    case "MONTH":
      return `tháng ${number}`;
    case "QUARTER":
      return `Quý ${ROMAN[number - 1]}`;
    case "HALF_YEAR":
      return number === 1 ? "6 tháng đầu năm" : "6 tháng cuối năm";
    case "NINE_MONTHS":
      return "9 tháng đầu năm";
    case "YEAR":
      return "năm";
  }
}

/** "tháng 10 năm 2024", "Quý III năm 2024", "6 tháng đầu năm 2024", "9 tháng đầu năm 2024", "năm 2024". */
export function periodLabel(period: Period, locale: Locale = "vi"): string {
  if (locale === "en") {
    if (period.kind === "YEAR") return `${period.year}`;
    if (period.kind === "MONTH") return `${periodLabelWithoutYear(period, "en")} ${period.year}`;
    return `${periodLabelWithoutYear(period, "en")} of ${period.year}`;
  }
  if (period.kind === "YEAR") return `năm ${period.year}`;
  const label = periodLabelWithoutYear(period, "vi");
  // "9 tháng đầu năm" and "6 tháng cuối năm" already end with "năm": "9 tháng đầu năm 2024".
  return label.endsWith(" năm") ? `${label} ${period.year}` : `${label} năm ${period.year}`;
}

/**
 * The period the "nhiệm vụ trọng tâm" section plans for: the months right after this one,
 * at the granularity agencies use (9 months → Quý IV, 6 months → 6 tháng cuối năm).
 */
export function nextPeriod(period: Period): Period {
  const { kind, year, number } = period;
  switch (kind) {
    case "MONTH":
      return number === 12 ? makePeriod("MONTH", year + 1, 1) : makePeriod("MONTH", year, number + 1);
    case "QUARTER":
      return number === 4 ? makePeriod("QUARTER", year + 1, 1) : makePeriod("QUARTER", year, number + 1);
    case "HALF_YEAR":
      return number === 2 ? makePeriod("HALF_YEAR", year + 1, 1) : makePeriod("HALF_YEAR", year, 2);
    case "NINE_MONTHS":
      return makePeriod("QUARTER", year, 4);
    case "YEAR":
      return makePeriod("YEAR", year + 1, 1);
  }
}

/** First and last month (1–12) the period covers. */
export function periodMonths(period: Period): { first: number; last: number } {
  switch (period.kind) {
    case "MONTH":
      return { first: period.number, last: period.number };
    case "QUARTER":
      return { first: period.number * 3 - 2, last: period.number * 3 };
    case "HALF_YEAR":
      return { first: period.number * 6 - 5, last: period.number * 6 };
    case "NINE_MONTHS":
      return { first: 1, last: 9 };
    case "YEAR":
      return { first: 1, last: 12 };
  }
}

/** A short, file-name-safe slug: "9-thang-2024", "quy-3-2024", "thang-10-2024". */
export function periodSlug(period: Period): string {
  switch (period.kind) {
    case "MONTH":
      return `thang-${period.number}-${period.year}`;
    case "QUARTER":
      return `quy-${period.number}-${period.year}`;
    case "HALF_YEAR":
      return `6-thang-${period.number === 1 ? "dau" : "cuoi"}-${period.year}`;
    case "NINE_MONTHS":
      return `9-thang-${period.year}`;
    case "YEAR":
      return `nam-${period.year}`;
  }
}
