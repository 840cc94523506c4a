import { z } from "zod";
import type { Question, QuestionType } from "./template/template-schema.ts";

/** A cited document: the full citation as typed, and its parts when the reporter gave them. */
export type DocumentRef = { text: string; number?: string; date?: string; issuer?: string; subject?: string };

/** The stored JSON of an answer, by question type. */
export type AnswerValueByType = {
  short_text: string;
  long_text: string;
  list: string[];
  number: number;
  yes_no: boolean;
  single_choice: string;
  multiple_choice: string[];
  /** "YYYY-MM-DD" */
  date: string;
  document_ref: DocumentRef;
};

export type AnswerValue = AnswerValueByType[QuestionType];

/** Limits that apply when a template names none. */
export const DEFAULT_LIMITS = {
  shortTextMaxLength: 500,
  longTextMaxLength: 10_000,
  listItemMaxLength: 2_000,
  listMaxItems: 50,
  documentRefMaxLength: 1_000,
} as const;

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const isoDate = z.string().refine(isIsoDate, { message: "must be a date written YYYY-MM-DD" });

const nonBlank = (max: number) =>
  z
    .string()
    .refine((value) => value.trim().length > 0, { message: "must not be empty" })
    .max(max, { message: `must be at most ${max} characters` });

type SchemaQuestion = Pick<Question, "type" | "limits" | "options">;

// Building a schema costs more than using it; a template's questions are long-lived objects.
const schemas = new WeakMap<SchemaQuestion, z.ZodType<AnswerValue>>();

/** The zod schema a stored answer value of this question must satisfy (type, options and limits). */
export function answerValueSchemaFor(question: SchemaQuestion): z.ZodType<AnswerValue> {
  let schema = schemas.get(question);
  if (!schema) {
    schema = buildSchema(question);
    schemas.set(question, schema);
  }
  return schema;
}

function buildSchema(question: SchemaQuestion): z.ZodType<AnswerValue> {
  const limits = question.limits ?? {};
  const optionKeys = (question.options ?? []).map((option) => option.key);
  const isOption = (value: string) => optionKeys.includes(value);
  switch (question.type) {
    case "short_text":
      return nonBlank(limits.maxLength ?? DEFAULT_LIMITS.shortTextMaxLength);
    case "long_text":
      return nonBlank(limits.maxLength ?? DEFAULT_LIMITS.longTextMaxLength);
    case "list": {
      const maxItems = limits.maxItems ?? DEFAULT_LIMITS.listMaxItems;
      return z
        .array(nonBlank(limits.maxLength ?? DEFAULT_LIMITS.listItemMaxLength))
        .min(1, { message: "must have at least one item" })
        .max(maxItems, { message: `must have at most ${maxItems} items` });
    }
    case "number": {
      let schema = z.number().finite();
      if (limits.integer) schema = schema.int({ message: "must be a whole number" });
      if (limits.min !== undefined) schema = schema.min(limits.min, { message: `must be at least ${limits.min}` });
      if (limits.max !== undefined) schema = schema.max(limits.max, { message: `must be at most ${limits.max}` });
      return schema;
    }
    case "yes_no":
      return z.boolean();
    case "single_choice":
      return z.string().refine(isOption, { message: `must be one of ${optionKeys.join(", ")}` });
    case "multiple_choice": {
      const maxItems = limits.maxItems ?? optionKeys.length;
      return z
        .array(z.string().refine(isOption, { message: `must be one of ${optionKeys.join(", ")}` }))
        .min(1, { message: "must pick at least one option" })
        .max(maxItems, { message: `must pick at most ${maxItems} options` })
        .refine((keys) => new Set(keys).size === keys.length, { message: "must not pick an option twice" });
    }
    case "date":
      return isoDate;
    case "document_ref":
      return z.strictObject({
        text: nonBlank(limits.maxLength ?? DEFAULT_LIMITS.documentRefMaxLength),
        number: z.string().optional(),
        date: isoDate.optional(),
        issuer: z.string().optional(),
        subject: z.string().optional(),
      });
  }
}

/** Narrows an unknown stored value to the question's answer type, or says why it does not fit. */
export function parseAnswerValue(
  question: SchemaQuestion,
  value: unknown,
): { ok: true; value: AnswerValue } | { ok: false; error: string } {
  const result = answerValueSchemaFor(question).safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: result.error.issues.map((issue) => issue.message).join("; ") };
}

/** Type guard: the value is a valid answer of this question. */
export function isAnswerValueFor<T extends QuestionType>(
  question: Pick<Question, "limits" | "options"> & { type: T },
  value: unknown,
): value is AnswerValueByType[T] {
  return answerValueSchemaFor(question).safeParse(value).success;
}
