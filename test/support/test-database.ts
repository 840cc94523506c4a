import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDatabase, type Database } from "../../src/db/create-prisma.ts";
import { migrate } from "../../src/db/migrate.ts";
import { takeOverlappingQueries, watchOverlappingQueries } from "./overlapping-queries.ts";

export const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export type TestDatabase = Database & { url: string; drop(): Promise<void> };

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new, migrated PostgreSQL database of its own, so test files can run in parallel. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  watchOverlappingQueries();
  const name = `tonghop_test_${randomBytes(6).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  const db = createDatabase({ databaseUrl: url.toString(), dataDir: "" });
  if (options.migrate !== false) await migrate(db.sql);
  return {
    ...db,
    url: url.toString(),
    async drop() {
      await db.close();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      const overlaps = takeOverlappingQueries();
      if (overlaps.length > 0) throw new Error(`${overlaps.length} queries were sent on a connection busy with another:\n\n${overlaps.slice(0, 5).join("\n\n")}`);
    },
  };
}
