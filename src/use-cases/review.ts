import { z } from "zod";
import { displayAnswer, shorten } from "../conversation/display-answer.ts";
import { splitMessage } from "../conversation/split-message.ts";
import { loadSnapshot } from "../conversation/submission-store.ts";
import type { SubmissionSnapshot } from "../conversation/submission-snapshot.ts";
import { cleanText } from "../domain/answer-parsing.ts";
import { periodLabel } from "../domain/calendar/period.ts";
import { pageLines } from "../domain/office/page-lines.ts";
import { RETURN_COMMENT_MAX, reviewActions } from "../domain/office/review-rules.ts";
import type { Locale, Translate } from "../i18n.ts";
import type { ActionOf } from "../messaging/action.ts";
import type { Answer, Choice, Reply } from "../messaging/reply.ts";
import { acceptSubmission, returnSubmission, type ReviewRefusal } from "../office/review-service.ts";
import { roundSummary, type RoundSummary } from "../office/round-choice.ts";
import { replanRound } from "../queue/replan-on-change.ts";
import { chatPart, setChatPart } from "./chat-state.ts";
import { personOf, type UseCaseContext } from "./context.ts";
import { officeRefusal, staleChoice } from "./office-access.ts";
import { commandRound, noRounds, otherRoundChoice, roundOf, roundTitleOf } from "./round-pick.ts";
import { statusFormat } from "./status.ts";
import { isEditingSubmitted } from "../domain/submission-rules.ts";

// /review: the office reads a unit's submission, accepts it, or returns some answers with a comment; the
// unit's reporters are told either way. Returned answers are asked again in the unit's /report.

/** The chat part of a return being prepared (/cancel drops it); typed text goes to it while the comment is awaited. */
export const REVIEW_PART = "office";

/** Picking the questions to return, then typing the comment. */
type PendingReturn = { kind: "return-pick" | "return-comment"; sid: number; version: number; keys: string[] };

const pendingSchema = z.object({ kind: z.enum(["return-pick", "return-comment"]), sid: z.number().int(), version: z.number().int(), keys: z.array(z.string()) });

/** Units per page of the list; answers per page follow the channel's message limit. */
const LIST_PAGE = 10;
const PARAGRAPH = "\n\n";

// Waiting for the office first, then the ones sent back, then the rest.
const LIST_ORDER = { SUBMITTED: 0, RETURNED: 1, IN_PROGRESS: 2, ACCEPTED: 3, NOT_STARTED: 4 } as const;
const MARK = { SUBMITTED: "📥", RETURNED: "🔁", IN_PROGRESS: "✍️", ACCEPTED: "☑️", NOT_STARTED: "⏳" } as const;

type Status = keyof typeof MARK;

function statusText(t: Translate, status: Status): string {
  return t(`office-status-${status.toLowerCase().replace("_", "-")}`);
}

async function pendingReturn(ctx: UseCaseContext): Promise<{ pending: PendingReturn | null; focused: boolean }> {
  const { value, focused } = await chatPart(ctx, REVIEW_PART);
  const parsed = pendingSchema.safeParse(value);
  return { pending: parsed.success ? parsed.data : null, focused };
}

/** Keeps the pending return; the chat's typed text is asked for only while the comment is awaited. */
function keepPending(ctx: UseCaseContext, pending: PendingReturn | null): Promise<void> {
  return setChatPart(ctx, REVIEW_PART, pending, { focus: pending?.kind === "return-comment" });
}

async function listScreen(ctx: UseCaseContext, round: RoundSummary, requestedPage: number, replace: boolean): Promise<Answer> {
  const { t } = ctx;
  const submissions = await ctx.deps.prisma.submission.findMany({
    where: { roundId: round.id },
    select: { id: true, status: true, unit: { select: { name: true, order: true } } },
  });
  const sorted = submissions.sort((a, b) => LIST_ORDER[a.status] - LIST_ORDER[b.status] || a.unit.order - b.unit.order || a.id - b.id);
  const pages = Math.max(1, Math.ceil(sorted.length / LIST_PAGE));
  const page = Math.min(Math.max(requestedPage, 0), pages - 1);
  const rows: Choice[][] = sorted.slice(page * LIST_PAGE, (page + 1) * LIST_PAGE).map((s) => [{ label: `${MARK[s.status]} ${shorten(s.unit.name, 40)}`, action: { op: "review.open", sid: s.id, page: 0 } }]);
  const paging: Choice[] = [];
  if (page > 0) paging.push({ label: t("office-button-previous"), action: { op: "review.list", round: round.id, page: page - 1 } });
  if (page < pages - 1) paging.push({ label: t("office-button-next"), action: { op: "review.list", round: round.id, page: page + 1 } });
  if (paging.length > 0) rows.push(paging);
  const last: Choice[] = [{ label: t("office-button-status"), action: { op: "status.page", round: round.id, page: 0 } }];
  const other = await otherRoundChoice(ctx, "review");
  if (other) last.push(other);
  rows.push(last);
  const waiting = sorted.filter((s) => s.status === "SUBMITTED").length;
  const text = [
    t("office-review-list-title", { round: await roundTitleOf(ctx, round) }),
    sorted.length === 0 ? t("office-review-list-empty") : t("office-review-list-waiting", { count: waiting }),
    pages > 1 ? t("office-page", { page: page + 1, pages }) : "",
  ]
    .filter(Boolean)
    .join("\n");
  return { replies: [{ kind: "text", text, choices: rows, replace }] };
}

/** The submission's answers as pages of at most `budget` characters; a long answer is split, not cut. */
function answerPages(ctx: UseCaseContext, s: SubmissionSnapshot, budget: number): string[] {
  const { t, caller } = ctx;
  const blocks = s.questions.map((question, i) => {
    const answer = s.answers[question.key];
    const shown = !answer
      ? t("office-review-unanswered")
      : answer.skipped || answer.value === null
        ? t("office-review-skipped")
        : displayAnswer(question, answer.value, caller.locale, t);
    const mark = s.status === "RETURNED" && s.returnedQuestionKeys.includes(question.key) ? "🔁 " : "";
    return `${mark}${i + 1}. ${question.prompt[caller.locale]}\n${shown}`;
  });
  const pieces = blocks.flatMap((block) => splitMessage(block, budget));
  return pageLines(pieces, { limit: budget, maxLines: 1000, separator: PARAGRAPH }).map((lines) => lines.join(PARAGRAPH));
}

/** A unit's submission, a page of its answers at a time, with what the office may do with it. */
async function submissionScreen(ctx: UseCaseContext, sid: number, requestedPage: number, notice?: string): Promise<Answer> {
  const { t } = ctx;
  // The office reads the version submitted, not changes made since.
  const s = await loadSnapshot(ctx.deps.prisma, sid, ctx.caller.locale, { view: "office" });
  if (!s) return staleChoice(ctx);
  const { time } = await statusFormat(ctx);
  const head = [t("office-review-title", { unit: s.unitName, round: s.roundLabel }), t("office-review-status", { status: statusText(t, s.status) })];
  if (s.submittedAt) head.push(t("office-review-submitted-at", { time: time(s.submittedAt) }));
  if (isEditingSubmitted(s) && s.changedKeys.length > 0) {
    const numbers = s.changedKeys.map((key) => s.questions.findIndex((q) => q.key === key) + 1).join(", ");
    head.push(t("office-review-editing", { count: s.changedKeys.length, numbers }));
  }
  if (s.returnComment && s.returnedAt) head.push(t("office-review-last-return", { time: time(s.returnedAt), comment: s.returnComment }));
  const actions = reviewActions(s.status, s.roundStatus);
  const locked =
    actions.accept || actions.return
      ? undefined
      : t(s.status === "ACCEPTED" ? "office-review-locked-accepted" : s.roundStatus === "CLOSED" ? "office-review-locked-closed" : "office-review-not-submitted");
  // Whatever surrounds the answers on every page, with the longest page line.
  const frame = [notice, head.join("\n"), locked, t("office-page", { page: 999, pages: 999 })].filter(Boolean).join(PARAGRAPH).length + 2 * PARAGRAPH.length;
  const pages = answerPages(ctx, s, Math.max(ctx.caller.textLimit - frame, 500));
  const page = Math.min(Math.max(requestedPage, 0), pages.length - 1);
  const parts = [notice, head.join("\n"), pages[page] ?? ""];
  if (pages.length > 1) parts.push(t("office-page", { page: page + 1, pages: pages.length }));
  if (locked) parts.push(locked);
  // Deciding first: accept and return, then the pages, then back to the list.
  const rows: Choice[][] = [];
  const decide: Choice[] = [];
  if (actions.accept) decide.push({ label: t("office-button-accept"), action: { op: "review.accept", sid: s.id, version: s.version } });
  if (actions.return) decide.push({ label: t("office-button-return"), action: { op: "review.return", sid: s.id, version: s.version } });
  if (decide.length > 0) rows.push(decide);
  const paging: Choice[] = [];
  if (page > 0) paging.push({ label: t("office-button-previous"), action: { op: "review.open", sid: s.id, page: page - 1 } });
  if (page < pages.length - 1) paging.push({ label: t("office-button-next"), action: { op: "review.open", sid: s.id, page: page + 1 } });
  if (paging.length > 0) rows.push(paging);
  rows.push([{ label: t("office-button-back-to-list"), action: { op: "review.list", round: s.roundId, page: 0 } }]);
  return { replies: [{ kind: "text", text: parts.filter(Boolean).join(PARAGRAPH), choices: rows, replace: true }] };
}

function returnPicker(ctx: UseCaseContext, s: SubmissionSnapshot, pending: PendingReturn): Answer {
  const { t, caller } = ctx;
  const rows: Choice[][] = s.questions.map((question, i) => {
    const on = pending.keys.includes(question.key);
    return [{ label: `${on ? "☑️" : "⬜"} ${i + 1}. ${shorten(question.prompt[caller.locale], 40)}`, action: { op: "review.toggle", sid: s.id, q: i } }];
  });
  rows.push([
    { label: t("office-button-return-continue", { count: pending.keys.length }), action: { op: "review.continue", sid: s.id } },
    { label: t("office-button-cancel"), action: { op: "review.cancel", sid: s.id } },
  ]);
  return { replies: [{ kind: "text", text: t("office-return-pick", { unit: s.unitName }), choices: rows, replace: true }] };
}

/** Tells the unit's reporters about the office's decision, each in their language, and records it. */
async function tellReporters(ctx: UseCaseContext, s: SubmissionSnapshot, message: (t: Translate, locale: Locale) => Reply[], about: "returned" | "accepted"): Promise<number> {
  const { prisma, notifier, logger } = ctx.deps;
  const memberships = await prisma.membership.findMany({ where: { role: "REPORTER", unitId: s.unitId, revokedAt: null }, select: { personId: true } });
  const sentTo: number[] = [];
  let unreachable = 0;
  for (const personId of new Set(memberships.map((m) => m.personId))) {
    const outcome = await notifier.tell(personId, message).catch(() => "failed" as const);
    if (outcome === "sent") sentTo.push(personId);
    else if (outcome === "failed") logger.warn({ personId, submissionId: s.id }, "could not tell a reporter about the office's review");
    else unreachable++;
  }
  await prisma.auditEvent.create({
    data: { actorId: personOf(ctx).id, action: "submission.reporters-notified", entityType: "Submission", entityId: String(s.id), data: { about, recipients: sentTo, unreachable } },
  });
  return sentTo.length;
}

function refusalText(ctx: UseCaseContext, reason: ReviewRefusal): string {
  return ctx.t(`office-review-refused-${reason}`, { max: RETURN_COMMENT_MAX });
}

function replan(ctx: UseCaseContext, roundId: number): Promise<unknown> {
  const { prisma, reminderQueue, logger, now } = ctx.deps;
  return replanRound({ prisma, queue: reminderQueue, logger, now }, roundId);
}

async function roundLabelOf(ctx: UseCaseContext, roundId: number): Promise<(locale: Locale) => string> {
  const round = await roundSummary(ctx.deps.prisma, roundId);
  return (locale) => (round ? periodLabel(round.period, locale) : "");
}

/** /review: the units of the round due first, the ones waiting for the office on top. */
export async function review(ctx: UseCaseContext): Promise<Answer> {
  const refused = officeRefusal(ctx, "submissions.review", "message");
  if (refused) return refused;
  const round = await commandRound(ctx);
  return round ? listScreen(ctx, round, 0, false) : noRounds(ctx);
}

export async function reviewList(ctx: UseCaseContext, action: ActionOf<"review.list">): Promise<Answer> {
  const refused = officeRefusal(ctx, "submissions.review", "choice");
  if (refused) return refused;
  const round = await roundOf(ctx, action.round);
  return round ? listScreen(ctx, round, action.page, true) : staleChoice(ctx);
}

/** A unit's answers (also the choice of the office's notice when units submit). */
export async function reviewOpen(ctx: UseCaseContext, action: ActionOf<"review.open">): Promise<Answer> {
  const refused = officeRefusal(ctx, "submissions.review", "choice");
  if (refused) return refused;
  return submissionScreen(ctx, action.sid, action.page);
}

export async function reviewAccept(ctx: UseCaseContext, action: ActionOf<"review.accept">): Promise<Answer> {
  const refused = officeRefusal(ctx, "submissions.review", "choice");
  if (refused) return refused;
  const result = await acceptSubmission(ctx.deps.prisma, { submissionId: action.sid, actorId: personOf(ctx).id, expectedVersion: action.version, now: ctx.now() });
  if (!result.ok) {
    const text = refusalText(ctx, result.reason);
    const screen = await submissionScreen(ctx, action.sid, 0, text);
    return { ...screen, toast: text };
  }
  await replan(ctx, result.roundId);
  const s = (await loadSnapshot(ctx.deps.prisma, result.submissionId, ctx.caller.locale))!;
  const round = await roundLabelOf(ctx, s.roundId);
  await tellReporters(ctx, s, (t, locale) => [{ kind: "text", text: t("office-accepted-reporter", { unit: s.unitName, round: round(locale) }) }], "accepted");
  const screen = await submissionScreen(ctx, s.id, 0, ctx.t("office-accepted", { unit: s.unitName }));
  return { ...screen, toast: ctx.t("office-accepted-toast") };
}

/** "Trả lại…": the questions to return are picked first (nothing changes until the comment is typed). */
export async function reviewReturn(ctx: UseCaseContext, action: ActionOf<"review.return">): Promise<Answer> {
  const refused = officeRefusal(ctx, "submissions.review", "choice");
  if (refused) return refused;
  const s = await loadSnapshot(ctx.deps.prisma, action.sid, ctx.caller.locale);
  if (!s || s.version !== action.version || !reviewActions(s.status, s.roundStatus).return) {
    const text = refusalText(ctx, !s ? "not-found" : s.version !== action.version ? "version-changed" : "not-allowed");
    if (!s) return { replies: [], toast: text };
    return { ...(await submissionScreen(ctx, s.id, 0, text)), toast: text };
  }
  const pending: PendingReturn = { kind: "return-pick", sid: s.id, version: s.version, keys: [] };
  await keepPending(ctx, pending);
  return returnPicker(ctx, s, pending);
}

/** The return being prepared for this submission, or null (an old picker's choice). */
async function pendingFor(ctx: UseCaseContext, sid: number): Promise<{ pending: PendingReturn; s: SubmissionSnapshot } | null> {
  const { pending } = await pendingReturn(ctx);
  if (!pending || pending.sid !== sid) return null;
  const s = await loadSnapshot(ctx.deps.prisma, pending.sid, ctx.caller.locale);
  if (!s) {
    await keepPending(ctx, null);
    return null;
  }
  return { pending, s };
}

export async function reviewToggle(ctx: UseCaseContext, action: ActionOf<"review.toggle">): Promise<Answer> {
  const refused = officeRefusal(ctx, "submissions.review", "choice");
  if (refused) return refused;
  const found = await pendingFor(ctx, action.sid);
  const question = found?.s.questions[action.q];
  if (!found || !question) return staleChoice(ctx);
  const { pending, s } = found;
  const keys = pending.keys.includes(question.key) ? pending.keys.filter((k) => k !== question.key) : [...pending.keys, question.key];
  const next: PendingReturn = { ...pending, kind: "return-pick", keys: s.questions.map((q) => q.key).filter((k) => keys.includes(k)) };
  await keepPending(ctx, next);
  return returnPicker(ctx, s, next);
}

export async function reviewContinue(ctx: UseCaseContext, action: ActionOf<"review.continue">): Promise<Answer> {
  const refused = officeRefusal(ctx, "submissions.review", "choice");
  if (refused) return refused;
  const found = await pendingFor(ctx, action.sid);
  if (!found) return staleChoice(ctx);
  const { pending, s } = found;
  if (pending.keys.length === 0) return { replies: [], toast: ctx.t("office-return-pick-one") };
  await keepPending(ctx, { ...pending, kind: "return-comment" });
  const numbers = pending.keys.map((k) => s.questions.findIndex((q) => q.key === k) + 1).join(", ");
  return { replies: [{ kind: "text", text: ctx.t("office-return-ask-comment", { unit: s.unitName, numbers, count: pending.keys.length, max: RETURN_COMMENT_MAX }) }], expects: "return-comment" };
}

export async function reviewCancel(ctx: UseCaseContext, action: ActionOf<"review.cancel">): Promise<Answer> {
  const refused = officeRefusal(ctx, "submissions.review", "choice");
  if (refused) return refused;
  const found = await pendingFor(ctx, action.sid);
  if (!found) return staleChoice(ctx);
  await keepPending(ctx, null);
  return { ...(await submissionScreen(ctx, found.s.id, 0)), toast: ctx.t("office-return-cancelled") };
}

/** The comment typed after picking the questions: the return is made and the unit's reporters are told. */
export async function reviewCommentTyped(ctx: UseCaseContext, text: string): Promise<Answer> {
  const { pending } = await pendingReturn(ctx);
  if (pending?.kind !== "return-comment") {
    await keepPending(ctx, null);
    return { replies: [{ kind: "text", text: ctx.t("start-help-hint") }] };
  }
  const refused = officeRefusal(ctx, "submissions.review", "message");
  if (refused) {
    await keepPending(ctx, null);
    return refused;
  }
  const comment = cleanText(text);
  const result = await returnSubmission(ctx.deps.prisma, {
    submissionId: pending.sid,
    actorId: personOf(ctx).id,
    questionKeys: pending.keys,
    comment,
    expectedVersion: pending.version,
    now: ctx.now(),
  });
  if (!result.ok) {
    if (result.reason === "empty-comment" || result.reason === "comment-too-long") {
      // Asked again; the picked questions stay.
      return { replies: [{ kind: "text", text: ctx.t(`office-review-refused-${result.reason}`, { max: RETURN_COMMENT_MAX, length: comment.length }) }], expects: "return-comment" };
    }
    await keepPending(ctx, null);
    const screen = await submissionScreen(ctx, pending.sid, 0, refusalText(ctx, result.reason));
    return { replies: screen.replies.map((r) => (r.kind === "text" ? { ...r, replace: false } : r)), toast: screen.toast };
  }
  await keepPending(ctx, null);
  await replan(ctx, result.roundId);
  const s = (await loadSnapshot(ctx.deps.prisma, result.submissionId, ctx.caller.locale))!;
  const round = await roundLabelOf(ctx, s.roundId);
  const keys = result.keys ?? pending.keys;
  const sent = await tellReporters(
    ctx,
    s,
    (t, locale) => {
      const questions = s.questions
        .map((q, i) => ({ q, n: i + 1 }))
        .filter(({ q }) => keys.includes(q.key))
        .map(({ q, n }) => t("office-returned-reporter-question", { number: n, question: q.prompt[locale] }));
      return [
        {
          kind: "text",
          text: t("office-returned-reporter", { unit: s.unitName, round: round(locale), questions: questions.join("\n"), comment: s.returnComment ?? comment }),
          choices: [[{ label: t("office-button-answer-again"), action: { op: "open", sid: s.id } }]],
        },
      ];
    },
    "returned",
  );
  return { replies: [{ kind: "text", text: ctx.t(sent > 0 ? "office-returned" : "office-returned-nobody-told", { unit: s.unitName, count: keys.length, sent }) }] };
}

/** A sticker or photo while the comment is awaited. */
export async function reviewCommentNotText(ctx: UseCaseContext): Promise<Answer> {
  return { replies: [{ kind: "text", text: ctx.t("office-return-comment-not-text") }] };
}
