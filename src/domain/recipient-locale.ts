import { isLocale, type Locale } from "../i18n.ts";

/**
 * The one rule for the language a person is addressed in: their own choice, then (while they talk to the
 * bot) their messenger's language, then the organisation's, then the deployment's default.
 */
export function recipientLocale(input: { person?: string | null; client?: Locale | null; organisation?: string | null; fallback: Locale }): Locale {
  if (isLocale(input.person)) return input.person;
  if (input.client) return input.client;
  if (isLocale(input.organisation)) return input.organisation;
  return input.fallback;
}
