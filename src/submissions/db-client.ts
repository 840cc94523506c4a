import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";

/** The client or a transaction's client: services work inside a caller's transaction or open their own. */
export type Db = PrismaClient | Prisma.TransactionClient;

export function isFullClient(db: Db): db is PrismaClient {
  // A transaction's client has $transaction too (nested calls become savepoints); it lacks $connect.
  return "$connect" in db;
}

/** Runs `fn` in the caller's transaction, or in a new one when given the full client. */
export function inTransaction<T>(db: Db, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return isFullClient(db) ? db.$transaction(fn, { timeout: 20_000 }) : fn(db);
}
