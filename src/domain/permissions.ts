/** Who may do what, decided in one place. Every feature asks here before acting. */

export type Role = "ADMIN" | "SECRETARY" | "REPORTER";

export type Grant = { role: Role; unitId: number | null };

export type Actor = { personId: number; grants: Grant[] };

export type Action =
  | "units.manage"
  | "invites.create"
  | "rounds.open"
  | "rounds.manage"
  | "rounds.remind"
  | "reports.compile"
  | "reports.export"
  | "submissions.review"
  | "status.all";

const OFFICE_ACTIONS: ReadonlySet<Action> = new Set([
  "rounds.open",
  "rounds.manage",
  "rounds.remind",
  "reports.compile",
  "reports.export",
  "submissions.review",
  "status.all",
]);

const ADMIN_ONLY: ReadonlySet<Action> = new Set(["units.manage", "invites.create"]);

export function hasRole(actor: Actor | null, role: Role): boolean {
  return actor?.grants.some((grant) => grant.role === role) ?? false;
}

export function isOffice(actor: Actor | null): boolean {
  return hasRole(actor, "ADMIN") || hasRole(actor, "SECRETARY");
}

export function can(actor: Actor | null, action: Action): boolean {
  if (!actor) return false;
  if (ADMIN_ONLY.has(action)) return hasRole(actor, "ADMIN");
  if (OFFICE_ACTIONS.has(action)) return isOffice(actor);
  return false;
}

/** Units whose submissions the actor answers for. */
export function reportingUnitIds(actor: Actor | null): number[] {
  if (!actor) return [];
  return [...new Set(actor.grants.filter((g) => g.role === "REPORTER" && g.unitId !== null).map((g) => g.unitId!))];
}

/** Reporters read only their own units; the office reads every unit. */
export function canViewUnit(actor: Actor | null, unitId: number): boolean {
  return isOffice(actor) || reportingUnitIds(actor).includes(unitId);
}

/** Only the unit's own reporters write its answers. */
export function canAnswerForUnit(actor: Actor | null, unitId: number): boolean {
  return reportingUnitIds(actor).includes(unitId);
}

export function primaryRole(actor: Actor | null): Role | null {
  if (hasRole(actor, "ADMIN")) return "ADMIN";
  if (hasRole(actor, "SECRETARY")) return "SECRETARY";
  if (hasRole(actor, "REPORTER")) return "REPORTER";
  return null;
}
