import { parseTemplateDefinition } from "../domain/template/load-template.ts";
import type { Template } from "../domain/template/template-schema.ts";
import type { Db } from "./db-client.ts";

// A stored template row never changes (a new version is a new row), so its parse is kept.
const parsed = new Map<number, Template>();

/** The validated template of a Template row. */
export async function templateById(db: Db, templateId: number): Promise<Template> {
  const cached = parsed.get(templateId);
  if (cached) return cached;
  const row = await db.template.findUniqueOrThrow({ where: { id: templateId }, select: { key: true, version: true, definition: true } });
  const template = parseTemplateDefinition(row.definition, `${row.key} v${row.version}`);
  parsed.set(templateId, template);
  return template;
}
