import type { Role } from "../domain/permissions.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { cleanDisplayName } from "../domain/display-name.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { ChannelName } from "../messaging/channel-sender.ts";
import { CHANNEL_ENUM } from "../queue/notifier.ts";
import { inTransaction, TRANSACTION_OPTIONS, type Db } from "../submissions/db-client.ts";
import { generateInviteCode, hashInviteCode, isWellFormedInviteCode } from "./invite-code.ts";
import { generateShortCode, hashShortCode, normaliseShortCode } from "./short-code.ts";

export const DEFAULT_INVITE_DAYS = 7;

/** Brute force guard: this many failed codes within the window refuse further attempts until they age out. */
export const MAX_FAILED_ATTEMPTS = 5;
export const ATTEMPT_WINDOW_MS = 10 * 60 * 1000;

export class InviteError extends Error {
  override name = "InviteError";
}

/** A link for Telegram (t.me/<bot>?start=<code>), or a short code a person sends to the Zalo OA. */
export type InviteKind = "link" | "short";

export type CreatedInvite = { inviteId: number; kind: InviteKind; code: string; role: Role; unit: { id: number; code: string; name: string } | null; expiresAt: Date };

/** A new single-use invite; the code is returned once and only its hash is stored. */
export async function createInvite(
  db: Db,
  input: { role: Role; unitId?: number | null; days?: number; createdById?: number | null; now?: Date; kind?: InviteKind },
): Promise<CreatedInvite> {
  const now = input.now ?? new Date();
  const days = input.days ?? DEFAULT_INVITE_DAYS;
  if (!Number.isFinite(days) || days <= 0 || days > 365) throw new InviteError(`days must be between 1 and 365, got ${days}`);
  if (input.role === "REPORTER" && !input.unitId) throw new InviteError("a reporter invite needs a unit");
  if (input.role !== "REPORTER" && input.unitId) throw new InviteError(`a ${input.role.toLowerCase()} invite is not bound to a unit`);
  const unit = input.unitId ? await db.unit.findUnique({ where: { id: input.unitId }, select: { id: true, code: true, name: true, active: true } }) : null;
  if (input.unitId && !unit) throw new InviteError(`unit ${input.unitId} does not exist`);
  if (unit && !unit.active) throw new InviteError(`unit ${unit.code} is deactivated`);
  const kind = input.kind ?? "link";
  const code = kind === "link" ? generateInviteCode() : generateShortCode();
  const codeHash = kind === "link" ? hashInviteCode(code) : hashShortCode(normaliseShortCode(code)!);
  const expiresAt = new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
  const invite = await db.invite.create({
    data: { codeHash, role: input.role, unitId: unit?.id ?? null, expiresAt, createdById: input.createdById ?? null, createdAt: now },
    select: { id: true },
  });
  await db.auditEvent.create({
    data: { actorId: input.createdById ?? null, action: "invite.created", entityType: "Invite", entityId: String(invite.id), data: { role: input.role, unitId: unit?.id ?? null, kind, expiresAt: expiresAt.toISOString() } },
  });
  return { inviteId: invite.id, kind, code, role: input.role, unit: unit ? { id: unit.id, code: unit.code, name: unit.name } : null, expiresAt };
}

/** Finds a unit by its import code (in the first organisation: one deployment serves one). */
export async function unitByCode(db: Db, code: string): Promise<{ id: number; code: string; name: string } | null> {
  return db.unit.findFirst({ where: { code }, orderBy: { organisationId: "asc" }, select: { id: true, code: true, name: true } });
}

export type RevokeResult = "revoked" | "unknown" | "already-used" | "already-revoked";

export async function revokeInvite(db: Db, code: string, actorId: number | null = null, now = new Date()): Promise<RevokeResult> {
  const hash = hashOfTypedCode(code);
  const invite = hash === null ? null : await db.invite.findUnique({ where: { codeHash: hash }, select: { id: true, usedAt: true, revokedAt: true } });
  if (!invite) return "unknown";
  if (invite.revokedAt) return "already-revoked";
  if (invite.usedAt) return "already-used";
  await db.invite.update({ where: { id: invite.id }, data: { revokedAt: now } });
  await db.auditEvent.create({ data: { actorId, action: "invite.revoked", entityType: "Invite", entityId: String(invite.id) } });
  return "revoked";
}

/** Whether this sender made too many failed attempts lately, and for how long they must wait. */
export async function inviteRateLimit(db: Db, sender: string, now = new Date()): Promise<{ limited: boolean; retryAfterMinutes: number }> {
  const since = new Date(now.getTime() - ATTEMPT_WINDOW_MS);
  const failures = await db.inviteAttempt.findMany({
    where: { sender, success: false, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    take: MAX_FAILED_ATTEMPTS,
    select: { createdAt: true },
  });
  if (failures.length < MAX_FAILED_ATTEMPTS) return { limited: false, retryAfterMinutes: 0 };
  // Free again when the oldest of the last MAX failures leaves the window.
  const freeAt = failures[failures.length - 1]!.createdAt.getTime() + ATTEMPT_WINDOW_MS;
  return { limited: true, retryAfterMinutes: Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000)) };
}

/** The messenger account a code is redeemed from, and the name to start with. */
export type JoiningAccount = { channel: ChannelName; externalId: string; username?: string | null; name: string };

export type RedeemResult =
  | {
      ok: true;
      personId: number;
      role: Role;
      unit: { id: number; name: string } | null;
      /** The person already had this role (for this unit): nothing new, the code is still used up. */
      alreadyMember: boolean;
      /** The person was not registered before. */
      newPerson: boolean;
      /** Who made the invite (told that it was used). */
      invitedById: number | null;
    }
  | { ok: false; reason: "rate-limited"; retryAfterMinutes: number }
  | { ok: false; reason: "unknown" | "used" | "used-by-you" | "revoked" | "unit-inactive" }
  | { ok: false; reason: "expired"; expiredAt: Date };

/** The stored hash of a typed code of either kind (invite links and short codes, link codes), or null when it cannot be a code of this bot. */
export function hashOfTypedCode(code: string): string | null {
  const trimmed = code.trim();
  if (isWellFormedInviteCode(trimmed)) return hashInviteCode(trimmed);
  const short = normaliseShortCode(trimmed);
  return short ? hashShortCode(short) : null;
}

/**
 * Binds the person behind a messenger account to the invite's role and unit. Attempts from one sender
 * are taken one at a time (an advisory lock), so the limit on failed guesses cannot be raced; a refused
 * code, including one lost in a race for the same code, leaves no person and no role behind.
 */
export async function redeemInvite(prisma: PrismaClient, code: string, account: JoiningAccount, now = new Date()): Promise<RedeemResult> {
  return attemptCode(prisma, account, now, (tx) => claimInvite(tx, code, account, now));
}

export type RateLimited = { ok: false; reason: "rate-limited"; retryAfterMinutes: number };

/**
 * One typed code from one sender, whatever kind of code it turns out to be: attempts from a sender are taken
 * one at a time (an advisory lock) and counted together, so the limit on failed guesses covers every kind.
 */
export async function attemptCode<R extends { ok: boolean }>(
  prisma: PrismaClient,
  account: Pick<JoiningAccount, "channel" | "externalId">,
  now: Date,
  claimCode: (tx: Prisma.TransactionClient) => Promise<R>,
): Promise<R | RateLimited> {
  const sender = `${account.channel}:${account.externalId}`;
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`invite-attempt:${sender}`}))`;
    const limit = await inviteRateLimit(tx, sender, now);
    if (limit.limited) return { ok: false, reason: "rate-limited", retryAfterMinutes: limit.retryAfterMinutes } as const;
    const result = await claimCode(tx);
    await tx.inviteAttempt.create({ data: { sender, success: result.ok, createdAt: now } });
    return result;
  }, TRANSACTION_OPTIONS);
}

/** Redeems an invite inside the caller's attempt (see attemptCode); "unknown" when the code is no invite. */
export async function claimInvite(tx: Prisma.TransactionClient, code: string, account: JoiningAccount, now: Date): Promise<Exclude<RedeemResult, RateLimited>> {
  const channel = CHANNEL_ENUM[account.channel];
  const hash = hashOfTypedCode(code);
  if (!hash) return { ok: false, reason: "unknown" };
  const invite = await tx.invite.findUnique({
    where: { codeHash: hash },
    select: { id: true, role: true, unitId: true, expiresAt: true, usedAt: true, usedById: true, revokedAt: true, createdById: true },
  });
  if (!invite) return { ok: false, reason: "unknown" };
  // Read on its own: a nested read could send its relation query beside the first on the transaction's connection.
  const unit = invite.unitId === null ? null : await tx.unit.findUnique({ where: { id: invite.unitId }, select: { id: true, name: true, active: true } });
  if (invite.revokedAt) return { ok: false, reason: "revoked" };
  const existing = await tx.channelAccount.findUnique({ where: { channel_externalId: { channel, externalId: account.externalId } }, select: { id: true, personId: true } });
  if (invite.usedAt) return { ok: false, reason: existing && invite.usedById === existing.personId ? "used-by-you" : "used" };
  if (invite.expiresAt <= now) return { ok: false, reason: "expired", expiredAt: invite.expiresAt };
  if (unit && !unit.active) return { ok: false, reason: "unit-inactive" };

  // Every refusal comes before any write. Claimed first, with a condition: two people racing for one code
  // cannot both get it, and the loser has nothing created for them.
  const claimed = await tx.invite.updateMany({ where: { id: invite.id, usedAt: null, revokedAt: null }, data: { usedAt: now } });
  if (claimed.count === 0) return { ok: false, reason: "used" };

  let personId: number;
  if (existing) {
    personId = existing.personId;
    await tx.channelAccount.update({ where: { id: existing.id }, data: { username: account.username ?? null, unreachableAt: null, unreachableError: null, lastInboundAt: now } });
  } else {
    const person = await tx.person.create({ data: { name: cleanDisplayName(account.name) || account.externalId }, select: { id: true } });
    personId = person.id;
    await tx.channelAccount.create({ data: { personId, channel, externalId: account.externalId, username: account.username ?? null, lastInboundAt: now, createdAt: now } });
  }
  await tx.invite.update({ where: { id: invite.id }, data: { usedById: personId } });

  const membership = await tx.membership.findFirst({ where: { personId, role: invite.role, unitId: invite.unitId }, select: { id: true, revokedAt: true } });
  const alreadyMember = membership !== null && membership.revokedAt === null;
  if (!membership) await tx.membership.create({ data: { personId, role: invite.role, unitId: invite.unitId, createdAt: now } });
  else if (membership.revokedAt) await tx.membership.update({ where: { id: membership.id }, data: { revokedAt: null } });
  await tx.auditEvent.create({
    data: { actorId: personId, action: "invite.redeemed", entityType: "Invite", entityId: String(invite.id), data: { role: invite.role, unitId: invite.unitId, channel: account.channel }, createdAt: now },
  });
  return {
    ok: true,
    personId,
    role: invite.role,
    unit: unit ? { id: unit.id, name: unit.name } : null,
    alreadyMember,
    newPerson: !existing,
    invitedById: invite.createdById,
  };
}
