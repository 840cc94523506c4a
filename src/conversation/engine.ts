import {
  checkListItems,
  cleanText,
  isDoneWord,
  limitsOf,
  parseAnswer,
  splitListItems,
  type ParseProblem,
} from "../domain/answer-parsing.ts";
import type { AnswerValue } from "../domain/answer-value.ts";
import { canSubmitFrom, editability, missingRequired } from "../domain/submission-rules.ts";
import type { Question } from "../domain/template/template-schema.ts";
import type { ButtonAction } from "./button-action.ts";
import type { Flow } from "./conversation-state.ts";
import type { SubmissionSnapshot } from "./submission-snapshot.ts";

/** A line to show above the screen (or alone): a message key and its variables. */
export type Notice = { key: string; vars?: Record<string, string | number | Date> };

/** What the person did, whatever the channel. */
export type ConversationEvent =
  /** /report, or a prompt's "start" button: continue where the person or the unit stands. */
  | { type: "resume" }
  | { type: "text"; text: string }
  /** A sticker, photo, voice note, file… where the conversation expects text. */
  | { type: "non-text" }
  | { type: "button"; action: ButtonAction };

export type AnswerWrite = {
  kind: "answer";
  questionKey: string;
  value: AnswerValue | null;
  skipped: boolean;
  source: "typed" | "kept";
  seenRevision: number;
};

export type SubmitWrite = { kind: "submit"; expectedVersion: number };

/**
 * question: the current question; draft: acknowledgement of one part of a multi-message answer;
 * preview: all answers with the submit and edit buttons; preview-actions: only the buttons part;
 * none: the notices alone.
 */
export type Screen = "question" | "draft" | "preview" | "preview-actions" | "none";

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

type QuestionFlow = Extract<Flow, { kind: "question" }>;

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

export function questionFlow(s: SubmissionSnapshot, key: string, then: QuestionFlow["then"]): QuestionFlow {
  const question = s.questions.find((q) => q.key === key);
  const answer = s.answers[key];
  const selection =
    question?.type === "multiple_choice" && answer && !answer.skipped && Array.isArray(answer.value) ? [...(answer.value as string[])] : [];
  return { kind: "question", sid: s.id, key, seen: answer?.revision ?? 0, draft: [], selection, then };
}

/** The first question still to answer, else the preview. */
export function firstOpenFlow(s: SubmissionSnapshot): Flow {
  const open = askedQuestions(s).find((q) => !isAnswered(s, q.key));
  return open ? questionFlow(s, open.key, "next") : { kind: "preview", sid: s.id };
}

/** After a question: the next unanswered one (others of the unit may have answered some), else the preview. */
export function nextFlow(s: SubmissionSnapshot, afterKey: string): Flow {
  const asked = askedQuestions(s);
  const at = asked.findIndex((q) => q.key === afterKey);
  const ordered = [...asked.slice(at + 1), ...asked.slice(0, Math.max(at, 0))];
  const open = ordered.find((q) => !isAnswered(s, q.key));
  return open ? questionFlow(s, open.key, "next") : { kind: "preview", sid: s.id };
}

/** Where to go once an answer is stored (on the snapshot read after storing it). */
export function flowAfterAnswer(s: SubmissionSnapshot, answered: QuestionFlow): Flow {
  return answered.then === "preview" ? { kind: "preview", sid: s.id } : nextFlow(s, answered.key);
}

function screenOf(flow: Flow): Screen {
  return flow.kind === "question" ? "question" : flow.kind === "preview" ? "preview" : "none";
}

const show = (flow: Flow, notices: Notice[] = []): Step => ({ flow, screen: screenOf(flow), notices });

/** A refused input: the message for its problem, then the same question (the draft, if any, kept). */
function problemStep(flow: QuestionFlow, problem: { code: ParseProblem["code"] | "draft-too-long"; vars?: ParseProblem["vars"] }): Step {
  return {
    flow,
    screen: flow.draft.length > 0 ? "draft" : "question",
    notices: [{ key: `answer-error-${problem.code}`, vars: problem.vars }],
  };
}

function save(flow: QuestionFlow, value: AnswerValue | null, options: { skipped?: boolean; source?: "typed" | "kept" } = {}): Step {
  return {
    flow,
    screen: "question",
    notices: [],
    write: {
      kind: "answer",
      questionKey: flow.key,
      value,
      skipped: options.skipped ?? false,
      source: options.source ?? "typed",
      seenRevision: flow.seen,
    },
  };
}

function finishDraft(flow: QuestionFlow, question: Question): Step {
  if (flow.draft.length === 0) return { flow, screen: "question", notices: [{ key: "answer-error-draft-empty" }] };
  const limits = limitsOf(question);
  if (question.type === "list") {
    const checked = checkListItems(flow.draft, limits);
    return checked.ok ? save(flow, checked.value) : problemStep(flow, checked.problem);
  }
  const text = flow.draft.join("\n");
  if (text.length > limits.maxLength) return problemStep(flow, { code: "too-long", vars: { max: limits.maxLength, length: text.length } });
  return save(flow, text);
}

function addToDraft(flow: QuestionFlow, question: Question, raw: string): Step {
  const limits = limitsOf(question);
  if (question.type === "list") {
    const items = splitListItems(raw);
    if (items.length === 0) return problemStep(flow, { code: "empty" });
    const checked = checkListItems([...flow.draft, ...items], limits);
    if (!checked.ok) return problemStep(flow, checked.problem);
    return { flow: { ...flow, draft: checked.value }, screen: "draft", notices: [] };
  }
  const part = cleanText(raw);
  if (part === "") return problemStep(flow, { code: "empty" });
  const length = [...flow.draft, part].join("\n").length;
  if (length > limits.maxLength) {
    // The part is refused whole; what was received before stays.
    return problemStep(flow, { code: flow.draft.length > 0 ? "draft-too-long" : "too-long", vars: { max: limits.maxLength, length } });
  }
  return { flow: { ...flow, draft: [...flow.draft, part] }, screen: "draft", notices: [] };
}

function onText(s: SubmissionSnapshot, flow: QuestionFlow, question: Question, text: string): Step {
  if (question.type === "long_text" || question.type === "list") {
    return isDoneWord(text) ? finishDraft(flow, question) : addToDraft(flow, question, text);
  }
  const parsed = parseAnswer(question, text);
  return parsed.ok ? save(flow, parsed.value) : problemStep(flow, parsed.problem);
}

/** /report or a start button: where this person continues in this submission. */
function resume(s: SubmissionSnapshot, flow: Flow): Step {
  const mine = flow.kind !== "idle" && flow.sid === s.id;
  if (mine && flow.kind === "question" && askedQuestions(s).some((q) => q.key === flow.key)) {
    return show(flow, flow.draft.length > 0 ? [{ key: "conversation-draft-kept", vars: { count: flow.draft.length } }] : [{ key: "conversation-resuming" }]);
  }
  if (s.status === "SUBMITTED") {
    return show({ kind: "preview", sid: s.id }, [{ key: "conversation-already-submitted", vars: { time: s.submittedAt ?? new Date(0) } }]);
  }
  const notices: Notice[] = [];
  if (returnedOnly(s)) notices.push({ key: "conversation-returned", vars: { count: askedQuestions(s).length, comment: s.returnComment ?? "—" } });
  const next = firstOpenFlow(s);
  if (next.kind === "preview" && !returnedOnly(s)) notices.push({ key: "conversation-all-answered" });
  return show(next, notices);
}

function stale(s: SubmissionSnapshot, flow: Flow): Step {
  const here = flow.kind !== "idle" && flow.sid === s.id;
  const screen: Screen = here ? (flow.kind === "question" ? "question" : "preview-actions") : "none";
  return { flow, screen, notices: [{ key: "conversation-stale-button" }], toast: { key: "conversation-stale-button-toast" } };
}

function onButton(s: SubmissionSnapshot, flow: Flow, action: ButtonAction): Step {
  if (action.sid !== s.id) return stale(s, flow);
  switch (action.op) {
    case "open":
      return resume(s, flow);
    case "preview":
      return show({ kind: "preview", sid: s.id });
    case "edit": {
      const question = s.questions[action.q];
      if (!question || !askedQuestions(s).includes(question)) return { flow, screen: "none", notices: [], toast: { key: "conversation-cannot-edit" } };
      return show(questionFlow(s, question.key, "preview"));
    }
    case "submit": {
      if (action.version !== s.version) return show({ kind: "preview", sid: s.id }, [{ key: "conversation-changed-since-preview" }]);
      if (!canSubmitFrom(s.status)) return { flow, screen: "none", notices: [], toast: { key: "conversation-nothing-to-submit" } };
      const missing = missingRequired(s.questions, s.answers);
      if (missing.length > 0) return { flow: { kind: "preview", sid: s.id }, screen: "preview-actions", notices: [] };
      return { flow: { kind: "idle" }, screen: "none", notices: [], write: { kind: "submit", expectedVersion: s.version } };
    }
  }
  // Every other button belongs to the question the person stands at; any other is an old one.
  if (flow.kind !== "question" || flow.sid !== s.id || s.questions[action.q]?.key !== flow.key) return stale(s, flow);
  const question = s.questions[action.q]!;
  const asked = askedQuestions(s);
  switch (action.op) {
    case "skip":
      if (question.required) return { flow, screen: "none", notices: [], toast: { key: "conversation-required-no-skip" } };
      return save(flow, null, { skipped: true });
    case "back": {
      const at = asked.indexOf(question);
      if (at <= 0) return { flow, screen: "none", notices: [], toast: { key: "conversation-first-question" } };
      return show(questionFlow(s, asked[at - 1]!.key, flow.then));
    }
    case "keep-last": {
      const last = s.lastValues[question.key];
      if (last === undefined || !question.offerKeepLast) return { flow, screen: "none", notices: [], toast: { key: "conversation-no-last-value" } };
      return save(flow, last, { source: "kept" });
    }
    case "keep-current":
      if (!s.answers[question.key]) return { flow, screen: "none", notices: [], toast: { key: "conversation-no-current-value" } };
      return show(flowAfterAnswer(s, flow));
    case "clear":
      return show({ ...flow, draft: [] }, [{ key: "conversation-draft-cleared" }]);
    case "done":
      if (question.type === "multiple_choice") {
        if (flow.selection.length === 0) return { flow, screen: "none", notices: [], toast: { key: "conversation-pick-at-least-one" } };
        const keys = (question.options ?? []).map((o) => o.key).filter((key) => flow.selection.includes(key));
        return save(flow, keys);
      }
      if (question.type === "long_text" || question.type === "list") return finishDraft(flow, question);
      return stale(s, flow);
    case "choose":
      if (question.type === "yes_no" && (action.option === 0 || action.option === 1)) return save(flow, action.option === 1);
      if (question.type === "single_choice" && question.options?.[action.option]) return save(flow, question.options[action.option]!.key);
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
 * The conversation's one decision function: given the submission as stored, where the person stands and
 * what they did, it says what to store and what to show next. It reads nothing and writes nothing itself.
 */
export function interpret(s: SubmissionSnapshot, flow: Flow, event: ConversationEvent): Step {
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
  if (event.type === "button") return onButton(s, flow, event.action);

  if (flow.kind === "idle" || flow.sid !== s.id) return resume(s, { kind: "idle" });
  if (flow.kind === "preview") {
    return { flow, screen: "preview-actions", notices: [{ key: event.type === "text" ? "conversation-preview-text" : "conversation-non-text" }] };
  }
  const question = askedQuestions(s).find((q) => q.key === flow.key);
  if (!question) return resume(s, { kind: "idle" });
  if (event.type === "non-text") {
    const key = ["yes_no", "single_choice", "multiple_choice"].includes(question.type) ? "conversation-non-text-buttons" : "conversation-non-text";
    return { flow, screen: "question", notices: [{ key }] };
  }
  return onText(s, flow, question, event.text);
}
