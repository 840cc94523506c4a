import type { PrismaClient } from "../generated/prisma/client.ts";
import { inTransaction, type Db } from "../submissions/db-client.ts";

/** How long a checked file waits for its confirmation. */
export const TEMPLATE_UPLOAD_TTL_MS = 24 * 3600_000;

/** Closed or expired uploads are kept this long (a late second confirmation still finds them), then deleted. */
const KEEP_CLOSED_MS = 7 * 24 * 3600_000;

export type PendingTemplateUpload = { id: number; fileName: string; source: string; checksum: string };

/**
 * Keeps a checked file until its sender confirms or cancels it. The sender's earlier files still waiting are
 * closed: only the file checked last can be stored. Old rows of everyone are deleted on the way.
 */
export async function holdTemplateUpload(
  prisma: PrismaClient,
  input: { personId: number; fileName: string; source: string; checksum: string; now: Date },
): Promise<number> {
  const { personId, now } = input;
  return inTransaction(prisma, async (tx) => {
    await tx.templateUpload.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEEP_CLOSED_MS) } } });
    await tx.templateUpload.updateMany({ where: { personId, closedAt: null }, data: { closedAt: now } });
    const row = await tx.templateUpload.create({
      data: { personId, fileName: input.fileName, source: input.source, checksum: input.checksum, createdAt: now, expiresAt: new Date(now.getTime() + TEMPLATE_UPLOAD_TTL_MS) },
      select: { id: true },
    });
    return row.id;
  });
}

/** The person's file waiting for confirmation, or null when it is closed, expired or not theirs. */
export async function pendingTemplateUpload(db: Db, id: number, personId: number, now: Date): Promise<PendingTemplateUpload | null> {
  return db.templateUpload.findFirst({
    where: { id, personId, closedAt: null, expiresAt: { gt: now } },
    select: { id: true, fileName: true, source: true, checksum: true },
  });
}

/** Closes the file if it still waits; true for the one caller that closed it (two confirmations race here). */
export async function closeTemplateUpload(db: Db, id: number, personId: number, now: Date): Promise<boolean> {
  const closed = await db.templateUpload.updateMany({ where: { id, personId, closedAt: null, expiresAt: { gt: now } }, data: { closedAt: now } });
  return closed.count === 1;
}
