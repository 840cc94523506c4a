import type { Prisma } from "../generated/prisma/client.ts";
import type { ChannelName } from "../messaging/channel-sender.ts";
import { CHANNEL_ENUM, CHANNEL_OF } from "../queue/notifier.ts";
import type { Db } from "../submissions/db-client.ts";
import type { JoiningAccount } from "./invite-service.ts";
import { generateShortCode, hashShortCode } from "./short-code.ts";

/**
 * A link code lets a person who joined on one messenger attach their account on another: asked for in the
 * chat, typed to the other messenger like a Zalo invite code. Short-lived, since it hands over the person's roles.
 */
export const LINK_CODE_MINUTES = 15;

export type CreatedLinkCode = { code: string; expiresAt: Date };

/**
 * A new code for the person, shown once; only its hash is stored. Asking again replaces the codes not used
 * yet, so only the newest one works.
 */
export async function createLinkCode(db: Db, personId: number, channel: ChannelName, now: Date): Promise<CreatedLinkCode> {
  const code = generateShortCode();
  const expiresAt = new Date(now.getTime() + LINK_CODE_MINUTES * 60_000);
  await db.linkCode.deleteMany({ where: { personId, usedAt: null } });
  await db.linkCode.create({ data: { codeHash: hashShortCode(code), personId, channel: CHANNEL_ENUM[channel], expiresAt, createdAt: now } });
  return { code, expiresAt };
}

/** The person a code belongs to, as the answer to it needs them. */
type Owner = { personId: number; locale: string | null };

export type LinkResult =
  | {
      ok: true;
      personId: number;
      locale: string | null;
      /** The messenger the code was asked on: the person is told there too. */
      askedOn: ChannelName;
      /** The person the account belonged to before (one with no role left), or null for a new account. */
      movedFromPersonId: number | null;
    }
  | { ok: false; reason: "unknown" }
  | ({ ok: false; reason: "expired"; expiredAt: Date } & Owner)
  | ({ ok: false; reason: "used" | "already-yours" | "other-person" } & Owner)
  | ({ ok: false; reason: "same-channel"; askedOn: ChannelName } & Owner);

/**
 * Attaches the sending account to the code's person, inside the caller's attempt (invite-service's
 * attemptCode). Every refusal comes before any write. An account that is someone else's is taken over only
 * when that person holds no role: people are never merged silently.
 */
export async function claimLinkCode(tx: Prisma.TransactionClient, codeHash: string, account: JoiningAccount, now: Date): Promise<LinkResult> {
  const link = await tx.linkCode.findUnique({ where: { codeHash }, select: { id: true, personId: true, channel: true, expiresAt: true, usedAt: true } });
  if (!link) return { ok: false, reason: "unknown" };
  const owner = await tx.person.findUniqueOrThrow({ where: { id: link.personId }, select: { locale: true } });
  const who: Owner = { personId: link.personId, locale: owner.locale };
  const channel = CHANNEL_ENUM[account.channel];
  const existing = await tx.channelAccount.findUnique({ where: { channel_externalId: { channel, externalId: account.externalId } }, select: { id: true, personId: true } });
  // Said first: a code sent again from the account it already linked is no mistake worth a refusal's wording.
  if (existing?.personId === link.personId) return { ok: false, reason: "already-yours", ...who };
  if (link.usedAt) return { ok: false, reason: "used", ...who };
  if (link.expiresAt <= now) return { ok: false, reason: "expired", expiredAt: link.expiresAt, ...who };
  if (link.channel === channel) return { ok: false, reason: "same-channel", askedOn: CHANNEL_OF[link.channel], ...who };
  if (existing) {
    const roles = await tx.membership.count({ where: { personId: existing.personId, revokedAt: null } });
    if (roles > 0) return { ok: false, reason: "other-person", ...who };
  }

  // Claimed with a condition: two accounts racing for one code cannot both get it.
  const claimed = await tx.linkCode.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
  if (claimed.count === 0) return { ok: false, reason: "used", ...who };
  const seen = { username: account.username ?? null, lastInboundAt: now, unreachableAt: null, unreachableError: null };
  if (existing) await tx.channelAccount.update({ where: { id: existing.id }, data: { personId: link.personId, ...seen } });
  else await tx.channelAccount.create({ data: { personId: link.personId, channel, externalId: account.externalId, ...seen, createdAt: now } });
  await tx.auditEvent.create({
    data: {
      actorId: link.personId,
      action: "person.channel-linked",
      entityType: "Person",
      entityId: String(link.personId),
      data: { channel: account.channel, askedOn: CHANNEL_OF[link.channel], movedFromPersonId: existing?.personId ?? null },
      createdAt: now,
    },
  });
  return { ok: true, personId: link.personId, locale: owner.locale, askedOn: CHANNEL_OF[link.channel], movedFromPersonId: existing?.personId ?? null };
}
