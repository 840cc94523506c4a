import { questionsForUnitKind, type Template } from "../domain/template/template-schema.ts";
import type { Db } from "../submissions/db-client.ts";

export type AskedUnit = { id: number; name: string; reporters: number };

/** The organisation's active units the template asks at least one question, in report order. */
export async function askedUnits(db: Db, organisationId: number, template: Pick<Template, "sections">): Promise<AskedUnit[]> {
  const units = await db.unit.findMany({
    where: { organisationId, active: true },
    orderBy: [{ order: "asc" }, { id: "asc" }],
    select: { id: true, name: true, kind: true, _count: { select: { memberships: { where: { role: "REPORTER", revokedAt: null } } } } },
  });
  return units
    .filter((unit) => questionsForUnitKind(template, unit.kind).length > 0)
    .map((unit) => ({ id: unit.id, name: unit.name, reporters: unit._count.memberships }));
}
