import { inTransaction, type Db } from "../submissions/db-client.ts";
import { cleanDisplayName } from "../domain/display-name.ts";
import { currentOrganisation } from "./current-organisation.ts";
import type { OrgFile } from "./org-file.ts";

export type ImportSummary = {
  organisationId: number;
  organisationCreated: boolean;
  created: string[];
  updated: string[];
  /** Units in the database that the file does not name; left unchanged. */
  notInFile: string[];
};

/**
 * Creates or updates the organisation (one deployment serves one: the first one is updated) and upserts
 * its units by code. Units without an order get the position after the last given one.
 */
export function importOrganisation(db: Db, file: OrgFile, options: { defaultTimeZone: string; actorId?: number | null }): Promise<ImportSummary> {
  const actorId = options.actorId ?? null;
  return inTransaction(db, async (tx) => {
    const { organisation } = file;
    const data = {
      name: organisation.name,
      shortName: organisation.shortName,
      parentName: organisation.parentName,
      symbol: organisation.symbol,
      place: organisation.place,
      signerAuthority: organisation.signerAuthority ?? null,
      signerTitle: organisation.signerTitle,
      signerName: organisation.signerName,
      recipients: organisation.recipients,
      distribution: organisation.distribution,
      profileText: organisation.profileText.trim(),
      ...(organisation.timezone ? { timezone: organisation.timezone } : {}),
      shortForm: organisation.shortForm,
      drafterUnit: organisation.drafterUnit,
      unitKinds: file.unitKinds,
    };
    const existing = await currentOrganisation(tx);
    const org = existing
      ? await tx.organisation.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.organisation.create({ data: { timezone: options.defaultTimeZone, ...data }, select: { id: true } });

    const before = await tx.unit.findMany({ where: { organisationId: org.id }, select: { code: true } });
    const known = new Set(before.map((u) => u.code));
    const created: string[] = [];
    const updated: string[] = [];
    let order = 0;
    for (const unit of file.units) {
      order = unit.order ?? order + 1;
      const name = cleanDisplayName(unit.name);
      await tx.unit.upsert({
        where: { organisationId_code: { organisationId: org.id, code: unit.code } },
        create: { organisationId: org.id, code: unit.code, name, kind: unit.kind, order, active: unit.active },
        update: { name, kind: unit.kind, order, active: unit.active },
      });
      (known.has(unit.code) ? updated : created).push(unit.code);
    }
    const named = new Set(file.units.map((u) => u.code));
    const notInFile = before.map((u) => u.code).filter((code) => !named.has(code));
    await tx.auditEvent.create({
      data: { actorId, action: "organisation.imported", entityType: "Organisation", entityId: String(org.id), data: { created, updated } },
    });
    return { organisationId: org.id, organisationCreated: !existing, created, updated, notInFile };
  });
}
