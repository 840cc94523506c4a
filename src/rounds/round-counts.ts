import type { PrismaClient } from "../generated/prisma/client.ts";
import { DONE_STATUSES } from "../queue/round-reminder-state.ts";

export type RoundCount = { submitted: number; total: number };

/** Submitted (or accepted) out of all active units' submissions, per round. */
export async function roundCounts(prisma: PrismaClient, roundIds: readonly number[]): Promise<Map<number, RoundCount>> {
  const counts = new Map<number, RoundCount>(roundIds.map((id) => [id, { submitted: 0, total: 0 }]));
  if (roundIds.length === 0) return counts;
  const groups = await prisma.submission.groupBy({
    by: ["roundId", "status"],
    where: { roundId: { in: [...roundIds] }, unit: { active: true } },
    _count: { _all: true },
  });
  for (const group of groups) {
    const count = counts.get(group.roundId)!;
    count.total += group._count._all;
    if (DONE_STATUSES.includes(group.status)) count.submitted += group._count._all;
  }
  return counts;
}
