import { inAudience } from "../domain/permissions.ts";
import { isLocale, translatorFor, type Translate } from "../i18n.ts";
import { inviteLink, zaloFollowLink } from "../invites/invite-code.ts";
import { createLinkCode, LINK_CODE_MINUTES, type LinkResult } from "../invites/link-code.ts";
import type { ChannelName } from "../messaging/channel-sender.ts";
import { text, type Answer } from "../messaging/reply.ts";
import { TRANSACTION_OPTIONS } from "../submissions/db-client.ts";
import type { UseCaseContext } from "./context.ts";

/** The messenger a code asked for on `channel` is sent from. */
function otherChannel(channel: ChannelName): ChannelName {
  return channel === "telegram" ? "zalo" : "telegram";
}

/** Whether this deployment runs that messenger (a code for one it does not run would be no use). */
function runsHere(ctx: UseCaseContext, channel: ChannelName): boolean {
  return Boolean(channel === "telegram" ? ctx.deps.links.telegramBot : ctx.deps.links.zaloOaId);
}

/** Where the person sends the code: the bot's link carrying it on Telegram, the Official Account to follow on Zalo. */
function whereToSend(ctx: UseCaseContext, channel: ChannelName, code: string): string {
  const { links } = ctx.deps;
  return channel === "telegram" ? inviteLink(links.telegramBot!, code) : zaloFollowLink(links.zaloOaId!);
}

/**
 * /link: a one-time code for the person to send from their other messenger, which then reaches them too.
 * The code is shown here once and never logged; asking again replaces it.
 */
export async function askLinkCode(ctx: UseCaseContext): Promise<Answer> {
  const { caller, t } = ctx;
  if (!caller.person || !inAudience(caller.actor, "member")) return { replies: [text(t("stranger-refusal"))] };
  if (caller.channel !== "telegram" && caller.channel !== "zalo") return { replies: [text(t("link-no-other-channel", { other: "telegram" }))] };
  const other = otherChannel(caller.channel);
  const personId = caller.person.id;
  if (!runsHere(ctx, other)) return { replies: [text(t("link-no-other-channel", { other }))] };
  const now = ctx.now();
  const channel = caller.channel;
  const made = await ctx.deps.prisma.$transaction(async (tx) => {
    const created = await createLinkCode(tx, personId, channel, now);
    await tx.auditEvent.create({ data: { actorId: personId, action: "person.link-code-created", entityType: "Person", entityId: String(personId), data: { channel }, createdAt: now } });
    return created;
  }, TRANSACTION_OPTIONS);
  const lines = [t("link-code-issued", { code: made.code, other, minutes: LINK_CODE_MINUTES, until: await ctx.formatTime(made.expiresAt) })];
  lines.push(t("link-code-where", { other, link: whereToSend(ctx, other, made.code) }));
  return { replies: [text(lines.join("\n\n"))] };
}

/**
 * The words for whoever sent a link code: the code's person when they chose a language (it is them, on
 * their other messenger), else the language the sender's messenger gave.
 */
function ownerWords(ctx: UseCaseContext, locale: string | null): Translate {
  if (!locale || !isLocale(locale)) return ctx.t;
  const translate = translatorFor(locale);
  return (key, vars) => translate(key, { channel: ctx.caller.channel, ...vars });
}

/** What a link code sent from another messenger did: linked (and the person told on the messenger it was asked on), or why not. */
export async function linkCodeAnswer(ctx: UseCaseContext, result: LinkResult): Promise<Answer> {
  if (!result.ok && result.reason === "unknown") return { replies: [text(ctx.t("join-refused-unknown"))] };
  const t = ownerWords(ctx, result.locale);
  if (!result.ok) {
    const vars: Record<string, string | number> =
      result.reason === "expired"
        ? { time: await ctx.formatTime(result.expiredAt) }
        : result.reason === "same-channel"
          ? { other: otherChannel(result.askedOn) }
          : {};
    return { replies: [text(t(`link-refused-${result.reason}`, vars))] };
  }
  const { deps } = ctx;
  const person = await deps.prisma.person.findUniqueOrThrow({ where: { id: result.personId }, select: { name: true } });
  const channel = ctx.caller.channel;
  await deps.notifier
    .tell(result.personId, (tt) => [text(tt("link-done-notice", { channel, name: person.name }))], { only: result.askedOn })
    .catch((error) => deps.logger.warn({ err: error }, "could not tell the person on their first messenger"));
  return { replies: [text(t("link-done", { name: person.name, other: result.askedOn }))], refreshMenu: true };
}
