import { connectionPoolOf, inPgTransaction, rawSqlOf, type RawSql } from "../db/raw-sql.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";

/** The client or a transaction's client: services work inside a caller's transaction or open their own. */
export type Db = PrismaClient | Prisma.TransactionClient;

export function isFullClient(db: Db | RawSql): db is PrismaClient {
  // A transaction's client has $transaction too (nested calls become savepoints); it lacks $connect.
  return "$connect" in db;
}

/**
 * Interactive transactions: at most 20 s inside. Under a burst of updates every connection may be busy;
 * waiting up to 10 s for one (as long as the pool waits for a new connection) makes the person wait
 * longer instead of failing the step (Prisma's default is 2 s).
 */
export const TRANSACTION_OPTIONS = { timeout: 20_000, maxWait: 10_000 } as const;

/** Runs `fn` in the caller's transaction, or in a new one when given the full client. */
export function inTransaction<T>(db: Db, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return isFullClient(db) ? db.$transaction(fn, TRANSACTION_OPTIONS) : fn(db);
}

/**
 * Runs `fn` with raw SQL in the caller's transaction, or, given the full client, in a new transaction on its `pg`
 * pool, without Prisma's cost per statement.
 */
export function inRawTransaction<T>(db: Db | RawSql, fn: (sql: RawSql) => Promise<T>): Promise<T> {
  if (!isFullClient(db)) return fn(rawSqlOf(db));
  const pool = connectionPoolOf(db);
  if (!pool) throw new Error("this Prisma client was not made by createDatabase: its connection pool is unknown");
  return inPgTransaction(pool, fn);
}
