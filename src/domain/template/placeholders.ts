/** Placeholders a template may use in its document-level texts and section texts. */
export const DOCUMENT_PLACEHOLDERS = [
  "period",
  "periodWithoutYear",
  "periodShort",
  "nextPeriod",
  "nextPeriodWithoutYear",
  "year",
  "org",
  "orgShort",
  "requestDocument",
  "recipients",
] as const;

/** Extra placeholders of a question's report wording. */
export const ANSWER_PLACEHOLDERS = ["value", "unit"] as const;

/** Extra placeholder of a sum sentence. */
export const SUM_PLACEHOLDERS = ["sum"] as const;

/** Extra placeholders of a count sentence: "{count}/{total} đơn vị", the units counted and the others. */
export const COUNT_PLACEHOLDERS = ["count", "total", "units", "others"] as const;

/** Extra placeholder of a merged choice statement. */
export const CHOICE_PLACEHOLDERS = ["choices"] as const;

/** Placeholder of the "Nơi nhận" lines: the drafting unit with the drafter's initials raised. */
export const DISTRIBUTION_PLACEHOLDERS = ["drafterUnit", "org", "orgShort"] as const;

/** One {…} in a text: its name when it is a well-formed name, and where it stands. */
export type PlaceholderUse = { raw: string; name: string | null; index: number };

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Every "{…}" in the text, well-formed or not, without regular expressions that could backtrack: "{period}",
 * "{period.label}", "{a/b %}", and an unclosed "{" (raw "{" to the end of the line, name null).
 */
export function scanPlaceholders(text: string): PlaceholderUse[] {
  const out: PlaceholderUse[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf("{", from);
    if (open < 0) return out;
    const close = text.indexOf("}", open + 1);
    const nextOpen = text.indexOf("{", open + 1);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      const lineEnd = text.indexOf("\n", open);
      out.push({ raw: text.slice(open, lineEnd < 0 ? Math.min(text.length, open + 40) : Math.min(lineEnd, open + 40)), name: null, index: open });
      from = open + 1;
      continue;
    }
    const inner = text.slice(open + 1, close);
    out.push({ raw: text.slice(open, close + 1), name: NAME.test(inner) ? inner : null, index: open });
    from = close + 1;
  }
}

/** Names used as {name} in the text, in order of appearance. */
export function findPlaceholders(text: string): string[] {
  return scanPlaceholders(text).flatMap((use) => (use.name === null ? [] : [use.name]));
}

/** Replaces every known {name}; unknown names stay visible so a gap is noticed, not hidden. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  let out = "";
  let from = 0;
  for (const use of scanPlaceholders(text)) {
    if (use.name === null || !Object.hasOwn(values, use.name)) continue;
    out += text.slice(from, use.index) + values[use.name]!;
    from = use.index + use.raw.length;
  }
  return out + text.slice(from);
}
