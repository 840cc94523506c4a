import pg from "pg";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";

/**
 * Raw SQL statements on one connection: Prisma's (a client or a transaction of it), or a `pg` connection in a
 * transaction of the project's own. The answer step runs on the latter: through Prisma a statement costs about
 * 0.2 ms of client CPU, through `pg` about 0.04 ms (bench/README.md).
 */
export type RawSql = {
  rows<T>(statement: Prisma.Sql): Promise<T[]>;
  /** Rows changed. */
  run(statement: Prisma.Sql): Promise<number>;
};

type PrismaDb = PrismaClient | Prisma.TransactionClient;

// The pool behind each client createDatabase made (src/db/create-prisma.ts).
const pools = new WeakMap<PrismaDb, pg.Pool>();

export function registerPool(prisma: PrismaClient, pool: pg.Pool): void {
  pools.set(prisma, pool);
}

/** The `pg` pool a client made by createDatabase uses (none for a transaction's client). */
export function connectionPoolOf(db: PrismaDb): pg.Pool | undefined {
  return pools.get(db);
}

function isRawSql(db: PrismaDb | RawSql): db is RawSql {
  return "rows" in db && "run" in db;
}

/**
 * Raw SQL on whatever the caller has: a client's statements go to its pool on `pg` (each its own transaction, as
 * through Prisma), a Prisma transaction's to that transaction.
 */
export function rawSqlOf(db: PrismaDb | RawSql): RawSql {
  if (isRawSql(db)) return db;
  const pool = pools.get(db);
  if (pool) return onConnection(pool);
  return { rows: (statement) => db.$queryRaw(statement), run: (statement) => db.$executeRaw(statement) };
}

// What Prisma does for the same columns: a timestamp without time zone holds UTC (pg's default would read it
// as local time), and a Date parameter is sent as UTC.
const TIMESTAMP_OID = 1114;
const readUtc = (value: string) => new Date(`${value.replace(" ", "T")}Z`);
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => (oid === TIMESTAMP_OID ? readUtc : pg.types.getTypeParser(oid, format ?? "text"))) as typeof pg.types.getTypeParser,
};
const parameter = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/** A statement waits at most this long (a lock held elsewhere); Prisma's transactions end after 20 s too. */
const STATEMENT_TIMEOUT_MS = 20_000;

/** Statements on one connection (a transaction's), or on the pool (each on any free connection). */
function onConnection(client: pg.PoolClient | pg.Pool): RawSql {
  const send = (statement: Prisma.Sql) =>
    client.query({ text: statement.text, values: statement.values.map(parameter), types, query_timeout: STATEMENT_TIMEOUT_MS } as pg.QueryConfig);
  return {
    rows: async <T>(statement: Prisma.Sql) => (await send(statement)).rows as T[],
    run: async (statement) => (await send(statement)).rowCount ?? 0,
  };
}

/** Runs `fn` in a transaction on one connection of the pool; rolled back when it throws. */
export async function inPgTransaction<T>(pool: pg.Pool, fn: (sql: RawSql) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await fn(onConnection(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    // A statement that timed out may still run on the server: that connection is closed, not rolled back and
    // reused. One that cannot even roll back (cut) is not reused either.
    if (error instanceof Error && error.message === "Query read timeout") broken = error;
    else await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}
