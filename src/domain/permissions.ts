/** Who may do what, decided in one place. Every feature asks here before acting. */

export type Role = "ADMIN" | "SECRETARY" | "REPORTER";

export type Grant = { role: Role; unitId: number | null };

export type Actor = { personId: number; grants: Grant[] };

export type Action =
  | "units.manage"
  | "invites.create"
  | "people.manage"
  | "rounds.open"
  | "rounds.manage"
  | "rounds.remind"
  | "reports.compile"
  | "reports.export"
  | "submissions.review"
  | "status.all"
  /** The secretary's own text for a section or item of the compiled report. */
  | "reports.edit"
  /** Check and add report templates. */
  | "templates.manage";

const OFFICE_ACTIONS: ReadonlySet<Action> = new Set([
  "rounds.open",
  "rounds.manage",
  "rounds.remind",
  "reports.compile",
  "reports.export",
  "submissions.review",
  "status.all",
  "reports.edit",
]);

const ADMIN_ONLY: ReadonlySet<Action> = new Set(["units.manage", "invites.create", "templates.manage", "people.manage"]);

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

/** Roles an actor may hand out with an invite link from the bot (the first admin comes from the command line). */
export function invitableRoles(actor: Actor | null): Role[] {
  return can(actor, "invites.create") ? ["REPORTER", "SECRETARY"] : [];
}

/**
 * Why a role cannot be taken away, or null when it can: the organisation always keeps an administrator, so
 * the last one cannot remove their own role (only an administrator removes roles).
 */
export function revokeRefusal(role: Role, otherAdmins: number): "last-admin" | null {
  return role === "ADMIN" && otherAdmins === 0 ? "last-admin" : null;
}

/** Who a command or a screen is for; the commands menu and /help ask here. */
export type Audience = "everyone" | "member" | "reporter" | "office" | "admin";

export function inAudience(actor: Actor | null, audience: Audience): boolean {
  switch (audience) {
    case "everyone":
      return true;
    case "member":
      return primaryRole(actor) !== null;
    case "reporter":
      return reportingUnitIds(actor).length > 0;
    case "office":
      return isOffice(actor);
    case "admin":
      return hasRole(actor, "ADMIN");
  }
}

export function primaryRole(actor: Actor | null): Role | null {
  if (hasRole(actor, "ADMIN")) return "ADMIN";
  if (hasRole(actor, "SECRETARY")) return "SECRETARY";
  if (hasRole(actor, "REPORTER")) return "REPORTER";
  return null;
}
