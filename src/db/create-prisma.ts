import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";
import { registerPool } from "./raw-sql.ts";
import { SqlRunner } from "./sql-runner.ts";

export type Database = {
  prisma: PrismaClient;
  /** Raw SQL for migrations and health checks, on the same database. */
  sql: SqlRunner;
  /** Where the data lives, for messages: a URL without password, or the embedded database's folder. */
  location: string;
  embedded: boolean;
  close(): Promise<void>;
};

export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

export type DatabaseOptions = {
  databaseUrl?: string;
  dataDir: string;
  /**
   * Told when an idle PostgreSQL connection breaks (server restart, network cut). Without a
   * listener such an error would end the process; the pool reconnects on the next query.
   */
  onConnectionError?: (error: Error) => void;
};

/** A PostgreSQL server at a URL. */
export function createDatabase(options: DatabaseOptions): Database {
  if (!options.databaseUrl) throw new Error("createDatabase needs a databaseUrl; openDatabase starts the embedded database");
  const onError = options.onConnectionError ?? (() => {});
  const pool = new pg.Pool({ connectionString: options.databaseUrl, connectionTimeoutMillis: 10_000 });
  pool.on("error", onError);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  // Raw SQL of the hot paths goes to the same pool on `pg`, without Prisma's cost per statement (src/db/raw-sql.ts).
  registerPool(prisma, pool);
  const sql = SqlRunner.postgres(options.databaseUrl, onError);
  return {
    prisma,
    sql,
    location: redactUrl(options.databaseUrl),
    embedded: false,
    async close() {
      await prisma.$disconnect();
      await pool.end();
      await sql.close();
    },
  };
}

/** PostgreSQL when a URL is given, otherwise the embedded PostgreSQL started in dataDir (stopped by close). */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return createDatabase(options);
  const server = await startEmbeddedPostgres(options.dataDir);
  const db = createDatabase({ ...options, databaseUrl: server.url });
  return {
    ...db,
    location: server.dataDir,
    embedded: true,
    async close() {
      try {
        await db.close();
      } finally {
        await server.stop();
      }
    },
  };
}
