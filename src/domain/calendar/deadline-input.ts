import { cleanText, foldText, parseDate } from "../answer-parsing.ts";
import { trimEndOf, trimEndOfSpaceAnd } from "../text-trim.ts";
import type { LocalDate } from "./local-date.ts";
import { instantAt } from "./zoned-time.ts";

/** A deadline typed without a time is the end of that working day. */
export const DEFAULT_DEADLINE_HOUR = 17;

export type DeadlineInput = { date: LocalDate; hour: number; minute: number };

export type DeadlineProblem = "empty" | "not-a-date" | "impossible-date" | "bad-time";

export type DeadlineParse = { ok: true; value: DeadlineInput } | { ok: false; problem: DeadlineProblem };

// "17:00", "17h", "17h30", "8 giờ 30", "16g30", "9 giờ 15 phút" (after folding: gio, phut).
const TIME = /(?:^|\s)(?:luc\s+)?(\d{1,2})\s*(?::|h|g\b|g(?=\d)|gio\b)\s*(\d{1,2})?\s*(?:phut|p)?(?=\s|,|$)/;

/**
 * A deadline as the office types it: a day-first date ("10/10/2024", "ngày 10 tháng 10 năm 2024")
 * with an optional time before or after it ("16:30 10/10/2024", "10/10/2024 lúc 16h30").
 */
export function parseDeadlineInput(raw: string): DeadlineParse {
  let text = trimEndOf(foldText(cleanText(raw)), ".;");
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
  const date = parseDate(text);
  if (!date.ok) return { ok: false, problem: date.problem.code === "impossible-date" ? "impossible-date" : "not-a-date" };
  return { ok: true, value: { date: date.value, hour, minute } };
}

/** The instant the deadline falls on in the organisation's time zone. */
export function deadlineInstant(input: DeadlineInput, timeZone: string): Date {
  return instantAt(input.date, input.hour, input.minute, timeZone);
}
