import { displayAnswer } from "../conversation/display-answer.ts";
import { isAnswered } from "../conversation/engine.ts";
import { loadSnapshot } from "../conversation/submission-store.ts";
import type { SubmissionSnapshot } from "../conversation/submission-snapshot.ts";
import { checkListItems, limitsOf, parseAnswer, splitListItems, type ParseResult } from "../domain/answer-parsing.ts";
import { parseAnswerValue, type AnswerValue, type DocumentRef } from "../domain/answer-value.ts";
import { dayMonthYear } from "../domain/calendar/day-month-year.ts";
import { localTimeOf } from "../domain/calendar/zoned-time.ts";
import { canAnswerForUnit, reportingUnitIds } from "../domain/permissions.ts";
import { canSubmit, editability, isEditingSubmitted, missingRequired } from "../domain/submission-rules.ts";
import { templateSections, type Question } from "../domain/template/template-schema.ts";
import { unitReportPreview, type PreviewSection } from "../report/unit-preview.ts";
import { saveAnswer } from "../submissions/save-answer.ts";
import { submitSubmission } from "../submissions/submit-submission.ts";
import { templateById } from "../submissions/round-template.ts";
import type { OpenedLink } from "../web-links/web-links.ts";
import { personOf, type UseCaseContext } from "./context.ts";
import { afterAnswerChanged, afterSubmitted } from "./report.ts";

// The reporter's web form: the same submission, rules, parsing and messages as the chat, a page at a time.

/** What a field of the form holds, as the page sends it and shows it back. */
export type FieldInput = { text?: string; items?: string[]; choice?: string; choices?: string[] };

export type FormQuestion = {
  key: string;
  number: number;
  type: Question["type"];
  prompt: string;
  help: string;
  example: string | null;
  hint: string;
  required: boolean;
  maxLength: number;
  maxItems: number;
  options: { key: string; label: string }[];
  input: FieldInput;
  /** The stored revision the page shows (0: none); a save names it, so a change made elsewhere is caught. */
  revision: number;
  /** "Nguyễn Thị Lan, 10:42 ngày 14/10/2024" of the stored answer, or null. */
  savedBy: string | null;
  skipped: boolean;
  /** The office returned this answer asking for more. */
  returned: boolean;
  editable: boolean;
  /** Last period's answer, offered to copy. */
  lastPeriod: FieldInput | null;
};

export type FormSection = { heading: string; questions: FormQuestion[] };

export type FormView = {
  submissionId: number;
  unitName: string;
  roundLabel: string;
  deadline: string;
  status: string;
  editable: boolean;
  /** Why nothing can be changed, when so. */
  locked: string | null;
  returnComment: string | null;
  sections: FormSection[];
  answered: number;
  total: number;
};

export type Refusal = { refused: "not-your-unit" | "not-found"; message: string };

/** The submissions a link's person answers for in its round, in unit order. */
export async function formChoices(ctx: UseCaseContext, link: OpenedLink): Promise<{ submissionId: number; unitName: string; status: string }[]> {
  const rows = await submissionsOfRound(ctx, link, reportingUnitIds(ctx.caller.actor));
  return rows.map((row) => ({ ...row, status: ctx.t(`status-${row.status.toLowerCase().replace("_", "-")}`) }));
}

async function submissionsOfRound(ctx: UseCaseContext, link: OpenedLink, units: number[]) {
  if (units.length === 0) return [];
  const rows = await ctx.deps.prisma.$queryRaw<{ submissionId: number; unitName: string; status: string }[]>`
    SELECT s."id" AS "submissionId", u."name" AS "unitName", s."status"::text AS "status"
    FROM "Submission" s JOIN "Unit" u ON u."id" = s."unitId"
    WHERE s."roundId" = ${link.roundId} AND s."unitId" = ANY(${units}::int[])
    ORDER BY u."order", u."id"`;
  return rows;
}

/** The submission behind a page, when the link's person may answer for its unit in the link's round. */
async function snapshotFor(ctx: UseCaseContext, link: OpenedLink, submissionId: number): Promise<SubmissionSnapshot | Refusal> {
  const s = await loadSnapshot(ctx.deps.prisma, submissionId, ctx.caller.locale);
  if (!s || s.roundId !== link.roundId) return { refused: "not-found", message: ctx.t("web-not-found") };
  if (!canAnswerForUnit(ctx.caller.actor, s.unitId)) return { refused: "not-your-unit", message: ctx.t("web-not-your-unit") };
  return s;
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === "object" && value !== null && "refused" in value;
}

/** A stored value as the form's field shows it (numbers and dates written as the chat accepts them). */
export function fieldOf(question: Question, value: AnswerValue, ctx: UseCaseContext): FieldInput {
  switch (question.type) {
    case "list":
      return { items: value as string[] };
    case "yes_no":
      return { choice: value ? "yes" : "no" };
    case "single_choice":
      return { choice: value as string };
    case "multiple_choice":
      return { choices: value as string[] };
    case "date":
      return { text: dayMonthYear(value as string) };
    case "document_ref":
      return { text: (value as DocumentRef).text };
    case "number":
      return { text: displayAnswer(question, value, ctx.caller.locale, ctx.t) };
    default:
      return { text: String(value) };
  }
}

function hintOf(question: Question, ctx: UseCaseContext): string {
  const limits = limitsOf(question);
  return ctx.t(`web-hint-${question.type.replace("_", "-")}`, { max: limits.maxLength, maxItems: limits.maxItems });
}

async function savedByLine(ctx: UseCaseContext, authorName: string | null, at: Date): Promise<string> {
  return ctx.t("web-saved-by", { name: authorName ?? "—", time: await ctx.formatTime(at) });
}

/** The whole form of one unit: every question of its kind, grouped by the template's sections. */
export async function formView(ctx: UseCaseContext, link: OpenedLink, submissionId: number): Promise<FormView | Refusal> {
  const s = await snapshotFor(ctx, link, submissionId);
  if (isRefusal(s)) return s;
  const { t, caller } = ctx;
  const locale = caller.locale;
  const e = editability(s, s.roundStatus);
  const template = await templateById(ctx.deps.prisma, (await ctx.deps.prisma.round.findUniqueOrThrow({ where: { id: s.roundId }, select: { templateId: true } })).templateId);
  const sections: FormSection[] = [];
  for (const section of templateSections(template)) {
    if (section.content?.type !== "questions") continue;
    const questions: FormQuestion[] = [];
    for (const question of section.content.questions) {
      const index = s.questions.findIndex((q) => q.key === question.key);
      if (index < 0) continue;
      const stored = s.answers[question.key];
      const limits = limitsOf(question);
      const last = question.offerKeepLast ? s.lastValues[question.key] : undefined;
      questions.push({
        key: question.key,
        number: index + 1,
        type: question.type,
        prompt: question.prompt[locale],
        help: question.help[locale],
        example: question.example?.[locale] ?? null,
        hint: hintOf(question, ctx),
        required: question.required,
        maxLength: limits.maxLength,
        maxItems: limits.maxItems,
        options: question.type === "yes_no" ? [{ key: "yes", label: t("value-yes") }, { key: "no", label: t("value-no") }] : (question.options ?? []).map((o) => ({ key: o.key, label: o.label[locale] })),
        input: stored && !stored.skipped && stored.value !== null ? fieldOf(question, stored.value, ctx) : {},
        revision: stored?.revision ?? 0,
        savedBy: stored ? await savedByLine(ctx, stored.authorName, stored.updatedAt) : null,
        skipped: stored?.skipped ?? false,
        returned: s.status === "RETURNED" && s.returnedQuestionKeys.includes(question.key),
        editable: e.editable && (!e.returnedOnly || e.keys.includes(question.key)),
        lastPeriod: last !== undefined ? fieldOf(question, last, ctx) : null,
      });
    }
    if (questions.length > 0) sections.push({ heading: section.heading[locale], questions });
  }
  return {
    submissionId: s.id,
    unitName: s.unitName,
    roundLabel: s.roundLabel,
    deadline: await ctx.formatTime(s.deadline),
    status: isEditingSubmitted(s) ? t("status-editing") : t(`status-${s.status.toLowerCase().replace("_", "-")}`),
    editable: e.editable,
    locked: e.editable ? null : t(`conversation-locked-${e.reason}`),
    returnComment: s.status === "RETURNED" ? s.returnComment : null,
    sections,
    answered: s.questions.filter((q) => isAnswered(s, q.key)).length,
    total: s.questions.length,
  };
}

/** What the page sent for one question, read by the chat's own parsing: the same limits and messages. */
export function parseField(question: Question, input: FieldInput): ParseResult<AnswerValue> | { ok: "empty" } {
  const limits = limitsOf(question);
  switch (question.type) {
    case "list": {
      // A line pasted into one item field becomes items of its own, as in a chat message.
      const items = (input.items ?? []).flatMap((item) => splitListItems(item));
      return items.length === 0 ? { ok: "empty" } : checkListItems(items, limits);
    }
    case "yes_no":
      if (input.choice === undefined || input.choice === "") return { ok: "empty" };
      if (input.choice !== "yes" && input.choice !== "no") return { ok: false, problem: { code: "not-yes-no" } };
      return { ok: true, value: input.choice === "yes" };
    case "single_choice": {
      if (input.choice === undefined || input.choice === "") return { ok: "empty" };
      const known = (question.options ?? []).some((o) => o.key === input.choice);
      return known ? { ok: true, value: input.choice } : { ok: false, problem: { code: "unknown-option", vars: { text: input.choice.slice(0, 40) } } };
    }
    case "multiple_choice": {
      const keys = [...new Set(input.choices ?? [])];
      if (keys.length === 0) return { ok: "empty" };
      const unknown = keys.find((key) => !(question.options ?? []).some((o) => o.key === key));
      if (unknown !== undefined) return { ok: false, problem: { code: "unknown-option", vars: { text: unknown.slice(0, 40) } } };
      if (keys.length > limits.maxItems) return { ok: false, problem: { code: "too-many-options", vars: { max: limits.maxItems } } };
      return { ok: true, value: (question.options ?? []).map((o) => o.key).filter((key) => keys.includes(key)) };
    }
    default: {
      const text = input.text ?? "";
      if (text.trim() === "") return { ok: "empty" };
      return parseAnswer(question, text);
    }
  }
}

export type SaveOutcome =
  | { status: "saved"; revision: number; savedAt: string; savedBy: string; understood: string | null; progress: string }
  | { status: "invalid"; message: string }
  /** Changed elsewhere (the chat, another person) since the page showed it: nothing was stored. */
  | { status: "conflict"; revision: number; message: string; theirs: string; savedBy: string; input: FieldInput }
  | { status: "refused"; message: string };

/**
 * One field saved as the person types (debounced by the page): parsed as in the chat, stored with its
 * revision in the history, unless the answer changed since the page showed revision `seen`.
 */
export async function saveField(ctx: UseCaseContext, link: OpenedLink, submissionId: number, questionKey: string, seen: number, input: FieldInput): Promise<SaveOutcome> {
  const s = await snapshotFor(ctx, link, submissionId);
  if (isRefusal(s)) return { status: "refused", message: s.message };
  const question = s.questions.find((q) => q.key === questionKey);
  if (!question) return { status: "refused", message: ctx.t("web-not-found") };
  const parsed = parseField(question, input);
  if (parsed.ok === false) return { status: "invalid", message: ctx.t(`answer-error-${parsed.problem.code}`, parsed.problem.vars) };
  // Left empty: an optional question counts as skipped; a required one keeps its answer and says why.
  if (parsed.ok === "empty" && question.required) return { status: "invalid", message: ctx.t("web-required-empty") };
  const value = parsed.ok === true ? parsed.value : null;
  const person = personOf(ctx);
  const now = ctx.now();
  const result = await saveAnswer(ctx.deps.prisma, {
    submissionId: s.id,
    questionKey,
    value,
    skipped: value === null,
    authorId: person.id,
    source: "web",
    seenRevision: seen,
    expectedRevision: seen,
    now,
  });
  if (!result.ok) {
    if (result.reason === "conflict") {
      const current = result.current;
      const stored = current.skipped ? null : parseAnswerValue(question, current.value);
      const theirs = stored && stored.ok ? displayAnswer(question, stored.value, ctx.caller.locale, ctx.t) : ctx.t("preview-skipped");
      const author = current.authorId === null ? null : (await ctx.deps.prisma.person.findUnique({ where: { id: current.authorId }, select: { name: true } }))?.name ?? null;
      return {
        status: "conflict",
        revision: current.revision,
        message: ctx.t("web-conflict"),
        theirs,
        savedBy: await savedByLine(ctx, author, current.updatedAt),
        input: stored && stored.ok ? fieldOf(question, stored.value, ctx) : {},
      };
    }
    return { status: "refused", message: ctx.t(`conversation-save-refused-${result.reason}`) };
  }
  if (s.roundHasOverrides) await afterAnswerChanged(ctx, { roundId: s.roundId, unitName: s.unitName, questionKeys: [questionKey] });
  const understood = value !== null && (question.type === "number" || question.type === "date") ? ctx.t("web-understood", { value: displayAnswer(question, value, ctx.caller.locale, ctx.t) }) : null;
  // The snapshot read before the save, with this answer in it: no second read for the progress line.
  const after: SubmissionSnapshot = {
    ...s,
    answers: { ...s.answers, [questionKey]: { value, skipped: value === null, revision: result.revision, submittedRevision: null, authorId: person.id, authorName: person.name, updatedAt: now } },
  };
  const answered = after.questions.filter((q) => isAnswered(after, q.key)).length;
  return {
    status: "saved",
    revision: result.revision,
    savedAt: ctx.t("web-saved-at", { time: localTimeOf(now, await ctx.timeZone()) }),
    savedBy: await savedByLine(ctx, person.name, now),
    understood,
    progress: ctx.t("web-progress", { answered, total: s.questions.length }),
  };
}


export type PreviewView = {
  submissionId: number;
  unitName: string;
  roundLabel: string;
  status: string;
  version: number;
  sections: PreviewSection[];
  /** Numbers of required questions still unanswered. */
  missing: number[];
  canSubmit: boolean;
  resubmit: boolean;
  /** Why it cannot be submitted, when it cannot. */
  note: string;
};

/** The unit's part of the report in the report's own wording, and whether it can be submitted. */
export async function previewView(ctx: UseCaseContext, link: OpenedLink, submissionId: number): Promise<PreviewView | Refusal> {
  const s = await snapshotFor(ctx, link, submissionId);
  if (isRefusal(s)) return s;
  const { t } = ctx;
  const missingKeys = missingRequired(s.questions, s.answers);
  const missing = missingKeys.map((key) => s.questions.findIndex((q) => q.key === key) + 1);
  const e = editability(s, s.roundStatus);
  const submittable = e.editable && missing.length === 0 && canSubmit(s);
  const note = !e.editable
    ? t(`conversation-locked-${e.reason}`)
    : missing.length > 0
      ? t("preview-missing-list", { count: missing.length, numbers: missing.join(", ") })
      : !canSubmit(s)
        ? t("preview-submitted", { time: s.submittedAt ? await ctx.formatTime(s.submittedAt) : "—" })
        : t(isEditingSubmitted(s) ? "web-ready-again" : "web-ready");
  return {
    submissionId: s.id,
    unitName: s.unitName,
    roundLabel: s.roundLabel,
    status: isEditingSubmitted(s) ? t("status-editing") : t(`status-${s.status.toLowerCase().replace("_", "-")}`),
    version: s.version,
    sections: await unitReportPreview(ctx.deps.prisma, s.roundId, s.unitId),
    missing,
    canSubmit: submittable,
    resubmit: isEditingSubmitted(s) || s.status === "RETURNED",
    note,
  };
}

export type SubmitOutcome = { ok: true; message: string } | { ok: false; message: string };

/** Submits what the preview showed (version `version`); a change made since sends the person back to it. */
export async function submitForm(ctx: UseCaseContext, link: OpenedLink, submissionId: number, version: number): Promise<SubmitOutcome | Refusal> {
  const s = await snapshotFor(ctx, link, submissionId);
  if (isRefusal(s)) return s;
  const person = personOf(ctx);
  const now = ctx.now();
  const result = await submitSubmission(ctx.deps.prisma, { submissionId: s.id, personId: person.id, expectedVersion: version, now });
  if (!result.ok) {
    if (result.reason === "version-changed") return { ok: false, message: ctx.t("web-changed-since-preview") };
    if (result.reason === "incomplete") return { ok: false, message: ctx.t("preview-missing-list", { count: result.missing.length, numbers: result.missing.map((k) => s.questions.findIndex((q) => q.key === k) + 1).join(", ") }) };
    if (result.reason === "check-failed") {
      return { ok: false, message: ctx.t("conversation-submit-refused-check-failed", { problems: result.problems.map((p) => `• ${p.message[ctx.caller.locale]}`).join("\n") }) };
    }
    return { ok: false, message: ctx.t(`conversation-submit-refused-${result.reason}`) };
  }
  await afterSubmitted(ctx, { submissionId: s.id, roundId: s.roundId, unitId: s.unitId, personId: person.id, resubmitted: result.resubmitted, at: now });
  const key = result.wasReturned ? "web-resubmitted" : result.resubmitted ? "web-resubmitted" : "web-submitted";
  return { ok: true, message: ctx.t(key, { unit: s.unitName, time: await ctx.formatTime(now) }) };
}
