import type { SqlRunner } from "../../src/db/sql-runner.ts";

/** A comparable description of the public schema: tables, columns, indexes, constraints, enums. */
export type DatabaseDescription = { columns: string[]; indexes: string[]; constraints: string[]; enums: string[] };

export async function describeDatabase(sql: SqlRunner): Promise<DatabaseDescription> {
  const columns = await sql.query<{ line: string }>(`
    SELECT table_name || '.' || column_name || ' ' || udt_name || ' ' || is_nullable || ' ' || coalesce(column_default, '-') AS line
    FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
    ORDER BY 1`);
  const indexes = await sql.query<{ line: string }>(`
    SELECT indexdef AS line FROM pg_indexes
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
    ORDER BY 1`);
  const constraints = await sql.query<{ line: string }>(`
    SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line
    FROM pg_constraint
    WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"_prisma_migrations"' AND conrelid::regclass::text <> '_prisma_migrations'
    ORDER BY 1`);
  const enums = await sql.query<{ line: string }>(`
    SELECT t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE t.typnamespace = 'public'::regnamespace
    GROUP BY t.typname ORDER BY 1`);
  const pick = (rows: { line: string }[]) => rows.map((row) => row.line);
  return { columns: pick(columns), indexes: pick(indexes), constraints: pick(constraints), enums: pick(enums) };
}
