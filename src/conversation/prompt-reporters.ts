import type { PrismaClient } from "../generated/prisma/client.ts";
import { questionsForUnitKind } from "../domain/template/template-schema.ts";
import { periodLabel } from "../domain/calendar/period.ts";
import { isLocale, type Locale } from "../i18n.ts";
import { templateById } from "../submissions/round-template.ts";
import { formatDateTime } from "./format-time.ts";
import type { OutMessage, Translate } from "./out-message.ts";
import { ensureSubmission } from "./submission-store.ts";

/** How a channel delivers one message to a person; "unreachable" when it never can (blocked, deleted). */
export type PersonChannel = {
  send(person: { id: number; telegramId: bigint }, message: OutMessage): Promise<"sent" | "unreachable" | "failed">;
};

export type PromptSummary = {
  /** Submissions of the round (created when missing). */
  submissions: number;
  sent: number;
  /** People who could not be reached (recorded on the person). */
  unreachable: number[];
  failed: number[];
  /** Active units with questions but no reporter yet. */
  unitsWithoutReporter: string[];
};

/**
 * Tells every reporter of every active unit asked something in this round that the round is open, with a
 * button that starts the conversation. Creates the units' submissions. Used when the office opens a round.
 */
export async function promptRoundReporters(
  prisma: PrismaClient,
  channel: PersonChannel,
  roundId: number,
  translatorFor: (locale: Locale) => Translate,
): Promise<PromptSummary> {
  const round = await prisma.round.findUniqueOrThrow({
    where: { id: roundId },
    select: {
      id: true,
      status: true,
      deadline: true,
      periodKind: true,
      periodYear: true,
      periodNumber: true,
      templateId: true,
      organisation: { select: { id: true, timezone: true, locale: true } },
    },
  });
  const summary: PromptSummary = { submissions: 0, sent: 0, unreachable: [], failed: [], unitsWithoutReporter: [] };
  if (round.status !== "OPEN") return summary;
  const template = await templateById(prisma, round.templateId);
  const units = await prisma.unit.findMany({
    where: { organisationId: round.organisation.id, active: true },
    orderBy: { order: "asc" },
    select: {
      id: true,
      name: true,
      kind: true,
      memberships: { where: { role: "REPORTER", revokedAt: null }, select: { person: { select: { id: true, telegramId: true, locale: true } } } },
    },
  });
  const orgLocale: Locale = isLocale(round.organisation.locale) ? round.organisation.locale : "vi";
  for (const unit of units) {
    const count = questionsForUnitKind(template, unit.kind).length;
    if (count === 0) continue;
    const submission = await ensureSubmission(prisma, round.id, unit.id);
    summary.submissions++;
    if (unit.memberships.length === 0) summary.unitsWithoutReporter.push(unit.name);
    for (const { person } of unit.memberships) {
      const locale: Locale = isLocale(person.locale) ? person.locale : orgLocale;
      const t = translatorFor(locale);
      const message: OutMessage = {
        text: t("prompt-round-open", {
          unit: unit.name,
          round: periodLabel({ kind: round.periodKind, year: round.periodYear, number: round.periodNumber }, locale),
          deadline: formatDateTime(round.deadline, round.organisation.timezone, locale),
          count,
        }),
        buttons: [[{ label: t("button-start-answering"), action: { op: "open", sid: submission.id } }]],
      };
      const result = await channel.send(person, message);
      if (result === "sent") summary.sent++;
      else if (result === "unreachable") summary.unreachable.push(person.id);
      else summary.failed.push(person.id);
    }
  }
  return summary;
}
