import type { AnswerValue, DocumentRef } from "../answer-value.ts";
import type { Question } from "../template/template-schema.ts";

type Locale = "vi" | "en";

function optionLabel(question: Question, key: string, locale: Locale): string {
  return question.options?.find((option) => option.key === key)?.label[locale] ?? key;
}

/** "05/03/2025" from "2025-03-05". */
function dayMonthYear(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}

/**
 * An answer as plain text for a spreadsheet cell or the office's reading view: list items and chosen options
 * one per line, numbers as written by a machine (the JSON column keeps the exact value anyway).
 */
export function answerText(question: Question, value: AnswerValue, locale: Locale, yesNo: { yes: string; no: string }): string {
  switch (question.type) {
    case "list":
      return (value as string[]).join("\n");
    case "number":
      return String(value as number);
    case "yes_no":
      return value ? yesNo.yes : yesNo.no;
    case "single_choice":
      return optionLabel(question, value as string, locale);
    case "multiple_choice":
      return (value as string[]).map((key) => optionLabel(question, key, locale)).join("\n");
    case "date":
      return dayMonthYear(value as string);
    case "document_ref":
      return (value as DocumentRef).text;
    default:
      return String(value);
  }
}
