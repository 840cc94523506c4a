import { localDateOf, localMinuteStamp, instantAt } from "../calendar/zoned-time.ts";
import type { LocalDate } from "../calendar/local-date.ts";
import type { WorkingCalendar } from "../calendar/working-calendar.ts";
import { reminderJobId } from "./reminder-job-id.ts";
import type { ReminderSettings } from "./reminder-settings.ts";

export type RoundState = "DRAFT" | "OPEN" | "CLOSED";

/** before-7 … before-1, deadline, overdue-1 … overdue-N; digest-before-1, digest-deadline. */
export type ReminderKind = `before-${number}` | "deadline" | `overdue-${number}` | "digest-before-1" | "digest-deadline";

export type PlannedReminder = {
  jobId: string;
  roundId: number;
  /** null for the office digest. */
  unitId: number | null;
  kind: ReminderKind;
  plannedFor: Date;
};

export type ReminderPlanInput = {
  round: { id: number; deadline: Date; status: RoundState; settings: ReminderSettings };
  /** Units that still owe their report (not submitted, not accepted). */
  owedUnitIds: readonly number[];
  calendar: WorkingCalendar;
  timeZone: string;
  /** Leave out reminders at or before this instant; omit for the whole plan. */
  after?: Date;
};

/**
 * The reminders a round should have, per unit that still owes its report and for the office:
 * before-N on the N-th working day before the deadline's date, "deadline" on the last working
 * morning before the deadline instant, then overdue-k on each following working morning (up
 * to overdueMax), all at the round's local hour; digests 1 working day before and on the
 * deadline morning. Where two fall on the same morning only the one nearer the deadline stays.
 */
export function planReminders(input: ReminderPlanInput): PlannedReminder[] {
  const { round, calendar, timeZone } = input;
  if (round.status !== "OPEN") return [];
  const { hour, minute, offsetsWorkingDays, overdueMax } = round.settings;
  const slot = (day: LocalDate) => instantAt(day, hour, minute, timeZone);

  const deadlineDate = localDateOf(round.deadline, timeZone);
  // The deadline morning is the last working-day slot strictly before the deadline itself
  // (a deadline at 07:00, or on a Sunday, is reminded the working day before).
  let deadlineDay = calendar.onOrBefore(deadlineDate);
  if (slot(deadlineDay).getTime() >= round.deadline.getTime()) deadlineDay = calendar.addWorkingDays(deadlineDay, -1);
  // Overdue reminders start with the first working-day slot after the deadline.
  let firstOverdueDay = calendar.onOrAfter(deadlineDate);
  if (slot(firstOverdueDay).getTime() <= round.deadline.getTime()) firstOverdueDay = calendar.addWorkingDays(firstOverdueDay, 1);

  const unitSchedule: { kind: ReminderKind; day: LocalDate }[] = [];
  for (const n of offsetsWorkingDays) {
    const day = calendar.addWorkingDays(deadlineDate, -n);
    if (slot(day).getTime() < round.deadline.getTime()) unitSchedule.push({ kind: `before-${n}`, day });
  }
  unitSchedule.push({ kind: "deadline", day: deadlineDay });
  for (let k = 1; k <= overdueMax; k++) unitSchedule.push({ kind: `overdue-${k}`, day: calendar.addWorkingDays(firstOverdueDay, k - 1) });

  const officeSchedule: { kind: ReminderKind; day: LocalDate }[] = [
    { kind: "digest-before-1", day: calendar.addWorkingDays(deadlineDate, -1) },
    { kind: "digest-deadline", day: deadlineDay },
  ];

  const after = input.after?.getTime() ?? Number.NEGATIVE_INFINITY;
  // Times and stamps are the same for every unit: work them out once per schedule.
  const resolve = (schedule: { kind: ReminderKind; day: LocalDate }[]) => {
    // Later entries are nearer the deadline and replace earlier ones on the same morning.
    const byDay = new Map<LocalDate, ReminderKind>();
    for (const { kind, day } of schedule) byDay.set(day, kind);
    return [...byDay]
      .map(([day, kind]) => ({ kind, plannedFor: slot(day) }))
      .filter((item) => item.plannedFor.getTime() > after)
      .map((item) => ({ ...item, stamp: localMinuteStamp(item.plannedFor, timeZone) }));
  };
  const build = (unitId: number | null, slots: ReturnType<typeof resolve>): PlannedReminder[] =>
    slots.map(({ kind, plannedFor, stamp }) => ({
      jobId: reminderJobId({ roundId: round.id, unitId, kind, stamp }),
      roundId: round.id,
      unitId,
      kind,
      plannedFor,
    }));

  const unitSlots = resolve(unitSchedule);
  const units = [...new Set(input.owedUnitIds)].sort((a, b) => a - b);
  const plan = [...build(null, resolve(officeSchedule)), ...units.flatMap((unitId) => build(unitId, unitSlots))];
  return plan.sort((a, b) => a.plannedFor.getTime() - b.plannedFor.getTime() || (a.unitId ?? -1) - (b.unitId ?? -1));
}
