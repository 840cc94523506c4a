import type { Api } from "grammy";
import { inAudience, type Actor, type Audience } from "../domain/permissions.ts";
import { i18n, LOCALES, type Locale } from "../i18n.ts";

/** A command of the bot: who sees it, and the message key of its description (locales/<lang>.ftl). */
export type MenuCommand = { command: string; audience: Audience; description: string };

/**
 * Every command of the bot, in menu order. The one table behind the Telegram menu of each person and
 * /help; a feature with a new command adds a row here.
 */
export const MENU_COMMANDS: readonly MenuCommand[] = [
  { command: "report", audience: "reporter", description: "command-report" },
  { command: "status", audience: "member", description: "command-status" },
  { command: "newround", audience: "office", description: "command-newround" },
  { command: "rounds", audience: "office", description: "command-rounds" },
  { command: "remind", audience: "office", description: "command-remind" },
  { command: "review", audience: "office", description: "command-review" },
  { command: "compile", audience: "office", description: "command-compile" },
  { command: "export", audience: "office", description: "command-export" },
  { command: "units", audience: "admin", description: "command-units" },
  { command: "invite", audience: "admin", description: "command-invite" },
  { command: "help", audience: "everyone", description: "command-help" },
  { command: "lang", audience: "everyone", description: "command-lang" },
  { command: "cancel", audience: "member", description: "command-cancel" },
];

/** The menu of someone who has not joined: what the bot is, help, language. */
const STRANGER_COMMANDS: readonly MenuCommand[] = [
  { command: "start", audience: "everyone", description: "command-start" },
  { command: "help", audience: "everyone", description: "command-help" },
  { command: "lang", audience: "everyone", description: "command-lang" },
];

export function commandsFor(actor: Actor | null): MenuCommand[] {
  if (!inAudience(actor, "member")) return [...STRANGER_COMMANDS];
  return MENU_COMMANDS.filter((c) => inAudience(actor, c.audience));
}

export function menuFor(actor: Actor | null, locale: Locale): { command: string; description: string }[] {
  return commandsFor(actor).map((c) => ({ command: c.command, description: i18n.t(locale, c.description) }));
}

/** The person's own menu (their private chat), in their language; called on joining and on a change of role or language. */
export async function syncCommandsMenu(api: Api, chatId: number, actor: Actor | null, locale: Locale): Promise<void> {
  await api.setMyCommands(menuFor(actor, locale), { scope: { type: "chat", chat_id: chatId } });
}

/** The menu everyone else sees: Vietnamese by default, English for English-language Telegram clients. */
export async function setDefaultCommands(api: Api, defaultLocale: Locale = "vi"): Promise<void> {
  await api.setMyCommands(menuFor(null, defaultLocale), { scope: { type: "default" } });
  for (const locale of LOCALES) {
    if (locale !== defaultLocale) await api.setMyCommands(menuFor(null, locale), { scope: { type: "default" }, language_code: locale });
  }
}
