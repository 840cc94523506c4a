import { cleanText } from "./answer-parsing.ts";

/** Longest name kept; a real Vietnamese full name is far shorter. */
export const DISPLAY_NAME_MAX = 100;

/**
 * A person's or unit's name as stored and shown: cleaned like an answer (controls, bidi overrides and lone
 * surrogates removed, NFC), on one line with single spaces, at most `max` characters.
 */
export function cleanDisplayName(raw: string, max = DISPLAY_NAME_MAX): string {
  const oneLine = cleanText(raw).split("\n").map((part) => part.trim()).filter(Boolean).join(" ");
  const words = oneLine.split(" ").filter(Boolean).join(" ");
  return [...words].slice(0, max).join("").trim();
}

/**
 * The full name to suggest from a messenger profile, family name first as Vietnamese names are written:
 * Telegram's first name "Lan" and last name "Nguyễn Thị" give "Nguyễn Thị Lan".
 */
export function suggestFullName(profile: { firstName?: string | null; lastName?: string | null; username?: string | null }): string {
  const first = cleanDisplayName(profile.firstName ?? "");
  const last = cleanDisplayName(profile.lastName ?? "");
  const name = cleanDisplayName([last, first].filter(Boolean).join(" "));
  return name || cleanDisplayName(profile.username ?? "");
}
