import { z } from "zod";
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

/** How a heading is set: Nghị định 30 leaves it to the agency, the reference sets 2 a) plain and 4.1 a) bold. */
export const HEADING_STYLES = ["bold", "bold-italic", "italic", "plain"] as const;

export type HeadingStyle = (typeof HEADING_STYLES)[number];

// Template text reaches Telegram and the .docx: Telegram refuses a message holding half a surrogate pair,
// and control characters are invisible at best.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const text = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .refine((value) => !UNPRINTABLE.test(value), "must not contain control characters or broken Unicode (half of a surrogate pair)");

export type LocalizedText = { vi: string; en: string };

/**
 * A text in Vietnamese and, optionally, English: `{ vi: …, en: … }`, `{ vi: … }` or just the Vietnamese text.
 * English falls back to Vietnamese.
 */
const localizedText = z.preprocess(
  (value) => (typeof value === "string" ? { vi: value } : value),
  z
    .strictObject({ vi: text, en: text.optional() }, { error: (issue) => (issue.input === undefined ? undefined : "must be a text, or { vi: …, en: … }") })
    .transform((value): LocalizedText => ({ vi: value.vi, en: value.en ?? value.vi })),
);

const questionKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, "must be lower-case letters, digits and _, starting with a letter");

/** Unit kinds are the organisation's own (or the default six); a template names them by key. */
const unitKindKey = z.string().regex(/^[a-z][a-z0-9_]*$/, "must be a unit kind key: lower-case letters, digits and _, e.g. department");

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

const optionSchema = z.strictObject({
  key: questionKey,
  label: localizedText,
  /** List questions: where the item goes in the report whatever the unit order ("last": the year-end review). */
  order: z.enum(["first", "last"]).optional(),
});

export type ChoiceOption = z.infer<typeof optionSchema>;

const as = z.enum(["paragraph", "bullet"]).default("paragraph");
/** "previous": the text continues the block before it (one bullet holding two statements). */
const join = z.enum(["previous"]).optional();

/** How the answers of all units become the section's text. */
const mergeRuleSchema = z.discriminatedUnion("style", [
  /** One "- …;" line per item (per line of a long text); the same item from two units once. */
  z.strictObject({
    style: z.literal("bullets"),
    combine: z.boolean().default(false),
    order: z.enum(["units", "options"]).default("units"),
    join,
  }),
  /** One paragraph per item or line; `combine` makes one paragraph of all units' sentences. */
  z.strictObject({
    style: z.literal("paragraphs"),
    combine: z.boolean().default(false),
    order: z.enum(["units", "options"]).default("units"),
    join,
  }),
  /** "1.", "2." … numbered across all units, so the list has no gaps or repeats. */
  z.strictObject({
    style: z.literal("numbered"),
    combine: z.boolean().default(false),
    order: z.enum(["units", "options"]).default("units"),
    join,
  }),
  /** The units' numbers summed into one sentence, with its own wording for zero. */
  z.strictObject({ style: z.literal("sum"), zero: text, other: text, as, join }),
  /** Units counted: "5/6 đơn vị …" ({count}, {total}); yes/no counts yes, other types count answers. */
  z.strictObject({ style: z.literal("count"), all: text, some: text, none: text.optional(), as, join }),
  /** Every unit's choices merged into one statement, once each, in the template's option order ({choices}). */
  z.strictObject({ style: z.literal("choices"), text, as, join }),
  /** A sentence of figures, with wordings for cases such as a zero total. */
  z.strictObject({
    style: z.literal("statement"),
    text,
    cases: z.array(z.strictObject({ when: z.string().trim().min(1, "must not be empty"), text })).default([]),
    as,
    join,
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
  unitKinds: z.array(unitKindKey).min(1, "must name at least one unit kind"),
  offerKeepLast: z.boolean().default(false),
  /** false: for the office only (shown in /status and the export), never printed in the report. */
  report: z.boolean().default(true),
  limits: limitsSchema.optional(),
  /** Choices of single_choice and multiple_choice; suggested items of a list (the same item merges). */
  options: z.array(optionSchema).optional(),
  /** Report wording of one answer, e.g. "{orgShort} đã tổ chức Hội nghị ngày {value}"; default "{value}". */
  format: text.optional(),
  /** yes_no only: the report sentence for each answer (placeholders {unit}, {org}). */
  yesText: text.optional(),
  noText: text.optional(),
  /** Overrides the section's merge rule for this question. */
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
    merge: mergeRuleSchema.default({ style: "paragraphs", combine: false, order: "units" }),
    questions: z.array(questionSchema).min(1, "must have at least one question"),
  }),
]);

export type SectionContent = z.infer<typeof sectionContentSchema>;

export type TemplateSection = {
  key: string;
  heading: LocalizedText;
  /** Unset: decimal at the top and under roman, alpha below decimal/outline/alpha. */
  numbering?: NumberingStyle;
  /** Unset: the template's style for the numbering, else bold (alpha: bold italic). */
  headingStyle?: HeadingStyle;
  /** Leave the section out (and renumber the rest) when it has nothing to show. */
  omitWhenEmpty: boolean;
  content?: SectionContent;
  children: TemplateSection[];
};

type TemplateSectionInput = Omit<TemplateSection, "omitWhenEmpty" | "children" | "content" | "heading"> & {
  heading: unknown;
  omitWhenEmpty?: boolean;
  content?: z.input<typeof sectionContentSchema>;
  children?: TemplateSectionInput[];
};

const sectionSchema: z.ZodType<TemplateSection, TemplateSectionInput> = z.lazy(() =>
  z.strictObject({
    key: questionKey,
    heading: localizedText,
    numbering: z.enum(NUMBERING_STYLES).optional(),
    headingStyle: z.enum(HEADING_STYLES).optional(),
    omitWhenEmpty: z.boolean().default(false),
    content: sectionContentSchema.optional(),
    children: z.array(sectionSchema).default([]),
  }),
);

const figureName = z.string().regex(/^[a-z][a-z0-9_]*$/, "must be lower-case letters, digits and _, starting with a letter");

const checkSchema = z.strictObject({
  /** A condition over one unit's answers, e.g. "dung_han <= tiep_nhan"; checked when the unit submits. */
  rule: z.string().trim().min(1, "must not be empty"),
  /** What the unit is told when the condition does not hold. */
  message: localizedText,
});

export type TemplateCheck = z.infer<typeof checkSchema>;

const layoutSchema = z.strictObject({
  /** The "PHỤ LỤC – TÌNH HÌNH NỘP BÁO CÁO" page (the office's compile may still ask for it). */
  statusAppendix: z.boolean().default(false),
  /** Heading style by numbering: e.g. { alpha: plain }. A section's own headingStyle wins. */
  headingStyles: z.partialRecord(z.enum(NUMBERING_STYLES), z.enum(HEADING_STYLES)).default({}),
});

export type TemplateLayout = z.infer<typeof layoutSchema>;

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
  /** Named values computed from all units' answers, usable as {name} in report texts. */
  figures: z.record(figureName, z.string().trim().min(1, "must not be empty")).default({}),
  /** Conditions on each unit's answers, checked when it submits. */
  checks: z.array(checkSchema).default([]),
  layout: layoutSchema.default({ statusAppendix: false, headingStyles: {} }),
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
  return templateQuestions(template).filter((q) => q.unitKinds.includes(kind));
}

/** Every section, depth first, in document order. */
export function templateSections(template: Pick<Template, "sections">): TemplateSection[] {
  const out: TemplateSection[] = [];
  const visit = (sections: readonly TemplateSection[]) => {
    for (const section of sections) {
      out.push(section);
      visit(section.children);
    }
  };
  visit(template.sections);
  return out;
}
