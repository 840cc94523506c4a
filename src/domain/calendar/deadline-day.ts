import { dayMonthYear } from "./day-month-year.ts";
import { weekday, type LocalDate } from "./local-date.ts";
import { WorkingCalendarError, type DayStatus, type WorkingCalendar } from "./working-calendar.ts";
import { localDateOf, localTimeOf } from "./zoned-time.ts";

/** The day a deadline falls on, as the office reads it: date, weekday, time, and whether it is worked. */
export type DeadlineDay = {
  date: LocalDate;
  /** "14/10/2026". */
  dayMonthYear: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** "17:00". */
  time: string;
  status: DayStatus;
  /** On a day off, the last working day before it (null when the calendar has none near). */
  workingDayBefore: LocalDate | null;
};

/** What day and time the deadline is in the organisation's zone, and whether units can be expected to work that day. */
export function deadlineDay(instant: Date, timeZone: string, calendar: WorkingCalendar): DeadlineDay {
  const date = localDateOf(instant, timeZone);
  const status = calendar.status(date);
  let workingDayBefore: LocalDate | null = null;
  if (!status.working) {
    try {
      workingDayBefore = calendar.onOrBefore(date);
    } catch (error) {
      if (!(error instanceof WorkingCalendarError)) throw error;
    }
  }
  return { date, dayMonthYear: dayMonthYear(date), weekday: weekday(date), time: localTimeOf(instant, timeZone), status, workingDayBefore };
}
