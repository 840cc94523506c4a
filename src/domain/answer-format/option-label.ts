import type { Question } from "../template/template-schema.ts";

/** A choice answer's option as people read it; a key the template no longer lists is shown as stored. */
export function optionLabel(question: Question, key: string, locale: "vi" | "en"): string {
  return question.options?.find((option) => option.key === key)?.label[locale] ?? key;
}
