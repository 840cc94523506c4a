/**
 * A calendar date with no time and no zone, "YYYY-MM-DD". Working-day arithmetic happens on
 * these, so it never depends on the server's zone; instants are converted at the edges.
 */
export type LocalDate = string;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export class LocalDateError extends Error {
  override name = "LocalDateError";
}

function toUtcMs(date: LocalDate): number {
  const match = PATTERN.exec(date);
  if (!match) throw new LocalDateError(`"${date}" is not a date of the form YYYY-MM-DD`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new LocalDateError(`"${date}" is not a real calendar date`);
  }
  return ms;
}

function fromUtcMs(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== "string") return false;
  try {
    toUtcMs(value);
    return true;
  } catch {
    return false;
  }
}

/** Validates and returns the date; throws LocalDateError naming the bad value. */
export function parseLocalDate(value: string): LocalDate {
  toUtcMs(value);
  return value;
}

export function localDate(year: number, month: number, day: number): LocalDate {
  return parseLocalDate(`${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
}

/** A date column (stored at UTC midnight) as a local date. */
export function localDateFromUtcMidnight(date: Date): LocalDate {
  return fromUtcMs(date.getTime());
}

/** The local date as the UTC-midnight Date that date columns expect. */
export function localDateToUtcMidnight(date: LocalDate): Date {
  return new Date(toUtcMs(date));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function dateParts(date: LocalDate): { year: number; month: number; day: number } {
  const d = new Date(toUtcMs(date));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Negative when a is earlier; the ISO form sorts as text, so this is a string compare. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
