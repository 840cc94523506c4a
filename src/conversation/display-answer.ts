import { numberText } from "../domain/answer-format/number-text.ts";
import { optionLabel } from "../domain/answer-format/option-label.ts";
import type { AnswerValue, DocumentRef } from "../domain/answer-value.ts";
import { dayMonthYear } from "../domain/calendar/day-month-year.ts";
import { cutText } from "../domain/cut-text.ts";
import type { Question } from "../domain/template/template-schema.ts";
import type { Locale } from "../i18n.ts";
import type { Translate } from "./out-message.ts";

/** A stored answer as the person reads it back in the chat. */
export function displayAnswer(question: Question, value: AnswerValue, locale: Locale, t: Translate): string {
  switch (question.type) {
    case "list":
      return (value as string[]).map((item) => `• ${item}`).join("\n");
    case "number":
      return numberText(value as number, locale);
    case "yes_no":
      return t(value ? "value-yes" : "value-no");
    case "single_choice":
      return optionLabel(question, value as string, locale);
    case "multiple_choice":
      return (value as string[]).map((key) => `• ${optionLabel(question, key, locale)}`).join("\n");
    case "date":
      return dayMonthYear(value as string);
    case "document_ref":
      return (value as DocumentRef).text;
    default:
      return String(value);
  }
}

/** At most `max` characters, cut at a word and marked, for quoting an answer above a question. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = cutText(text, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
