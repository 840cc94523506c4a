import { foldText } from "../domain/text-scan.ts";
import { cleanDisplayName, DISPLAY_NAME_MAX } from "../domain/display-name.ts";
import type { UnitKind } from "../domain/unit-kind.ts";
import { inTransaction, type Db } from "../submissions/db-client.ts";
import { currentOrganisation } from "./current-organisation.ts";

export type UnitRow = { id: number; code: string; name: string; kind: string; order: number; active: boolean };

export const UNIT_NAME_MAX = DISPLAY_NAME_MAX;

export async function listUnits(db: Db): Promise<UnitRow[]> {
  const org = await currentOrganisation(db);
  if (!org) return [];
  return db.unit.findMany({
    where: { organisationId: org.id },
    orderBy: [{ order: "asc" }, { id: "asc" }],
    select: { id: true, code: true, name: true, kind: true, order: true, active: true },
  });
}

/** "Phòng Quản lý khoa học" → "phong-quan-ly-khoa-hoc". */
export function unitCodeFromName(name: string): string {
  return (
    foldText(name)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "don-vi"
  );
}

export type AddUnitResult = { ok: true; unit: UnitRow } | { ok: false; reason: "no-organisation" };

/** A new unit at the end of the order, with a code made from its name (numbered if taken). */
export function addUnit(db: Db, input: { name: string; kind: UnitKind; actorId: number }): Promise<AddUnitResult> {
  return inTransaction(db, async (tx) => {
    const org = await currentOrganisation(tx);
    if (!org) return { ok: false, reason: "no-organisation" };
    const name = cleanDisplayName(input.name);
    const units = await tx.unit.findMany({ where: { organisationId: org.id }, select: { code: true, order: true } });
    const base = unitCodeFromName(name);
    const taken = new Set(units.map((u) => u.code));
    let code = base;
    for (let n = 2; taken.has(code); n++) code = `${base}-${n}`;
    const order = Math.max(0, ...units.map((u) => u.order)) + 1;
    const unit = await tx.unit.create({
      data: { organisationId: org.id, code, name, kind: input.kind, order },
      select: { id: true, code: true, name: true, kind: true, order: true, active: true },
    });
    await tx.auditEvent.create({ data: { actorId: input.actorId, action: "unit.created", entityType: "Unit", entityId: String(unit.id), data: { code, name, kind: input.kind } } });
    return { ok: true, unit };
  });
}

export async function renameUnit(db: Db, input: { unitId: number; name: string; actorId: number }): Promise<UnitRow | null> {
  return inTransaction(db, async (tx) => {
    const before = await tx.unit.findUnique({ where: { id: input.unitId }, select: { name: true } });
    if (!before) return null;
    const name = cleanDisplayName(input.name);
    const unit = await tx.unit.update({
      where: { id: input.unitId },
      data: { name },
      select: { id: true, code: true, name: true, kind: true, order: true, active: true },
    });
    await tx.auditEvent.create({ data: { actorId: input.actorId, action: "unit.renamed", entityType: "Unit", entityId: String(unit.id), data: { from: before.name, to: name } } });
    return unit;
  });
}

/** Deactivating keeps the unit's history; it is no longer asked in new rounds and gets no invites. */
export async function setUnitActive(db: Db, input: { unitId: number; active: boolean; actorId: number }): Promise<UnitRow | null> {
  return inTransaction(db, async (tx) => {
    const found = await tx.unit.findUnique({ where: { id: input.unitId }, select: { id: true } });
    if (!found) return null;
    const unit = await tx.unit.update({
      where: { id: input.unitId },
      data: { active: input.active },
      select: { id: true, code: true, name: true, kind: true, order: true, active: true },
    });
    await tx.auditEvent.create({
      data: { actorId: input.actorId, action: input.active ? "unit.activated" : "unit.deactivated", entityType: "Unit", entityId: String(unit.id) },
    });
    return unit;
  });
}
