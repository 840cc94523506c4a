/** Placeholders a template may use in its document-level texts and section texts. */
export const DOCUMENT_PLACEHOLDERS = [
  "period",
  "periodWithoutYear",
  "periodShort",
  "nextPeriod",
  "nextPeriodWithoutYear",
  "year",
  "org",
  "requestDocument",
  "recipients",
] as const;

/** Extra placeholders of a question's report wording. */
export const ANSWER_PLACEHOLDERS = ["value", "unit"] as const;

/** Extra placeholder of a sum sentence. */
export const SUM_PLACEHOLDERS = ["sum"] as const;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** Names used as {name} in the text, in order of appearance. */
export function findPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

/** Replaces every known {name}; unknown names stay visible so a gap is noticed, not hidden. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole));
}
