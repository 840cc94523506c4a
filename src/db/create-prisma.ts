import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { SqlRunner } from "./sql-runner.ts";

export type Database = {
  prisma: PrismaClient;
  /** Raw SQL for migrations and health checks, on the same database. */
  sql: SqlRunner;
  /** Where the data lives, for messages: a URL without password, or the PGlite folder. */
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

/** PostgreSQL when a URL is given, otherwise an embedded PGlite database in dataDir. */
export function createDatabase(options: DatabaseOptions): Database {
  if (options.databaseUrl) {
    const onError = options.onConnectionError ?? (() => {});
    const pool = new pg.Pool({ connectionString: options.databaseUrl, connectionTimeoutMillis: 10_000 });
    pool.on("error", onError);
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
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
  mkdirSync(options.dataDir, { recursive: true });
  // PGlite's default initial heap (~512 MB) dwarfs the bot; the smallest it accepts grows on demand.
  const pglite = new PGlite(options.dataDir, { initialMemory: 128 * 1024 * 1024 });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    sql: SqlRunner.pglite(pglite),
    location: options.dataDir,
    embedded: true,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
