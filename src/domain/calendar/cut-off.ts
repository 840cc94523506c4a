import { localDate, type LocalDate } from "./local-date.ts";
import type { Period } from "./period.ts";

/** First and last day (inclusive) of the data a report covers. */
export type CutOffWindow = { from: LocalDate; to: LocalDate };

const CUT_OFF_DAY = 14;

/** The 15th of the month before `month` (month 1 reaches back into December of the year before). */
function fifteenthBefore(year: number, month: number): LocalDate {
  return month === 1 ? localDate(year - 1, 12, CUT_OFF_DAY + 1) : localDate(year, month - 1, CUT_OFF_DAY + 1);
}

/**
 * Default data cut-off per Nghị định 09/2019/NĐ-CP, art. 12: figures run from the 15th of the
 * month before the period to the 14th of its last month, so reports can be compiled on time.
 * (Month: 15th of the previous month to the 14th; quarter: 15th of the month before the quarter
 * to the 14th of its last month; 6, 9 months and year: from 15/12 of the previous year.)
 */
export function dataCutOff(period: Period): CutOffWindow {
  const { kind, year, number } = period;
  switch (kind) {
    case "MONTH":
      return { from: fifteenthBefore(year, number), to: localDate(year, number, CUT_OFF_DAY) };
    case "QUARTER": {
      const first = number * 3 - 2;
      return { from: fifteenthBefore(year, first), to: localDate(year, number * 3, CUT_OFF_DAY) };
    }
    case "HALF_YEAR":
      // The decree names the first half (15/12 → 14/6); the second half continues from there.
      return number === 1
        ? { from: fifteenthBefore(year, 1), to: localDate(year, 6, CUT_OFF_DAY) }
        : { from: localDate(year, 6, CUT_OFF_DAY + 1), to: localDate(year, 12, CUT_OFF_DAY) };
    case "NINE_MONTHS":
      return { from: fifteenthBefore(year, 1), to: localDate(year, 9, CUT_OFF_DAY) };
    case "YEAR":
      return { from: fifteenthBefore(year, 1), to: localDate(year, 12, CUT_OFF_DAY) };
  }
}
