import { cutText } from "../domain/cut-text.ts";
import type { Role } from "../domain/permissions.ts";
import type { Translate } from "../i18n.ts";
import type { ActionOf } from "../messaging/action.ts";
import type { Answer, Choice, Reply } from "../messaging/reply.ts";
import { adminsBesides, listPeople, membershipFacts, revokeMembership, type MembershipFacts, type RoleHolder } from "../organisation/people-service.ts";
import { replanRound } from "../queue/replan-on-change.ts";
import { clampPage, pageChoices, refuseUnlessAllowed } from "./admin-access.ts";
import { personOf, type UseCaseContext } from "./context.ts";

/** Room left on a page for the notice above the list and its title. */
const PAGE_RESERVE = 400;
/** Where choices beyond a few become a numbered list (Zalo), they share the message with the list. */
const FEW_CHOICES = 10;

type Group = { title: string; holders: RoleHolder[]; role: Role; unit?: string; emptyKey?: string };

function say(text: string, more: Omit<Extract<Reply, { kind: "text" }>, "kind" | "text"> = {}): Reply {
  return { kind: "text", text, ...more };
}

/** "người báo cáo của Văn phòng Sở", "quản trị viên", in the language of `t`. */
export function roleLabel(t: Translate, role: Role, unit: string | undefined): string {
  return t("people-role", { role, unit: unit ?? "—" });
}

/** Long names make long buttons; a button's title on Zalo holds 100 characters at most. */
const LABEL_MAX = 80;

function buttonLabel(label: string): string {
  return label.length <= LABEL_MAX ? label : `${cutText(label, LABEL_MAX - 1)}…`;
}

function groupText(ctx: UseCaseContext, group: Group): string {
  const lines = [group.title];
  for (const holder of group.holders) lines.push(` • ${holder.name}`);
  if (group.holders.length === 0 && group.emptyKey) lines.push(`   ${ctx.t(group.emptyKey)}`);
  return lines.join("\n");
}

/**
 * Groups in order on pages: each page's text fits the channel's message with room to spare, and its
 * "remove" choices stay few where the channel lists choices inside the message.
 */
function pageGroups(ctx: UseCaseContext, groups: readonly Group[]): Group[][] {
  const few = ctx.caller.maxChoices < FEW_CHOICES;
  const textLimit = few ? Math.floor(ctx.caller.textLimit / 2) : ctx.caller.textLimit - PAGE_RESERVE;
  const choiceLimit = few ? FEW_CHOICES : 40;
  const pages: Group[][] = [];
  let page: Group[] = [];
  let length = 0;
  let choices = 0;
  for (const group of groups) {
    const size = groupText(ctx, group).length + 2;
    if (page.length > 0 && (length + size > textLimit || choices + group.holders.length > choiceLimit)) {
      pages.push(page);
      page = [];
      length = 0;
      choices = 0;
    }
    page.push(group);
    length += size;
    choices += group.holders.length;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

async function peopleScreen(ctx: UseCaseContext, page: number, options: { notice?: string; replace?: boolean } = {}): Promise<Reply> {
  const { t } = ctx;
  const people = await listPeople(ctx.deps.prisma);
  const groups: Group[] = [
    { title: t("people-group-admins"), holders: people.admins, role: "ADMIN" },
    { title: t("people-group-office"), holders: people.secretaries, role: "SECRETARY", emptyKey: "people-nobody" },
    // Inactive units are listed only while someone still reports for them.
    ...people.units
      .filter((unit) => unit.active || unit.reporters.length > 0)
      .map((unit) => ({ title: `${unit.active ? "" : "⏸ "}${unit.name}:`, holders: unit.reporters, role: "REPORTER" as const, unit: unit.name, emptyKey: "units-no-reporter" })),
  ];
  const roles = groups.reduce((sum, g) => sum + g.holders.length, 0);
  const pages = pageGroups(ctx, groups);
  const shown = clampPage(page, pages.length);
  const onPage = pages[shown] ?? [];
  const title = pages.length > 1 ? `${t("people-title", { count: roles })}\n${t("admin-page", { page: shown + 1, pages: pages.length })}` : t("people-title", { count: roles });
  const body = [title, ...onPage.map((group) => groupText(ctx, group))].join("\n\n");
  const choices: Choice[][] = onPage.flatMap((group) =>
    group.holders.map((holder) => [
      { label: buttonLabel(t("people-button-revoke", { name: holder.name, role: roleLabel(t, group.role, group.unit) })), action: { op: "people.revoke" as const, membership: holder.membershipId } },
    ]),
  );
  choices.push(pageChoices(ctx, shown, pages.length, (p) => ({ op: "people.list", page: p })));
  return say([options.notice, body, roles > 0 ? t("people-hint") : null].filter(Boolean).join("\n\n"), { choices, replace: options.replace });
}

/** /people: who holds which role, per unit, with a way to take a role away. */
export async function showPeople(ctx: UseCaseContext): Promise<Answer> {
  return refuseUnlessAllowed(ctx, "people.manage") ?? { replies: [await peopleScreen(ctx, 0)] };
}

export async function peoplePage(ctx: UseCaseContext, action: ActionOf<"people.list">): Promise<Answer> {
  return refuseUnlessAllowed(ctx, "people.manage", true) ?? { replies: [await peopleScreen(ctx, action.page, { replace: true })] };
}

function whoAndRole(ctx: UseCaseContext, facts: MembershipFacts): { name: string; role: string } {
  return { name: facts.name, role: roleLabel(ctx.t, facts.role, facts.unit?.name) };
}

/** "Remove this role?" with what it changes; the last administrator is told why they cannot. */
export async function askToRevoke(ctx: UseCaseContext, action: ActionOf<"people.revoke">): Promise<Answer> {
  const refused = refuseUnlessAllowed(ctx, "people.manage", true);
  if (refused) return refused;
  const facts = await membershipFacts(ctx.deps.prisma, action.membership);
  if (!facts || facts.revoked) return { replies: [await peopleScreen(ctx, 0, { notice: ctx.t("people-already-removed"), replace: true })] };
  if (facts.role === "ADMIN" && (await adminsBesides(ctx.deps.prisma, facts.id)) === 0) return { replies: [say(ctx.t("people-last-admin"))] };
  const self = facts.personId === personOf(ctx).id;
  const lines = [ctx.t("people-confirm", whoAndRole(ctx, facts)), ctx.t(`people-confirm-effect-${facts.role.toLowerCase()}`)];
  if (self) lines.push(ctx.t("people-confirm-self"));
  const choices: Choice[][] = [
    [{ label: ctx.t("people-button-confirm"), action: { op: "people.revoke-confirm", membership: facts.id } }],
    [{ label: ctx.t("people-button-back"), action: { op: "people.list", page: 0 } }],
  ];
  return { replies: [say(lines.join("\n\n"), { choices, replace: true })] };
}

export type RoleRemoval = Awaited<ReturnType<typeof revokeMembership>>;

/**
 * Takes the role away: audited, the unit's reminders re-planned, the person's web links that no longer
 * open anything ended, and the person told. The chat's confirmation and the command line both come here;
 * on the command line there is no person acting (the audit names none, via "cli").
 */
export async function removeRole(ctx: UseCaseContext, membershipId: number): Promise<RoleRemoval> {
  const { deps } = ctx;
  const actorId = ctx.caller.person?.id ?? null;
  const result = await revokeMembership(deps.prisma, { membershipId, actorId, now: ctx.now(), via: ctx.caller.channel === "cli" ? "cli" : "bot" });
  if (!result.ok) return result;
  const facts = result.membership;
  // Reminders follow the unit's rounds, re-planned as after any change they depend on.
  for (const roundId of result.openRoundIds) await replanRound({ prisma: deps.prisma, queue: deps.reminderQueue, logger: deps.logger, now: deps.now }, roundId);
  if (facts.personId !== actorId) {
    await deps.notifier
      .tell(facts.personId, (t) => [say(t("people-removed-notice", { role: roleLabel(t, facts.role, facts.unit?.name) }))])
      .catch((error) => deps.logger.warn({ err: error }, "could not tell the person their role was removed"));
  }
  return result;
}

/**
 * Takes the role away. The person's next message is already read without it; reminders and notices are
 * addressed when they go out, to whoever holds the role then, so none reaches them any more.
 */
export async function revokeRole(ctx: UseCaseContext, action: ActionOf<"people.revoke-confirm">): Promise<Answer> {
  const refused = refuseUnlessAllowed(ctx, "people.manage", true);
  if (refused) return refused;
  const me = personOf(ctx);
  const result = await removeRole(ctx, action.membership);
  if (!result.ok) {
    if (result.reason === "last-admin") return { replies: [say(ctx.t("people-last-admin"))] };
    return { replies: [await peopleScreen(ctx, 0, { notice: ctx.t("people-already-removed"), replace: true })] };
  }
  const facts = result.membership;
  const notice = ctx.t("people-removed", whoAndRole(ctx, facts));
  const self = facts.personId === me.id;
  // An administrator who removed their own role sees no more of this screen, and gets the menu of the roles left.
  if (self && facts.role === "ADMIN") return { replies: [say(notice, { replace: true })], refreshMenu: true };
  return { replies: [await peopleScreen(ctx, 0, { notice, replace: true })], refreshMenu: self };
}
