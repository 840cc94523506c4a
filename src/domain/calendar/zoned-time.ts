import { formatInTimeZone, fromZonedTime } from "date-fns-tz";
import { parseLocalDate, type LocalDate } from "./local-date.ts";

export const DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

export class TimeZoneError extends Error {
  override name = "TimeZoneError";
}

export function isTimeZone(timeZone: string): boolean {
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

/** The date a wall clock in timeZone shows at this instant. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return formatInTimeZone(instant, timeZone, "yyyy-MM-dd");
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
  return Number(formatInTimeZone(instant, timeZone, "H"));
}

/** "202410050800": the local minute, for identifiers that must not depend on the server's zone. */
export function localMinuteStamp(instant: Date, timeZone: string): string {
  return formatInTimeZone(instant, timeZone, "yyyyMMddHHmm");
}

/** "17:00 ngày 05/10/2024" (vi) or "17:00, 5 October 2024" (en). */
export function formatLocalDateTime(instant: Date, timeZone: string, locale: "vi" | "en"): string {
  return locale === "en"
    ? formatInTimeZone(instant, timeZone, "HH:mm, d MMMM yyyy")
    : formatInTimeZone(instant, timeZone, "HH:mm 'ngày' dd/MM/yyyy");
}
