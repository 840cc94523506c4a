import { questionsForUnitKind } from "../domain/template/template-schema.ts";
import type { NoticeJob } from "../queue/notice-queue.ts";
import { templateById } from "../submissions/round-template.ts";
import type { UseCaseContext } from "./context.ts";

export type AnnounceSummary = {
  /** Submissions of the round (created when missing). */
  submissions: number;
  /** Notices queued (one per reporter of each unit). */
  queued: number;
  /** Active units asked something but with no reporter yet. */
  unitsWithoutReporter: string[];
};

/**
 * Queues a notice to every reporter of every active unit the round asks something ("round-opened"), or of
 * every unit that has not submitted ("deadline-moved"). Creates the units' submissions. The notices go
 * out through the queue, paced; the requester hears how the batch went.
 */
export async function announceToReporters(ctx: UseCaseContext, roundId: number, kind: "round-opened" | "deadline-moved"): Promise<AnnounceSummary> {
  const { prisma, notices } = ctx.deps;
  const round = await prisma.round.findUniqueOrThrow({ where: { id: roundId }, select: { id: true, status: true, deadline: true, templateId: true, organisationId: true } });
  const summary: AnnounceSummary = { submissions: 0, queued: 0, unitsWithoutReporter: [] };
  if (round.status !== "OPEN") return summary;
  const template = await templateById(prisma, round.templateId);
  const units = await prisma.unit.findMany({
    where: { organisationId: round.organisationId, active: true },
    orderBy: { order: "asc" },
    select: { id: true, name: true, kind: true, memberships: { where: { role: "REPORTER", revokedAt: null }, select: { personId: true } } },
  });
  const asked = units.filter((unit) => questionsForUnitKind(template, unit.kind).length > 0);
  // Two statements whatever the number of units: the secretary is answered at once.
  await prisma.submission.createMany({ data: asked.map((unit) => ({ roundId: round.id, unitId: unit.id })), skipDuplicates: true });
  const submissions = new Map(
    (await prisma.submission.findMany({ where: { roundId: round.id, unitId: { in: asked.map((u) => u.id) } }, select: { id: true, unitId: true, status: true } })).map((s) => [s.unitId, s]),
  );
  const jobs: Omit<NoticeJob, "batch">[] = [];
  for (const unit of asked) {
    const submission = submissions.get(unit.id)!;
    summary.submissions++;
    if (kind === "deadline-moved" && ["SUBMITTED", "ACCEPTED"].includes(submission.status)) continue;
    if (unit.memberships.length === 0) summary.unitsWithoutReporter.push(unit.name);
    const refs: Record<string, number> = kind === "round-opened" ? { submission: submission.id } : { submission: submission.id, deadline: round.deadline.getTime() };
    for (const personId of new Set(unit.memberships.map((m) => m.personId))) jobs.push({ kind, personId, refs });
  }
  if (!notices || jobs.length === 0) return summary;
  const batch = { id: `${kind}-r${round.id}-${round.deadline.getTime()}`, total: jobs.length, requesterId: ctx.caller.person?.id ?? null };
  summary.queued = await notices.enqueue(jobs.map((job) => ({ ...job, batch })));
  return summary;
}
