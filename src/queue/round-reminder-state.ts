import type { Period } from "../domain/calendar/period.ts";
import type { WorkingCalendar } from "../domain/calendar/working-calendar.ts";
import { assertTimeZone } from "../domain/calendar/zoned-time.ts";
import { planReminders, type PlannedReminder, type RoundState } from "../domain/reminders/reminder-plan.ts";
import { parseReminderSettings, type ReminderSettings } from "../domain/reminders/reminder-settings.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** Submissions in these states owe nothing: no reminders. */
export const DONE_STATUSES: readonly string[] = ["SUBMITTED", "ACCEPTED"];

export type RoundUnitState = { unitId: number; submissionId: number; name: string; order: number; status: string; owed: boolean };

/** What planning and sending need to know about a round, read from the database in one go. */
export type RoundReminderState = {
  id: number;
  status: RoundState;
  deadline: Date;
  settings: ReminderSettings;
  timeZone: string;
  organisationLocale: string;
  period: Period;
  templateName: string;
  /** Active units with a submission in this round, in report order. */
  units: RoundUnitState[];
  owedUnitIds: number[];
};

/** `onlyUnitId` reads just that unit's submission: enough for one unit's reminder, cheap in big rounds. */
export async function loadRoundReminderStates(
  prisma: PrismaClient,
  where: { id?: number; status?: RoundState },
  onlyUnitId?: number,
): Promise<RoundReminderState[]> {
  const rounds = await prisma.round.findMany({
    where,
    include: {
      organisation: { select: { timezone: true, locale: true } },
      template: { select: { name: true } },
      submissions: {
        where: onlyUnitId === undefined ? undefined : { unitId: onlyUnitId },
        select: { id: true, unitId: true, status: true, unit: { select: { name: true, order: true, active: true } } },
      },
    },
    orderBy: { id: "asc" },
  });
  return rounds.map((round) => {
    const units = round.submissions
      .filter((s) => s.unit.active)
      .map((s) => ({ unitId: s.unitId, submissionId: s.id, name: s.unit.name, order: s.unit.order, status: s.status, owed: !DONE_STATUSES.includes(s.status) }))
      .sort((a, b) => a.order - b.order || a.unitId - b.unitId);
    return {
      id: round.id,
      status: round.status,
      deadline: round.deadline,
      settings: parseReminderSettings(round.reminderSettings),
      timeZone: assertTimeZone(round.organisation.timezone),
      organisationLocale: round.organisation.locale,
      period: { kind: round.periodKind, year: round.periodYear, number: round.periodNumber },
      templateName: round.template.name,
      units,
      owedUnitIds: units.filter((u) => u.owed).map((u) => u.unitId),
    };
  });
}

export async function loadRoundReminderState(prisma: PrismaClient, roundId: number, onlyUnitId?: number): Promise<RoundReminderState | null> {
  return (await loadRoundReminderStates(prisma, { id: roundId }, onlyUnitId))[0] ?? null;
}

/** The round's reminder plan as the database has it now; `after` leaves out what is already due. */
export function planForRound(state: RoundReminderState, calendar: WorkingCalendar, after?: Date): PlannedReminder[] {
  return planReminders({
    round: { id: state.id, deadline: state.deadline, status: state.status, settings: state.settings },
    owedUnitIds: state.owedUnitIds,
    calendar,
    timeZone: state.timeZone,
    after,
  });
}
