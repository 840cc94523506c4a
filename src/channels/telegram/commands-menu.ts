import type { Api } from "grammy";
import type { Actor } from "../../domain/permissions.ts";
import { i18n, LOCALES, type Locale } from "../../i18n.ts";
import { commandsFor } from "../../use-cases/commands.ts";

export function menuFor(actor: Actor | null, locale: Locale): { command: string; description: string }[] {
  return commandsFor(actor).map((c) => ({ command: c.name, description: i18n.t(locale, c.description) }));
}

/** The person's own menu (their private chat), in their language; after joining and a change of role or language. */
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
