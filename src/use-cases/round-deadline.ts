import { formatDateTime } from "../conversation/format-time.ts";
import { cleanText } from "../domain/answer-parsing.ts";
import { dayMonthYear } from "../domain/calendar/day-month-year.ts";
import { deadlineDay } from "../domain/calendar/deadline-day.ts";
import { deadlineInstant, parseDeadlineInput } from "../domain/calendar/deadline-input.ts";
import { weekday, type LocalDate } from "../domain/calendar/local-date.ts";
import { localDateOf } from "../domain/calendar/zoned-time.ts";
import type { WorkingCalendar } from "../domain/calendar/working-calendar.ts";
import { cutText } from "../domain/cut-text.ts";
import { loadWorkingCalendar } from "../queue/holidays.ts";
import type { UseCaseContext } from "./context.ts";

/**
 * A typed deadline as an instant in the organisation's zone (17:00 unless a time is given; the next such
 * day when the year is left out), or the message that explains why it was not taken (not a date, no such
 * day, a time past, already over), with `example` as the date to copy. The reading itself is the
 * domain's (deadline-input.ts); this only words the outcome.
 */
export function readDeadline(ctx: UseCaseContext, text: string, timeZone: string, example: string): { ok: true; deadline: Date } | { ok: false; message: string } {
  const parsed = parseDeadlineInput(text, localDateOf(ctx.now(), timeZone));
  if (!parsed.ok) return { ok: false, message: ctx.t(`rounds-deadline-${parsed.problem}`, { text: cutText(cleanText(text), 40), example }) };
  const deadline = deadlineInstant(parsed.value, timeZone);
  const now = ctx.now();
  if (deadline.getTime() <= now.getTime()) {
    return { ok: false, message: ctx.t("rounds-deadline-past", { deadline: formatDateTime(deadline, timeZone, ctx.caller.locale), now: formatDateTime(now, timeZone, ctx.caller.locale) }) };
  }
  return { ok: true, deadline };
}

function dayWithWeekday(ctx: UseCaseContext, date: LocalDate): string {
  return `${ctx.t(`rounds-weekday-${weekday(date)}`)}, ${dayMonthYear(date)}`;
}

/** A deadline as the office should read it before confirming: "Thứ Hai, 14/10/2026 lúc 17:00", and a warning when nobody works that day. */
export type ShownDeadline = { when: string; warning: string | null };

export function showDeadline(ctx: UseCaseContext, instant: Date, timeZone: string, calendar: WorkingCalendar): ShownDeadline {
  const day = deadlineDay(instant, timeZone, calendar);
  const when = ctx.t("rounds-deadline-when", { weekday: ctx.t(`rounds-weekday-${day.weekday}`), date: day.dayMonthYear, time: day.time });
  if (day.status.working) return { when, warning: null };
  const reason =
    day.status.reason === "holiday"
      ? ctx.t("rounds-deadline-on-holiday", { holiday: day.status.name ?? "" })
      : ctx.t("rounds-deadline-on-weekend", { weekday: ctx.t(`rounds-weekday-${day.weekday}`) });
  const before = day.workingDayBefore ? ` ${ctx.t("rounds-deadline-working-day-before", { before: dayWithWeekday(ctx, day.workingDayBefore) })}` : "";
  return { when, warning: `${reason}${before}` };
}

/** The working calendar (weekends, holidays and make-up days) deadlines are checked against. */
export function workingCalendar(ctx: UseCaseContext): Promise<WorkingCalendar> {
  return loadWorkingCalendar(ctx.deps.prisma);
}
