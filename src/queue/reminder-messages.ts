import { periodLabel, type Period } from "../domain/calendar/period.ts";
import { formatLocalDateTime } from "../domain/calendar/zoned-time.ts";
import { i18n, type Locale } from "../i18n.ts";

export type UnitReminderMessage = {
  locale: Locale;
  /** before-N, deadline, overdue-N or manual. */
  kind: string;
  period: Period;
  report: string;
  unit: string;
  deadline: Date;
  timeZone: string;
  now: Date;
  /** The office returned the submission for more detail. */
  returned: boolean;
};

function common(input: { locale: Locale; period: Period; report: string; deadline: Date; timeZone: string }) {
  return {
    period: periodLabel(input.period, input.locale),
    report: input.report,
    deadline: formatLocalDateTime(input.deadline, input.timeZone, input.locale),
  };
}

export function unitReminderText(input: UnitReminderMessage): string {
  const vars = { ...common(input), unit: input.unit };
  const before = /^before-(\d+)$/.exec(input.kind);
  let text: string;
  if (before) text = i18n.t(input.locale, "reminder-before", { ...vars, days: Number(before[1]) });
  else if (input.kind === "deadline") text = i18n.t(input.locale, "reminder-deadline", vars);
  else if (input.kind.startsWith("overdue-")) text = i18n.t(input.locale, "reminder-overdue", vars);
  else text = i18n.t(input.locale, "reminder-manual", { ...vars, overdue: input.now.getTime() > input.deadline.getTime() ? "yes" : "no" });
  return input.returned ? `${text}\n${i18n.t(input.locale, "reminder-returned-note")}` : text;
}

export type OfficeDigestMessage = {
  locale: Locale;
  period: Period;
  report: string;
  deadline: Date;
  timeZone: string;
  total: number;
  submitted: number;
  /** Names of the units that have not submitted, in report order. */
  pendingUnits: string[];
  /** "Nguyễn Văn A (Phòng Quản lý khoa học)" for each person the bot cannot reach. */
  unreachable: string[];
};

// One Telegram message holds 4,096 characters; long lists are cut so a digest stays one message.
const MAX_LISTED_UNITS = 60;
const MAX_LISTED_PEOPLE = 30;

function listed(locale: Locale, names: string[], max: number): string {
  if (names.length <= max) return names.join(", ");
  return `${names.slice(0, max).join(", ")} ${i18n.t(locale, "reminder-digest-more", { count: names.length - max })}`;
}

export function officeDigestText(input: OfficeDigestMessage): string {
  const { locale } = input;
  const lines = [i18n.t(locale, "reminder-digest-title", common(input))];
  const counts = { submitted: input.submitted, total: input.total };
  if (input.pendingUnits.length) {
    lines.push(i18n.t(locale, "reminder-digest-progress", { ...counts, pending: listed(locale, input.pendingUnits, MAX_LISTED_UNITS) }));
  } else {
    lines.push(i18n.t(locale, "reminder-digest-all-done", counts));
  }
  if (input.unreachable.length) {
    lines.push(i18n.t(locale, "reminder-digest-unreachable", { people: listed(locale, input.unreachable, MAX_LISTED_PEOPLE) }));
  }
  if (input.pendingUnits.length) lines.push(i18n.t(locale, "reminder-digest-hint"));
  return lines.join("\n");
}
