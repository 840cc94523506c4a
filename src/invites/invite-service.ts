import type { Role } from "../domain/permissions.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { inTransaction, type Db } from "../submissions/db-client.ts";
import { generateInviteCode, hashInviteCode, isWellFormedInviteCode } from "./invite-code.ts";
import { cleanDisplayName } from "../domain/display-name.ts";

export const DEFAULT_INVITE_DAYS = 7;

/** Brute force guard: this many failed codes within the window refuse further attempts until they age out. */
export const MAX_FAILED_ATTEMPTS = 5;
export const ATTEMPT_WINDOW_MS = 10 * 60 * 1000;

export class InviteError extends Error {
  override name = "InviteError";
}

export type CreatedInvite = { inviteId: number; code: string; role: Role; unit: { id: number; code: string; name: string } | null; expiresAt: Date };

/** A new single-use invite; the code is returned once and only its hash is stored. */
export async function createInvite(
  db: Db,
  input: { role: Role; unitId?: number | null; days?: number; createdById?: number | null; now?: Date },
): Promise<CreatedInvite> {
  const now = input.now ?? new Date();
  const days = input.days ?? DEFAULT_INVITE_DAYS;
  if (!Number.isFinite(days) || days <= 0 || days > 365) throw new InviteError(`days must be between 1 and 365, got ${days}`);
  if (input.role === "REPORTER" && !input.unitId) throw new InviteError("a reporter invite needs a unit");
  if (input.role !== "REPORTER" && input.unitId) throw new InviteError(`a ${input.role.toLowerCase()} invite is not bound to a unit`);
  const unit = input.unitId ? await db.unit.findUnique({ where: { id: input.unitId }, select: { id: true, code: true, name: true, active: true } }) : null;
  if (input.unitId && !unit) throw new InviteError(`unit ${input.unitId} does not exist`);
  if (unit && !unit.active) throw new InviteError(`unit ${unit.code} is deactivated`);
  const code = generateInviteCode();
  const expiresAt = new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
  const invite = await db.invite.create({
    data: { codeHash: hashInviteCode(code), role: input.role, unitId: unit?.id ?? null, expiresAt, createdById: input.createdById ?? null, createdAt: now },
    select: { id: true },
  });
  await db.auditEvent.create({
    data: { actorId: input.createdById ?? null, action: "invite.created", entityType: "Invite", entityId: String(invite.id), data: { role: input.role, unitId: unit?.id ?? null, expiresAt: expiresAt.toISOString() } },
  });
  return { inviteId: invite.id, code, role: input.role, unit: unit ? { id: unit.id, code: unit.code, name: unit.name } : null, expiresAt };
}

/** Finds a unit by its import code (in the first organisation: one deployment serves one). */
export async function unitByCode(db: Db, code: string): Promise<{ id: number; code: string; name: string } | null> {
  return db.unit.findFirst({ where: { code }, orderBy: { organisationId: "asc" }, select: { id: true, code: true, name: true } });
}

export type RevokeResult = "revoked" | "unknown" | "already-used" | "already-revoked";

export async function revokeInvite(db: Db, code: string, actorId: number | null = null, now = new Date()): Promise<RevokeResult> {
  const invite = await db.invite.findUnique({ where: { codeHash: hashInviteCode(code.trim()) }, select: { id: true, usedAt: true, revokedAt: true } });
  if (!invite) return "unknown";
  if (invite.revokedAt) return "already-revoked";
  if (invite.usedAt) return "already-used";
  await db.invite.update({ where: { id: invite.id }, data: { revokedAt: now } });
  await db.auditEvent.create({ data: { actorId, action: "invite.revoked", entityType: "Invite", entityId: String(invite.id) } });
  return "revoked";
}

/** Whether this Telegram user made too many failed attempts lately, and for how long they must wait. */
export async function inviteRateLimit(db: Db, telegramId: bigint, now = new Date()): Promise<{ limited: boolean; retryAfterMinutes: number }> {
  const since = new Date(now.getTime() - ATTEMPT_WINDOW_MS);
  const failures = await db.inviteAttempt.findMany({
    where: { telegramId, success: false, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    take: MAX_FAILED_ATTEMPTS,
    select: { createdAt: true },
  });
  if (failures.length < MAX_FAILED_ATTEMPTS) return { limited: false, retryAfterMinutes: 0 };
  // Free again when the oldest of the last MAX failures leaves the window.
  const freeAt = failures[failures.length - 1]!.createdAt.getTime() + ATTEMPT_WINDOW_MS;
  return { limited: true, retryAfterMinutes: Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000)) };
}

export type TelegramUser = { id: number; firstName: string; lastName?: string; username?: string };

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
    }
  | { ok: false; reason: "rate-limited"; retryAfterMinutes: number }
  | { ok: false; reason: "unknown" | "used" | "used-by-you" | "revoked" | "unit-inactive" }
  | { ok: false; reason: "expired"; expiredAt: Date };

function displayName(user: TelegramUser): string {
  return cleanDisplayName([user.firstName, user.lastName].filter(Boolean).join(" ")) || cleanDisplayName(user.username ?? "") || String(user.id);
}

/**
 * /start <code>: binds the person to the invite's role and unit. Refused codes change nothing but are
 * recorded, and too many of them in a short time refuse even a valid code for a while.
 */
export async function redeemInvite(prisma: PrismaClient, code: string, user: TelegramUser, now = new Date()): Promise<RedeemResult> {
  const telegramId = BigInt(user.id);
  const limit = await inviteRateLimit(prisma, telegramId, now);
  if (limit.limited) return { ok: false, reason: "rate-limited", retryAfterMinutes: limit.retryAfterMinutes };

  const result = await inTransaction(prisma, async (tx): Promise<RedeemResult> => {
    if (!isWellFormedInviteCode(code)) return { ok: false, reason: "unknown" };
    const invite = await tx.invite.findUnique({
      where: { codeHash: hashInviteCode(code) },
      select: { id: true, role: true, unitId: true, expiresAt: true, usedAt: true, usedById: true, revokedAt: true, unit: { select: { id: true, name: true, active: true } } },
    });
    if (!invite) return { ok: false, reason: "unknown" };
    if (invite.revokedAt) return { ok: false, reason: "revoked" };
    if (invite.usedAt) {
      const usedBy = invite.usedById === null ? null : await tx.person.findUnique({ where: { id: invite.usedById }, select: { telegramId: true } });
      return { ok: false, reason: usedBy?.telegramId === telegramId ? "used-by-you" : "used" };
    }
    if (invite.expiresAt <= now) return { ok: false, reason: "expired", expiredAt: invite.expiresAt };
    if (invite.unit && !invite.unit.active) return { ok: false, reason: "unit-inactive" };

    const existing = await tx.person.findUnique({ where: { telegramId }, select: { id: true } });
    const person = existing
      ? await tx.person.update({ where: { id: existing.id }, data: { username: user.username ?? null, unreachableAt: null, unreachableError: null }, select: { id: true } })
      : await tx.person.create({ data: { telegramId, name: displayName(user), username: user.username ?? null }, select: { id: true } });
    // Claimed with a condition, so two people racing for one code cannot both get it.
    const claimed = await tx.invite.updateMany({ where: { id: invite.id, usedAt: null, revokedAt: null }, data: { usedAt: now, usedById: person.id } });
    if (claimed.count === 0) return { ok: false, reason: "used" };

    const membership = await tx.membership.findFirst({ where: { personId: person.id, role: invite.role, unitId: invite.unitId }, select: { id: true, revokedAt: true } });
    const alreadyMember = membership !== null && membership.revokedAt === null;
    if (!membership) await tx.membership.create({ data: { personId: person.id, role: invite.role, unitId: invite.unitId, createdAt: now } });
    else if (membership.revokedAt) await tx.membership.update({ where: { id: membership.id }, data: { revokedAt: null } });
    await tx.auditEvent.create({
      data: { actorId: person.id, action: "invite.redeemed", entityType: "Invite", entityId: String(invite.id), data: { role: invite.role, unitId: invite.unitId }, createdAt: now },
    });
    return {
      ok: true,
      personId: person.id,
      role: invite.role,
      unit: invite.unit ? { id: invite.unit.id, name: invite.unit.name } : null,
      alreadyMember,
      newPerson: !existing,
    };
  });
  await prisma.inviteAttempt.create({ data: { telegramId, success: result.ok, createdAt: now } });
  return result;
}
