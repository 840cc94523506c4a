import { cleanDisplayName } from "../domain/display-name.ts";
import type { UnitProgress } from "../domain/office/status-table.ts";
import { questionsForUnitKind, type Template } from "../domain/template/template-schema.ts";
import { personReach, type MessagingWindows } from "../domain/reachability.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { CHANNEL_OF } from "../queue/notifier.ts";
import { templateById } from "../submissions/round-template.ts";

/**
 * Where every unit of a round stands, from the database: the units asked something by the round's template
 * (active ones, and any that already has a submission), their answers counted against their questions, and
 * their reporters' reachability. `unitIds` narrows it to those units (a reporter's own view).
 */
export async function loadRoundProgress(
  prisma: PrismaClient,
  roundId: number,
  unitIds?: readonly number[],
  reach: { now: Date; windows: MessagingWindows } = { now: new Date(), windows: {} },
): Promise<UnitProgress[]> {
  const round = await prisma.round.findUnique({ where: { id: roundId }, select: { organisationId: true, templateId: true } });
  if (!round) return [];
  const template: Template | null = await templateById(prisma, round.templateId).catch(() => null);
  const units = await prisma.unit.findMany({
    where: {
      organisationId: round.organisationId,
      ...(unitIds ? { id: { in: [...unitIds] } } : {}),
      OR: [{ active: true }, { submissions: { some: { roundId } } }],
    },
    orderBy: [{ order: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      kind: true,
      order: true,
      memberships: {
        where: { role: "REPORTER", revokedAt: null },
        select: { person: { select: { id: true, name: true, accounts: { select: { channel: true, lastInboundAt: true, unreachableAt: true, unreachableError: true } } } } },
      },
      submissions: {
        where: { roundId },
        select: {
          status: true,
          lastActivityAt: true,
          submittedAt: true,
          editedAfterSubmitAt: true,
          returnedAt: true,
          acceptedAt: true,
          returnedQuestionKeys: true,
          answers: { select: { questionKey: true } },
        },
      },
    },
  });
  const out: UnitProgress[] = [];
  for (const unit of units) {
    const submission = unit.submissions[0];
    const keys = template ? questionsForUnitKind(template, unit.kind).map((q) => q.key) : null;
    // A unit the template asks nothing is not part of the round (unless it somehow has a submission).
    if (keys && keys.length === 0 && !submission) continue;
    const answered = submission ? submission.answers.filter((a) => keys === null || keys.includes(a.questionKey)).length : 0;
    const people = new Map(unit.memberships.map((m) => [m.person.id, m.person]));
    out.push({
      unitId: unit.id,
      name: cleanDisplayName(unit.name),
      order: unit.order,
      status: submission?.status ?? "NOT_STARTED",
      answered,
      total: keys?.length ?? answered,
      lastActivityAt: submission?.lastActivityAt ?? null,
      submittedAt: submission?.submittedAt ?? null,
      editedAfterSubmitAt: submission?.editedAfterSubmitAt ?? null,
      returnedAt: submission?.returnedAt ?? null,
      acceptedAt: submission?.acceptedAt ?? null,
      returnedCount: submission?.returnedQuestionKeys.length ?? 0,
      reporters: people.size,
      unreachable: [...people.values()].flatMap((p) => {
        const why = personReach(p.accounts.map((a) => ({ ...a, channel: CHANNEL_OF[a.channel] })), reach.now, reach.windows);
        return why === "reachable" ? [] : [{ name: cleanDisplayName(p.name), reach: why }];
      }),
    });
  }
  return out;
}
