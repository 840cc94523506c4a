import { describe, expect, it } from "vitest";
import { can, canAnswerForUnit, canViewUnit, inAudience, invitableRoles, primaryRole, revokeRefusal, type Action, type Actor } from "../src/domain/permissions.ts";

const admin: Actor = { personId: 1, grants: [{ role: "ADMIN", unitId: null }] };
const secretary: Actor = { personId: 2, grants: [{ role: "SECRETARY", unitId: null }] };
const reporter: Actor = { personId: 3, grants: [{ role: "REPORTER", unitId: 10 }, { role: "REPORTER", unitId: 11 }] };
const secretaryWhoReports: Actor = { personId: 4, grants: [{ role: "SECRETARY", unitId: null }, { role: "REPORTER", unitId: 12 }] };

const ACTIONS: Action[] = ["units.manage", "invites.create", "people.manage", "rounds.open", "rounds.manage", "rounds.remind", "reports.compile", "reports.export", "submissions.review", "status.all", "reports.edit", "templates.manage"];

describe("permissions", () => {
  it("only admins manage units, invites and people; the office (admin or secretary) runs rounds and reports; reporters and strangers neither", () => {
    const table = Object.fromEntries(
      [["admin", admin], ["secretary", secretary], ["reporter", reporter], ["stranger", null]].map(([name, actor]) => [
        name,
        ACTIONS.filter((action) => can(actor as Actor | null, action)),
      ]),
    );
    expect(table).toEqual({
      admin: ACTIONS,
      secretary: ACTIONS.filter((a) => a !== "units.manage" && a !== "invites.create" && a !== "templates.manage" && a !== "people.manage"),
      reporter: [],
      stranger: [],
    });
  });

  it("a reporter sees and answers only their own units; the office sees all but answers none it does not report for", () => {
    expect([10, 11, 12].map((unit) => canViewUnit(reporter, unit))).toEqual([true, true, false]);
    expect([10, 11, 12].map((unit) => canAnswerForUnit(reporter, unit))).toEqual([true, true, false]);
    expect(canViewUnit(secretary, 99)).toBe(true);
    expect(canAnswerForUnit(secretary, 99)).toBe(false);
    expect(canAnswerForUnit(admin, 10)).toBe(false);
    expect(canAnswerForUnit(secretaryWhoReports, 12)).toBe(true);
    expect(canViewUnit(null, 10)).toBe(false);
  });

  it("invite links and menus follow the same rules", () => {
    expect(invitableRoles(admin)).toEqual(["REPORTER", "SECRETARY"]);
    expect(invitableRoles(secretary)).toEqual([]);
    expect(inAudience(reporter, "office")).toBe(false);
    expect(inAudience(secretaryWhoReports, "reporter")).toBe(true);
    expect(inAudience(null, "member")).toBe(false);
    expect([admin, secretary, reporter, null].map(primaryRole)).toEqual(["ADMIN", "SECRETARY", "REPORTER", null]);
  });

  it("a role can be removed unless it is the last administrator's", () => {
    expect(revokeRefusal("ADMIN", 0)).toBe("last-admin");
    expect(revokeRefusal("ADMIN", 1)).toBeNull();
    expect(revokeRefusal("SECRETARY", 0)).toBeNull();
    expect(revokeRefusal("REPORTER", 0)).toBeNull();
  });
});
