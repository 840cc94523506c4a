import { z } from "zod";
import { UNIT_KINDS } from "../unit-kind.ts";
import { NUMBERING_STYLES, type NumberingStyle } from "./numbering-style.ts";
import { checkTemplateRules } from "./template-rules.ts";

export { NUMBERING_STYLES, type NumberingStyle };

/** Question types; the conversation and the stored answers depend on these exact names. */
export const QUESTION_TYPES = [
  "short_text",
  "long_text",
  "list",
  "number",
  "yes_no",
  "single_choice",
  "multiple_choice",
  "date",
  "document_ref",
] as const;

export type QuestionType = (typeof QUESTION_TYPES)[number];


// Template text reaches Telegram and the .docx: Telegram refuses a message holding half a surrogate pair,
// and control characters are invisible at best.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const text = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .refine((value) => !UNPRINTABLE.test(value), "must not contain control characters or broken Unicode (half of a surrogate pair)");

const localizedText = z.strictObject({ vi: text, en: text });

export type LocalizedText = { vi: string; en: string };

const questionKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, "must be lower-case letters, digits and _, starting with a letter");

const templateKey = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by -, e.g. dan-chu-co-so");

const limitsSchema = z.strictObject({
  /** Characters per text answer, per list item, or of a document reference's text. */
  maxLength: z.number().int().positive().optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  /** Whole numbers only. */
  integer: z.boolean().optional(),
  /** Items of a list, or options picked in a multiple choice. */
  maxItems: z.number().int().positive().optional(),
});

export type QuestionLimits = z.infer<typeof limitsSchema>;

const optionSchema = z.strictObject({ key: questionKey, label: localizedText });

export type ChoiceOption = z.infer<typeof optionSchema>;

/** How the answers of all units become the section's text. */
const mergeRuleSchema = z.discriminatedUnion("style", [
  /** One "- …;" line per answer (per item for lists, per line for long text). */
  z.strictObject({ style: z.literal("bullets") }),
  /** One paragraph per answer (per item, per line). */
  z.strictObject({ style: z.literal("paragraphs") }),
  /** "1.", "2." … numbered across all units, so the list has no gaps or repeats. */
  z.strictObject({ style: z.literal("numbered") }),
  /** The units' numbers summed into one sentence, with its own wording for zero. */
  z.strictObject({
    style: z.literal("sum"),
    zero: text,
    other: text,
    as: z.enum(["paragraph", "bullet"]).default("paragraph"),
  }),
]);

export type MergeRule = z.infer<typeof mergeRuleSchema>;

export type MergeStyle = MergeRule["style"];

const questionSchema = z.strictObject({
  key: questionKey,
  type: z.enum(QUESTION_TYPES),
  prompt: localizedText,
  help: localizedText,
  example: localizedText.optional(),
  required: z.boolean(),
  unitKinds: z.array(z.enum(UNIT_KINDS)).min(1, "must name at least one unit kind"),
  offerKeepLast: z.boolean().default(false),
  limits: limitsSchema.optional(),
  options: z.array(optionSchema).optional(),
  /** Report wording of one answer, e.g. "{unit} tổ chức Hội nghị ngày {value}"; default "{value}". */
  format: text.optional(),
  /** yes_no only: the report sentence for each answer (placeholders {unit}, {org}). */
  yesText: text.optional(),
  noText: text.optional(),
  /** Overrides the section's merge rule for this question (a sum needs its own wording). */
  merge: mergeRuleSchema.optional(),
});

export type Question = z.infer<typeof questionSchema>;

const sectionContentSchema = z.discriminatedUnion("type", [
  /** Fixed text, the same in every report; paragraphs separated by line breaks. */
  z.strictObject({ type: z.literal("text"), text }),
  /** The organisation's profile text ("Khái quát đặc điểm tình hình"). */
  z.strictObject({ type: z.literal("profile") }),
  /** Questions the units answer; merged by `merge` unless a question has its own. */
  z.strictObject({
    type: z.literal("questions"),
    merge: mergeRuleSchema.default({ style: "paragraphs" }),
    questions: z.array(questionSchema).min(1, "must have at least one question"),
  }),
]);

export type SectionContent = z.infer<typeof sectionContentSchema>;

export type TemplateSection = {
  key: string;
  heading: LocalizedText;
  /** Unset: decimal at the top and under roman, alpha below decimal/outline/alpha. */
  numbering?: NumberingStyle;
  /** Leave the section out (and renumber the rest) when it has nothing to show. */
  omitWhenEmpty: boolean;
  content?: SectionContent;
  children: TemplateSection[];
};

type TemplateSectionInput = Omit<TemplateSection, "omitWhenEmpty" | "children" | "content"> & {
  omitWhenEmpty?: boolean;
  content?: z.input<typeof sectionContentSchema>;
  children?: TemplateSectionInput[];
};

const sectionSchema: z.ZodType<TemplateSection, TemplateSectionInput> = z.lazy(() =>
  z.strictObject({
    key: questionKey,
    heading: localizedText,
    numbering: z.enum(NUMBERING_STYLES).optional(),
    omitWhenEmpty: z.boolean().default(false),
    content: sectionContentSchema.optional(),
    children: z.array(sectionSchema).default([]),
  }),
);

const baseTemplateSchema = z.strictObject({
  key: templateKey,
  version: z.number().int().min(1),
  name: localizedText,
  /** Document type line above the subject. */
  title: text.default("BÁO CÁO"),
  /** Trích yếu, e.g. "Kết quả thực hiện … {periodShort}, nhiệm vụ trọng tâm {nextPeriod}". */
  subject: text,
  /** Default "Kính gửi" recipients, used when the round names none. */
  recipients: z.array(text).default([]),
  /** Opening paragraph citing the request document ({requestDocument}). */
  preamble: text,
  /** Used instead of the preamble when the round has no request document. */
  preambleWithoutRequest: text.optional(),
  /** Last sentence; ends with "./." as Nghị định 30/2020 requires. */
  closing: text.refine((value) => value.endsWith("./."), { message: 'must end with "./."' }),
  /** Default "Nơi nhận" lines, used when the organisation has none. */
  distribution: z.array(text).default([]),
  sections: z.array(sectionSchema).min(1, "must have at least one section"),
});

export const templateSchema = baseTemplateSchema.superRefine(checkTemplateRules);

export type Template = z.infer<typeof baseTemplateSchema>;

/** Every question of the template, in document order. */
export function templateQuestions(template: Pick<Template, "sections">): Question[] {
  const out: Question[] = [];
  const visit = (sections: readonly TemplateSection[]) => {
    for (const section of sections) {
      if (section.content?.type === "questions") out.push(...section.content.questions);
      visit(section.children);
    }
  };
  visit(template.sections);
  return out;
}

/** The questions a unit of this kind is asked, in document order. */
export function questionsForUnitKind(template: Pick<Template, "sections">, kind: string): Question[] {
  return templateQuestions(template).filter((q) => (q.unitKinds as readonly string[]).includes(kind));
}
