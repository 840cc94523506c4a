import { rawSqlOf, type RawSql } from "../db/raw-sql.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "../submissions/db-client.ts";

/**
 * A chat's stored state (ChatSession row): one JSON object whose top-level keys belong to features
 * ("report", "admin", …) and "focus", the feature that waits for the person's next typed text.
 * Parts are patched, never rewritten whole, so features do not overwrite each other.
 */
export type SessionData = Record<string, unknown>;

export const FOCUS = "focus";

/** Parts to set and parts to remove, in one write. */
export type SessionPatch = { set: SessionData; remove: string[] };

/** Reads the session and locks its row until the transaction ends, so one chat's updates run one at a time. */
export async function lockSession(tx: Db | RawSql, key: string): Promise<SessionData> {
  const sql = rawSqlOf(tx);
  const select = () => sql.rows<{ data: unknown }>(Prisma.sql`SELECT "data" FROM "ChatSession" WHERE "key" = ${key} FOR UPDATE`);
  // The row almost always exists: one round trip per step; a chat's first step creates it.
  let rows = await select();
  if (rows.length === 0) {
    await sql.run(Prisma.sql`INSERT INTO "ChatSession" ("key", "data", "updatedAt") VALUES (${key}, '{}'::jsonb, now()) ON CONFLICT ("key") DO NOTHING`);
    rows = await select();
  }
  return sessionData(rows[0]?.data);
}

export async function readSession(db: Db, key: string): Promise<SessionData> {
  const row = await db.chatSession.findUnique({ where: { key }, select: { data: true } });
  return sessionData(row?.data);
}

/** A stored session's JSON as an object; anything else (no row, a damaged value) is an empty session. */
export function sessionData(data: unknown): SessionData {
  return data && typeof data === "object" && !Array.isArray(data) ? (data as SessionData) : {};
}

/**
 * Sets some top-level parts and removes others, leaving the rest as it is. `alongside`: a data-modifying
 * `WITH` clause sent in the same statement (a step's other small write, without a round trip of its own).
 */
export async function patchSession(db: Db | RawSql, key: string, set: SessionData, remove: readonly string[] = [], alongside: Prisma.Sql = Prisma.empty): Promise<void> {
  const json = JSON.stringify(set);
  const removed = [...remove];
  await rawSqlOf(db).run(Prisma.sql`${alongside}
    INSERT INTO "ChatSession" ("key", "data", "updatedAt") VALUES (${key}, ${json}::jsonb, now())
    ON CONFLICT ("key") DO UPDATE SET "data" = ("ChatSession"."data" - ${removed}::text[]) || ${json}::jsonb, "updatedAt" = now()`);
}

/** Sets `part` to the current time unless it is already set; true for the one caller that set it. */
export async function claimOnce(db: Db, key: string, part: string): Promise<boolean> {
  await db.$executeRaw`INSERT INTO "ChatSession" ("key", "data", "updatedAt") VALUES (${key}, '{}'::jsonb, now()) ON CONFLICT ("key") DO NOTHING`;
  const changed = await db.$executeRaw`
    UPDATE "ChatSession" SET "data" = "data" || jsonb_build_object(${part}::text, now()::text), "updatedAt" = now()
    WHERE "key" = ${key} AND ("data" -> ${part}::text) IS NULL`;
  return changed === 1;
}
