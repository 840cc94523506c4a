// Only fromZonedTime from date-fns-tz: its formatInTimeZone pulls in the whole of date-fns (about 300
// modules, 25 MB and 0.1 s at start); the wall clock is read from Intl, which it uses underneath anyway.
import { fromZonedTime } from "date-fns-tz/fromZonedTime";
import { parseLocalDate, type LocalDate } from "./local-date.ts";

export const DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

export class TimeZoneError extends Error {
  override name = "TimeZoneError";
}

// One formatter per zone: making one costs more than the rest of an answer's text.
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

export function isTimeZone(timeZone: string): boolean {
  if (wallClockFormats.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function assertTimeZone(timeZone: string): string {
  if (!isTimeZone(timeZone)) throw new TimeZoneError(`"${timeZone}" is not an IANA time zone such as Asia/Ho_Chi_Minh`);
  return timeZone;
}

type WallClock = { year: string; month: string; day: string; hour: string; minute: string };

/**
 * What a wall clock in timeZone shows at this instant, each part zero-padded (month 01–12, hour 00–23). Every
 * local time the product shows or stores is read here.
 */
export function wallClock(instant: Date, timeZone: string): WallClock {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
    wallClockFormats.set(timeZone, format);
  }
  const clock: WallClock = { year: "", month: "", day: "", hour: "", minute: "" };
  for (const part of format.formatToParts(instant)) {
    if (part.type === "year" || part.type === "month" || part.type === "day" || part.type === "hour" || part.type === "minute") clock[part.type] = part.value;
  }
  clock.year = clock.year.padStart(4, "0");
  return clock;
}

const ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The date a wall clock in timeZone shows at this instant. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const { year, month, day } = wallClock(instant, timeZone);
  return `${year}-${month}-${day}`;
}

/** "08:05": the wall-clock time in timeZone. */
export function localTimeOf(instant: Date, timeZone: string): string {
  const { hour, minute } = wallClock(instant, timeZone);
  return `${hour}:${minute}`;
}

/** The instant when the wall clock in timeZone shows date hour:minute. */
export function instantAt(date: LocalDate, hour: number, minute: number, timeZone: string): Date {
  parseLocalDate(date);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`hour must be 0–23, got ${hour}`);
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) throw new RangeError(`minute must be 0–59, got ${minute}`);
  const hh = String(hour).padStart(2, "0");
  const mm = String(minute).padStart(2, "0");
  return fromZonedTime(`${date}T${hh}:${mm}:00`, assertTimeZone(timeZone));
}

/** Wall-clock hour (0–23) in timeZone. */
export function localHourOf(instant: Date, timeZone: string): number {
  return Number(wallClock(instant, timeZone).hour);
}

/** "202410050800": the local minute, for identifiers that must not depend on the server's zone. */
export function localMinuteStamp(instant: Date, timeZone: string): string {
  const { year, month, day, hour, minute } = wallClock(instant, timeZone);
  return `${year}${month}${day}${hour}${minute}`;
}

/** "17:00 ngày 05/10/2024" (vi) or "17:00, 5 October 2024" (en). */
export function formatLocalDateTime(instant: Date, timeZone: string, locale: "vi" | "en"): string {
  const { year, month, day, hour, minute } = wallClock(instant, timeZone);
  return locale === "en"
    ? `${hour}:${minute}, ${Number(day)} ${ENGLISH_MONTHS[Number(month) - 1]} ${year}`
    : `${hour}:${minute} ngày ${day}/${month}/${year}`;
}
