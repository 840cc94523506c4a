import type { ZaloTokenRecord, ZaloTokenStore } from "../channels/zalo/zalo-token-store.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

const LOCK_CLASS = 0x5a4c; // "ZL"

/**
 * The token chain in PostgreSQL. The lock is a transaction-level advisory lock on the OA id, so a process
 * that dies mid-refresh releases it; the work (the OAuth call included) runs inside the transaction, and the
 * rotated pair commits with it.
 */
export function createPrismaZaloTokenStore(prisma: PrismaClient, options: { timeoutMs?: number } = {}): ZaloTokenStore {
  const select = { accessToken: true, refreshToken: true, accessExpiresAt: true, refreshedAt: true, seedHash: true, brokenAt: true, brokenReason: true } as const;
  return {
    read(oaId) {
      return prisma.zaloToken.findUnique({ where: { oaId }, select });
    },
    exclusive(oaId, work) {
      return prisma.$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_CLASS}::int, hashtext(${oaId}))`;
          const stored = await tx.zaloToken.findUnique({ where: { oaId }, select });
          const { store, result } = await work(stored);
          if (store) {
            const data: ZaloTokenRecord = { ...store };
            await tx.zaloToken.upsert({ where: { oaId }, create: { oaId, ...data }, update: data });
          }
          return result;
        },
        // The work includes an OAuth call (15 s at most); a second process waits for the lock inside its own.
        { timeout: options.timeoutMs ?? 60_000, maxWait: 10_000 },
      );
    },
  };
}
