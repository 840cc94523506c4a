import { resolve } from "node:path";
import { I18n } from "@grammyjs/i18n";
import type { BotContext } from "./channels/telegram/context.ts";

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const LOCALES_DIR = resolve(import.meta.dirname, "../locales");

export function isLocale(value: unknown): value is Locale {
  return value === "vi" || value === "en";
}

/** Telegram's language_code → one of ours: English speakers get en, everyone else the default. */
export function localeFromTelegram(languageCode: string | undefined, fallback: Locale): Locale {
  if (!languageCode) return fallback;
  return languageCode.toLowerCase().startsWith("en") ? "en" : languageCode.toLowerCase().startsWith("vi") ? "vi" : fallback;
}

export function createI18n(defaultLocale: Locale = "vi"): I18n<BotContext> {
  const i18n = new I18n<BotContext>({
    defaultLocale,
    directory: LOCALES_DIR,
    // Bidi isolation marks would show up as stray characters in Telegram and in the .docx.
    fluentBundleOptions: { useIsolating: false },
    // The locale is chosen by our own middleware (person's choice, then Telegram's language).
    localeNegotiator: (ctx) => ctx.locale ?? defaultLocale,
    // Texts for people who have not joined say how to join on the channel they wrote from.
    globalTranslationContext: (ctx) => ({ channel: ctx.caller?.channel ?? "telegram" }),
  });
  rememberBundleMatches(i18n.fluent);
  return i18n;
}

type BundleMatcher = { matchBundles?: (locales: string[]) => Set<unknown> };

/**
 * @grammyjs/i18n negotiates the language again for every text it translates (locale tags parsed, arrays
 * and sets built: a tenth of an answer step's allocations). Every bundle is loaded when the instance is
 * made, so the match depends only on the locales asked for, and is remembered per locale.
 */
export function rememberBundleMatches(fluent: object): boolean {
  const matcher = fluent as BundleMatcher;
  const match = matcher.matchBundles?.bind(fluent);
  if (!match) return false;
  const known = new Map<string, Set<unknown>>();
  matcher.matchBundles = (locales) => {
    const key = locales.join(",");
    let bundles = known.get(key);
    if (!bundles) {
      bundles = match(locales);
      // Only our own locales are asked for; the bound is there in case a caller passes anything else.
      if (known.size < 16) known.set(key, bundles);
    }
    return bundles;
  };
  return true;
}

/** Shared instance for code outside an update (workers, CLI): i18n.t(locale, key, vars). */
export const i18n = createI18n();

/** Looks up messages in one language; what use cases and workers use to word their replies. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export function translatorFor(locale: Locale): Translate {
  return (key, vars) => i18n.t(locale, key, vars);
}
