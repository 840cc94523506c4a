import { optionLabel } from "../answer-format/option-label.ts";
import type { AnswerValue, DocumentRef } from "../answer-value.ts";
import { fillPlaceholders } from "../template/placeholders.ts";
import type { Question } from "../template/template-schema.ts";
import { formatDocumentDate } from "./document-date.ts";
import { formatNumber } from "./figure-text.ts";
import { textLines } from "./punctuation.ts";

function documentRefText(ref: DocumentRef): string {
  return ref.text.replace(/\s+/g, " ").trim();
}

/**
 * The report text of one unit's answer, as the pieces the merge rule lays out: one per list item or per line
 * of a long text, a single piece otherwise. Each piece goes through the question's `format`
 * ({value}, {unit} and the document placeholders); yes/no answers use yesText/noText.
 */
export function answerPieces(question: Question, value: AnswerValue, placeholders: Readonly<Record<string, string>>): string[] {
  // Without a format of its own a piece is its value as it stands; with one, one placeholder map for all pieces.
  const format = question.format;
  const values = format === undefined ? null : { ...placeholders, value: "" };
  const fill = (piece: string) => {
    if (values === null) return piece;
    values.value = piece;
    return fillPlaceholders(format!, values);
  };
  switch (question.type) {
    case "long_text":
      return textLines(value as string).map(fill);
    case "list":
      return (value as string[]).flatMap((item) => textLines(item)).map(fill);
    case "short_text":
      return [fill((value as string).replace(/\s+/g, " ").trim())];
    case "number":
      return [fill(formatNumber(value as number))];
    case "yes_no":
      return [fillPlaceholders((value as boolean) ? question.yesText! : question.noText!, placeholders)];
    case "single_choice":
      return [fill(optionLabel(question, value as string, "vi"))];
    case "multiple_choice":
      return [fill((value as string[]).map((key) => optionLabel(question, key, "vi")).join(", "))];
    case "date":
      return [fill(formatDocumentDate(value as string))];
    case "document_ref":
      return [fill(documentRefText(value as DocumentRef))];
  }
}
