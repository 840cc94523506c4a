import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { keyIdOf, legacyKeyOf, signingKey, type ActionKeyring } from "../messaging/action-codec.ts";

/** How long buttons signed with a replaced key keep working. */
export const KEY_GRACE_MS = 14 * 24 * 3600 * 1000;

/**
 * The keys that sign choices, shared by every instance through the database. With CALLBACK_SECRET set, that
 * secret signs (a new one retires the old, which is still accepted for a grace period); without it, a random
 * secret is made once and kept. Rotating BOT_TOKEN changes nothing here.
 */
export async function loadKeyring(prisma: PrismaClient, configured: string | undefined, botToken?: string, now = new Date()): Promise<ActionKeyring> {
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tong-hop/signing-keys'))`;
    const current = await tx.signingKey.findFirst({ where: { retiredAt: null }, orderBy: { createdAt: "desc" } });
    const wanted = configured ? signingKey(configured) : current ? null : signingKey(randomBytes(32).toString("base64url"));
    // Compared by secret: two characters of id name one secret in 256, and a new secret whose id is the
    // current key's must still replace it.
    if (!wanted || wanted.secret === current?.secret) return;
    const id = current ? distinctKeyId(wanted, current.id) : wanted.id;
    if (current) await tx.signingKey.update({ where: { id: current.id }, data: { retiredAt: now } });
    // An older retired key with the same id is long past its grace period (only the last one retired counts).
    await tx.signingKey.upsert({ where: { id }, create: { id, secret: wanted.secret, createdAt: now }, update: { secret: wanted.secret, retiredAt: null, createdAt: now } });
  });
  const current = await prisma.signingKey.findFirstOrThrow({ where: { retiredAt: null }, orderBy: { createdAt: "desc" } });
  const previous = await prisma.signingKey.findFirst({ where: { retiredAt: { not: null } }, orderBy: { retiredAt: "desc" } });
  return {
    ...(botToken ? { legacy: legacyKeyOf(botToken) } : {}),
    current: { id: current.id, secret: current.secret },
    ...(previous && previous.id !== current.id ? { previous: { id: previous.id, secret: previous.secret, until: new Date(previous.retiredAt!.getTime() + KEY_GRACE_MS) } } : {}),
  };
}

/** The new key's id, other than the id of the key it retires (whose buttons stay valid for the grace period). */
export function distinctKeyId(wanted: { id: string; secret: string }, retiringId: string): string {
  let id = wanted.id;
  for (let attempt = 1; id === retiringId; attempt++) id = keyIdOf(`${attempt}/${wanted.secret}`);
  return id;
}
