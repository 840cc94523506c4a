import { inTransaction, type Db } from "../submissions/db-client.ts";

export type LifecycleResult = { ok: true; roundId: number } | { ok: false; reason: "not-found" | "not-open" | "not-closed" | "deadline-past" };

type Change = { actorId: number; now: Date };

async function statusOf(tx: Db, roundId: number): Promise<"DRAFT" | "OPEN" | "CLOSED" | null> {
  // Locks the row: two office members pressing at once change it once.
  const rows = await tx.$queryRaw<{ status: "DRAFT" | "OPEN" | "CLOSED" }[]>`SELECT status FROM "Round" WHERE id = ${roundId} FOR UPDATE`;
  return rows[0]?.status ?? null;
}

/** Closes an open round: answers are frozen from now on (the conversation refuses changes) and reminders stop. */
export function closeRound(db: Db, roundId: number, change: Change): Promise<LifecycleResult> {
  return inTransaction(db, async (tx) => {
    const status = await statusOf(tx, roundId);
    if (!status) return { ok: false, reason: "not-found" };
    if (status !== "OPEN") return { ok: false, reason: "not-open" };
    await tx.round.update({ where: { id: roundId }, data: { status: "CLOSED", closedAt: change.now } });
    await tx.auditEvent.create({ data: { actorId: change.actorId, action: "round.closed", entityType: "Round", entityId: String(roundId), createdAt: change.now } });
    return { ok: true, roundId };
  });
}

/** Opens a closed round again: units that have not submitted may answer (and are reminded) again. */
export function reopenRound(db: Db, roundId: number, change: Change): Promise<LifecycleResult> {
  return inTransaction(db, async (tx) => {
    const status = await statusOf(tx, roundId);
    if (!status) return { ok: false, reason: "not-found" };
    if (status !== "CLOSED") return { ok: false, reason: "not-closed" };
    await tx.round.update({ where: { id: roundId }, data: { status: "OPEN", closedAt: null } });
    await tx.auditEvent.create({ data: { actorId: change.actorId, action: "round.reopened", entityType: "Round", entityId: String(roundId), createdAt: change.now } });
    return { ok: true, roundId };
  });
}

/** Moves an open round's deadline; a deadline in the past is refused. */
export function moveDeadline(db: Db, roundId: number, deadline: Date, change: Change): Promise<LifecycleResult & { from?: Date }> {
  return inTransaction(db, async (tx) => {
    const status = await statusOf(tx, roundId);
    if (!status) return { ok: false, reason: "not-found" };
    if (status !== "OPEN") return { ok: false, reason: "not-open" };
    if (deadline.getTime() <= change.now.getTime()) return { ok: false, reason: "deadline-past" };
    const { deadline: from } = await tx.round.findUniqueOrThrow({ where: { id: roundId }, select: { deadline: true } });
    await tx.round.update({ where: { id: roundId }, data: { deadline } });
    await tx.auditEvent.create({
      data: {
        actorId: change.actorId,
        action: "round.deadline-moved",
        entityType: "Round",
        entityId: String(roundId),
        data: { from: from.toISOString(), to: deadline.toISOString() },
        createdAt: change.now,
      },
    });
    return { ok: true, roundId, from };
  });
}
