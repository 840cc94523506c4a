import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { checkYamlLimits, HOLIDAY_YAML_LIMITS } from "../yaml-limits.ts";
import { isLocalDate } from "./local-date.ts";
import type { CalendarDay } from "./working-calendar.ts";

/** The holiday list shipped with the code; the Holiday table is seeded from it. */
export const SHIPPED_HOLIDAYS_FILE = resolve(import.meta.dirname, "../../../calendar-data/holidays-vn.yaml");

export class HolidayDataError extends Error {
  override name = "HolidayDataError";
}

const daySchema = z.object({
  date: z.string().refine(isLocalDate, { message: "must be a real date written YYYY-MM-DD (quote it)" }),
  kind: z.enum(["HOLIDAY", "WORKDAY"]),
  name: z.string().trim().min(1, { message: "must not be empty" }),
});

const fileSchema = z.object({ days: z.array(daySchema) });

/** Parses and checks a holiday file; errors name the entry and field ("days[3].date: …"). */
export function parseHolidayData(text: string, source = "holiday data"): CalendarDay[] {
  const limit = checkYamlLimits(text, HOLIDAY_YAML_LIMITS);
  if (limit) throw new HolidayDataError(`${source}: ${limit.line === undefined ? "" : `line ${limit.line}: `}${limit.message}`);
  let raw: unknown;
  try {
    raw = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new HolidayDataError(`${source}: not valid YAML (${(error as Error).message})`);
  }
  const result = fileSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");
    throw new HolidayDataError(`${source}: ${path || "file"}: ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const day of result.data.days) {
    if (seen.has(day.date)) throw new HolidayDataError(`${source}: ${day.date} is listed twice`);
    seen.add(day.date);
  }
  return result.data.days.sort((a, b) => (a.date < b.date ? -1 : 1));
}

export function loadHolidayFile(path = SHIPPED_HOLIDAYS_FILE): CalendarDay[] {
  return parseHolidayData(readFileSync(path, "utf8"), path);
}
