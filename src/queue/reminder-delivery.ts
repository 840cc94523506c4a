import { GrammyError, type Api } from "grammy";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { SendPacer } from "./send-pacer.ts";

/** What one reminder log row says about the job and its recipient. */
export type DeliveryTarget = {
  jobId: string;
  roundId: number;
  unitId: number | null;
  kind: string;
  plannedFor: Date;
  person: { id: number; telegramId: bigint };
  text: string;
};

export type DeliveryOutcome = "sent" | "already-sent" | "in-doubt" | "blocked" | "rejected";

/** Telegram asked us to slow down; the job goes back to the queue without losing an attempt. */
export class TelegramRateLimited extends Error {
  override name = "TelegramRateLimited";
  constructor(readonly retryAfterMs: number) {
    super(`Telegram answered 429; retry after ${retryAfterMs} ms`);
  }
}

/** A failure worth retrying (network, Telegram 5xx); the claim is released first. */
export class DeliveryFailed extends Error {
  override name = "DeliveryFailed";
}

// Marks a claim whose send has not been confirmed yet.
const CLAIM_DETAIL = "sending";
const IN_DOUBT_DETAIL = "not confirmed: the worker stopped during the send; not repeated";

/**
 * Sends one reminder to one person at most once. Before the Bot API call a SENT row without
 * sentAt is written under an advisory lock on (job, person); after it the row gets its sentAt.
 * A retry or a restarted worker finds the row and does not send again. A row still without
 * sentAt means a worker died during the call: Telegram may have delivered it, so it is not
 * repeated (at most once, never twice).
 */
export async function deliverOnce(
  prisma: PrismaClient,
  api: Api,
  pacer: SendPacer,
  target: DeliveryTarget,
  options: {
    now: () => Date;
    finalAttempt: boolean;
    /** The caller's earlier read of this (job, person) row; undefined to read it here. */
    existing?: LoggedRow | null;
  },
): Promise<DeliveryOutcome> {
  const where = { jobId: target.jobId, personId: target.person.id, outcome: { in: ["SENT", "BLOCKED"] as ("SENT" | "BLOCKED")[] } };
  // Cheap check first, so a redelivered job does not wait for rate-limit slots it will not use.
  const done = options.existing === undefined ? await prisma.reminderLog.findFirst({ where }) : options.existing;
  if (done) return settleExisting(prisma, done);

  const chatId = target.person.telegramId.toString();
  await pacer.take(chatId);

  const claim = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${target.jobId}), ${target.person.id}::int4)`;
    const existing = await tx.reminderLog.findFirst({ where });
    if (existing) return { existing };
    const row = await tx.reminderLog.create({
      data: {
        roundId: target.roundId,
        unitId: target.unitId,
        personId: target.person.id,
        kind: target.kind,
        jobId: target.jobId,
        plannedFor: target.plannedFor,
        outcome: "SENT",
        detail: CLAIM_DETAIL,
      },
    });
    return { row };
  });
  if (claim.existing) return settleExisting(prisma, claim.existing);
  const claimId = claim.row.id;

  try {
    await api.sendMessage(chatId, target.text, { link_preview_options: { is_disabled: true } });
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 429) {
      await prisma.reminderLog.delete({ where: { id: claimId } });
      throw new TelegramRateLimited((error.parameters.retry_after ?? 1) * 1000);
    }
    if (error instanceof GrammyError && error.error_code === 403) {
      const at = options.now();
      await prisma.$transaction([
        prisma.reminderLog.update({ where: { id: claimId }, data: { outcome: "BLOCKED", detail: error.description } }),
        prisma.person.update({ where: { id: target.person.id }, data: { unreachableAt: at, unreachableError: error.description } }),
      ]);
      return "blocked";
    }
    if (error instanceof GrammyError && error.error_code === 400) {
      // A malformed request fails the same way every time.
      await prisma.reminderLog.update({ where: { id: claimId }, data: { outcome: "FAILED", detail: error.description } });
      return "rejected";
    }
    const detail = error instanceof GrammyError ? `${error.error_code}: ${error.description}` : (error as Error).message;
    if (options.finalAttempt) {
      await prisma.reminderLog.update({ where: { id: claimId }, data: { outcome: "FAILED", detail } });
    } else {
      await prisma.reminderLog.delete({ where: { id: claimId } });
    }
    throw new DeliveryFailed(detail);
  }
  await prisma.reminderLog.update({ where: { id: claimId }, data: { sentAt: options.now(), detail: null } });
  return "sent";
}

type LoggedRow = { id: number; outcome: string; sentAt: Date | null; detail: string | null };

async function settleExisting(prisma: PrismaClient, row: LoggedRow): Promise<DeliveryOutcome> {
  if (row.outcome === "BLOCKED") return "blocked";
  if (row.sentAt) return "already-sent";
  if (row.detail === CLAIM_DETAIL) {
    // Left by a worker that died between claiming and confirming. Unless that send is still
    // running somewhere (it would set sentAt), say so in the log.
    await prisma.reminderLog.updateMany({ where: { id: row.id, sentAt: null, detail: CLAIM_DETAIL }, data: { detail: IN_DOUBT_DETAIL } });
  }
  return "in-doubt";
}
