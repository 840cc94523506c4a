import { optionLabel } from "../domain/answer-format/option-label.ts";
import { limitsOf } from "../domain/answer-parsing.ts";
import type { AnswerValue, DocumentRef } from "../domain/answer-value.ts";
import { canSubmit, isEditingSubmitted, missingRequired } from "../domain/submission-rules.ts";
import type { Question } from "../domain/template/template-schema.ts";
import type { Locale } from "../i18n.ts";
import type { Flow, QuestionFlow } from "./conversation-state.ts";
import { displayAnswer, shorten } from "./display-answer.ts";
import { addableRecent, askedQuestions, effectiveMode, isAnswered, type AnswerWrite, type Notice, type Step } from "./engine.ts";
import { formatDateTime } from "./format-time.ts";
import type { Button, OutMessage, Translate } from "./out-message.ts";
import { splitMessage } from "./split-message.ts";
import type { SubmissionSnapshot } from "./submission-snapshot.ts";

export type RenderContext = {
  t: Translate;
  locale: Locale;
  timezone: string;
  /** The channel's message length limit (Telegram 4096, Zalo 2000). */
  messageLimit: number;
  /** The time of the step, for buttons offered only a while (add to the last answer). */
  now?: Date;
};

/** Quoted answers above a question are shortened; the preview shows them whole. */
const QUOTE_LENGTH = 700;

/** A short answer echoed in the line that confirms it is at most this long. */
const ECHO_LENGTH = 60;

export function noticeText(notice: Notice, ctx: RenderContext): string {
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(notice.vars ?? {})) {
    vars[name] = value instanceof Date ? formatDateTime(value, ctx.timezone, ctx.locale) : value;
  }
  return ctx.t(notice.key, vars);
}

function withNotices(notices: readonly Notice[], ctx: RenderContext, body: string): string {
  return [...notices.map((n) => noticeText(n, ctx)), body].filter((part) => part !== "").join("\n\n");
}

/** Splits a long text; the buttons go under the last piece. */
function messages(text: string, ctx: RenderContext, buttons?: Button[][], replace?: boolean): OutMessage[] {
  const pieces = splitMessage(text, ctx.messageLimit);
  return pieces.map((piece, i) => ({
    text: piece,
    ...(i === pieces.length - 1 && buttons && buttons.length > 0 ? { buttons } : {}),
    ...(replace && pieces.length === 1 ? { replace } : {}),
  }));
}

function author(s: SubmissionSnapshot, key: string, ctx: RenderContext): Record<string, string> {
  const answer = s.answers[key]!;
  return { author: answer.authorName ?? "—", time: formatDateTime(answer.updatedAt, ctx.timezone, ctx.locale) };
}

function hint(question: Question, ctx: RenderContext): string {
  const limits = limitsOf(question);
  return ctx.t(`question-hint-${question.type.replace("_", "-")}`, { max: limits.maxLength, maxItems: limits.maxItems });
}

/** "Add to question 4": offered under the next screens for a while after a long text or list answer. */
function addMoreButton(s: SubmissionSnapshot, flow: Flow, ctx: RenderContext): Button[] {
  const recent = addableRecent(s, flow, ctx.now);
  if (!recent) return [];
  const q = s.questions.findIndex((question) => question.key === recent.key);
  return [{ label: ctx.t("button-add-more", { number: q + 1 }), action: { op: "more", sid: s.id, q } }];
}

function questionButtons(s: SubmissionSnapshot, flow: QuestionFlow, question: Question, ctx: RenderContext): Button[][] {
  const { t, locale } = ctx;
  const q = s.questions.indexOf(question);
  const sid = s.id;
  const rows: Button[][] = [];
  switch (question.type) {
    case "yes_no":
      rows.push([
        { label: t("button-yes"), action: { op: "choose", sid, q, option: 1 }, typed: t("button-yes").toLocaleLowerCase(locale) },
        { label: t("button-no"), action: { op: "choose", sid, q, option: 0 }, typed: t("button-no").toLocaleLowerCase(locale) },
      ]);
      break;
    case "single_choice":
      (question.options ?? []).forEach((option, i) => rows.push([{ label: `${i + 1}. ${option.label[locale]}`, action: { op: "choose", sid, q, option: i }, typed: String(i + 1) }]));
      break;
    case "multiple_choice":
      (question.options ?? []).forEach((option, i) =>
        rows.push([{ label: `${flow.selection.includes(option.key) ? "☑️" : "⬜"} ${option.label[locale]}`, action: { op: "toggle", sid, q, option: i }, typed: String(i + 1) }]),
      );
      rows.push([{ label: t("button-done-selected", { count: flow.selection.length }), action: { op: "done", sid, q } }]);
      break;
    case "long_text":
    case "list": {
      if (flow.draft && flow.draft.length > 0) {
        rows.push([
          { label: t("button-done"), action: { op: "done", sid, q } },
          { label: t("button-clear"), action: { op: "clear", sid, q } },
        ]);
        break;
      }
      // What the next message does to the answer there; the button offers the other way.
      const mode = effectiveMode(s, flow, question);
      const kind = question.type === "list" ? "list" : "text";
      const modes: Button[] = [];
      if (mode === "ask" || mode === "replace") modes.push({ label: t(`button-mode-add-${kind}`), action: { op: "add", sid, q } });
      if (mode === "ask" || mode === "add") modes.push({ label: t(`button-mode-replace-${kind}`), action: { op: "replace", sid, q } });
      if (modes.length > 0) rows.push(modes);
      break;
    }
  }
  const more = addMoreButton(s, flow, ctx);
  if (more.length > 0) rows.push(more);
  if (question.offerKeepLast && s.lastValues[question.key] !== undefined) rows.push([{ label: t("button-keep-last"), action: { op: "keep-last", sid, q } }]);
  if (s.answers[question.key]) rows.push([{ label: t("button-keep-current"), action: { op: "keep-current", sid, q } }]);
  if (!question.required) rows.push([{ label: t("button-skip"), action: { op: "skip", sid, q } }]);
  const nav: Button[] = [];
  if (askedQuestions(s).indexOf(question) > 0) nav.push({ label: t("button-back"), action: { op: "back", sid, q } });
  nav.push({ label: t("button-preview"), action: { op: "preview", sid, q } });
  rows.push(nav);
  return rows;
}

/** For a long text or list that has content: what the next message will do to it. */
function modeLine(s: SubmissionSnapshot, flow: QuestionFlow, question: Question, ctx: RenderContext): string | null {
  const mode = effectiveMode(s, flow, question);
  if (mode === null || (flow.draft && flow.draft.length > 0)) return null;
  const answer = s.answers[question.key]!;
  if (question.type === "list") return ctx.t(`question-mode-list-${mode}`, { count: (answer.value as string[]).length });
  return ctx.t(`question-mode-text-${mode}`);
}

export function renderQuestion(s: SubmissionSnapshot, flow: QuestionFlow, notices: readonly Notice[], ctx: RenderContext, replace = false): OutMessage[] {
  const { t, locale } = ctx;
  const question = s.questions.find((q) => q.key === flow.key);
  if (!question) return [];
  const number = s.questions.indexOf(question) + 1;
  const lines: string[] = [t("question-header", { number, total: s.questions.length, unit: s.unitName }), question.prompt[locale]];
  const about = [t("question-help", { help: question.help[locale] })];
  if (question.example) about.push(t("question-example", { example: question.example[locale] }));
  const extra: string[] = [];
  if (s.returnedQuestionKeys.includes(question.key) && s.status === "RETURNED") extra.push(t("question-returned", { comment: s.returnComment ?? "—" }));
  const current = s.answers[question.key];
  if (current) {
    extra.push(
      current.skipped || current.value === null
        ? t("question-current-skipped", author(s, question.key, ctx))
        : t("question-current", { ...author(s, question.key, ctx), answer: shorten(displayAnswer(question, current.value, locale, t), QUOTE_LENGTH) }),
    );
  }
  const last = s.lastValues[question.key];
  if (question.offerKeepLast && last !== undefined) {
    extra.push(t("question-last-period", { answer: shorten(displayAnswer(question, last, locale, t), QUOTE_LENGTH) }));
  }
  const how = [hint(question, ctx)];
  const mode = modeLine(s, flow, question, ctx);
  if (mode) how.push(mode);
  if (!question.required) how.push(t("question-optional"));
  if (question.type === "multiple_choice") how.push(t("question-selected", { count: flow.selection.length }));
  if (flow.draft && flow.draft.length > 0) how.push(t("question-draft-kept", { count: flow.draft.length }));
  const body = [lines.join("\n"), about.join("\n"), extra.join("\n\n"), how.join("\n")].filter((p) => p !== "").join("\n\n");
  return messages(withNotices(notices, ctx, body), ctx, questionButtons(s, flow, question, ctx), replace);
}

/** Items sent for a list that has items: the two lists side by side, and "add" or "replace". */
export function renderChoice(s: SubmissionSnapshot, flow: QuestionFlow, notices: readonly Notice[], ctx: RenderContext): OutMessage[] {
  const question = s.questions.find((q) => q.key === flow.key);
  const pending = flow.pending ?? [];
  if (!question) return [];
  const q = s.questions.indexOf(question);
  const existing = (s.answers[question.key]?.value as string[] | null) ?? [];
  const bullets = (items: readonly string[]) => items.map((item) => `• ${item}`).join("\n");
  const text = [
    ctx.t("choice-current", { number: q + 1, count: existing.length, current: bullets(existing) }),
    ctx.t("choice-added", { count: pending.length, items: bullets(pending) }),
    ctx.t("choice-ask"),
  ].join("\n\n");
  return messages(withNotices(notices, ctx, text), ctx, [
    [{ label: ctx.t("button-choice-add", { count: existing.length + pending.length }), action: { op: "add", sid: s.id, q } }],
    [{ label: ctx.t("button-choice-replace", { count: pending.length }), action: { op: "replace", sid: s.id, q } }],
    [{ label: ctx.t("button-choice-drop"), action: { op: "clear", sid: s.id, q } }],
  ]);
}

/** A short answer as echoed in the line that confirms it. */
function echo(question: Question, value: AnswerValue, ctx: RenderContext): string {
  switch (question.type) {
    case "multiple_choice":
      return shorten((value as string[]).map((key) => optionLabel(question, key, ctx.locale)).join(", "), ECHO_LENGTH);
    case "document_ref":
      return shorten((value as DocumentRef).text, ECHO_LENGTH);
    default:
      return shorten(displayAnswer(question, value, ctx.locale, ctx.t), ECHO_LENGTH);
  }
}

/** The line that confirms a stored answer, saying what it did. */
export function savedNotice(s: SubmissionSnapshot, write: AnswerWrite, ctx: RenderContext): Notice {
  const index = s.questions.findIndex((q) => q.key === write.questionKey);
  const question = s.questions[index]!;
  const number = index + 1;
  const report = write.report;
  switch (report.kind) {
    case "value":
      return { key: "conversation-saved-value", vars: { number, value: write.value === null ? "—" : echo(question, write.value, ctx) } };
    case "skipped":
      return { key: "conversation-skipped", vars: { number } };
    case "kept":
      return { key: "conversation-saved-kept", vars: { number } };
    case "text":
      return { key: report.replaced ? "conversation-saved-text-replaced" : "conversation-saved", vars: { number } };
    case "list":
      return { key: report.replaced ? "conversation-saved-list-replaced" : "conversation-saved-list", vars: { number, count: report.count } };
    case "text-added":
      return { key: "conversation-saved-text-added", vars: { number, length: report.length } };
    case "list-added":
      return { key: "conversation-saved-list-added", vars: { number, added: report.added, count: report.count } };
    case "text-part":
      return { key: "conversation-part-text", vars: { number, length: report.length } };
    case "list-part":
      return { key: "conversation-part-list", vars: { number, added: report.added, count: report.count } };
  }
}

function statusText(s: SubmissionSnapshot, t: Translate): string {
  return isEditingSubmitted(s) ? t("status-editing") : t(`status-${s.status.toLowerCase().replace("_", "-")}`);
}

function previewBody(s: SubmissionSnapshot, ctx: RenderContext): string {
  const { t, locale } = ctx;
  const head = [
    t("preview-title", { unit: s.unitName }),
    t("preview-round", { round: s.roundLabel, deadline: formatDateTime(s.deadline, ctx.timezone, locale) }),
    t("preview-status", { status: statusText(s, t) }),
  ];
  if (s.status === "RETURNED" && s.returnComment) head.push(t("preview-returned-comment", { comment: s.returnComment }));
  // Marked only while the changes are the person's to submit (once accepted, the accepted version is shown).
  const changed = isEditingSubmitted(s) ? s.changedKeys : [];
  const blocks = s.questions.map((question, i) => {
    const answer = s.answers[question.key];
    const shown = !answer
      ? t(question.required ? "preview-missing-required" : "preview-missing")
      : answer.skipped || answer.value === null
        ? t("preview-skipped")
        : displayAnswer(question, answer.value, locale, t);
    const mark = s.status === "RETURNED" && s.returnedQuestionKeys.includes(question.key) ? "🔁 " : changed.includes(question.key) ? "📝 " : "";
    return `${mark}${i + 1}. ${question.prompt[locale]}\n${shown}`;
  });
  return [head.join("\n"), ...blocks].join("\n\n");
}

function numbersOf(s: SubmissionSnapshot, keys: readonly string[]): string {
  return keys.map((key) => s.questions.findIndex((q) => q.key === key) + 1).join(", ");
}

function previewActions(s: SubmissionSnapshot, flow: Flow, ctx: RenderContext, editable: boolean): { text: string; buttons: Button[][] } {
  const { t } = ctx;
  if (!editable) return { text: t("preview-locked"), buttons: [] };
  const missing = missingRequired(s.questions, s.answers);
  const asked = askedQuestions(s);
  const lines: string[] = [];
  const editing = isEditingSubmitted(s);
  if (editing) {
    const changed = s.changedKeys;
    lines.push(
      changed.length > 0
        ? t("preview-editing", { time: formatDateTime(s.submittedAt ?? new Date(0), ctx.timezone, ctx.locale), count: changed.length, numbers: numbersOf(s, changed) })
        : t("preview-editing-unchanged", { time: formatDateTime(s.submittedAt ?? new Date(0), ctx.timezone, ctx.locale) }),
    );
  }
  if (missing.length > 0) {
    lines.push(t("preview-missing-list", { count: missing.length, numbers: numbersOf(s, missing) }));
  } else if (s.status === "SUBMITTED" && !editing) {
    lines.push(t("preview-submitted", { time: s.submittedAt ? formatDateTime(s.submittedAt, ctx.timezone, ctx.locale) : "—" }));
  } else {
    lines.push(t(editing ? "preview-ready-again" : "preview-ready"));
  }
  lines.push(t("preview-edit-hint"));
  const buttons: Button[][] = [];
  if (missing.length === 0 && canSubmit(s)) {
    buttons.push([{ label: t(editing ? "button-resubmit" : "button-submit"), action: { op: "submit", sid: s.id, version: s.version } }]);
  }
  if (asked.some((q) => !isAnswered(s, q.key))) buttons.push([{ label: t("button-continue"), action: { op: "open", sid: s.id } }]);
  const more = addMoreButton(s, flow, ctx);
  if (more.length > 0) buttons.push(more);
  const edits = asked.map((q) => ({ label: `✏️ ${s.questions.indexOf(q) + 1}`, action: { op: "edit" as const, sid: s.id, q: s.questions.indexOf(q) } }));
  for (let i = 0; i < edits.length; i += 5) buttons.push(edits.slice(i, i + 5));
  return { text: lines.join("\n"), buttons };
}

/** All answers before submitting, split to the channel's limit; submit and edit buttons under the last part. */
export function renderPreview(
  s: SubmissionSnapshot,
  notices: readonly Notice[],
  ctx: RenderContext,
  options: { actionsOnly?: boolean; editable: boolean; flow?: Flow },
): OutMessage[] {
  const actions = previewActions(s, options.flow ?? { kind: "preview", sid: s.id }, ctx, options.editable);
  const body = options.actionsOnly ? actions.text : `${previewBody(s, ctx)}\n\n${actions.text}`;
  return messages(withNotices(notices, ctx, body), ctx, actions.buttons);
}

/** What the person sees after a step. */
export function renderStep(s: SubmissionSnapshot | null, step: Step, ctx: RenderContext, editable: boolean): OutMessage[] {
  const flow = step.flow;
  if (s && flow.kind === "question" && flow.sid === s.id) {
    if (step.screen === "question") return renderQuestion(s, flow, step.notices, ctx, step.replace);
    if (step.screen === "choice") return flow.pending ? renderChoice(s, flow, step.notices, ctx) : renderQuestion(s, flow, step.notices, ctx);
  }
  if (s && (step.screen === "preview" || step.screen === "preview-actions")) {
    return renderPreview(s, step.notices, ctx, { actionsOnly: step.screen === "preview-actions", editable, flow });
  }
  const text = withNotices(step.notices, ctx, "");
  return text === "" ? [] : messages(text, ctx);
}
