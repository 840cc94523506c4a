/** Markers reporters type themselves at the start of an item: "- ", "• ", "+ ", "* ", "1. ", "2) ", "a) ". */
const LEADING_MARKER = /^\s*(?:[-–—•+*]|\d{1,3}[.)]|[a-zđ]\))\s+/u;

const ELLIPSIS = /(?:\.\.\.|…)$/u;

/**
 * An item for a bullet or numbered line: the reporter's own marker and one trailing ".", ";" or ","
 * removed, since the report adds its own ("- …;", "1. ….").
 */
export function itemText(text: string): string {
  const trimmed = text.replace(LEADING_MARKER, "").trim();
  if (ELLIPSIS.test(trimmed)) return trimmed;
  // One mark, then the spaces before it (a pattern /\s*[.;,]$/ retries from every space of a long run).
  return (/[.;,]$/u.test(trimmed) ? trimmed.slice(0, -1) : trimmed).trimEnd();
}

/** What to print after an item: nothing when it already closes ("…", "?", "!") and "." is wanted. */
export function itemEnding(text: string, wanted: ";" | "."): string {
  if (wanted === "." && /[.!?…]$/u.test(text)) return "";
  return wanted;
}

/** A paragraph keeps its own punctuation; one ending in a letter, digit, quote or bracket gets a full stop. */
export function paragraphEnding(text: string): string {
  return /[.!?…:;]$/u.test(text.trimEnd()) ? "" : ".";
}

/** Lines of a multi-line answer or text; blank lines dropped. */
export function textLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** "- A;", "- B;", "- C." — or just "A." for a single line. */
export function listLines(items: readonly string[], options: { dashSingle: boolean }): string[] {
  const cleaned = items.map(itemText).filter((item) => item.length > 0);
  if (cleaned.length === 1 && !options.dashSingle) return [`${cleaned[0]}${itemEnding(cleaned[0]!, ".")}`];
  return cleaned.map((item, i) => `- ${item}${itemEnding(item, i === cleaned.length - 1 ? "." : ";")}`);
}
