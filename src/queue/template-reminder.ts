import { periodLabel, type Period } from "../domain/calendar/period.ts";
import { formatLocalDateTime } from "../domain/calendar/zoned-time.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { TemplateSender } from "../messaging/template-sender.ts";

// Marks a reminder row whose paid template message was tried: it is never tried twice (at most one paid message).
const ZNS_MARK = "zns";

/** The parameters a registered reminder template takes (see README: a ZNS template with these names). */
export type TemplateReminderFacts = { unit: string; report: string; period: Period; deadline: Date; timeZone: string };

/**
 * A unit reminder the messaging window kept back, sent instead as a paid template message to the person's
 * phone, once. The reminder's log row (WINDOW_CLOSED) is claimed first, so a retried job does not pay twice;
 * on success it becomes SENT. False when the person has no phone number or the provider refused.
 */
export async function remindByTemplate(
  prisma: PrismaClient,
  sender: TemplateSender,
  target: { jobId: string; personId: number; now: Date; facts: TemplateReminderFacts },
): Promise<boolean> {
  const person = await prisma.person.findUnique({ where: { id: target.personId }, select: { name: true, phone: true } });
  if (!person?.phone) return false;
  const claimed = await prisma.reminderLog.updateMany({
    where: { jobId: target.jobId, personId: target.personId, outcome: "WINDOW_CLOSED", NOT: { detail: { startsWith: ZNS_MARK } } },
    data: { detail: `${ZNS_MARK}: sending` },
  });
  if (claimed.count === 0) return false;
  const { facts } = target;
  const sent = await sender.send({
    phone: person.phone,
    trackingId: `${target.jobId}-${target.personId}`.slice(0, 48),
    params: {
      name: person.name,
      unit: facts.unit,
      report: facts.report,
      period: periodLabel(facts.period, "vi"),
      deadline: formatLocalDateTime(facts.deadline, facts.timeZone, "vi"),
    },
  });
  const where = { jobId: target.jobId, personId: target.personId, outcome: "WINDOW_CLOSED" as const };
  if (sent.ok) {
    await prisma.reminderLog.updateMany({ where, data: { outcome: "SENT", sentAt: target.now, detail: `${ZNS_MARK} ${sender.describe}: ${sent.messageId}`.slice(0, 500) } });
    return true;
  }
  await prisma.reminderLog.updateMany({ where, data: { detail: `${ZNS_MARK} refused: ${sent.detail}`.slice(0, 500) } });
  return false;
}
