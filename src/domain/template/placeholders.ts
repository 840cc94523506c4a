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
 * Visits every "{" in the text once, with the "}" that closes it, or -1 when another "{" or the end of the
 * text comes first. The next "}" is searched again only once passed (-1: none to the end), so a run of
 * unclosed "{" costs one pass, not one pass per brace; no regular expression that could backtrack.
 */
function eachBrace(text: string, visit: (open: number, close: number) => void): void {
  let from = 0;
  let close = -2;
  for (;;) {
    const open = text.indexOf("{", from);
    if (open < 0) return;
    if (close === -2 || (close !== -1 && close < open)) close = text.indexOf("}", open + 1);
    const nextOpen = text.indexOf("{", open + 1);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      visit(open, -1);
      from = open + 1;
    } else {
      visit(open, close);
      from = close + 1;
    }
  }
}

/** The name of a closed "{…}", or null when what it holds is not a well-formed name. */
function nameBetween(text: string, open: number, close: number): string | null {
  const inner = text.slice(open + 1, close);
  return NAME.test(inner) ? inner : null;
}

/**
 * Every "{…}" in the text, well-formed or not: "{period}", "{period.label}", "{a/b %}", and an unclosed "{"
 * (raw "{" to the end of the line, at most 40 characters, name null).
 */
export function scanPlaceholders(text: string): PlaceholderUse[] {
  const out: PlaceholderUse[] = [];
  let lineEnd = -2;
  eachBrace(text, (open, close) => {
    if (close >= 0) {
      out.push({ raw: text.slice(open, close + 1), name: nameBetween(text, open, close), index: open });
      return;
    }
    if (lineEnd === -2 || (lineEnd !== -1 && lineEnd < open)) lineEnd = text.indexOf("\n", open);
    out.push({ raw: text.slice(open, lineEnd < 0 ? Math.min(text.length, open + 40) : Math.min(lineEnd, open + 40)), name: null, index: open });
  });
  return out;
}

/** Names used as {name} in the text, in order of appearance. */
export function findPlaceholders(text: string): string[] {
  const names: string[] = [];
  eachBrace(text, (open, close) => {
    const name = close < 0 ? null : nameBetween(text, open, close);
    if (name !== null) names.push(name);
  });
  return names;
}

/** Replaces every known {name}; unknown names stay visible so a gap is noticed, not hidden. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  let out = "";
  let from = 0;
  eachBrace(text, (open, close) => {
    const name = close < 0 ? null : nameBetween(text, open, close);
    if (name === null || !Object.hasOwn(values, name)) return;
    out += text.slice(from, open) + values[name]!;
    from = close + 1;
  });
  return out + text.slice(from);
}
