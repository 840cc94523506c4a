import { parseTemplateDefinition } from "../domain/template/load-template.ts";
import type { Template } from "../domain/template/template-schema.ts";
import { rawSqlOf, type RawSql } from "../db/raw-sql.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "./db-client.ts";

// A stored template row never changes (a new version is a new row), so its parse is kept.
const parsed = new Map<number, Template>();

/** The validated template of a Template row. */
export async function templateById(db: Db | RawSql, templateId: number): Promise<Template> {
  const cached = parsed.get(templateId);
  if (cached) return cached;
  const [row] = await rawSqlOf(db).rows<{ key: string; version: number; definition: unknown }>(
    Prisma.sql`SELECT "key", "version", "definition" FROM "Template" WHERE "id" = ${templateId}`,
  );
  if (!row) throw new Error(`template ${templateId} not found`);
  const template = parseTemplateDefinition(row.definition, `${row.key} v${row.version}`);
  parsed.set(templateId, template);
  return template;
}
