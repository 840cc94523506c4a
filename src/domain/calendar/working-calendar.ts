import { addDays, parseLocalDate, weekday, type LocalDate } from "./local-date.ts";

/** HOLIDAY: a day off on a weekday; WORKDAY: a make-up working day (ngày làm bù) on a weekend. */
export type CalendarDayKind = "HOLIDAY" | "WORKDAY";

/** Same shape as the Holiday table, so admin edits and the shipped file are interchangeable. */
export type CalendarDay = { date: LocalDate; kind: CalendarDayKind; name: string };

export type DayStatus =
  | { working: true; reason: "weekday" | "make-up"; name?: string }
  | { working: false; reason: "weekend" | "holiday"; name?: string };

export class WorkingCalendarError extends Error {
  override name = "WorkingCalendarError";
}

/** Saturday and Sunday, the weekly rest days of state agencies. */
export const DEFAULT_WEEKEND: readonly number[] = [6, 0];

// A year of nothing but days off is a data error, not a calendar; stop looking after that.
const MAX_SEARCH_DAYS = 400;

/**
 * Weekends plus a list of holidays and make-up days. Pure: the list comes from the caller
 * (the shipped file or the Holiday table).
 */
export class WorkingCalendar {
  private readonly days = new Map<LocalDate, CalendarDay>();
  private readonly weekend: ReadonlySet<number>;

  constructor(days: readonly CalendarDay[] = [], options: { weekend?: readonly number[] } = {}) {
    for (const day of days) this.days.set(parseLocalDate(day.date), day);
    this.weekend = new Set(options.weekend ?? DEFAULT_WEEKEND);
  }

  get entries(): CalendarDay[] {
    return [...this.days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  status(date: LocalDate): DayStatus {
    const entry = this.days.get(parseLocalDate(date));
    const isWeekend = this.weekend.has(weekday(date));
    if (entry?.kind === "HOLIDAY") return { working: false, reason: "holiday", name: entry.name };
    if (entry?.kind === "WORKDAY") return { working: true, reason: "make-up", name: entry.name };
    return isWeekend ? { working: false, reason: "weekend" } : { working: true, reason: "weekday" };
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.status(date).working;
  }

  /**
   * The n-th working day after date (n > 0) or before it (n < 0); date itself is not counted.
   * n = 0 returns date unchanged.
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n)) throw new WorkingCalendarError(`working-day count must be an integer, got ${n}`);
    const step = n < 0 ? -1 : 1;
    let remaining = Math.abs(n);
    let current = parseLocalDate(date);
    let scanned = 0;
    while (remaining > 0) {
      current = addDays(current, step);
      if (this.isWorkingDay(current)) remaining--;
      if (++scanned > MAX_SEARCH_DAYS * Math.max(1, Math.abs(n))) {
        throw new WorkingCalendarError(`no working day found near ${date}; check the holiday list`);
      }
    }
    return current;
  }

  /** n working days before date: addWorkingDays(date, -n). */
  workingDaysBefore(date: LocalDate, n: number): LocalDate {
    return this.addWorkingDays(date, -n);
  }

  /** n working days after date: addWorkingDays(date, n). */
  workingDaysAfter(date: LocalDate, n: number): LocalDate {
    return this.addWorkingDays(date, n);
  }

  /** date itself when it is a working day, else the last working day before it. */
  onOrBefore(date: LocalDate): LocalDate {
    return this.isWorkingDay(date) ? parseLocalDate(date) : this.addWorkingDays(date, -1);
  }

  /** date itself when it is a working day, else the first working day after it. */
  onOrAfter(date: LocalDate): LocalDate {
    return this.isWorkingDay(date) ? parseLocalDate(date) : this.addWorkingDays(date, 1);
  }

  /** Working days from `from` to `to`, both included (0 when to < from). */
  countWorkingDays(from: LocalDate, to: LocalDate): number {
    let count = 0;
    for (let d = parseLocalDate(from); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) count++;
    return count;
  }
}
