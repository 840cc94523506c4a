import { dateParts, type LocalDate } from "./local-date.ts";
import { makePeriod, type Period, type PeriodKind } from "./period.ts";

/** Period kinds in the order the office picks them. */
export const PERIOD_KINDS: readonly PeriodKind[] = ["MONTH", "QUARTER", "HALF_YEAR", "NINE_MONTHS", "YEAR"];

/** How many numbered periods a year has of this kind (1 for nine months and year). */
export function periodsPerYear(kind: PeriodKind): number {
  return { MONTH: 12, QUARTER: 4, HALF_YEAR: 2, NINE_MONTHS: 1, YEAR: 1 }[kind];
}

/** The period of this kind that contains `today` (for nine months: this year's). */
export function currentPeriod(kind: PeriodKind, today: LocalDate): Period {
  const { year, month } = dateParts(today);
  switch (kind) {
    case "MONTH":
      return makePeriod(kind, year, month);
    case "QUARTER":
      return makePeriod(kind, year, Math.ceil(month / 3));
    case "HALF_YEAR":
      return makePeriod(kind, year, month <= 6 ? 1 : 2);
    case "NINE_MONTHS":
    case "YEAR":
      return makePeriod(kind, year, 1);
  }
}

/** The period of the same kind just before. */
export function previousPeriod(period: Period): Period {
  const { kind, year, number } = period;
  return number > 1 ? makePeriod(kind, year, number - 1) : makePeriod(kind, year - 1, periodsPerYear(kind));
}

/**
 * What the office most likely reports on: the current period and the one before it (a round is
 * usually opened near the end of its period, or just after it ended).
 */
export function suggestedPeriods(kind: PeriodKind, today: LocalDate): [Period, Period] {
  const current = currentPeriod(kind, today);
  return [current, previousPeriod(current)];
}
