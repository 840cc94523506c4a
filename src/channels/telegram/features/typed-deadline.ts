import { formatDateTime } from "../../../conversation/format-time.ts";
import { cleanText } from "../../../domain/answer-parsing.ts";
import { deadlineInstant, parseDeadlineInput } from "../../../domain/calendar/deadline-input.ts";
import { localDateOf } from "../../../domain/calendar/zoned-time.ts";
import { cutText } from "../../../domain/cut-text.ts";
import type { BotContext } from "../context.ts";
import { nowOf } from "./office-access.ts";

/**
 * A typed deadline as an instant in the organisation's zone (17:00 unless a time is given; the next such
 * day when the year is left out), or the message that explains why it was not taken (not a date, no
 * such day, a time past, already over), with `example` as the date to copy.
 */
export function readDeadline(ctx: BotContext, text: string, timeZone: string, example: string): Date | string {
  const now = nowOf(ctx);
  const parsed = parseDeadlineInput(text, localDateOf(now, timeZone));
  if (!parsed.ok) return ctx.t(`rounds-deadline-${parsed.problem}`, { text: cutText(cleanText(text), 40), example });
  const deadline = deadlineInstant(parsed.value, timeZone);
  if (deadline.getTime() <= now.getTime()) {
    return ctx.t("rounds-deadline-past", { deadline: formatDateTime(deadline, timeZone, ctx.locale), now: formatDateTime(now, timeZone, ctx.locale) });
  }
  return deadline;
}
