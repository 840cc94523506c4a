import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { TemplateError } from "../domain/template/template-error.ts";
import type { Template } from "../domain/template/template-schema.ts";
import { bundledTemplateKeys, loadBundledTemplate } from "./bundled-templates.ts";
import { canonicalJson } from "./canonical-json.ts";

export type StoredTemplate = { id: number; key: string; version: number; name: string };

/**
 * Stores a validated template as the row for its key and version, or finds it there. A version that rounds
 * already use is frozen: a different definition under the same version is refused (raise `version`).
 */
export async function ensureTemplate(prisma: PrismaClient, template: Template): Promise<StoredTemplate & { created: boolean; updated: boolean }> {
  const definition = JSON.parse(JSON.stringify(template)) as Prisma.InputJsonValue;
  const where = { key_version: { key: template.key, version: template.version } };
  const select = { id: true, key: true, version: true, name: true } as const;
  const existing = await prisma.template.findUnique({ where, include: { _count: { select: { rounds: true } } } });
  if (!existing) {
    try {
      const row = await prisma.template.create({ data: { key: template.key, version: template.version, name: template.name.vi, definition }, select });
      return { ...row, created: true, updated: false };
    } catch (error) {
      // Created by another process meanwhile: fall through to the comparison below.
      if ((error as { code?: string }).code !== "P2002") throw error;
      return ensureTemplate(prisma, template);
    }
  }
  const { _count, definition: stored, createdAt: _createdAt, ...row } = existing;
  if (canonicalJson(stored) === canonicalJson(definition)) return { ...row, created: false, updated: false };
  if (_count.rounds > 0) {
    throw new TemplateError(`template ${template.key} v${template.version}`, [
      {
        path: "version",
        message: `version ${template.version} is already used by ${_count.rounds} round(s) with a different definition; raise the version to change it`,
      },
    ]);
  }
  const updated = await prisma.template.update({ where, data: { name: template.name.vi, definition }, select });
  return { ...updated, created: false, updated: true };
}

/** Every template shipped in templates/, stored or found (first run, upgrades). */
export async function ensureBundledTemplates(prisma: PrismaClient): Promise<StoredTemplate[]> {
  const stored: StoredTemplate[] = [];
  for (const key of bundledTemplateKeys()) {
    const { id, version, name } = await ensureTemplate(prisma, loadBundledTemplate(key));
    stored.push({ id, key, version, name });
  }
  return stored;
}
