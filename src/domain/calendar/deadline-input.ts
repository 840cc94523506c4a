import { cleanText, parseDate } from "../answer-parsing.ts";
import { foldText } from "../text-scan.ts";
import { trimEndOf, trimEndOfSpaceAnd } from "../text-trim.ts";
import { dataCutOff } from "./cut-off.ts";
import { addDays, compareLocalDates, dateParts, isLocalDate, type LocalDate } from "./local-date.ts";
import type { Period } from "./period.ts";
import { instantAt } from "./zoned-time.ts";

/** A deadline typed without a time is the end of that working day. */
export const DEFAULT_DEADLINE_HOUR = 17;

export type DeadlineInput = { date: LocalDate; hour: number; minute: number };

export type DeadlineProblem = "empty" | "not-a-date" | "impossible-date" | "bad-time";

export type DeadlineParse = { ok: true; value: DeadlineInput } | { ok: false; problem: DeadlineProblem };

// "17:00", "17h", "17h30", "8 giờ 30", "16g30", "9 giờ 15 phút" (after folding: gio, phut).
const TIME = /(?:^|\s)(?:luc\s+)?(\d{1,2})\s*(?::|h|g\b|g(?=\d)|gio\b)\s*(\d{1,2})?\s*(?:phut|p)?(?=\s|,|$)/;

// "15/12", "15-12", "ngày 15 tháng 12": a day and month without the year.
const DAY_MONTH = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})$/;
const DAY_MONTH_WORDS = /^(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})$/;

const pad = (n: number) => String(n).padStart(2, "0");

/** The next day that is `day/month` from `today` on (today included), or null when there is no such day. */
function nextDayMonth(day: number, month: number, today: LocalDate): LocalDate | null {
  const { year } = dateParts(today);
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (!isLocalDate(date)) return null;
  if (compareLocalDates(date, today) >= 0) return date;
  const next = `${year + 1}-${pad(month)}-${pad(day)}`;
  return isLocalDate(next) ? next : null;
}

/**
 * A deadline as the office types it: a day-first date ("10/10/2024", "ngày 10 tháng 10 năm 2024")
 * with an optional time before or after it ("16:30 10/10/2024", "10/10/2024 lúc 16h30"). Given today's
 * date (in the organisation's zone), a date without its year ("15/12") is the next such day.
 */
export function parseDeadlineInput(raw: string, today?: LocalDate): DeadlineParse {
  const cleaned = cleanText(raw);
  if (cleaned === "") return { ok: false, problem: "empty" };
  // A date and a time are short: a long text is none, and is not folded and searched.
  if (cleaned.length > 200) return { ok: false, problem: "not-a-date" };
  let text = trimEndOf(foldText(cleaned), ".;");
  if (text === "") return { ok: false, problem: "empty" };
  let hour = DEFAULT_DEADLINE_HOUR;
  let minute = 0;
  const time = TIME.exec(text);
  if (time) {
    hour = Number(time[1]);
    minute = time[2] === undefined ? 0 : Number(time[2]);
    if (hour > 23 || minute > 59) return { ok: false, problem: "bad-time" };
    text = `${text.slice(0, time.index)} ${text.slice(time.index + time[0].length)}`;
  }
  text = trimEndOfSpaceAnd(text, ",-")
    .replace(/^\s*[,-]+/, "")
    .trim()
    .replace(/^(?:han\s+)?(?:ngay\s+)(?=\d+\s*[/.-])/, "")
    .trim();
  if (text === "") return { ok: false, problem: "not-a-date" };
  const dayMonth = DAY_MONTH.exec(text) ?? DAY_MONTH_WORDS.exec(text);
  if (dayMonth && today) {
    const date = nextDayMonth(Number(dayMonth[1]), Number(dayMonth[2]), today);
    return date ? { ok: true, value: { date, hour, minute } } : { ok: false, problem: "impossible-date" };
  }
  const date = parseDate(text);
  if (!date.ok) return { ok: false, problem: date.problem.code === "impossible-date" ? "impossible-date" : "not-a-date" };
  return { ok: true, value: { date: date.value, hour, minute } };
}

/**
 * A deadline to show as an example when asking for one: a few days after the period's data cut-off
 * (the 20th of its last month), so examples follow the round's year. "20/12/2026".
 */
export function deadlineExample(period: Period): string {
  const { year, month, day } = dateParts(addDays(dataCutOff(period).to, 6));
  return `${day}/${month}/${year}`;
}

/** An example for moving a deadline: a few days after the current one. */
export function movedDeadlineExample(current: LocalDate): string {
  const { year, month, day } = dateParts(addDays(current, 5));
  return `${day}/${month}/${year}`;
}

/** The instant the deadline falls on in the organisation's time zone. */
export function deadlineInstant(input: DeadlineInput, timeZone: string): Date {
  return instantAt(input.date, input.hour, input.minute, timeZone);
}
