import { Composer, InlineKeyboard } from "grammy";
import { displayAnswer, shorten } from "../../conversation/display-answer.ts";
import type { OutMessage } from "../../conversation/out-message.ts";
import { splitMessage, TELEGRAM_TEXT_LIMIT } from "../../conversation/split-message.ts";
import { loadSnapshot } from "../../conversation/submission-store.ts";
import type { SubmissionSnapshot } from "../../conversation/submission-snapshot.ts";
import { pageLines } from "../../domain/office/page-lines.ts";
import { RETURN_COMMENT_MAX, reviewActions } from "../../domain/office/review-rules.ts";
import { isEditingSubmitted } from "../../domain/submission-rules.ts";
import { cleanText } from "../../domain/answer-parsing.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { i18n, isLocale, type Locale } from "../../i18n.ts";
import { acceptSubmission, returnSubmission, type ReviewRefusal } from "../../office/review-service.ts";
import { roundSummary, roundTitle, type RoundSummary } from "../../office/round-choice.ts";
import { periodLabel } from "../../domain/calendar/period.ts";
import { telegramSessionKey } from "../chat-key.ts";
import type { BotContext } from "../context.ts";
import { secretOf } from "../conversation-deps.ts";
import { OFFICE_PREFIX, officeButton, readOfficeButton } from "../keyboards/office-keyboard.ts";
import { telegramPersonChannel } from "../prompt-reporters.ts";
import { officeTime, requireOffice, showScreen } from "./office-access.ts";
import { buttonRound, commandRound, hasOtherRounds, showRoundPicker } from "./office-rounds.ts";
import { officePending, setOfficePending, type OfficePending } from "./office-session.ts";

/**
 * /review: the office reads a unit's submission, accepts it, or returns some answers with a comment; the
 * unit's reporters are told either way. Returned answers are asked again in the unit's /report.
 */
export const officeReviewFeature = new Composer<BotContext>();
const priv = officeReviewFeature.chatType("private");

/** Units per page of the list; answers per page follow the message limit. */
const LIST_PAGE = 10;

// Waiting for the office first, then the ones sent back, then the rest.
const LIST_ORDER = { SUBMITTED: 0, RETURNED: 1, IN_PROGRESS: 2, ACCEPTED: 3, NOT_STARTED: 4 } as const;
const MARK = { SUBMITTED: "📥", RETURNED: "🔁", IN_PROGRESS: "✍️", ACCEPTED: "☑️", NOT_STARTED: "⏳" } as const;

function statusText(ctx: BotContext, status: keyof typeof MARK): string {
  return ctx.t(`office-status-${status.toLowerCase().replace("_", "-")}`);
}

async function showReviewList(ctx: BotContext, round: RoundSummary, requestedPage: number): Promise<void> {
  const submissions = await ctx.deps.prisma.submission.findMany({
    where: { roundId: round.id },
    select: { id: true, status: true, unit: { select: { name: true, order: true } } },
  });
  const sorted = submissions.sort((a, b) => LIST_ORDER[a.status] - LIST_ORDER[b.status] || a.unit.order - b.unit.order || a.id - b.id);
  const pages = Math.max(1, Math.ceil(sorted.length / LIST_PAGE));
  const page = Math.min(Math.max(requestedPage, 0), pages - 1);
  const secret = secretOf(ctx);
  const keyboard = new InlineKeyboard();
  for (const s of sorted.slice(page * LIST_PAGE, (page + 1) * LIST_PAGE)) {
    keyboard.add(officeButton(`${MARK[s.status]} ${shorten(s.unit.name, 40)}`, "vo", [s.id, 0], secret)).row();
  }
  if (page > 0) keyboard.add(officeButton(ctx.t("office-button-previous"), "vl", [round.id, page - 1], secret));
  if (page < pages - 1) keyboard.add(officeButton(ctx.t("office-button-next"), "vl", [round.id, page + 1], secret));
  keyboard.row().add(officeButton(ctx.t("office-button-status"), "st", [round.id, 0], secret));
  if (await hasOtherRounds(ctx)) keyboard.add(officeButton(ctx.t("office-button-other-round"), "pv", [], secret));
  const waiting = sorted.filter((s) => s.status === "SUBMITTED").length;
  const text = [
    ctx.t("office-review-list-title", { round: await roundTitle(ctx.deps.prisma, round, ctx.locale) }),
    sorted.length === 0 ? ctx.t("office-review-list-empty") : ctx.t("office-review-list-waiting", { count: waiting }),
    pages > 1 ? ctx.t("office-page", { page: page + 1, pages }) : "",
  ]
    .filter(Boolean)
    .join("\n");
  await showScreen(ctx, text, { reply_markup: keyboard });
}

/** The submission's answers as pages of at most `budget` characters; a long answer is split, not cut. */
function answerPages(ctx: BotContext, s: SubmissionSnapshot, budget: number): string[] {
  const blocks = s.questions.map((question, i) => {
    const answer = s.answers[question.key];
    const shown = !answer
      ? ctx.t("office-review-unanswered")
      : answer.skipped || answer.value === null
        ? ctx.t("office-review-skipped")
        : displayAnswer(question, answer.value, ctx.locale, (key, vars) => ctx.t(key, vars));
    const mark = s.status === "RETURNED" && s.returnedQuestionKeys.includes(question.key) ? "🔁 " : "";
    return `${mark}${i + 1}. ${question.prompt[ctx.locale]}\n${shown}`;
  });
  const pieces = blocks.flatMap((block) => splitMessage(block, budget));
  return pageLines(pieces, { limit: budget, maxLines: 1000, separator: PARAGRAPH }).map((lines) => lines.join(PARAGRAPH));
}

const PARAGRAPH = "\n\n";

async function showSubmission(ctx: BotContext, sid: number, requestedPage: number, notice?: string): Promise<void> {
  const s = await loadSnapshot(ctx.deps.prisma, sid, ctx.locale, { view: "office" });
  if (!s) {
    await showScreen(ctx, ctx.t("office-stale-button"));
    return;
  }
  const time = officeTime(ctx);
  const head = [ctx.t("office-review-title", { unit: s.unitName, round: s.roundLabel }), ctx.t("office-review-status", { status: statusText(ctx, s.status) })];
  if (s.submittedAt) head.push(ctx.t("office-review-submitted-at", { time: time(s.submittedAt) }));
  if (isEditingSubmitted(s) && s.changedKeys.length > 0) {
    const numbers = s.changedKeys.map((key) => s.questions.findIndex((q) => q.key === key) + 1).join(", ");
    head.push(ctx.t("office-review-editing", { count: s.changedKeys.length, numbers }));
  }
  if (s.returnComment && s.returnedAt) head.push(ctx.t("office-review-last-return", { time: time(s.returnedAt), comment: s.returnComment }));
  const actions = reviewActions(s.status, s.roundStatus);
  const locked =
    actions.accept || actions.return
      ? undefined
      : ctx.t(s.status === "ACCEPTED" ? "office-review-locked-accepted" : s.roundStatus === "CLOSED" ? "office-review-locked-closed" : "office-review-not-submitted");
  // Whatever surrounds the answers on every page, with the longest page line.
  const frame = [notice, head.join("\n"), locked, ctx.t("office-page", { page: 999, pages: 999 })].filter(Boolean).join(PARAGRAPH).length + 2 * PARAGRAPH.length;
  const pages = answerPages(ctx, s, Math.max(TELEGRAM_TEXT_LIMIT - frame, 500));
  const page = Math.min(Math.max(requestedPage, 0), pages.length - 1);
  const parts = [notice, head.join("\n"), pages[page] ?? ""];
  if (pages.length > 1) parts.push(ctx.t("office-page", { page: page + 1, pages: pages.length }));
  if (locked) parts.push(locked);
  const secret = secretOf(ctx);
  const keyboard = new InlineKeyboard();
  if (pages.length > 1) {
    if (page > 0) keyboard.add(officeButton(ctx.t("office-button-previous"), "vo", [s.id, page - 1], secret));
    if (page < pages.length - 1) keyboard.add(officeButton(ctx.t("office-button-next"), "vo", [s.id, page + 1], secret));
    keyboard.row();
  }
  if (actions.accept) keyboard.add(officeButton(ctx.t("office-button-accept"), "va", [s.id, s.version], secret));
  if (actions.return) keyboard.add(officeButton(ctx.t("office-button-return"), "vr", [s.id, s.version], secret));
  keyboard.row().add(officeButton(ctx.t("office-button-back-to-list"), "vl", [s.roundId, 0], secret));
  await showScreen(ctx, parts.filter(Boolean).join(PARAGRAPH), { reply_markup: keyboard });
}

async function showReturnPicker(ctx: BotContext, s: SubmissionSnapshot, pending: OfficePending): Promise<void> {
  const secret = secretOf(ctx);
  const keyboard = new InlineKeyboard();
  s.questions.forEach((question, i) => {
    const on = pending.keys.includes(question.key);
    keyboard.add(officeButton(`${on ? "☑️" : "⬜"} ${i + 1}. ${shorten(question.prompt[ctx.locale], 40)}`, "vt", [s.id, i], secret)).row();
  });
  keyboard.add(officeButton(ctx.t("office-button-return-continue", { count: pending.keys.length }), "vc", [s.id], secret));
  keyboard.add(officeButton(ctx.t("office-button-cancel"), "vx", [s.id], secret));
  await showScreen(ctx, ctx.t("office-return-pick", { unit: s.unitName }), { reply_markup: keyboard });
}

function reporterLocale(person: { locale: string | null }, fallback: Locale): Locale {
  return isLocale(person.locale) ? person.locale : fallback;
}

/** Tells the unit's reporters about the office's decision, each in their language, and records it. */
async function tellReporters(
  ctx: BotContext,
  s: SubmissionSnapshot,
  message: (t: (key: string, vars?: Record<string, string | number>) => string, locale: Locale) => OutMessage,
  about: "returned" | "accepted",
): Promise<{ sent: number; unreachable: number }> {
  const prisma: PrismaClient = ctx.deps.prisma;
  const memberships = await prisma.membership.findMany({
    where: { role: "REPORTER", unitId: s.unitId, revokedAt: null },
    select: { person: { select: { id: true, telegramId: true, locale: true, unreachableAt: true } } },
  });
  const org = await prisma.unit.findUnique({ where: { id: s.unitId }, select: { organisation: { select: { locale: true } } } });
  const fallback: Locale = isLocale(org?.organisation.locale) ? org.organisation.locale : ctx.deps.defaultLocale;
  const channel = telegramPersonChannel(ctx.api, prisma);
  const people = [...new Map(memberships.map((m) => [m.person.id, m.person])).values()];
  const result = { sent: 0, unreachable: 0 };
  const sentTo: number[] = [];
  for (const person of people) {
    if (person.unreachableAt) {
      result.unreachable++;
      continue;
    }
    const locale = reporterLocale(person, fallback);
    const outcome = await channel.send(person, message((key, vars) => i18n.t(locale, key, vars), locale));
    if (outcome === "sent") {
      result.sent++;
      sentTo.push(person.id);
    } else if (outcome === "unreachable") result.unreachable++;
    else ctx.logger.warn({ personId: person.id, submissionId: s.id }, "could not tell a reporter about the office's review");
  }
  await prisma.auditEvent.create({
    data: { actorId: ctx.person!.id, action: "submission.reporters-notified", entityType: "Submission", entityId: String(s.id), data: { about, recipients: sentTo, unreachable: result.unreachable } },
  });
  return result;
}

function refusalText(ctx: BotContext, reason: ReviewRefusal): string {
  return ctx.t(`office-review-refused-${reason}`, { max: RETURN_COMMENT_MAX });
}

priv.command("review", async (ctx) => {
  if (!(await requireOffice(ctx, "submissions.review"))) return;
  const round = await commandRound(ctx);
  if (round) await showReviewList(ctx, round, 0);
});

priv.callbackQuery(new RegExp(`^${OFFICE_PREFIX}:(vl|vo|va|vr|vt|vc|vx|pv|pvl):`), async (ctx) => {
  const button = readOfficeButton(ctx.callbackQuery.data, secretOf(ctx));
  if (!button) {
    await ctx.answerCallbackQuery({ text: ctx.t("button-forged"), show_alert: true });
    return;
  }
  if (!(await requireOffice(ctx, "submissions.review"))) return;
  const { prisma } = ctx.deps;
  const key = telegramSessionKey(ctx.chat.id);
  const [first, second] = button.args;
  switch (button.op) {
    case "pv":
      await ctx.answerCallbackQuery();
      await showRoundPicker(ctx, "pvl", ctx.t("office-pick-round-review"));
      return;
    case "vl":
    case "pvl": {
      const round = await buttonRound(ctx, first);
      if (!round) return;
      await ctx.answerCallbackQuery();
      await showReviewList(ctx, round, second ?? 0);
      return;
    }
    case "vo":
      await ctx.answerCallbackQuery();
      await showSubmission(ctx, first!, second ?? 0);
      return;
    case "va": {
      const result = await acceptSubmission(prisma, { submissionId: first!, actorId: ctx.person!.id, expectedVersion: second, now: ctx.deps.now?.() });
      if (!result.ok) {
        const text = refusalText(ctx, result.reason);
        await ctx.answerCallbackQuery({ text, show_alert: true });
        await showSubmission(ctx, first!, 0, text);
        return;
      }
      await ctx.answerCallbackQuery({ text: ctx.t("office-accepted-toast") });
      await ctx.deps.onReviewed?.({ submissionId: result.submissionId, roundId: result.roundId, unitId: result.unitId, change: "accepted" });
      const s = (await loadSnapshot(prisma, result.submissionId, ctx.locale))!;
      const round = (await roundSummary(prisma, s.roundId))!;
      await tellReporters(ctx, s, (t, locale) => ({ text: t("office-accepted-reporter", { unit: s.unitName, round: periodLabel(round.period, locale) }) }), "accepted");
      await showSubmission(ctx, s.id, 0, ctx.t("office-accepted", { unit: s.unitName }));
      return;
    }
    case "vr": {
      const s = await loadSnapshot(prisma, first!, ctx.locale);
      if (!s || s.version !== second || !reviewActions(s.status, s.roundStatus).return) {
        const text = refusalText(ctx, !s ? "not-found" : s.version !== second ? "version-changed" : "not-allowed");
        await ctx.answerCallbackQuery({ text, show_alert: true });
        if (s) await showSubmission(ctx, s.id, 0, text);
        return;
      }
      const pending: OfficePending = { kind: "return-pick", sid: s.id, version: s.version, keys: [] };
      await setOfficePending(prisma, key, pending);
      await ctx.answerCallbackQuery();
      await showReturnPicker(ctx, s, pending);
      return;
    }
    case "vt":
    case "vc":
    case "vx": {
      const { pending } = await officePending(prisma, key);
      if (!pending || pending.sid !== first) {
        await ctx.answerCallbackQuery({ text: ctx.t("office-stale-button"), show_alert: true });
        return;
      }
      const s = await loadSnapshot(prisma, pending.sid, ctx.locale);
      if (!s) {
        await setOfficePending(prisma, key, null);
        await ctx.answerCallbackQuery({ text: ctx.t("office-stale-button"), show_alert: true });
        return;
      }
      if (button.op === "vx") {
        await setOfficePending(prisma, key, null);
        await ctx.answerCallbackQuery({ text: ctx.t("office-return-cancelled") });
        await showSubmission(ctx, s.id, 0);
        return;
      }
      if (button.op === "vt") {
        const question = s.questions[second ?? -1];
        if (!question) {
          await ctx.answerCallbackQuery({ text: ctx.t("office-stale-button"), show_alert: true });
          return;
        }
        const keys = pending.keys.includes(question.key) ? pending.keys.filter((k) => k !== question.key) : [...pending.keys, question.key];
        const next: OfficePending = { ...pending, kind: "return-pick", keys: s.questions.map((q) => q.key).filter((k) => keys.includes(k)) };
        await setOfficePending(prisma, key, next);
        await ctx.answerCallbackQuery();
        await showReturnPicker(ctx, s, next);
        return;
      }
      if (pending.keys.length === 0) {
        await ctx.answerCallbackQuery({ text: ctx.t("office-return-pick-one"), show_alert: true });
        return;
      }
      await setOfficePending(prisma, key, { ...pending, kind: "return-comment" });
      await ctx.answerCallbackQuery();
      const numbers = pending.keys.map((k) => s.questions.findIndex((q) => q.key === k) + 1).join(", ");
      await ctx.reply(ctx.t("office-return-ask-comment", { unit: s.unitName, numbers, count: pending.keys.length, max: RETURN_COMMENT_MAX }));
      return;
    }
  }
  await ctx.answerCallbackQuery({ text: ctx.t("office-stale-button"), show_alert: true });
});

/** The comment the office types after picking the questions to return. */
priv.on("message:text", async (ctx, next) => {
  if (ctx.message.text.startsWith("/")) return next();
  const key = telegramSessionKey(ctx.chat.id);
  const { pending, focused } = await officePending(ctx.deps.prisma, key);
  if (!focused || pending?.kind !== "return-comment") return next();
  if (!(await requireOffice(ctx, "submissions.review"))) return setOfficePending(ctx.deps.prisma, key, null);
  const comment = cleanText(ctx.message.text);
  const result = await returnSubmission(ctx.deps.prisma, {
    submissionId: pending.sid,
    actorId: ctx.person!.id,
    questionKeys: pending.keys,
    comment,
    expectedVersion: pending.version,
    now: ctx.deps.now?.(),
  });
  if (!result.ok) {
    if (result.reason === "empty-comment" || result.reason === "comment-too-long") {
      // Asked again; the picked questions stay.
      await ctx.reply(ctx.t(`office-review-refused-${result.reason}`, { max: RETURN_COMMENT_MAX, length: comment.length }));
      return;
    }
    await setOfficePending(ctx.deps.prisma, key, null);
    await showSubmission(ctx, pending.sid, 0, refusalText(ctx, result.reason));
    return;
  }
  await setOfficePending(ctx.deps.prisma, key, null);
  await ctx.deps.onReviewed?.({ submissionId: result.submissionId, roundId: result.roundId, unitId: result.unitId, change: "returned" });
  const s = (await loadSnapshot(ctx.deps.prisma, result.submissionId, ctx.locale))!;
  const round = (await roundSummary(ctx.deps.prisma, s.roundId))!;
  const told = await tellReporters(
    ctx,
    s,
    (t, locale) => {
      const questions = s.questions
        .map((q, i) => ({ q, n: i + 1 }))
        .filter(({ q }) => result.keys!.includes(q.key))
        .map(({ q, n }) => t("office-returned-reporter-question", { number: n, question: q.prompt[locale] }));
      return {
        text: t("office-returned-reporter", { unit: s.unitName, round: periodLabel(round.period, locale), questions: questions.join("\n"), comment: s.returnComment ?? comment }),
        buttons: [[{ label: t("office-button-answer-again"), action: { op: "open", sid: s.id } }]],
      };
    },
    "returned",
  );
  await ctx.reply(
    ctx.t(told.sent > 0 ? "office-returned" : "office-returned-nobody-told", { unit: s.unitName, count: result.keys!.length, sent: told.sent }),
  );
});

// A sticker or photo while the comment is awaited.
priv.on("message", async (ctx, next) => {
  if (ctx.message.text !== undefined) return next();
  const { pending, focused } = await officePending(ctx.deps.prisma, telegramSessionKey(ctx.chat.id));
  if (!focused || pending?.kind !== "return-comment") return next();
  await ctx.reply(ctx.t("office-return-comment-not-text"));
});
