import type { PrismaClient } from "../generated/prisma/client.ts";
import type { NoticeOutcome, PersonMessage } from "../messaging/notifier.ts";
import type { SendResult } from "../messaging/channel-sender.ts";
import type { Recipient } from "./notifier.ts";

/** Sends a message to a person on their preferred channel (the notifier's send). */
export type SendToPerson = (recipient: Recipient, message: PersonMessage) => Promise<{ outcome: NoticeOutcome; result?: SendResult }>;

/** What one reminder log row says about the job and its recipient. */
export type DeliveryTarget = {
  jobId: string;
  roundId: number;
  unitId: number | null;
  kind: string;
  plannedFor: Date;
  recipient: Recipient;
  message: PersonMessage;
};

export type DeliveryOutcome = "sent" | "already-sent" | "in-doubt" | "blocked" | "window-closed" | "rejected";

/** The channel asked us to slow down; the job goes back to the queue without losing an attempt. */
export class ChannelRateLimited extends Error {
  override name = "ChannelRateLimited";
  constructor(readonly retryAfterMs: number) {
    super(`the channel answered 429; retry after ${retryAfterMs} ms`);
  }
}

/** A failure worth retrying (network, 5xx); the claim is released first. */
export class DeliveryFailed extends Error {
  override name = "DeliveryFailed";
}

// Marks a claim whose send has not been confirmed yet.
const CLAIM_DETAIL = "sending";
const IN_DOUBT_DETAIL = "not confirmed: the worker stopped during the send; not repeated";

type LoggedRow = { id: number; outcome: string; sentAt: Date | null; detail: string | null };

/**
 * Sends one reminder to one person at most once. Before the send a SENT row without sentAt is written
 * under an advisory lock on (job, person); after it the row gets its sentAt. A retry or a restarted
 * worker finds the row and does not send again. A row still without sentAt means a worker died during
 * the send: the channel may have delivered it, so it is not repeated (at most once, never twice).
 * A channel that refuses for good (blocked, unfollowed, Zalo's window closed) is recorded, not retried.
 */
export async function deliverOnce(
  prisma: PrismaClient,
  send: SendToPerson,
  target: DeliveryTarget,
  options: {
    now: () => Date;
    finalAttempt: boolean;
    /** The caller's earlier read of this (job, person) row; undefined to read it here. */
    existing?: LoggedRow | null;
  },
): Promise<DeliveryOutcome> {
  const personId = target.recipient.personId;
  const where = { jobId: target.jobId, personId, outcome: { in: ["SENT", "BLOCKED", "WINDOW_CLOSED"] as ("SENT" | "BLOCKED" | "WINDOW_CLOSED")[] } };
  // Cheap check first, so a redelivered job does not wait for send slots it will not use.
  const done = options.existing === undefined ? await prisma.reminderLog.findFirst({ where }) : options.existing;
  if (done) return settleExisting(prisma, done);

  const claim = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${target.jobId}), ${personId}::int4)`;
    const existing = await tx.reminderLog.findFirst({ where });
    if (existing) return { existing };
    const row = await tx.reminderLog.create({
      data: { roundId: target.roundId, unitId: target.unitId, personId, kind: target.kind, jobId: target.jobId, plannedFor: target.plannedFor, outcome: "SENT", detail: CLAIM_DETAIL },
    });
    return { row };
  });
  if (claim.existing) return settleExisting(prisma, claim.existing);
  const claimId = claim.row.id;

  const { outcome, result } = await send(target.recipient, target.message);
  if (outcome === "sent") {
    await prisma.reminderLog.update({ where: { id: claimId }, data: { sentAt: options.now(), detail: null } });
    return "sent";
  }
  if (outcome === "unreachable" || outcome === "window-closed") {
    const detail = result && !result.ok && "detail" in result ? result.detail : outcome;
    await prisma.reminderLog.update({ where: { id: claimId }, data: { outcome: outcome === "unreachable" ? "BLOCKED" : "WINDOW_CLOSED", detail } });
    return outcome === "unreachable" ? "blocked" : "window-closed";
  }
  if (result && !result.ok && result.reason === "rate-limited") {
    await prisma.reminderLog.delete({ where: { id: claimId } });
    throw new ChannelRateLimited(result.retryAfterMs);
  }
  const detail = result && !result.ok && "detail" in result ? result.detail : "failed";
  if (result && !result.ok && result.reason === "failed" && !result.retryable) {
    // A malformed request fails the same way every time.
    await prisma.reminderLog.update({ where: { id: claimId }, data: { outcome: "FAILED", detail } });
    return "rejected";
  }
  if (options.finalAttempt) await prisma.reminderLog.update({ where: { id: claimId }, data: { outcome: "FAILED", detail } });
  else await prisma.reminderLog.delete({ where: { id: claimId } });
  throw new DeliveryFailed(detail);
}

async function settleExisting(prisma: PrismaClient, row: LoggedRow): Promise<DeliveryOutcome> {
  if (row.outcome === "BLOCKED") return "blocked";
  if (row.outcome === "WINDOW_CLOSED") return "window-closed";
  if (row.sentAt) return "already-sent";
  if (row.detail === CLAIM_DETAIL) {
    // Left by a worker that died between claiming and confirming. Unless that send is still
    // running somewhere (it would set sentAt), say so in the log.
    await prisma.reminderLog.updateMany({ where: { id: row.id, sentAt: null, detail: CLAIM_DETAIL }, data: { detail: IN_DOUBT_DETAIL } });
  }
  return "in-doubt";
}
