import type { ConversationDeps, Speaker } from "../conversation/conversation-service.ts";
import type { Translate } from "../conversation/out-message.ts";
import { TELEGRAM_TEXT_LIMIT } from "../conversation/split-message.ts";
import { i18n, type Locale } from "../i18n.ts";
import { callbackSecret } from "./callback-secret.ts";
import type { BotContext, BotDependencies } from "./context.ts";

export function translatorFor(locale: Locale): Translate {
  return (key, vars) => i18n.t(locale, key, vars);
}

/** The conversation's dependencies, bound to Telegram's limits and the shared translations. */
export function conversationDeps(deps: Pick<BotDependencies, "prisma" | "timezone" | "defaultLocale" | "now">): ConversationDeps {
  return { prisma: deps.prisma, timezone: deps.timezone, defaultLocale: deps.defaultLocale, translatorFor, messageLimit: TELEGRAM_TEXT_LIMIT, now: deps.now };
}

/** The registered person behind the update, as the conversation knows them; null for a stranger. */
export function speakerOf(ctx: BotContext): Speaker | null {
  if (!ctx.person) return null;
  return { personId: ctx.person.id, name: ctx.person.name, actor: ctx.actor, locale: ctx.locale };
}

export function secretOf(ctx: { api: { token: string } }): string {
  return callbackSecret(ctx.api.token);
}
