import { cleanDisplayName } from "../domain/display-name.ts";
import type { LinkKind } from "../domain/link-token.ts";
import { isOffice, reportingUnitIds, revokeRefusal, type Role } from "../domain/permissions.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { TRANSACTION_OPTIONS, type Db } from "../submissions/db-client.ts";
import { revokeLinks } from "../web-links/web-links.ts";
import { UNIT_NAME_MAX } from "./unit-service.ts";
import { currentOrganisation } from "./current-organisation.ts";

/** One live role of one person. */
export type RoleHolder = { membershipId: number; personId: number; name: string };

export type UnitPeople = { id: number; code: string; name: string; kind: string; active: boolean; reporters: RoleHolder[] };

/** Who holds which role now: the administrators, the office, and each unit's reporters in report order. */
export type PeopleDirectory = { admins: RoleHolder[]; secretaries: RoleHolder[]; units: UnitPeople[] };

/** The people with a live role, grouped by role and unit (units without a reporter included). */
export async function listPeople(db: Db): Promise<PeopleDirectory> {
  const org = await currentOrganisation(db);
  const memberships = await db.membership.findMany({
    where: { revokedAt: null },
    select: { id: true, role: true, unitId: true, person: { select: { id: true, name: true } } },
    orderBy: [{ person: { name: "asc" } }, { id: "asc" }],
  });
  const units = org
    ? await db.unit.findMany({ where: { organisationId: org.id }, orderBy: [{ order: "asc" }, { id: "asc" }], select: { id: true, code: true, name: true, kind: true, active: true } })
    : [];
  const holder = (m: (typeof memberships)[number]): RoleHolder => ({ membershipId: m.id, personId: m.person.id, name: cleanDisplayName(m.person.name) });
  return {
    admins: memberships.filter((m) => m.role === "ADMIN").map(holder),
    secretaries: memberships.filter((m) => m.role === "SECRETARY").map(holder),
    units: units.map((unit) => ({ ...unit, name: cleanDisplayName(unit.name, UNIT_NAME_MAX), reporters: memberships.filter((m) => m.role === "REPORTER" && m.unitId === unit.id).map(holder) })),
  };
}

/** A live role as the screens describe it. */
export type MembershipFacts = { id: number; personId: number; name: string; role: Role; unit: { id: number; code: string; name: string } | null; revoked: boolean };

type MembershipRow = { id: number; role: Role; revokedAt: Date | null; personId: number; personName: string; unitId: number | null; unitCode: string | null; unitName: string | null };

/** One statement: it runs inside the revocation's transaction, where a nested read would send its parts side by side. */
export async function membershipFacts(db: Db, membershipId: number): Promise<MembershipFacts | null> {
  const rows = await db.$queryRaw<MembershipRow[]>`
    SELECT m."id", m."role"::text AS "role", m."revokedAt", p."id" AS "personId", p."name" AS "personName",
           u."id" AS "unitId", u."code" AS "unitCode", u."name" AS "unitName"
    FROM "Membership" m JOIN "Person" p ON p."id" = m."personId" LEFT JOIN "Unit" u ON u."id" = m."unitId"
    WHERE m."id" = ${membershipId}`;
  const m = rows[0];
  if (!m) return null;
  const unit = m.unitId === null ? null : { id: m.unitId, code: m.unitCode!, name: m.unitName! };
  return { id: m.id, personId: m.personId, name: cleanDisplayName(m.personName), role: m.role, unit, revoked: m.revokedAt !== null };
}

/** How many live administrator roles there are besides this one. */
export async function adminsBesides(db: Db, membershipId: number): Promise<number> {
  return db.membership.count({ where: { role: "ADMIN", revokedAt: null, id: { not: membershipId } } });
}

export type RevokeMembershipResult =
  | {
      ok: true;
      membership: MembershipFacts;
      /** Open rounds that ask the unit of a removed reporter. */
      openRoundIds: number[];
      /** The person's web links ended with the role (form links when no reporter role is left, desk links when no office role is). */
      linksRevoked: number;
    }
  | { ok: false; reason: "unknown" | "already-revoked" | "last-admin" };

/**
 * Takes a role away: the membership is kept, with the time it ended, so history still names who answered.
 * Revocations are taken one at a time, so two administrators removing each other at once cannot leave the
 * organisation without one. The person's next message is read with the roles left (identify.ts).
 */
export async function revokeMembership(
  prisma: PrismaClient,
  input: { membershipId: number; actorId: number | null; now: Date; via: "bot" | "cli" },
): Promise<RevokeMembershipResult> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('membership-revoke'))`;
    const facts = await membershipFacts(tx, input.membershipId);
    if (!facts) return { ok: false, reason: "unknown" } as const;
    if (facts.revoked) return { ok: false, reason: "already-revoked" } as const;
    const refusal = revokeRefusal(facts.role, facts.role === "ADMIN" ? await adminsBesides(tx, facts.id) : 0);
    if (refusal) return { ok: false, reason: refusal } as const;
    await tx.membership.update({ where: { id: facts.id }, data: { revokedAt: input.now } });
    // A link sent earlier (by chat, e-mail or SMS) stops opening a page the person has no role for any more.
    const left = await tx.membership.findMany({ where: { personId: facts.personId, revokedAt: null }, select: { role: true, unitId: true } });
    const actor = { personId: facts.personId, grants: left };
    const ended: LinkKind[] = [...(reportingUnitIds(actor).length === 0 ? (["form"] as const) : []), ...(isOffice(actor) ? [] : (["desk"] as const))];
    const linksRevoked = ended.length === 0 ? 0 : await revokeLinks(tx, { personId: facts.personId, kinds: ended, now: input.now });
    await tx.auditEvent.create({
      data: {
        actorId: input.actorId,
        action: "membership.revoked",
        entityType: "Membership",
        entityId: String(facts.id),
        data: { personId: facts.personId, role: facts.role, unitId: facts.unit?.id ?? null, via: input.via, linksRevoked },
        createdAt: input.now,
      },
    });
    const openRoundIds =
      facts.role === "REPORTER" && facts.unit
        ? (await tx.$queryRaw<{ roundId: number }[]>`
            SELECT s."roundId" FROM "Submission" s JOIN "Round" r ON r."id" = s."roundId"
            WHERE s."unitId" = ${facts.unit.id} AND r."status" = 'OPEN' ORDER BY s."roundId"`).map((s) => s.roundId)
        : [];
    return { ok: true, membership: { ...facts, revoked: true }, openRoundIds, linksRevoked } as const;
  }, TRANSACTION_OPTIONS);
}
