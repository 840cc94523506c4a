import { cleanDisplayName } from "../domain/display-name.ts";
import { invitableRoles } from "../domain/permissions.ts";
import { inviteLink, zaloFollowLink } from "../invites/invite-code.ts";
import { createInvite, InviteError, type CreatedInvite } from "../invites/invite-service.ts";
import type { ActionOf } from "../messaging/action.ts";
import type { Answer, Choice, Reply } from "../messaging/reply.ts";
import { listUnits, UNIT_NAME_MAX } from "../organisation/unit-service.ts";
import { refuseUnlessAllowed } from "./admin-access.ts";
import { personOf, type UseCaseContext } from "./context.ts";

/**
 * The ways a person can be invited, by their number in a choice: a Telegram link (t.me/<bot>?start=<code>),
 * or a short code the person sends to the Zalo Official Account after following it.
 */
export const INVITE_CHANNELS = ["telegram", "zalo"] as const;
export type InviteChannel = (typeof INVITE_CHANNELS)[number];

function say(text: string, more: Omit<Extract<Reply, { kind: "text" }>, "kind" | "text"> = {}): Reply {
  return { kind: "text", text, ...more };
}

/** The kinds of invite this deployment can make (a link needs the bot's name, a code the OA's id), the caller's messenger first. */
export function offeredInviteChannels(ctx: UseCaseContext): InviteChannel[] {
  const { links } = ctx.deps;
  const offered = INVITE_CHANNELS.filter((channel) => (channel === "telegram" ? Boolean(links.telegramBot) : Boolean(links.zaloOaId)));
  return offered.sort((a, b) => Number(b === ctx.caller.channel) - Number(a === ctx.caller.channel));
}

/** The channel a choice names, if this deployment still offers it. */
function channelOf(ctx: UseCaseContext, index: number): InviteChannel | null {
  const channel = INVITE_CHANNELS[index];
  return channel && offeredInviteChannels(ctx).includes(channel) ? channel : null;
}

function cancelChoice(ctx: UseCaseContext): Choice {
  return { label: ctx.t("invite-button-cancel"), action: { op: "invite.cancel" } };
}

function stale(ctx: UseCaseContext): Answer {
  return { replies: [], toast: ctx.t("conversation-stale-button-toast") };
}

/** /invite: whom to invite (a unit's reporter or the office) and how (Telegram link, Zalo code). */
export async function startInvite(ctx: UseCaseContext): Promise<Answer> {
  const refused = refuseUnlessAllowed(ctx, "invites.create");
  if (refused) return refused;
  const { t } = ctx;
  const channels = offeredInviteChannels(ctx);
  if (channels.length === 0) return { replies: [say(t("invite-no-channel"))] };
  const roles = invitableRoles(ctx.caller.actor);
  const both = channels.length > 1;
  const rows: Choice[][] = [];
  for (const role of roles) {
    rows.push(
      channels.map((channel) => {
        const index = INVITE_CHANNELS.indexOf(channel);
        const action = role === "REPORTER" ? { op: "invite.reporter" as const, channel: index } : { op: "invite.secretary" as const, channel: index };
        const label = role === "REPORTER" ? (both ? t("invite-button-reporter-via", { via: channel }) : t("invite-button-reporter")) : both ? t("invite-button-secretary-via", { via: channel }) : t("invite-button-secretary");
        return { label, action };
      }),
    );
  }
  rows.push([cancelChoice(ctx)]);
  const text = both ? `${t("invite-choose-role")}\n\n${t("invite-kinds-explained")}` : t("invite-choose-role");
  return { replies: [say(text, { choices: rows })] };
}

export async function inviteReporter(ctx: UseCaseContext, action: ActionOf<"invite.reporter">): Promise<Answer> {
  const refused = refuseUnlessAllowed(ctx, "invites.create", true);
  if (refused) return refused;
  const channel = channelOf(ctx, action.channel);
  if (!channel) return stale(ctx);
  const units = (await listUnits(ctx.deps.prisma)).filter((u) => u.active);
  if (units.length === 0) return { replies: [say(ctx.t("units-empty"))] };
  const choices: Choice[][] = units.map((unit) => [{ label: cleanDisplayName(unit.name, UNIT_NAME_MAX), action: { op: "invite.reporter-unit", channel: action.channel, unit: unit.id } }]);
  choices.push([cancelChoice(ctx)]);
  return { replies: [say(ctx.t("invite-pick-unit"), { choices, replace: true })] };
}

export async function inviteReporterOfUnit(ctx: UseCaseContext, action: ActionOf<"invite.reporter-unit">): Promise<Answer> {
  const refused = refuseUnlessAllowed(ctx, "invites.create", true);
  if (refused) return refused;
  const channel = channelOf(ctx, action.channel);
  if (!channel) return stale(ctx);
  const unit = (await listUnits(ctx.deps.prisma)).find((u) => u.id === action.unit && u.active);
  if (!unit) return { replies: [say(ctx.t("invite-unit-unavailable"))] };
  return makeInvite(ctx, "REPORTER", unit.id, channel);
}

export async function inviteSecretary(ctx: UseCaseContext, action: ActionOf<"invite.secretary">): Promise<Answer> {
  const refused = refuseUnlessAllowed(ctx, "invites.create", true);
  if (refused) return refused;
  const channel = channelOf(ctx, action.channel);
  if (!channel) return stale(ctx);
  return makeInvite(ctx, "SECRETARY", null, channel);
}

export async function cancelInvite(ctx: UseCaseContext, _action: ActionOf<"invite.cancel">): Promise<Answer> {
  const refused = refuseUnlessAllowed(ctx, "invites.create", true);
  if (refused) return refused;
  return { replies: [say(ctx.t("invite-cancelled"), { replace: true })] };
}

async function makeInvite(ctx: UseCaseContext, role: "REPORTER" | "SECRETARY", unitId: number | null, channel: InviteChannel): Promise<Answer> {
  let invite: CreatedInvite;
  try {
    invite = await createInvite(ctx.deps.prisma, { role, unitId, createdById: personOf(ctx).id, now: ctx.now(), kind: channel === "telegram" ? "link" : "short" });
  } catch (error) {
    // The unit was deactivated between the choice and now.
    if (error instanceof InviteError) return { replies: [say(ctx.t("invite-unit-unavailable"))] };
    throw error;
  }
  const { t } = ctx;
  const until = await ctx.formatTime(invite.expiresAt);
  const unit = invite.unit ? cleanDisplayName(invite.unit.name, UNIT_NAME_MAX) : "—";
  if (channel === "telegram") {
    const link = inviteLink(ctx.deps.links.telegramBot!, invite.code);
    const text = role === "REPORTER" ? t("invite-link-reporter", { unit, link, until }) : t("invite-link-secretary", { link, until });
    return { replies: [say(text, { replace: true })] };
  }
  // Two messages: a note for the admin, then the instructions to pass on as they are.
  const who = role === "REPORTER" ? t("invite-role-reporter", { unit }) : t("invite-role-secretary");
  const org = (await ctx.organisation())?.shortName ?? t("start-org-fallback");
  return {
    replies: [
      say(t("invite-code-made", { who }), { replace: true }),
      say(t("invite-code-message", { who, org, link: zaloFollowLink(ctx.deps.links.zaloOaId!), code: invite.code, until })),
    ],
  };
}
