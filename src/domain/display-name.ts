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
