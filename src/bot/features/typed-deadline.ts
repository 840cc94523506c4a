import { formatDateTime } from "../../conversation/format-time.ts";
import { deadlineInstant, parseDeadlineInput } from "../../domain/calendar/deadline-input.ts";
import type { BotContext } from "../context.ts";
import { nowOf } from "./office-access.ts";

/**
 * A typed deadline as an instant in the organisation's zone (17:00 unless a time is given), or the
 * message that explains why it was not taken (not a date, no such day, a time past, already over).
 */
export function readDeadline(ctx: BotContext, text: string, timeZone: string): Date | string {
  const parsed = parseDeadlineInput(text);
  if (!parsed.ok) return ctx.t(`rounds-deadline-${parsed.problem}`, { text: text.trim().slice(0, 40) });
  const deadline = deadlineInstant(parsed.value, timeZone);
  const now = nowOf(ctx);
  if (deadline.getTime() <= now.getTime()) {
    return ctx.t("rounds-deadline-past", { deadline: formatDateTime(deadline, timeZone, ctx.locale), now: formatDateTime(now, timeZone, ctx.locale) });
  }
  return deadline;
}
