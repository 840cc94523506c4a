import { formatInTimeZone } from "date-fns-tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dataCutOff } from "../src/domain/calendar/cut-off.ts";
import { HOLIDAY_YAML_LIMITS } from "../src/domain/yaml-limits.ts";
import { HolidayDataError, loadHolidayFile, parseHolidayData } from "../src/domain/calendar/holiday-data.ts";
import { addDays, localDate, LocalDateError, parseLocalDate, weekday } from "../src/domain/calendar/local-date.ts";
import { makePeriod, nextPeriod, PeriodError, periodLabel, periodLabelWithoutYear, periodMonths, periodSlug } from "../src/domain/calendar/period.ts";
import { WorkingCalendar } from "../src/domain/calendar/working-calendar.ts";
import { formatLocalDateTime, instantAt, localDateOf, localHourOf, localMinuteStamp, localTimeOf, TimeZoneError } from "../src/domain/calendar/zoned-time.ts";

const HCM = "Asia/Ho_Chi_Minh";
const shipped = new WorkingCalendar(loadHolidayFile());

describe("period labels", () => {
  it.each([
    [makePeriod("MONTH", 2024, 10), "tháng 10 năm 2024", "October 2024"],
    [makePeriod("QUARTER", 2024, 3), "Quý III năm 2024", "Q3 of 2024"],
    [makePeriod("HALF_YEAR", 2024, 1), "6 tháng đầu năm 2024", "first half of 2024"],
    [makePeriod("HALF_YEAR", 2024, 2), "6 tháng cuối năm 2024", "second half of 2024"],
    [makePeriod("NINE_MONTHS", 2024), "9 tháng đầu năm 2024", "first nine months of 2024"],
    [makePeriod("YEAR", 2024), "năm 2024", "2024"],
  ])("%o → %s", (period, vi, en) => {
    expect(periodLabel(period)).toBe(vi);
    expect(periodLabel(period, "en")).toBe(en);
  });

  it("keeps the label without the year for titles such as '… 9 tháng đầu năm, nhiệm vụ trọng tâm Quý IV năm 2024'", () => {
    expect(periodLabelWithoutYear(makePeriod("NINE_MONTHS", 2024))).toBe("9 tháng đầu năm");
    expect(periodLabelWithoutYear(makePeriod("QUARTER", 2024, 4))).toBe("Quý IV");
  });

  it("gives the next period for the 'nhiệm vụ trọng tâm' section, across year ends", () => {
    expect(periodLabel(nextPeriod(makePeriod("NINE_MONTHS", 2024)))).toBe("Quý IV năm 2024");
    expect(periodLabel(nextPeriod(makePeriod("QUARTER", 2024, 4)))).toBe("Quý I năm 2025");
    expect(periodLabel(nextPeriod(makePeriod("MONTH", 2024, 12)))).toBe("tháng 1 năm 2025");
    expect(periodLabel(nextPeriod(makePeriod("MONTH", 2024, 10)))).toBe("tháng 11 năm 2024");
    expect(periodLabel(nextPeriod(makePeriod("HALF_YEAR", 2024, 1)))).toBe("6 tháng cuối năm 2024");
    expect(periodLabel(nextPeriod(makePeriod("HALF_YEAR", 2024, 2)))).toBe("6 tháng đầu năm 2025");
    expect(periodLabel(nextPeriod(makePeriod("YEAR", 2024)))).toBe("năm 2025");
  });

  it("slugs, months and range checks", () => {
    expect(periodSlug(makePeriod("NINE_MONTHS", 2024))).toBe("9-thang-2024");
    expect(periodSlug(makePeriod("QUARTER", 2024, 3))).toBe("quy-3-2024");
    expect(periodMonths(makePeriod("QUARTER", 2024, 3))).toEqual({ first: 7, last: 9 });
    expect(() => makePeriod("QUARTER", 2024, 5)).toThrow(PeriodError);
    expect(() => makePeriod("MONTH", 1999, 1)).toThrow(PeriodError);
  });
});

describe("data cut-off (Nghị định 09/2019/NĐ-CP, art. 12)", () => {
  it.each([
    [makePeriod("MONTH", 2024, 10), "2024-09-15", "2024-10-14"],
    [makePeriod("MONTH", 2025, 1), "2024-12-15", "2025-01-14"],
    [makePeriod("QUARTER", 2025, 1), "2024-12-15", "2025-03-14"],
    [makePeriod("QUARTER", 2024, 3), "2024-06-15", "2024-09-14"],
    [makePeriod("HALF_YEAR", 2024, 1), "2023-12-15", "2024-06-14"],
    [makePeriod("HALF_YEAR", 2024, 2), "2024-06-15", "2024-12-14"],
    [makePeriod("NINE_MONTHS", 2024), "2023-12-15", "2024-09-14"],
    [makePeriod("YEAR", 2024), "2023-12-15", "2024-12-14"],
  ])("%o runs from %s to %s", (period, from, to) => {
    expect(dataCutOff(period)).toEqual({ from, to });
  });
});

describe("local dates", () => {
  it("validates, adds days across month and year ends, knows weekdays", () => {
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(weekday("2024-10-05")).toBe(6);
    expect(localDate(2025, 1, 29)).toBe("2025-01-29");
    expect(() => parseLocalDate("2025-02-29")).toThrow(LocalDateError);
    expect(() => parseLocalDate("29/01/2025")).toThrow(LocalDateError);
  });
});

describe("working days", () => {
  it("skips weekends", () => {
    const plain = new WorkingCalendar();
    expect(plain.addWorkingDays("2024-10-04", 1)).toBe("2024-10-07");
    expect(plain.addWorkingDays("2024-10-07", -1)).toBe("2024-10-04");
    expect(plain.addWorkingDays("2024-10-10", -7)).toBe("2024-10-01");
    expect(plain.addWorkingDays("2024-10-05", 0)).toBe("2024-10-05");
    expect(plain.onOrBefore("2024-10-06")).toBe("2024-10-04");
    expect(plain.onOrAfter("2024-10-06")).toBe("2024-10-07");
  });

  it("skips Tết Nguyên đán 2025, 2026 and the computed 2027 days", () => {
    expect(shipped.status("2025-01-29")).toEqual({ working: false, reason: "holiday", name: "Tết Nguyên đán Ất Tỵ (mùng 1)" });
    expect(shipped.workingDaysAfter("2025-01-24", 1)).toBe("2025-02-03");
    expect(shipped.workingDaysBefore("2025-02-03", 1)).toBe("2025-01-24");
    expect(shipped.workingDaysBefore("2025-02-05", 3)).toBe("2025-01-24");
    expect(shipped.countWorkingDays("2025-01-20", "2025-02-07")).toBe(10);
    expect(shipped.workingDaysAfter("2026-02-13", 1)).toBe("2026-02-23");
    expect(shipped.workingDaysAfter("2027-02-04", 1)).toBe("2027-02-12");
  });

  it("counts announced make-up Saturdays as working days and swapped weekdays as days off", () => {
    expect(shipped.status("2025-04-26")).toMatchObject({ working: true, reason: "make-up" });
    expect(shipped.workingDaysAfter("2025-04-25", 1)).toBe("2025-04-26");
    expect(shipped.workingDaysAfter("2025-04-29", 1)).toBe("2025-05-05");
    expect(shipped.workingDaysAfter("2026-01-09", 1)).toBe("2026-01-10");
  });

  it("crosses the year end and Tết Dương lịch", () => {
    expect(shipped.workingDaysAfter("2024-12-31", 1)).toBe("2025-01-02");
    expect(shipped.workingDaysBefore("2025-01-02", 2)).toBe("2024-12-30");
    expect(shipped.workingDaysAfter("2025-12-31", 1)).toBe("2026-01-05");
  });

  it("knows Giỗ Tổ Hùng Vương, 30/4–1/5 and Quốc khánh with its adjacent day", () => {
    for (const date of ["2025-04-07", "2026-04-26", "2027-04-16"]) expect(shipped.status(date).name).toMatch(/Giỗ Tổ Hùng Vương/);
    expect(shipped.workingDaysAfter("2026-04-24", 1)).toBe("2026-04-28");
    for (const date of ["2025-09-01", "2025-09-02", "2026-09-02", "2027-09-02", "2027-05-03"]) expect(shipped.isWorkingDay(date)).toBe(false);
  });
});

describe("shipped holiday data", () => {
  const days = loadHolidayFile();

  it("covers 2025–2027 with make-up days only on weekends and no weekday holiday missing its name", () => {
    for (const year of [2025, 2026, 2027]) expect(days.filter((d) => d.date.startsWith(`${year}-`)).length).toBeGreaterThanOrEqual(9);
    for (const day of days.filter((d) => d.kind === "WORKDAY")) expect([0, 6]).toContain(weekday(day.date));
    for (const day of days) expect(day.name.length).toBeGreaterThan(3);
    // Each Tết gives five weekdays off.
    const tetWeekdays = (from: string, to: string) => days.filter((d) => d.date >= from && d.date <= to && ![0, 6].includes(weekday(d.date))).length;
    expect(tetWeekdays("2025-01-25", "2025-02-02")).toBe(5);
    expect(tetWeekdays("2026-02-14", "2026-02-22")).toBe(5);
    expect(tetWeekdays("2027-02-04", "2027-02-12")).toBe(5);
  });

  it("rejects a bad file with a message naming the entry and field", () => {
    expect(() => parseHolidayData('days:\n  - { date: "2025-02-30", kind: HOLIDAY, name: "x" }')).toThrow(/days\[0\]\.date/);
    expect(() => parseHolidayData('days:\n  - { date: "2025-01-01", kind: OFF, name: "x" }')).toThrow(/days\[0\]\.kind/);
    expect(() =>
      parseHolidayData('days:\n  - { date: "2025-01-01", kind: HOLIDAY, name: "a" }\n  - { date: "2025-01-01", kind: HOLIDAY, name: "b" }'),
    ).toThrow(HolidayDataError);
  });

  it("refuses a file too deep or too large before the YAML reader sees it", () => {
    const started = Date.now();
    for (let i = 0; i < 2; i++) expect(() => parseHolidayData(`days: ${"[".repeat(50_000)}${"]".repeat(50_000)}`)).toThrow(/line 1: nested \d+ levels deep here; at most 8 levels are read/);
    expect(() => parseHolidayData(`days: []\n# ${"x".repeat(HOLIDAY_YAML_LIMITS.maxBytes)}\n`)).toThrow(/at most 256 KB is read/);
    // One linear scan each; generous for a loaded two-core machine.
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe("times in Asia/Ho_Chi_Minh", () => {
  it("turns local reminder times into instants (UTC+7, no DST)", () => {
    expect(instantAt("2024-10-01", 8, 0, HCM).toISOString()).toBe("2024-10-01T01:00:00.000Z");
    expect(instantAt("2025-01-01", 8, 30, HCM).toISOString()).toBe("2025-01-01T01:30:00.000Z");
    expect(instantAt("2024-07-01", 8, 0, HCM).toISOString()).toBe("2024-07-01T01:00:00.000Z");
  });

  it("takes the local date across midnight and the year end", () => {
    expect(localDateOf(new Date("2024-09-30T16:59:59Z"), HCM)).toBe("2024-09-30");
    expect(localDateOf(new Date("2024-09-30T17:00:00Z"), HCM)).toBe("2024-10-01");
    expect(localDateOf(new Date("2024-12-31T17:30:00Z"), HCM)).toBe("2025-01-01");
    expect(localHourOf(new Date("2024-12-31T17:30:00Z"), HCM)).toBe(0);
    expect(localMinuteStamp(new Date("2024-12-31T17:30:00Z"), HCM)).toBe("202501010030");
  });

  it("formats deadlines per locale and checks zones", () => {
    const deadline = new Date("2024-10-05T10:00:00Z");
    expect(formatLocalDateTime(deadline, HCM, "vi")).toBe("17:00 ngày 05/10/2024");
    expect(formatLocalDateTime(deadline, HCM, "en")).toBe("17:00, 5 October 2024");
    expect(() => instantAt("2024-10-01", 8, 0, "Asia/Hanoi_Typo")).toThrow(TimeZoneError);
  });

  it("follows daylight saving where a zone has it", () => {
    expect(instantAt("2024-03-30", 8, 0, "Europe/Berlin").toISOString()).toBe("2024-03-30T07:00:00.000Z");
    expect(instantAt("2024-03-31", 8, 0, "Europe/Berlin").toISOString()).toBe("2024-03-31T06:00:00.000Z");
  });
});

describe("the wall clock read from Intl", () => {
  it("shows what date-fns-tz's formatInTimeZone shows, in zones with and without daylight saving", () => {
    const zones = [HCM, "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "UTC"];
    const seed = Date.now() % 2 ** 31;
    console.log(`wall clock property seed: ${seed}`);
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 11, 31) }), fc.constantFrom(...zones), (ms, zone) => {
        const instant = new Date(ms);
        expect(localDateOf(instant, zone)).toBe(formatInTimeZone(instant, zone, "yyyy-MM-dd"));
        expect(localTimeOf(instant, zone)).toBe(formatInTimeZone(instant, zone, "HH:mm"));
        expect(localHourOf(instant, zone)).toBe(Number(formatInTimeZone(instant, zone, "H")));
        expect(localMinuteStamp(instant, zone)).toBe(formatInTimeZone(instant, zone, "yyyyMMddHHmm"));
        expect(formatLocalDateTime(instant, zone, "vi")).toBe(formatInTimeZone(instant, zone, "HH:mm 'ngày' dd/MM/yyyy"));
        expect(formatLocalDateTime(instant, zone, "en")).toBe(formatInTimeZone(instant, zone, "HH:mm, d MMMM yyyy"));
      }),
      { seed, numRuns: 2000 },
    );
  });
});
