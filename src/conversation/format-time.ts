import type { Locale } from "../i18n.ts";

/** "10:32 14/10/2024" parts in the organisation's time zone. */
function parts(date: Date, timeZone: string): Record<string, string> {
  const format = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hourCycle: "h23",
  });
  return Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
}

/** "10:32 ngày 14/10/2024" (vi) or "10:32 on 14/10/2024" (en). */
export function formatDateTime(date: Date, timeZone: string, locale: Locale): string {
  const p = parts(date, timeZone);
  return `${p.hour}:${p.minute} ${locale === "vi" ? "ngày" : "on"} ${p.day}/${p.month}/${p.year}`;
}

/** "05/03/2025" from "2025-03-05". */
export function formatIsoDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}
