import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/create-prisma.ts";
import { EmbeddedDatabaseError } from "../src/db/embedded-postgres.ts";
import { HAND_WRITTEN_OBJECTS } from "../src/db/hand-written-objects.ts";
import { migrate, readMigrations } from "../src/db/migrate.ts";
import { diffSchemas } from "../src/db/schema-diff.ts";
import { describeDatabase } from "./support/describe-database.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const schemaText = readFileSync(resolve(import.meta.dirname, "../prisma/schema.prisma"), "utf8");
const modelNames = [...schemaText.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!);

// The reference: the SQL Prisma's schema engine writes for schema.prisma as it stands now, and the objects
// Prisma cannot describe, added by hand.
let expectedSql: string;
beforeAll(async () => {
  expectedSql = [await diffSchemas(null, schemaText), ...HAND_WRITTEN_OBJECTS.map((object) => object.sql)].join("\n\n");
}, 60_000);

describe("hand-written database objects", () => {
  it("each stands in its migration exactly as listed", () => {
    const migrations = new Map(readMigrations().map((m) => [m.name, m.sql]));
    for (const object of HAND_WRITTEN_OBJECTS) {
      expect(migrations.get(object.migration), `${object.name} in ${object.migration}`).toContain(object.sql);
    }
  });
});

describe("migrations on PostgreSQL", () => {
  let migrated: TestDatabase;
  let reference: TestDatabase;
  beforeAll(async () => {
    [migrated, reference] = await Promise.all([createTestDatabase(), createTestDatabase({ migrate: false })]);
    await reference.sql.exec(expectedSql);
  });
  afterAll(async () => {
    await Promise.all([migrated?.drop(), reference?.drop()]);
  });

  it("produce exactly the tables, columns, types, nullability, indexes and constraints of schema.prisma", async () => {
    const actual = await describeDatabase(migrated.sql);
    const expected = await describeDatabase(reference.sql);
    expect(actual).toEqual(expected);
    const tables = new Set(actual.columns.map((line) => line.split(".")[0]));
    for (const model of modelNames) expect(tables, `table for model ${model}`).toContain(model);
  });

  it("are recorded in _prisma_migrations the way Prisma records them, and applying again does nothing", async () => {
    const rows = await migrated.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const files = readMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
    expect(await migrate(migrated.sql)).toEqual([]);
  });

  it("refuse a migration file that changed after it was applied", async () => {
    const files = readMigrations();
    const tampered = files.map((f, i) => (i === 0 ? { ...f, checksum: "0".repeat(64) } : f));
    await expect(migrate(migrated.sql, tampered)).rejects.toThrow(/changed after it was applied/);
  });

  it("roll back a failing migration entirely", async () => {
    const broken = [...readMigrations(), { name: "29990101000000_broken", sql: 'CREATE TABLE "Half" (id int); SELECT 1/0;', checksum: "x".repeat(64) }];
    await expect(migrate(migrated.sql, broken)).rejects.toThrow(/29990101000000_broken failed/);
    const half = await migrated.sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`);
    expect(half).toHaveLength(0);
    const recorded = await migrated.sql.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`);
    expect(recorded).toHaveLength(0);
  });
});

describe("migrations on the embedded database (PostgreSQL in DATA_DIR)", () => {
  it("produce the same schema as schema.prisma, keep the data across a restart, and refuse a second server on the folder", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "tong-hop-embedded-")), "data");
    // The reference runs on the same engine: PostgreSQL 18 lists NOT NULL as constraints, older ones do not.
    const reference = await openDatabase({ dataDir: join(dirname(dataDir), "reference") });
    let db = await openDatabase({ dataDir });
    try {
      expect(db.embedded).toBe(true);
      expect(await migrate(db.sql)).toHaveLength(readMigrations().length);
      await reference.sql.exec(expectedSql);
      expect(await describeDatabase(db.sql)).toEqual(await describeDatabase(reference.sql));
      await db.sql.exec(`CREATE TABLE kept (v text); INSERT INTO kept VALUES ('Sở Khoa học và Công nghệ')`);
      await expect(openDatabase({ dataDir })).rejects.toThrow(EmbeddedDatabaseError);
      await db.close();

      db = await openDatabase({ dataDir });
      expect(await migrate(db.sql)).toEqual([]);
      expect(await db.sql.query(`SELECT v FROM kept`)).toEqual([{ v: "Sở Khoa học và Công nghệ" }]);
    } finally {
      await db.close();
      await reference.close();
    }
  }, 180_000);

  it("refuses a folder of the earlier embedded engine with a message that says what to do", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tong-hop-pglite-"));
    writeFileSync(join(dataDir, "PG_VERSION"), "17\n");
    await expect(openDatabase({ dataDir })).rejects.toThrow(/earlier embedded engine \(PGlite\).*move that folder away/);
  });
});
