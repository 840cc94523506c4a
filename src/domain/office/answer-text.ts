import { numberText } from "../answer-format/number-text.ts";
import { optionLabel } from "../answer-format/option-label.ts";
import type { AnswerValue, DocumentRef } from "../answer-value.ts";
import { dayMonthYear } from "../calendar/day-month-year.ts";
import type { Question } from "../template/template-schema.ts";

type Locale = "vi" | "en";

/**
 * An answer as plain text for a spreadsheet cell or the office's reading view: list items and chosen options
 * one per line, numbers and dates as the chat shows them (the JSON column keeps the exact value for machines).
 */
export function answerText(question: Question, value: AnswerValue, locale: Locale, yesNo: { yes: string; no: string }): string {
  switch (question.type) {
    case "list":
      return (value as string[]).join("\n");
    case "number":
      return numberText(value as number, locale);
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
