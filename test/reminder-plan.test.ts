import { describe, expect, it } from "vitest";
import { loadHolidayFile } from "../src/domain/calendar/holiday-data.ts";
import { WorkingCalendar } from "../src/domain/calendar/working-calendar.ts";
import { parseReminderJobId, reminderJobId } from "../src/domain/reminders/reminder-job-id.ts";
import { planReminders, type ReminderPlanInput } from "../src/domain/reminders/reminder-plan.ts";
import { DEFAULT_REMINDER_SETTINGS, isNightTime, parseReminderSettings, ReminderSettingsError } from "../src/domain/reminders/reminder-settings.ts";

const HCM = "Asia/Ho_Chi_Minh";
const calendar = new WorkingCalendar(loadHolidayFile());

function input(deadline: string, overrides: Partial<ReminderPlanInput> = {}): ReminderPlanInput {
  return {
    round: { id: 7, deadline: new Date(deadline), status: "OPEN", settings: parseReminderSettings(null) },
    owedUnitIds: [3],
    calendar,
    timeZone: HCM,
    ...overrides,
  };
}

const summary = (plan: ReturnType<typeof planReminders>) => plan.map((p) => `${p.unitId ?? "office"} ${p.kind} ${p.plannedFor.toISOString()}`);

describe("reminder plan", () => {
  it("plans 7, 3, 1 working days before, the deadline morning, overdue days and the office digests at 08:00 local", () => {
    // Deadline Thursday 10/10/2024 17:00 in Hà Nội.
    const plan = planReminders(input("2024-10-10T10:00:00Z"));
    expect(summary(plan)).toEqual([
      "3 before-7 2024-10-01T01:00:00.000Z",
      "3 before-3 2024-10-07T01:00:00.000Z",
      "office digest-before-1 2024-10-09T01:00:00.000Z",
      "3 before-1 2024-10-09T01:00:00.000Z",
      "office digest-deadline 2024-10-10T01:00:00.000Z",
      "3 deadline 2024-10-10T01:00:00.000Z",
      "3 overdue-1 2024-10-11T01:00:00.000Z",
      "3 overdue-2 2024-10-14T01:00:00.000Z",
      "3 overdue-3 2024-10-15T01:00:00.000Z",
      "3 overdue-4 2024-10-16T01:00:00.000Z",
      "3 overdue-5 2024-10-17T01:00:00.000Z",
    ]);
    expect(plan[0]!.jobId).toBe("r7_u3_before-7_202410010800");
    expect(plan.find((p) => p.kind === "digest-deadline")!.jobId).toBe("r7_office_digest-deadline_202410100800");
  });

  it("never lands on a weekend or holiday: counts back across Tết 2025", () => {
    // Deadline Wednesday 05/02/2025, right after Tết Ất Tỵ (27–31/01 off).
    const plan = planReminders(input("2025-02-05T10:00:00Z"));
    const at = (kind: string) => plan.find((p) => p.unitId === 3 && p.kind === kind)!.plannedFor.toISOString();
    expect(at("before-7")).toBe("2025-01-20T01:00:00.000Z");
    expect(at("before-3")).toBe("2025-01-24T01:00:00.000Z");
    expect(at("before-1")).toBe("2025-02-04T01:00:00.000Z");
    for (const p of plan) expect(calendar.isWorkingDay(p.plannedFor.toISOString().slice(0, 10))).toBe(true);
  });

  it("runs overdue reminders over the year end and Tết Dương lịch", () => {
    const plan = planReminders(input("2024-12-30T10:00:00Z"));
    const overdue = plan.filter((p) => p.kind.startsWith("overdue")).map((p) => p.plannedFor.toISOString().slice(0, 10));
    expect(overdue).toEqual(["2024-12-31", "2025-01-02", "2025-01-03", "2025-01-06", "2025-01-07"]);
  });

  it("a deadline on a Sunday is reminded on Friday morning, once", () => {
    const plan = planReminders(input("2024-10-13T10:00:00Z"));
    expect(summary(plan.filter((p) => p.unitId === 3)).slice(0, 4)).toEqual([
      "3 before-7 2024-10-03T01:00:00.000Z",
      "3 before-3 2024-10-09T01:00:00.000Z",
      "3 deadline 2024-10-11T01:00:00.000Z",
      "3 overdue-1 2024-10-14T01:00:00.000Z",
    ]);
  });

  it("a deadline before the reminder hour moves the deadline reminder to the day before; overdue starts that morning", () => {
    const plan = planReminders(input("2024-10-10T00:00:00Z")); // 07:00 local
    expect(plan.find((p) => p.kind === "deadline")!.plannedFor.toISOString()).toBe("2024-10-09T01:00:00.000Z");
    expect(plan.find((p) => p.kind === "before-1")).toBeUndefined();
    expect(plan.find((p) => p.kind === "overdue-1")!.plannedFor.toISOString()).toBe("2024-10-10T01:00:00.000Z");
  });

  it("leaves out what is already past and keeps ids stable", () => {
    const now = new Date("2024-10-08T03:00:00Z"); // Tuesday 10:00 local
    const all = planReminders(input("2024-10-10T10:00:00Z"));
    const rest = planReminders(input("2024-10-10T10:00:00Z", { after: now }));
    expect(rest.map((p) => p.kind)).not.toContain("before-7");
    expect(rest.map((p) => p.kind)).not.toContain("before-3");
    expect(rest.every((p) => p.plannedFor > now)).toBe(true);
    expect(rest.map((p) => p.jobId)).toEqual(all.filter((p) => p.plannedFor > now).map((p) => p.jobId));
  });

  it("honours per-round offsets, hour and overdue cap; plans only for owing units of an open round", () => {
    const settings = parseReminderSettings({ offsetsWorkingDays: [2, 5, 2], hour: 14, minute: 30, overdueMax: 1 });
    expect(settings.offsetsWorkingDays).toEqual([5, 2]);
    const plan = planReminders(input("2024-10-10T10:00:00Z", { round: { id: 7, deadline: new Date("2024-10-10T10:00:00Z"), status: "OPEN", settings }, owedUnitIds: [4, 2] }));
    expect(new Set(plan.map((p) => p.kind))).toEqual(new Set(["before-5", "before-2", "deadline", "overdue-1", "digest-before-1", "digest-deadline"]));
    expect(plan.every((p) => p.plannedFor.toISOString().endsWith("T07:30:00.000Z"))).toBe(true);
    expect(new Set(plan.map((p) => p.unitId))).toEqual(new Set([null, 2, 4]));
    expect(planReminders(input("2024-10-10T10:00:00Z", { owedUnitIds: [] })).map((p) => p.kind)).toEqual(["digest-before-1", "digest-deadline"]);
    for (const status of ["DRAFT", "CLOSED"] as const) {
      expect(planReminders(input("2024-10-10T10:00:00Z", { round: { id: 7, deadline: new Date("2024-10-10T10:00:00Z"), status, settings } }))).toEqual([]);
    }
  });

  it("knows night time in the organisation's zone", () => {
    expect(isNightTime(new Date("2024-10-03T13:59:00Z"), HCM)).toBe(false); // 20:59
    expect(isNightTime(new Date("2024-10-03T14:00:00Z"), HCM)).toBe(true); // 21:00
    expect(isNightTime(new Date("2024-10-02T22:59:00Z"), HCM)).toBe(true); // 05:59
    expect(isNightTime(new Date("2024-10-02T23:00:00Z"), HCM)).toBe(false); // 06:00
  });

  it("refuses night hours and unknown settings, naming the field", () => {
    expect(() => parseReminderSettings({ hour: 23 })).toThrow(/hour/);
    expect(() => parseReminderSettings({ hour: 3 })).toThrow(ReminderSettingsError);
    expect(() => parseReminderSettings({ offsets: [1] })).toThrow(ReminderSettingsError);
    expect(parseReminderSettings({})).toEqual(DEFAULT_REMINDER_SETTINGS);
  });

  it("job ids are valid BullMQ custom ids and parse back", () => {
    const id = reminderJobId({ roundId: 12, unitId: 5, kind: "overdue-2", stamp: "202410150800" });
    expect(id).toBe("r12_u5_overdue-2_202410150800");
    expect(id).not.toContain(":");
    expect(parseReminderJobId(id)).toEqual({ roundId: 12, unitId: 5, kind: "overdue-2", stamp: "202410150800" });
    expect(parseReminderJobId("r12_office_digest-deadline_202410100800")).toMatchObject({ unitId: null, kind: "digest-deadline" });
    expect(parseReminderJobId("repeat:reminders-reconcile:1")).toBeNull();
  });
});
