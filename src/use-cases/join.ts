import { cleanText } from "../domain/answer-parsing.ts";
import { addressedName, cleanDisplayName, DISPLAY_NAME_MAX } from "../domain/display-name.ts";
import { redeemCode } from "../invites/redeem-code.ts";
import type { ActionOf } from "../messaging/action.ts";
import type { Answer, Reply } from "../messaging/reply.ts";
import { chatPart, setChatPart } from "./chat-state.ts";
import type { UseCaseContext } from "./context.ts";
import { linkCodeAnswer } from "./link-channel.ts";

/** The chat part of a person who has just joined and is asked to confirm or type their full name. */
export const JOIN_PART = "join";

function say(text: string, more: Partial<Extract<Reply, { kind: "text" }>> = {}): Reply {
  return { kind: "text", text, ...more };
}

function nameQuestion(ctx: UseCaseContext, name: string | null): Reply {
  if (!name) return say(ctx.t("join-ask-name", { max: DISPLAY_NAME_MAX }));
  return say(ctx.t("join-confirm-name", { name }), { choices: [[{ label: ctx.t("join-button-name-ok"), action: { op: "join.name-ok" } }]] });
}

/**
 * An invite code (Telegram's /start parameter, a code typed to the Zalo OA): the person gets the invite's
 * role and unit, is welcomed, and is asked to confirm the full name the bot will use. A person's link code
 * (from /link on their other messenger) comes the same way and attaches this account to them.
 */
export async function joinWithCode(ctx: UseCaseContext, code: string): Promise<Answer> {
  const { caller, deps, t } = ctx;
  if (caller.channel !== "telegram" && caller.channel !== "zalo") return { replies: [say(t("join-refused-unknown"))] };
  const suggested = caller.profile?.suggestedName ? cleanDisplayName(caller.profile.suggestedName) : "";
  const redeemed = await redeemCode(
    deps.prisma,
    code,
    { channel: caller.channel, externalId: caller.address, username: caller.profile?.username ?? null, name: suggested || t("join-name-unknown") },
    ctx.now(),
  );
  // A link code from the person's other messenger is sent the same way as an invite.
  if (redeemed.kind === "link") return linkCodeAnswer(ctx, redeemed.result);
  const result = redeemed.result;
  if (!result.ok) {
    const vars: Record<string, string | number> =
      result.reason === "rate-limited" ? { minutes: result.retryAfterMinutes } : result.reason === "expired" ? { time: await ctx.formatTime(result.expiredAt) } : {};
    return { replies: [say(t(`join-refused-${result.reason}`, vars))] };
  }
  const person = await deps.prisma.person.findUniqueOrThrow({ where: { id: result.personId }, select: { name: true } });
  const org = (await ctx.organisation())?.shortName ?? t("start-org-fallback");
  const lines: string[] = [];
  if (result.alreadyMember) lines.push(t("join-already-member"));
  const name = addressedName(person.name);
  if (result.role === "REPORTER") {
    lines.push(t("join-welcome-reporter", { name, unit: result.unit?.name ?? "—", org }));
    const open = await deps.prisma.round.count({ where: { status: "OPEN" } });
    lines.push(t(open > 0 ? "join-next-open-round" : "join-next-wait"));
  } else if (result.role === "SECRETARY") {
    lines.push(t("join-welcome-secretary", { name, org }));
  } else {
    lines.push(t("join-welcome-admin", { name, org }));
  }
  lines.push(t("start-help-hint"));
  const replies = [say(lines.join("\n\n"))];
  if (result.newPerson) {
    // One message: the welcome, then the name it will use, to confirm or correct.
    await setChatPart(ctx, JOIN_PART, { personId: result.personId }, { focus: true });
    const question = nameQuestion(ctx, suggested || null) as Extract<Reply, { kind: "text" }>;
    replies[0] = say(`${lines.join("\n\n")}\n\n${question.text}`, { choices: question.choices });
  }
  if (result.invitedById !== null && result.invitedById !== result.personId) {
    const role = result.role;
    await deps.notifier
      .tell(result.invitedById, (tt) => [say(tt("join-admin-told", { name, role: role.toLowerCase(), unit: result.unit?.name ?? "" }))])
      .catch((error) => deps.logger.warn({ err: error }, "could not tell the inviter"));
  }
  return { replies, refreshMenu: true };
}

async function joiningPerson(ctx: UseCaseContext): Promise<number | null> {
  const { value } = await chatPart(ctx, JOIN_PART);
  const personId = (value as { personId?: unknown } | undefined)?.personId;
  return typeof personId === "number" && personId === ctx.caller.person?.id ? personId : null;
}

/** The full name typed after joining. */
export async function joinNameTyped(ctx: UseCaseContext, text: string): Promise<Answer> {
  const personId = await joiningPerson(ctx);
  if (personId === null) {
    await setChatPart(ctx, JOIN_PART, null, { focus: false });
    return { replies: [say(ctx.t("start-help-hint"))] };
  }
  const name = cleanDisplayName(text);
  if (name.length < 2 || [...cleanText(text)].length > DISPLAY_NAME_MAX) return { replies: [say(ctx.t("join-name-invalid", { max: DISPLAY_NAME_MAX }))] };
  await ctx.deps.prisma.person.update({ where: { id: personId }, data: { name } });
  await setChatPart(ctx, JOIN_PART, null, { focus: false });
  return { replies: [say(ctx.t("join-name-saved", { name: addressedName(name) }))] };
}

/** A sticker or photo where the name is expected. */
export async function joinNameNotText(ctx: UseCaseContext): Promise<Answer> {
  return { replies: [say(ctx.t("join-name-not-text"))] };
}

export async function joinNameConfirmed(ctx: UseCaseContext, _action: ActionOf<"join.name-ok">): Promise<Answer> {
  const personId = await joiningPerson(ctx);
  if (personId === null) return { replies: [], toast: ctx.t("conversation-stale-button-toast") };
  await setChatPart(ctx, JOIN_PART, null, { focus: false });
  const person = await ctx.deps.prisma.person.findUniqueOrThrow({ where: { id: personId }, select: { name: true } });
  return { replies: [say(ctx.t("join-name-saved", { name: addressedName(person.name) }))] };
}
