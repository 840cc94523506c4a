import { linkOpen, signLinkToken, verifyLinkToken, type LinkKey, type LinkKind } from "../domain/link-token.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { ActionKeyring } from "../messaging/action-codec.ts";
import type { Db } from "../submissions/db-client.ts";

/** A link that opened: whose it is and which round. */
export type OpenedLink = { id: number; kind: LinkKind; personId: number; roundId: number };

export type LinkCheck =
  | { ok: true; link: OpenedLink }
  /** forged: not made here; expired: the round closed more than 7 days ago, the link was revoked, or its key retired. */
  | { ok: false; reason: "forged" | "expired" };

/** The keyring's keys a link may be signed with now: the current one, and the previous one in its grace time. */
function acceptedKeys(keyring: ActionKeyring, now: Date): LinkKey[] {
  const keys: LinkKey[] = [keyring.current];
  if (keyring.previous && now.getTime() <= keyring.previous.until.getTime()) keys.push(keyring.previous);
  return keys;
}

/**
 * The person's link to one round's form or desk: the same link while it works (reminders do not pile up
 * rows), a new one after a revocation. The token is signed with the keyring's current key.
 */
export async function issueLink(prisma: PrismaClient, keyring: ActionKeyring, input: { personId: number; roundId: number; kind: LinkKind; now?: Date }): Promise<string> {
  const existing = await prisma.webLink.findFirst({
    where: { personId: input.personId, roundId: input.roundId, kind: input.kind, revokedAt: null },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  const id = existing?.id ?? (await prisma.webLink.create({ data: { personId: input.personId, roundId: input.roundId, kind: input.kind, createdAt: input.now ?? new Date() }, select: { id: true } })).id;
  return signLinkToken(input.kind, id, keyring.current);
}

/** What a token in a URL opens, checked against the keyring and the database in one query. */
export async function checkLink(prisma: PrismaClient, keyring: ActionKeyring, token: string, now: Date): Promise<LinkCheck> {
  const decoded = verifyLinkToken(token, acceptedKeys(keyring, now));
  if (decoded.kind === "forged") return { ok: false, reason: "forged" };
  if (decoded.kind === "unknown-key") return { ok: false, reason: "expired" };
  const rows = await prisma.$queryRaw<{ personId: number; roundId: number; kind: string; revokedAt: Date | null; status: string; closedAt: Date | null }[]>`
    SELECT l."personId", l."roundId", l."kind", l."revokedAt", r."status"::text AS "status", r."closedAt"
    FROM "WebLink" l JOIN "Round" r ON r."id" = l."roundId"
    WHERE l."id" = ${decoded.linkId}`;
  const row = rows[0];
  // A signed token whose row is gone (the round was deleted) is an old link, not a forgery.
  if (!row || row.kind !== decoded.linkKind) return { ok: false, reason: row ? "forged" : "expired" };
  if (!linkOpen({ status: row.status, closedAt: row.closedAt }, row.revokedAt, now)) return { ok: false, reason: "expired" };
  return { ok: true, link: { id: decoded.linkId, kind: decoded.linkKind, personId: row.personId, roundId: row.roundId } };
}

/**
 * Ends a person's links (of one round or all, of some kinds or all): a lost phone, a person who left. Their
 * next link is a new one. Runs in the caller's transaction when given one.
 */
export async function revokeLinks(db: Db, input: { personId: number; roundId?: number; kinds?: readonly LinkKind[]; now?: Date }): Promise<number> {
  const result = await db.webLink.updateMany({
    where: {
      personId: input.personId,
      revokedAt: null,
      ...(input.roundId !== undefined ? { roundId: input.roundId } : {}),
      ...(input.kinds !== undefined ? { kind: { in: [...input.kinds] } } : {}),
    },
    data: { revokedAt: input.now ?? new Date() },
  });
  return result.count;
}
