import { questionsForUnitKind } from "../domain/template/template-schema.ts";
import { ensureSubmission } from "../conversation/submission-store.ts";
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
  const jobs: Omit<NoticeJob, "batch">[] = [];
  for (const unit of units) {
    if (questionsForUnitKind(template, unit.kind).length === 0) continue;
    const submission = await ensureSubmission(prisma, round.id, unit.id);
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
