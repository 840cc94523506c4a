import { describe, expect, it } from "vitest";
import { deadlineDay } from "../src/domain/calendar/deadline-day.ts";
import { deadlineExample, deadlineInstant, movedDeadlineExample, parseDeadlineInput } from "../src/domain/calendar/deadline-input.ts";
import { periodLabel } from "../src/domain/calendar/period.ts";
import { previousPeriod, suggestedPeriods } from "../src/domain/calendar/period-suggestion.ts";
import { WorkingCalendar } from "../src/domain/calendar/working-calendar.ts";
import { parseRecipientLines, parseRequestDocument } from "../src/domain/round-input.ts";

describe("a typed deadline", () => {
  it.each([
    ["10/10/2024", "2024-10-10", 17, 0],
    ["ngày 10/10/2024", "2024-10-10", 17, 0],
    ["ngày 10 tháng 10 năm 2024", "2024-10-10", 17, 0],
    ["10/10/2024 16:30", "2024-10-10", 16, 30],
    ["16:30 10/10/2024", "2024-10-10", 16, 30],
    ["10/10/2024 lúc 16h30", "2024-10-10", 16, 30],
    ["8 giờ 30 phút ngày 5/11/2024", "2024-11-05", 8, 30],
    ["17h 5/11/2024", "2024-11-05", 17, 0],
    ["2024-10-10 9:05", "2024-10-10", 9, 5],
  ])("%s → %s %d:%d", (text, date, hour, minute) => {
    expect(parseDeadlineInput(text)).toEqual({ ok: true, value: { date, hour, minute } });
  });

  it("names what is wrong", () => {
    expect(parseDeadlineInput("31/9/2024")).toEqual({ ok: false, problem: "impossible-date" });
    expect(parseDeadlineInput("tuần sau")).toEqual({ ok: false, problem: "not-a-date" });
    expect(parseDeadlineInput("10/10/2024 25:00")).toEqual({ ok: false, problem: "bad-time" });
    expect(parseDeadlineInput("16:30")).toEqual({ ok: false, problem: "not-a-date" });
    expect(parseDeadlineInput("  ")).toEqual({ ok: false, problem: "empty" });
  });

  it("without a year, is the next such day from today (today included)", () => {
    const today = "2026-11-30";
    expect(parseDeadlineInput("15/12", today)).toEqual({ ok: true, value: { date: "2026-12-15", hour: 17, minute: 0 } });
    expect(parseDeadlineInput("15/3 16:30", today)).toEqual({ ok: true, value: { date: "2027-03-15", hour: 16, minute: 30 } });
    expect(parseDeadlineInput("30/11", today)).toEqual({ ok: true, value: { date: "2026-11-30", hour: 17, minute: 0 } });
    expect(parseDeadlineInput("ngày 5 tháng 1", today)).toEqual({ ok: true, value: { date: "2027-01-05", hour: 17, minute: 0 } });
    expect(parseDeadlineInput("ngày 15-12, 8h", today)).toEqual({ ok: true, value: { date: "2026-12-15", hour: 8, minute: 0 } });
    expect(parseDeadlineInput("31/11", today)).toEqual({ ok: false, problem: "impossible-date" });
    // Without knowing today, a year is needed.
    expect(parseDeadlineInput("15/12")).toEqual({ ok: false, problem: "not-a-date" });
  });

  it("is asked for with examples in the round's year", () => {
    expect(deadlineExample({ kind: "NINE_MONTHS", year: 2026, number: 1 })).toBe("20/9/2026");
    expect(deadlineExample({ kind: "QUARTER", year: 2026, number: 4 })).toBe("20/12/2026");
    expect(deadlineExample({ kind: "YEAR", year: 2027, number: 1 })).toBe("20/12/2027");
    expect(deadlineExample({ kind: "MONTH", year: 2026, number: 2 })).toBe("20/2/2026");
    expect(movedDeadlineExample("2026-12-28")).toBe("2/1/2027");
  });

  it("falls at that local time in the organisation's zone", () => {
    const parsed = parseDeadlineInput("10/10/2024");
    expect(parsed.ok && deadlineInstant(parsed.value, "Asia/Ho_Chi_Minh")).toEqual(new Date("2024-10-10T10:00:00Z"));
  });
});

describe("suggested periods", () => {
  const labels = (kind: Parameters<typeof suggestedPeriods>[0], today: string) => suggestedPeriods(kind, today).map((p) => periodLabel(p));

  it("are the current period and the one before, across year ends", () => {
    expect(labels("NINE_MONTHS", "2024-09-30")).toEqual(["9 tháng đầu năm 2024", "9 tháng đầu năm 2023"]);
    expect(labels("QUARTER", "2024-09-30")).toEqual(["Quý III năm 2024", "Quý II năm 2024"]);
    expect(labels("QUARTER", "2025-01-05")).toEqual(["Quý I năm 2025", "Quý IV năm 2024"]);
    expect(labels("MONTH", "2025-01-05")).toEqual(["tháng 1 năm 2025", "tháng 12 năm 2024"]);
    expect(labels("HALF_YEAR", "2024-07-01")).toEqual(["6 tháng cuối năm 2024", "6 tháng đầu năm 2024"]);
    expect(labels("YEAR", "2024-12-20")).toEqual(["năm 2024", "năm 2023"]);
    expect(previousPeriod({ kind: "HALF_YEAR", year: 2024, number: 1 })).toEqual({ kind: "HALF_YEAR", year: 2023, number: 2 });
  });
});

describe("request document and recipients as typed", () => {
  it("keeps the document reference on one line without its full stop", () => {
    expect(parseRequestDocument("Công văn số 09-CV/BCĐ ngày 10/9/2024\ncủa Ban Chỉ đạo.")).toEqual({ ok: true, value: "Công văn số 09-CV/BCĐ ngày 10/9/2024 của Ban Chỉ đạo" });
    expect(parseRequestDocument("x".repeat(501))).toEqual({ ok: false, problem: "too-long", length: 501 });
  });

  it("takes one recipient a line, without list marks or endings", () => {
    expect(parseRecipientLines("- Ban Dân vận Tỉnh ủy;\n\n• Ủy ban nhân dân tỉnh.\n1. Sở Nội vụ")).toEqual({ ok: true, value: ["Ban Dân vận Tỉnh ủy", "Ủy ban nhân dân tỉnh", "Sở Nội vụ"] });
    expect(parseRecipientLines(" - \n;")).toEqual({ ok: false, problem: "empty" });
    expect(parseRecipientLines(Array.from({ length: 16 }, (_, i) => `Nơi ${i}`).join("\n"))).toEqual({ ok: false, problem: "too-many", length: 16 });
  });
});

describe("the day a deadline falls on", () => {
  const calendar = new WorkingCalendar([
    { date: "2025-01-01", kind: "HOLIDAY", name: "Tết Dương lịch" },
    { date: "2025-02-08", kind: "WORKDAY", name: "Làm bù" },
  ]);
  const at = (iso: string) => deadlineDay(new Date(iso), "Asia/Ho_Chi_Minh", calendar);

  it("is read in the organisation's zone, with its weekday and time", () => {
    // 23:30 UTC on Sunday is 06:30 on Monday in Hà Nội.
    expect(at("2026-10-11T23:30:00Z")).toMatchObject({ date: "2026-10-12", dayMonthYear: "12/10/2026", weekday: 1, time: "06:30", status: { working: true }, workingDayBefore: null });
  });

  it("names a weekend or a holiday and the working day before it; a make-up Saturday is a working day", () => {
    expect(at("2024-10-13T10:00:00Z")).toMatchObject({ weekday: 0, status: { working: false, reason: "weekend" }, workingDayBefore: "2024-10-11" });
    expect(at("2025-01-01T10:00:00Z")).toMatchObject({ weekday: 3, status: { working: false, reason: "holiday", name: "Tết Dương lịch" }, workingDayBefore: "2024-12-31" });
    expect(at("2025-02-08T10:00:00Z")).toMatchObject({ weekday: 6, status: { working: true, reason: "make-up" }, workingDayBefore: null });
  });
});
