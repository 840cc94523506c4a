import { cleanText } from "./answer-parsing.ts";
import { cutText } from "./cut-text.ts";
import { collapseSpaces } from "./text-scan.ts";

/** Longest name kept for a person or a unit. */
export const DISPLAY_NAME_MAX = 200;

/**
 * A person's or unit's name as stored and shown: cleaned as answers are (controls, bidi overrides, lone
 * surrogates removed, NFC), on one line with single spaces, at most `max` characters. Names are cleaned
 * again when shown, so rows stored before this rule display cleanly too.
 */
export function cleanDisplayName(raw: string, max = DISPLAY_NAME_MAX): string {
  return cutText(collapseSpaces(cleanText(raw)), max).trimEnd();
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

/** Words people put before their own name; the bot's texts already say "Anh/Chị". */
const HONORIFICS = new Set(["anh", "chị", "ông", "bà", "cô", "chú", "bác", "em", "thầy", "đồng chí", "đ/c"]);

/**
 * The name a text addresses a person by, after its own "Anh/Chị": a name typed as "Chị Lan" or
 * "Đồng chí Nguyễn Văn A" loses its leading title, so the bot does not write "Anh/Chị Chị Lan".
 */
export function addressedName(name: string): string {
  const clean = cleanDisplayName(name);
  const words = clean.split(" ");
  for (const count of [2, 1]) {
    const title = words.slice(0, count).join(" ").toLocaleLowerCase("vi").normalize("NFC");
    if (words.length > count && HONORIFICS.has(title)) return words.slice(count).join(" ");
  }
  return clean;
}
