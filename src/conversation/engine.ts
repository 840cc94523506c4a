import { checkListItems, isDoneWord, limitsOf, parseAnswer, parseLongText, splitListItems, type ParseProblem } from "../domain/answer-parsing.ts";
import type { AnswerValue } from "../domain/answer-value.ts";
import { canSubmit, editability, isEditingSubmitted, missingRequired } from "../domain/submission-rules.ts";
import type { Question } from "../domain/template/template-schema.ts";
import type { ButtonAction } from "./button-action.ts";
import type { AddMode, Flow, QuestionFlow, Recent } from "./conversation-state.ts";
import type { SubmissionSnapshot } from "./submission-snapshot.ts";

/**
 * A message longer than the messenger's limit is sent as parts a second or two apart, each but the last
 * filling about a whole message. So a message sent within this time after a part of a typed long text or
 * list that long (half the channel's message limit or more) is more of that answer, not the next one.
 * Short answers sent quickly one after the other are never joined.
 */
export const SPLIT_PART_MS = 5_000;

/** The channel's limits the conversation's time windows depend on. */
export type Timing = {
  /** The time of the step. */
  now?: Date;
  /** A part shorter than this cannot have been cut off by the messenger (default: half of Telegram's 4,096). */
  partMinLength?: number;
  /** Nor one longer than the messenger's own limit: that one came whole (default: Telegram's 4,096). */
  partMaxLength?: number;
};

/** How long after a long text or list answer the "add to it" button is offered (also until the next answer). */
export const ADD_MORE_MS = 10 * 60_000;

/** A line to show above the screen (or alone): a message key and its variables. */
export type Notice = { key: string; vars?: Record<string, string | number | Date> };

/** What the person did, whatever the channel. */
export type ConversationEvent =
  /** /report, or a prompt's "start" button: continue where the person or the unit stands. */
  | { type: "resume" }
  /** `at`: when the message was sent, as the channel tells (else when it arrived). */
  | { type: "text"; text: string; at?: Date }
  /** A sticker, photo, voice note, file… where the conversation expects text. */
  | { type: "non-text" }
  | { type: "button"; action: ButtonAction };

/** What a stored answer did, for the line that confirms it. */
export type SaveReport =
  /** A short answer: its value is echoed. */
  | { kind: "value" }
  | { kind: "skipped" }
  | { kind: "kept" }
  /** A long text or list stored as sent; `replaced`: there was an answer before. */
  | { kind: "text"; replaced: boolean }
  | { kind: "list"; count: number; replaced: boolean }
  /** Added to the answer there (by choice, or a return asking for more). */
  | { kind: "text-added"; length: number }
  | { kind: "list-added"; added: number; count: number }
  /** The next part of a long message the messenger split, joined to the answer it belongs to. */
  | { kind: "text-part"; length: number }
  | { kind: "list-part"; added: number; count: number };

export type AnswerWrite = {
  kind: "answer";
  questionKey: string;
  value: AnswerValue | null;
  skipped: boolean;
  source: "typed" | "kept";
  seenRevision: number;
  report: SaveReport;
  /** Once stored: stay where the person stands (an earlier answer was extended), else go on from the question. */
  stay?: Flow;
  /** The answer a message arriving right after this one may extend. */
  recent?: Recent;
};

export type SubmitWrite = { kind: "submit"; expectedVersion: number };

/**
 * question: the current question; choice: add the items just sent to the list or replace it; preview: all
 * answers with the submit and edit buttons; preview-actions: only the buttons part; none: the notices alone.
 */
export type Screen = "question" | "choice" | "preview" | "preview-actions" | "none";

/** The engine's decision: where the person goes, what to store first (if anything) and what to show. */
export type Step = {
  flow: Flow;
  screen: Screen;
  notices: Notice[];
  write?: AnswerWrite | SubmitWrite;
  /** A short answer to the pressed button (Telegram shows it as a toast). */
  toast?: Notice;
  /** Redraw the message whose button was pressed instead of sending a new one. */
  replace?: boolean;
};

/** The questions asked in this submission now: all of the unit's, or only those the office returned. */
export function askedQuestions(s: SubmissionSnapshot): Question[] {
  const e = editability(s, s.roundStatus);
  if (e.editable && e.returnedOnly) return s.questions.filter((q) => e.keys.includes(q.key));
  return s.questions;
}

function returnedOnly(s: SubmissionSnapshot): boolean {
  const e = editability(s, s.roundStatus);
  return e.editable && e.returnedOnly;
}

/** A question the office returned asking for more: typed text adds to its answer. */
function isReturnedQuestion(s: SubmissionSnapshot, key: string): boolean {
  return s.status === "RETURNED" && s.returnedQuestionKeys.includes(key);
}

/** Answered, or for a returned question answered again since it was returned. */
export function isAnswered(s: SubmissionSnapshot, key: string): boolean {
  const answer = s.answers[key];
  if (!answer) return false;
  if (returnedOnly(s) && s.returnedAt) return answer.updatedAt > s.returnedAt;
  return true;
}

export function questionIndex(s: SubmissionSnapshot, key: string): number {
  return s.questions.findIndex((q) => q.key === key);
}

/** The stored text of a long text answer, or items of a list answer; null when there is none (or it was skipped). */
function existingContent(s: SubmissionSnapshot, question: Question): string | string[] | null {
  const answer = s.answers[question.key];
  if (!answer || answer.skipped || answer.value === null) return null;
  if (question.type === "list" && Array.isArray(answer.value) && answer.value.length > 0) return answer.value as string[];
  if (question.type === "long_text" && typeof answer.value === "string" && answer.value !== "") return answer.value;
  return null;
}

/** How typed text will change the answer of a long text or list question that has content: add, replace, or ask (lists). */
export function effectiveMode(s: SubmissionSnapshot, flow: QuestionFlow, question: Question): AddMode | "ask" | null {
  if (existingContent(s, question) === null) return null;
  if (flow.mode) return flow.mode;
  return question.type === "list" ? "ask" : "replace";
}

export function questionFlow(s: SubmissionSnapshot, key: string, then: QuestionFlow["then"], recent?: Recent): QuestionFlow {
  const question = s.questions.find((q) => q.key === key);
  const answer = s.answers[key];
  const selection =
    question?.type === "multiple_choice" && answer && !answer.skipped && Array.isArray(answer.value) ? [...(answer.value as string[])] : [];
  const flow: QuestionFlow = { kind: "question", sid: s.id, key, seen: answer?.revision ?? 0, selection, then };
  // The office asked for more: what is typed is added unless the person chooses to replace.
  if (isReturnedQuestion(s, key)) flow.mode = "add";
  if (recent) flow.recent = recent;
  return flow;
}

function previewFlow(s: SubmissionSnapshot, recent?: Recent): Flow {
  return recent ? { kind: "preview", sid: s.id, recent } : { kind: "preview", sid: s.id };
}

function recentOf(flow: Flow): Recent | undefined {
  return flow.kind === "idle" ? undefined : flow.recent;
}

/** The first question still to answer, else the preview. */
export function firstOpenFlow(s: SubmissionSnapshot, recent?: Recent): Flow {
  const open = askedQuestions(s).find((q) => !isAnswered(s, q.key));
  return open ? questionFlow(s, open.key, "next", recent) : previewFlow(s, recent);
}

/** After a question: the next unanswered one (others of the unit may have answered some), else the preview. */
export function nextFlow(s: SubmissionSnapshot, afterKey: string, recent?: Recent): Flow {
  const asked = askedQuestions(s);
  const at = asked.findIndex((q) => q.key === afterKey);
  const ordered = [...asked.slice(at + 1), ...asked.slice(0, Math.max(at, 0))];
  const open = ordered.find((q) => !isAnswered(s, q.key));
  return open ? questionFlow(s, open.key, "next", recent) : previewFlow(s, recent);
}

/** Where to go once an answer is stored (on the snapshot read after storing it). */
export function flowAfterAnswer(s: SubmissionSnapshot, answered: QuestionFlow, recent?: Recent): Flow {
  return answered.then === "preview" ? previewFlow(s, recent) : nextFlow(s, answered.key, recent);
}

/** The earlier answer the "add to it" button may still extend from where the person stands, if any. */
export function addableRecent(s: SubmissionSnapshot, flow: Flow, now: Date | undefined): Recent | null {
  const recent = recentOf(flow);
  if (!recent || !now || now.getTime() - recent.savedAt > ADD_MORE_MS) return null;
  if (flow.kind === "question" && flow.key === recent.key) return null;
  const question = askedQuestions(s).find((q) => q.key === recent.key);
  return question && existingContent(s, question) !== null ? recent : null;
}

function screenOf(flow: Flow): Screen {
  return flow.kind === "question" ? (flow.pending ? "choice" : "question") : flow.kind === "preview" ? "preview" : "none";
}

const show = (flow: Flow, notices: Notice[] = []): Step => ({ flow, screen: screenOf(flow), notices });

/** A refused input: the message for its problem, then the same question (the items waiting for a choice, if any, kept). */
function problemStep(flow: QuestionFlow, problem: { code: ParseProblem["code"] | "added-too-long" | "part-too-long"; vars?: ParseProblem["vars"] }): Step {
  return { flow, screen: screenOf(flow), notices: [{ key: `answer-error-${problem.code}`, vars: problem.vars }] };
}

function save(
  flow: QuestionFlow,
  value: AnswerValue | null,
  report: SaveReport,
  options: { skipped?: boolean; source?: "typed" | "kept"; recent?: Recent } = {},
): Step {
  const { pending: _pending, ...answered } = flow;
  return {
    flow: answered,
    screen: "question",
    notices: [],
    write: {
      kind: "answer",
      questionKey: flow.key,
      value,
      skipped: options.skipped ?? false,
      source: options.source ?? "typed",
      seenRevision: flow.seen,
      report,
      ...(options.recent ? { recent: options.recent } : {}),
    },
  };
}

/** Stores a list: the items as sent, or added to those there. */
function saveList(flow: QuestionFlow, question: Question, existing: string[] | null, items: string[], mode: AddMode, sent: Omit<Recent, "key">): Step {
  const adding = mode === "add" && existing !== null;
  const checked = checkListItems(adding ? [...existing, ...items] : items, limitsOf(question));
  if (!checked.ok) return problemStep(flow, checked.problem);
  const report: SaveReport = adding
    ? { kind: "list-added", added: items.length, count: checked.value.length }
    : { kind: "list", count: checked.value.length, replaced: existing !== null };
  return save(flow, checked.value, report, { recent: { key: flow.key, ...sent } });
}

/** Stores a long text: as sent, or added after the text there. */
function saveLongText(flow: QuestionFlow, question: Question, existing: string | null, text: string, mode: AddMode, sent: Omit<Recent, "key">): Step {
  const max = limitsOf(question).maxLength;
  const recent = { key: flow.key, ...sent };
  if (mode === "add" && existing !== null) {
    const joined = `${existing}\n${text}`;
    if (joined.length > max) return problemStep(flow, { code: "added-too-long", vars: { max, length: joined.length } });
    return save(flow, joined, { kind: "text-added", length: joined.length }, { recent });
  }
  return save(flow, text, { kind: "text", replaced: existing !== null }, { recent });
}

/**
 * The next part of a long message the messenger split: joined to the answer it belongs to (stored a moment
 * ago), and the person stays where they stand.
 */
function appendPart(s: SubmissionSnapshot, flow: Flow, recent: Recent, raw: string, at: number, savedAt: number): Step | null {
  const question = s.questions.find((q) => q.key === recent.key);
  const answer = s.answers[recent.key];
  if (!question || !answer || flow.kind === "idle") return null;
  const next: Recent = { key: recent.key, at, length: raw.length, savedAt };
  const stay: Flow = { ...flow, recent: next } as Flow;
  const refuse = (problem: { code: ParseProblem["code"] | "part-too-long"; vars?: ParseProblem["vars"] }): Step => ({
    flow: stay,
    screen: screenOf(stay),
    notices: [{ key: `answer-error-${problem.code}`, vars: { ...problem.vars, number: questionIndex(s, recent.key) + 1 } }],
  });
  const write = (value: AnswerValue, report: SaveReport): Step => ({
    flow: stay,
    screen: screenOf(stay),
    notices: [],
    write: { kind: "answer", questionKey: recent.key, value, skipped: false, source: "typed", seenRevision: answer.revision, report, stay, recent: next },
  });
  const existing = existingContent(s, question);
  if (question.type === "list" && Array.isArray(existing)) {
    const items = splitListItems(raw);
    if (items.length === 0) return null;
    const checked = checkListItems([...existing, ...items], limitsOf(question));
    return checked.ok ? write(checked.value, { kind: "list-part", added: items.length, count: checked.value.length }) : refuse(checked.problem);
  }
  if (question.type === "long_text" && typeof existing === "string") {
    const part = parseLongText(raw, Number.MAX_SAFE_INTEGER);
    if (!part.ok) return null;
    // The messenger cut at a line break or between words: a part that ends a sentence went on a new line.
    const joined = `${existing}${".!?…:;".includes(existing.at(-1) ?? "") ? "\n" : " "}${part.value}`;
    const max = limitsOf(question).maxLength;
    if (joined.length > max) return refuse({ code: "part-too-long", vars: { max, length: joined.length } });
    return write(joined, { kind: "text-part", length: joined.length });
  }
  return null;
}

function onText(s: SubmissionSnapshot, flow: QuestionFlow, question: Question, text: string, at: number, savedAt: number): Step {
  const sent = { at, length: text.length, savedAt };
  // Parts kept by the earlier multi-message layout: "xong" stores them, more text is added to them.
  if (flow.draft && flow.draft.length > 0 && (question.type === "long_text" || question.type === "list")) {
    const parts = isDoneWord(text) ? flow.draft : [...flow.draft, text];
    const { draft: _draft, ...rest } = flow;
    return onText(s, rest, question, parts.join("\n"), at, savedAt);
  }
  if (question.type === "long_text" || question.type === "list") {
    if (isDoneWord(text)) return { flow, screen: screenOf(flow), notices: [{ key: flow.pending ? "conversation-choice-waiting" : "answer-error-draft-empty" }] };
    const mode = effectiveMode(s, flow, question);
    if (question.type === "list") {
      const items = splitListItems(text);
      if (flow.pending) {
        // More lines while the choice waits: they join the lines waiting.
        const pending = [...flow.pending, ...items];
        const checked = checkListItems(pending, limitsOf(question));
        return checked.ok ? show({ ...flow, pending }) : problemStep(flow, checked.problem);
      }
      if (items.length === 0) return problemStep(flow, { code: "empty" });
      const existing = existingContent(s, question) as string[] | null;
      if (mode === "ask") {
        const checked = checkListItems(items, limitsOf(question));
        return checked.ok ? show({ ...flow, pending: items }) : problemStep(flow, checked.problem);
      }
      return saveList(flow, question, existing, items, mode ?? "replace", sent);
    }
    const parsed = parseLongText(text, Number.MAX_SAFE_INTEGER);
    if (!parsed.ok) return problemStep(flow, parsed.problem);
    const max = limitsOf(question).maxLength;
    if (parsed.value.length > max && mode !== "add") return problemStep(flow, { code: "too-long", vars: { max, length: parsed.value.length } });
    return saveLongText(flow, question, existingContent(s, question) as string | null, parsed.value, mode === "add" ? "add" : "replace", sent);
  }
  const parsed = parseAnswer(question, text);
  return parsed.ok ? save(flow, parsed.value, { kind: "value" }) : problemStep(flow, parsed.problem);
}

/** /report or a start button: where this person continues in this submission. */
function resume(s: SubmissionSnapshot, flow: Flow): Step {
  const mine = flow.kind !== "idle" && flow.sid === s.id;
  if (mine && flow.kind === "question" && askedQuestions(s).some((q) => q.key === flow.key)) {
    return show(flow, [{ key: flow.pending ? "conversation-choice-waiting" : "conversation-resuming" }]);
  }
  if (s.status === "SUBMITTED") {
    const key = isEditingSubmitted(s) ? "conversation-editing-submitted" : "conversation-already-submitted";
    return show(previewFlow(s, mine ? recentOf(flow) : undefined), [{ key, vars: { time: s.submittedAt ?? new Date(0) } }]);
  }
  const notices: Notice[] = [];
  if (returnedOnly(s)) notices.push({ key: "conversation-returned", vars: { count: askedQuestions(s).length } });
  const next = firstOpenFlow(s, mine ? recentOf(flow) : undefined);
  if (next.kind === "preview" && !returnedOnly(s)) notices.push({ key: "conversation-all-answered" });
  return show(next, notices);
}

function stale(s: SubmissionSnapshot, flow: Flow): Step {
  const here = flow.kind !== "idle" && flow.sid === s.id;
  const screen: Screen = here ? (flow.kind === "question" ? screenOf(flow) : "preview-actions") : "none";
  return { flow, screen, notices: [{ key: "conversation-stale-button" }], toast: { key: "conversation-stale-button-toast" } };
}

function onButton(s: SubmissionSnapshot, flow: Flow, action: ButtonAction, now: Date | undefined): Step {
  if (action.sid !== s.id) return stale(s, flow);
  const recent = flow.kind !== "idle" && flow.sid === s.id ? recentOf(flow) : undefined;
  switch (action.op) {
    case "open":
      return resume(s, flow);
    case "preview":
      return show(previewFlow(s, recent));
    case "edit": {
      const question = s.questions[action.q];
      if (!question || !askedQuestions(s).includes(question)) return { flow, screen: "none", notices: [], toast: { key: "conversation-cannot-edit" } };
      return show(questionFlow(s, question.key, "preview", recent));
    }
    case "more": {
      // Back to an answer just stored, to add to it; then on to where the person stood.
      const question = s.questions[action.q];
      if (!question || !askedQuestions(s).includes(question) || existingContent(s, question) === null) {
        return { flow, screen: "none", notices: [], toast: { key: "conversation-cannot-edit" } };
      }
      const target = questionFlow(s, question.key, flow.kind === "preview" || (flow.kind === "question" && flow.then === "preview") ? "preview" : "next");
      target.mode = "add";
      return show(target);
    }
    case "submit": {
      if (action.version !== s.version) return show(previewFlow(s, recent), [{ key: "conversation-changed-since-preview" }]);
      if (!canSubmit(s)) return { flow, screen: "none", notices: [], toast: { key: "conversation-nothing-to-submit" } };
      const missing = missingRequired(s.questions, s.answers);
      if (missing.length > 0) return { flow: previewFlow(s, recent), screen: "preview-actions", notices: [] };
      return { flow: { kind: "idle" }, screen: "none", notices: [], write: { kind: "submit", expectedVersion: s.version } };
    }
  }
  // Every other button belongs to the question the person stands at; any other is an old one.
  if (flow.kind !== "question" || flow.sid !== s.id || s.questions[action.q]?.key !== flow.key) return stale(s, flow);
  const question = s.questions[action.q]!;
  const asked = askedQuestions(s);
  const at = (now ?? new Date(0)).getTime();
  switch (action.op) {
    case "skip":
      if (question.required) return { flow, screen: "none", notices: [], toast: { key: "conversation-required-no-skip" } };
      return save(flow, null, { kind: "skipped" }, { skipped: true });
    case "back": {
      const index = asked.indexOf(question);
      if (index <= 0) return { flow, screen: "none", notices: [], toast: { key: "conversation-first-question" } };
      return show(questionFlow(s, asked[index - 1]!.key, flow.then, flow.recent));
    }
    case "keep-last": {
      const last = s.lastValues[question.key];
      if (last === undefined || !question.offerKeepLast) return { flow, screen: "none", notices: [], toast: { key: "conversation-no-last-value" } };
      return save(flow, last, { kind: "kept" }, { source: "kept" });
    }
    case "keep-current":
      if (!s.answers[question.key]) return { flow, screen: "none", notices: [], toast: { key: "conversation-no-current-value" } };
      return show(flowAfterAnswer(s, flow, flow.recent));
    case "clear": {
      // Drops the items waiting for a choice (or parts kept by the earlier layout); the stored answer stays.
      const { pending: _pending, draft: _draft, ...rest } = flow;
      return show(rest, [{ key: flow.pending ? "conversation-pending-dropped" : "conversation-draft-cleared" }]);
    }
    case "add":
    case "replace": {
      if (question.type !== "list" && question.type !== "long_text") return stale(s, flow);
      const existing = existingContent(s, question);
      if (flow.pending && question.type === "list") return saveList(flow, question, existing as string[] | null, flow.pending, action.op, { at, length: 0, savedAt: at });
      // Chosen before typing: the screen says what the next message will do.
      return { flow: { ...flow, mode: action.op }, screen: "question", notices: [], replace: true };
    }
    case "done":
      if (question.type === "multiple_choice") {
        if (flow.selection.length === 0) return { flow, screen: "none", notices: [], toast: { key: "conversation-pick-at-least-one" } };
        const keys = (question.options ?? []).map((o) => o.key).filter((key) => flow.selection.includes(key));
        return save(flow, keys, { kind: "value" });
      }
      if ((question.type === "long_text" || question.type === "list") && flow.draft && flow.draft.length > 0) {
        return onText(s, flow, question, "xong", at, at);
      }
      return stale(s, flow);
    case "choose":
      if (question.type === "yes_no" && (action.option === 0 || action.option === 1)) return save(flow, action.option === 1, { kind: "value" });
      if (question.type === "single_choice" && question.options?.[action.option]) return save(flow, question.options[action.option]!.key, { kind: "value" });
      return stale(s, flow);
    case "toggle": {
      const option = question.type === "multiple_choice" ? question.options?.[action.option] : undefined;
      if (!option) return stale(s, flow);
      if (flow.selection.includes(option.key)) {
        return { flow: { ...flow, selection: flow.selection.filter((k) => k !== option.key) }, screen: "question", notices: [], replace: true };
      }
      const max = limitsOf(question).maxItems;
      if (flow.selection.length >= max) return { flow, screen: "none", notices: [], toast: { key: "answer-error-too-many-options", vars: { max } } };
      return { flow: { ...flow, selection: [...flow.selection, option.key] }, screen: "question", notices: [], replace: true };
    }
  }
}

/**
 * The conversation's one decision function: given the submission as stored, where the person stands, what
 * they did and when, it says what to store and what to show next. It reads nothing and writes nothing
 * itself. Without `timing.now` (and a text's `at`) no time window applies: a message is never taken for
 * the next part of the one before.
 */
export function interpret(s: SubmissionSnapshot, flow: Flow, event: ConversationEvent, timing: Timing = {}): Step {
  const { now, partMinLength = 2048, partMaxLength = 4096 } = timing;
  const e = editability(s, s.roundStatus);
  if (!e.editable) {
    // A button of another (older) submission leaves the person where they stand.
    const here = flow.kind !== "idle" && flow.sid === s.id;
    const toast = event.type === "button" ? { key: `conversation-locked-${e.reason}` } : undefined;
    if (e.reason === "accepted") {
      return { flow: here ? { kind: "preview", sid: s.id } : flow, screen: "preview", notices: [{ key: "conversation-locked-accepted" }], toast };
    }
    return { flow: here ? { kind: "idle" } : flow, screen: "none", notices: [{ key: `conversation-locked-${e.reason}` }], toast };
  }
  if (event.type === "resume") return resume(s, flow);
  if (event.type === "button") return onButton(s, flow, event.action, now);

  if (flow.kind === "idle" || flow.sid !== s.id) return resume(s, { kind: "idle" });
  const choosing = flow.kind === "question" && flow.pending !== undefined;
  if (event.type === "text" && !choosing) {
    const sent = event.at ?? now;
    const recent = flow.recent;
    const cut = recent !== undefined && recent.length >= partMinLength && recent.length <= partMaxLength;
    if (sent && recent && cut && sent.getTime() - recent.at <= SPLIT_PART_MS) {
      const part = isDoneWord(event.text) ? null : appendPart(s, flow, recent, event.text, sent.getTime(), (now ?? sent).getTime());
      if (part) return part;
    }
    if (recent && isDoneWord(event.text) && addableRecent(s, flow, now ?? sent)) {
      // "xong" out of habit after an answer that was stored at once.
      return { flow, screen: screenOf(flow), notices: [{ key: "conversation-done-not-needed", vars: { number: questionIndex(s, recent.key) + 1 } }] };
    }
  }
  if (flow.kind === "preview") {
    return { flow, screen: "preview-actions", notices: [{ key: event.type === "text" ? "conversation-preview-text" : "conversation-non-text" }] };
  }
  const question = askedQuestions(s).find((q) => q.key === flow.key);
  if (!question) return resume(s, { kind: "idle" });
  if (event.type === "non-text") {
    const key = ["yes_no", "single_choice", "multiple_choice"].includes(question.type) ? "conversation-non-text-buttons" : "conversation-non-text";
    return { flow, screen: screenOf(flow), notices: [{ key }] };
  }
  return onText(s, flow, question, event.text, (event.at ?? now ?? new Date(0)).getTime(), (now ?? event.at ?? new Date(0)).getTime());
}
