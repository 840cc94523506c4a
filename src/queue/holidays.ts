import { loadHolidayFile } from "../domain/calendar/holiday-data.ts";
import { localDateFromUtcMidnight, localDateToUtcMidnight } from "../domain/calendar/local-date.ts";
import { WorkingCalendar, type CalendarDay } from "../domain/calendar/working-calendar.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

export type SeedHolidaysResult = { inserted: number; updated: number; unchanged: number };

/**
 * Loads the shipped holiday list into the Holiday table. By default only missing dates are
 * inserted, so an admin's corrections survive a restart; overwrite: true resets the shipped
 * dates to the file's kind and name.
 */
export async function seedHolidays(
  prisma: PrismaClient,
  options: { days?: CalendarDay[]; overwrite?: boolean } = {},
): Promise<SeedHolidaysResult> {
  const days = options.days ?? loadHolidayFile();
  const existing = new Map(
    (await prisma.holiday.findMany({ where: { date: { in: days.map((d) => localDateToUtcMidnight(d.date)) } } })).map((row) => [
      localDateFromUtcMidnight(row.date),
      row,
    ]),
  );
  const result: SeedHolidaysResult = { inserted: 0, updated: 0, unchanged: 0 };
  const missing = days.filter((d) => !existing.has(d.date));
  if (missing.length) {
    const { count } = await prisma.holiday.createMany({
      data: missing.map((d) => ({ date: localDateToUtcMidnight(d.date), kind: d.kind, name: d.name })),
      skipDuplicates: true,
    });
    result.inserted = count;
  }
  for (const day of days) {
    const row = existing.get(day.date);
    if (!row) continue;
    if (!options.overwrite || (row.kind === day.kind && row.name === day.name)) {
      result.unchanged++;
      continue;
    }
    await prisma.holiday.update({ where: { id: row.id }, data: { kind: day.kind, name: day.name } });
    result.updated++;
  }
  return result;
}

/** The working calendar from the Holiday table (weekends are always days off). */
export async function loadWorkingCalendar(prisma: PrismaClient): Promise<WorkingCalendar> {
  const rows = await prisma.holiday.findMany({ orderBy: { date: "asc" } });
  return new WorkingCalendar(rows.map((row) => ({ date: localDateFromUtcMidnight(row.date), kind: row.kind, name: row.name })));
}
