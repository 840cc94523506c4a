// The answer step's statements run on `pg` directly (src/db/raw-sql.ts): what they write and read must be what
// Prisma writes and reads, whatever the process's time zone, and a failed step must leave nothing behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionPoolOf, inPgTransaction, rawSqlOf } from "../src/db/raw-sql.ts";
import { Prisma } from "../src/generated/prisma/client.ts";
import { inRawTransaction } from "../src/submissions/db-client.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const pool = () => connectionPoolOf(db.prisma)!;

/** Runs `fn` with the process in another time zone (Node follows TZ changes at once). */
async function inTimeZone<T>(zone: string, fn: () => Promise<T>): Promise<T> {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

describe("raw SQL on pg", () => {
  it("is the pool of the client createDatabase made", () => {
    expect(connectionPoolOf(db.prisma)).toBeDefined();
  });

  it("writes and reads times as Prisma does, in any time zone of the process", async () => {
    const at = new Date("2024-10-10T23:30:00.123Z");
    for (const zone of ["Asia/Ho_Chi_Minh", "America/New_York", "UTC"]) {
      await inTimeZone(zone, async () => {
        const key = `tz-${zone}`;
        // Written on pg, read by Prisma.
        await inPgTransaction(pool(), (sql) => sql.run(Prisma.sql`INSERT INTO "ChatSession" ("key", "data", "updatedAt") VALUES (${key}, '{}'::jsonb, ${at})`));
        expect((await db.prisma.chatSession.findUniqueOrThrow({ where: { key } })).updatedAt).toEqual(at);
        // Written by Prisma, read on pg.
        const later = new Date("2025-01-01T00:00:00.007Z");
        await db.prisma.chatSession.update({ where: { key }, data: { updatedAt: later } });
        const [row] = await inPgTransaction(pool(), (sql) => sql.rows<{ updatedAt: Date; data: unknown }>(Prisma.sql`SELECT "updatedAt", "data" FROM "ChatSession" WHERE "key" = ${key}`));
        expect(row).toEqual({ updatedAt: later, data: {} });
      });
    }
  });

  it("reads JSON, arrays, booleans and numbers as Prisma's raw queries do", async () => {
    const statement = Prisma.sql`SELECT ${JSON.stringify({ a: ["ư", 1] })}::jsonb AS "j", ${["x", "y"]}::text[] AS "t", ${true}::boolean AS "b", ${7}::int AS "i", 2.5::float8 AS "f"`;
    const viaPg = await inPgTransaction(pool(), (sql) => sql.rows(statement));
    const viaPrisma = await db.prisma.$queryRaw(statement);
    const viaClient = await rawSqlOf(db.prisma).rows(statement);
    expect(viaPg).toEqual([{ j: { a: ["ư", 1] }, t: ["x", "y"], b: true, i: 7, f: 2.5 }]);
    expect(viaPg).toEqual(viaPrisma);
    expect(viaClient).toEqual(viaPrisma);
  });

  it("rolls back everything when the step throws, and the connection serves the next step", async () => {
    await expect(
      inRawTransaction(db.prisma, async (sql) => {
        await sql.run(Prisma.sql`INSERT INTO "ChatSession" ("key", "data", "updatedAt") VALUES ('rolled-back', '{}'::jsonb, now())`);
        throw new Error("the step failed");
      }),
    ).rejects.toThrow("the step failed");
    expect(await db.prisma.chatSession.findUnique({ where: { key: "rolled-back" } })).toBeNull();
    // A statement the server refuses ends the transaction the same way.
    await expect(inPgTransaction(pool(), (sql) => sql.run(Prisma.sql`INSERT INTO "ChatSession" ("key") VALUES ('no-data')`))).rejects.toThrow(/null value/);
    expect(await inPgTransaction(pool(), (sql) => sql.rows<{ one: number }>(Prisma.sql`SELECT 1::int AS "one"`))).toEqual([{ one: 1 }]);
  });

  it("inside a Prisma transaction, runs on that transaction's connection", async () => {
    await db.prisma.$transaction(async (tx) => {
      await inRawTransaction(tx, (sql) => sql.run(Prisma.sql`INSERT INTO "ChatSession" ("key", "data", "updatedAt") VALUES ('in-prisma', '{}'::jsonb, now())`));
      // Not committed yet: another connection does not see it.
      expect(await inPgTransaction(pool(), (sql) => sql.rows(Prisma.sql`SELECT 1 FROM "ChatSession" WHERE "key" = 'in-prisma'`))).toEqual([]);
    });
    expect(await db.prisma.chatSession.findUnique({ where: { key: "in-prisma" } })).not.toBeNull();
  });
});
