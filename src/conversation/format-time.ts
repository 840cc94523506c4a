import { wallClock } from "../domain/calendar/zoned-time.ts";
import type { Locale } from "../i18n.ts";

/** "10:32 ngày 14/10/2024" (vi) or "10:32 on 14/10/2024" (en), in the organisation's time zone. */
export function formatDateTime(date: Date, timeZone: string, locale: Locale): string {
  const { hour, minute, day, month, year } = wallClock(date, timeZone);
  return `${hour}:${minute} ${locale === "vi" ? "ngày" : "on"} ${day}/${month}/${year}`;
}
