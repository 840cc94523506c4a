import { z } from "zod";
import { localHourOf } from "../calendar/zoned-time.ts";

/** Per-round reminder schedule; Round.reminderSettings stores the fields that differ from the defaults. */
export type ReminderSettings = {
  /** Working days before the deadline a unit is reminded, e.g. [7, 3, 1]. */
  offsetsWorkingDays: number[];
  /** Local wall-clock time of every scheduled reminder. */
  hour: number;
  minute: number;
  /** How many overdue reminders (one per working day) at most. */
  overdueMax: number;
};

export const DEFAULT_REMINDER_SETTINGS: Readonly<ReminderSettings> = Object.freeze({
  offsetsWorkingDays: [7, 3, 1],
  hour: 8,
  minute: 0,
  overdueMax: 5,
});

// Office hours only: a reminder must never go out at night.
export const EARLIEST_REMINDER_HOUR = 6;
export const LATEST_REMINDER_HOUR = 20;

/** 21:00–05:59 local: no reminder goes out, even a late or a requested one. */
export function isNightTime(instant: Date, timeZone: string): boolean {
  const hour = localHourOf(instant, timeZone);
  return hour < EARLIEST_REMINDER_HOUR || hour > LATEST_REMINDER_HOUR;
}

export class ReminderSettingsError extends Error {
  override name = "ReminderSettingsError";
}

const schema = z
  .object({
    offsetsWorkingDays: z.array(z.number().int().min(1).max(60)).max(10),
    hour: z.number().int().min(EARLIEST_REMINDER_HOUR).max(LATEST_REMINDER_HOUR),
    minute: z.number().int().min(0).max(59),
    overdueMax: z.number().int().min(0).max(30),
  })
  .partial()
  .strict();

/** Stored JSON (or null) → complete settings; a bad value throws naming the field. */
export function parseReminderSettings(value: unknown): ReminderSettings {
  if (value === null || value === undefined) return { ...DEFAULT_REMINDER_SETTINGS, offsetsWorkingDays: [...DEFAULT_REMINDER_SETTINGS.offsetsWorkingDays] };
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ReminderSettingsError(`reminder settings: ${issue.path.join(".") || "value"}: ${issue.message}`);
  }
  const merged = { ...DEFAULT_REMINDER_SETTINGS, ...result.data };
  // Largest offset first, each once: the plan reads in time order.
  const offsets = [...new Set(merged.offsetsWorkingDays)].sort((a, b) => b - a);
  return { ...merged, offsetsWorkingDays: offsets };
}
