import { z } from "zod";
import { periodLabel } from "../domain/calendar/period.ts";
import type { WorkingCalendar } from "../domain/calendar/working-calendar.ts";
import type { ActionOf, ActionOp } from "../messaging/action.ts";
import { text, type Answer, type Choice } from "../messaging/reply.ts";
import { recentRounds, roundSummary, roundTitle, type RoundSummary } from "../office/round-choice.ts";
import { replanRound } from "../queue/replan-on-change.ts";
import { roundCounts, type RoundCount } from "../rounds/round-counts.ts";
import { closeRound, moveDeadline, reopenRound, type LifecycleResult } from "../rounds/round-lifecycle.ts";
import { announceToReporters } from "./announce.ts";
import { chatPart, setChatPart } from "./chat-state.ts";
import type { UseCaseContext } from "./context.ts";
import { refuseUnless } from "./refuse-unless.ts";
import { readDeadline, showDeadline, workingCalendar } from "./round-deadline.ts";
import { movedDeadlineExample } from "../domain/calendar/deadline-input.ts";
import { localDateOf } from "../domain/calendar/zoned-time.ts";

/** The chat part of a deadline being moved: the round, and the new deadline shown for confirmation. */
export const ROUNDS_PART = "rounds";

const pendingSchema = z.object({
  roundId: z.number().int(),
  /** The typed deadline awaiting confirmation (ISO instant). */
  proposed: z.string().optional(),
});

type PendingMove = z.infer<typeof pendingSchema>;

type RoundsOp = Extract<ActionOp, `rounds.${string}`>;
type RoundsAction = ActionOf<RoundsOp>;

/** Rounds listed: the open ones, then the most recent others. */
export const ROUNDS_LISTED = 10;

/** Room kept in a message for the lines added after a list cut to fit. */
const TEXT_MARGIN = 200;

const MINUTE_MS = 60_000;

const STATUS_MARK: Record<RoundSummary["status"], string> = { OPEN: "🟢", CLOSED: "🔒", DRAFT: "📝" };

function say(value: string): Answer {
  return { replies: [text(value)] };
}

function toast(value: string): Answer {
  return { replies: [], toast: value };
}

function refusalText(ctx: UseCaseContext, result: Exclude<LifecycleResult, { ok: true }>): string {
  return ctx.t(`rounds-refused-${result.reason}`);
}

function stateKey(round: RoundSummary, now: Date): string {
  if (round.status === "OPEN") return round.deadline.getTime() < now.getTime() ? "rounds-state-overdue" : "rounds-state-open";
  return round.status === "CLOSED" ? "rounds-state-closed" : "rounds-state-draft";
}

async function pendingMove(ctx: UseCaseContext): Promise<PendingMove | null> {
  const parsed = pendingSchema.safeParse((await chatPart(ctx, ROUNDS_PART)).value);
  return parsed.success ? parsed.data : null;
}

function replan(ctx: UseCaseContext, roundId: number) {
  const { prisma, reminderQueue, logger, now } = ctx.deps;
  return replanRound({ prisma, queue: reminderQueue, logger, now }, roundId);
}

function describe(ctx: UseCaseContext, key: string, round: RoundSummary, title: string, count: RoundCount, calendar: WorkingCalendar, number?: number): string {
  return ctx.t(key, {
    number: number ?? 0,
    mark: STATUS_MARK[round.status],
    round: title,
    state: ctx.t(stateKey(round, ctx.now())),
    deadline: showDeadline(ctx, round.deadline, round.timeZone, calendar).when,
    submitted: count.submitted,
    total: count.total,
  });
}

/**
 * The rounds with their progress. Where the channel shows every round's choices as buttons (move,
 * close, reopen), they are under the list; where it shows fewer (Zalo: 5), each round is one choice that
 * opens its own screen. The list stops where the message would pass the channel's limit.
 */
async function listScreen(ctx: UseCaseContext, options: { notice?: string; replace: boolean }): Promise<Answer> {
  const { prisma } = ctx.deps;
  const { t } = ctx;
  const head = [options.notice, t("rounds-title")].filter(Boolean).join("\n\n");
  const rounds = await recentRounds(prisma, ROUNDS_LISTED);
  if (rounds.length === 0) return { replies: [text([options.notice, t("rounds-empty")].filter(Boolean).join("\n\n"), { replace: options.replace })] };
  const counts = await roundCounts(prisma, rounds.map((r) => r.id));
  const calendar = await workingCalendar(ctx);
  const lines: string[] = [];
  const shown: RoundSummary[] = [];
  let length = head.length;
  for (const [i, round] of rounds.entries()) {
    const line = describe(ctx, "rounds-line", round, await roundTitle(prisma, round, ctx.caller.locale), counts.get(round.id)!, calendar, i + 1);
    if (shown.length > 0 && length + line.length + 2 > ctx.caller.textLimit - TEXT_MARGIN) break;
    lines.push(line);
    shown.push(round);
    length += line.length + 2;
  }
  if (shown.length < rounds.length) lines.push(t("rounds-more", { count: rounds.length - shown.length }));
  const refresh: Choice = { label: t("rounds-button-refresh"), action: { op: "rounds.list" } };
  const direct: Choice[][] = [];
  for (const [i, round] of shown.entries()) {
    const number = i + 1;
    if (round.status === "OPEN") {
      direct.push([
        { label: t("rounds-button-move", { number }), action: { op: "rounds.move", round: round.id } },
        { label: t("rounds-button-close", { number }), action: { op: "rounds.close", round: round.id } },
      ]);
    } else if (round.status === "CLOSED") {
      direct.push([{ label: t("rounds-button-reopen", { number }), action: { op: "rounds.reopen", round: round.id } }]);
    }
  }
  const directCount = direct.reduce((n, row) => n + row.length, 0) + 1;
  const rows =
    directCount <= ctx.caller.maxChoices
      ? [...direct, [refresh]]
      : [
          ...shown.map((round, i) => [
            { label: t("rounds-button-show", { number: i + 1, mark: STATUS_MARK[round.status], period: periodLabel(round.period, ctx.caller.locale) }), action: { op: "rounds.show" as const, round: round.id } },
          ]),
          [refresh],
        ];
  return { replies: [text([head, ...lines].join("\n\n"), { choices: rows, replace: options.replace })] };
}

/** One round with what can be done to it (where the list cannot show every round's choices). */
async function roundScreen(ctx: UseCaseContext, round: RoundSummary): Promise<Answer> {
  const { t } = ctx;
  const count = (await roundCounts(ctx.deps.prisma, [round.id])).get(round.id)!;
  const calendar = await workingCalendar(ctx);
  const body = [describe(ctx, "rounds-detail", round, await roundTitle(ctx.deps.prisma, round, ctx.caller.locale), count, calendar)];
  const warning = round.status === "OPEN" ? showDeadline(ctx, round.deadline, round.timeZone, calendar).warning : null;
  if (warning) body.push(warning);
  const rows: Choice[][] = [];
  if (round.status === "OPEN") {
    rows.push([{ label: t("rounds-action-move"), action: { op: "rounds.move", round: round.id } }]);
    rows.push([{ label: t("rounds-action-close"), action: { op: "rounds.close", round: round.id } }]);
  } else if (round.status === "CLOSED") {
    rows.push([{ label: t("rounds-action-reopen"), action: { op: "rounds.reopen", round: round.id } }]);
  }
  rows.push([{ label: t("rounds-button-back"), action: { op: "rounds.list" } }]);
  return { replies: [text(body.join("\n\n"), { choices: rows, replace: true })] };
}

/** /rounds (office): the rounds with their progress; move a deadline, close, reopen. */
export async function listRounds(ctx: UseCaseContext): Promise<Answer> {
  const refused = await refuseUnless(ctx, "rounds.manage", false, ROUNDS_PART);
  if (refused) return refused;
  await setChatPart(ctx, ROUNDS_PART, null, { focus: false });
  return listScreen(ctx, { replace: false });
}

/** A choice of the rounds screens. */
export async function roundsChoice(ctx: UseCaseContext, action: RoundsAction): Promise<Answer> {
  const refused = await refuseUnless(ctx, "rounds.manage", true, ROUNDS_PART);
  if (refused) return refused;
  const { prisma, logger } = ctx.deps;
  if (action.op === "rounds.list") {
    // Back to the list: a deadline being typed is given up.
    await setChatPart(ctx, ROUNDS_PART, null, { focus: false });
    return listScreen(ctx, { replace: true });
  }
  const round = await roundSummary(prisma, action.round);
  if (!round) return toast(ctx.t("rounds-refused-not-found"));
  const title = await roundTitle(prisma, round, ctx.caller.locale);
  const change = { actorId: ctx.caller.person!.id, now: ctx.now() };
  switch (action.op) {
    case "rounds.show":
      return roundScreen(ctx, round);
    case "rounds.move": {
      if (round.status !== "OPEN") return toast(ctx.t("rounds-refused-not-open"));
      await setChatPart(ctx, ROUNDS_PART, { roundId: round.id } satisfies PendingMove, { focus: true });
      const current = showDeadline(ctx, round.deadline, round.timeZone, await workingCalendar(ctx));
      return {
        replies: [
          text(ctx.t("rounds-ask-deadline", { round: title, deadline: current.when, example: movedDeadlineExample(localDateOf(round.deadline, round.timeZone)) }), {
            choices: [[{ label: ctx.t("rounds-button-keep-deadline"), action: { op: "rounds.list" } }]],
          }),
        ],
        expects: "deadline",
      };
    }
    case "rounds.move-confirm":
      return confirmMove(ctx, round, title, action.deadline);
    case "rounds.close": {
      if (round.status !== "OPEN") return toast(ctx.t("rounds-refused-not-open"));
      const count = (await roundCounts(prisma, [round.id])).get(round.id)!;
      const rows: Choice[][] = [
        [
          { label: ctx.t("rounds-button-confirm-close"), action: { op: "rounds.close-confirm", round: round.id } },
          { label: ctx.t("rounds-button-keep-open"), action: { op: "rounds.list" } },
        ],
      ];
      return { replies: [text(ctx.t("rounds-confirm-close", { round: title, submitted: count.submitted, total: count.total }), { choices: rows, replace: true })] };
    }
    case "rounds.close-confirm": {
      const result = await closeRound(prisma, round.id, change);
      if (!result.ok) return toast(refusalText(ctx, result));
      const plan = await replan(ctx, round.id);
      logger.info({ roundId: round.id, removed: plan?.removed.length }, "round closed");
      return listScreen(ctx, { replace: true, notice: ctx.t("rounds-closed", { round: title, removed: plan?.removed.length ?? 0 }) });
    }
    case "rounds.reopen": {
      const result = await reopenRound(prisma, round.id, change);
      if (!result.ok) return toast(refusalText(ctx, result));
      const plan = await replan(ctx, round.id);
      logger.info({ roundId: round.id, added: plan?.added.length }, "round reopened");
      const deadline = showDeadline(ctx, round.deadline, round.timeZone, await workingCalendar(ctx));
      const notice = [ctx.t("rounds-reopened", { round: title, deadline: deadline.when, planned: plan ? plan.added.length + plan.kept.length : 0 })];
      if (round.deadline.getTime() <= change.now.getTime()) notice.push(ctx.t("rounds-reopened-past-deadline"));
      return listScreen(ctx, { replace: true, notice: notice.join("\n") });
    }
    default:
      return toast(ctx.t("rounds-stale-button"));
  }
}

/**
 * The new deadline typed after "move the deadline": not applied yet, but shown with its weekday (and a
 * warning when it falls on a day off) for the office to confirm. Another date typed replaces it.
 */
export async function moveDeadlineText(ctx: UseCaseContext, typed: string): Promise<Answer> {
  const refused = await refuseUnless(ctx, "rounds.manage", false, ROUNDS_PART);
  if (refused) return refused;
  const pending = await pendingMove(ctx);
  const round = pending ? await roundSummary(ctx.deps.prisma, pending.roundId) : null;
  if (!round || round.status !== "OPEN") {
    await setChatPart(ctx, ROUNDS_PART, null, { focus: false });
    return say(ctx.t(round ? "rounds-refused-not-open" : "rounds-refused-not-found"));
  }
  const read = readDeadline(ctx, typed, round.timeZone, movedDeadlineExample(localDateOf(round.deadline, round.timeZone)));
  if (!read.ok) return say(read.message);
  const calendar = await workingCalendar(ctx);
  const from = showDeadline(ctx, round.deadline, round.timeZone, calendar);
  const to = showDeadline(ctx, read.deadline, round.timeZone, calendar);
  if (read.deadline.getTime() === round.deadline.getTime()) return say(ctx.t("rounds-deadline-same", { deadline: from.when }));
  await setChatPart(ctx, ROUNDS_PART, { roundId: round.id, proposed: read.deadline.toISOString() } satisfies PendingMove, { focus: true });
  const count = (await roundCounts(ctx.deps.prisma, [round.id])).get(round.id)!;
  const title = await roundTitle(ctx.deps.prisma, round, ctx.caller.locale);
  const body = [ctx.t("rounds-confirm-move", { round: title, from: from.when, to: to.when, pending: count.total - count.submitted })];
  if (to.warning) body.push(to.warning);
  const rows: Choice[][] = [
    [{ label: ctx.t("rounds-button-move-confirm"), action: { op: "rounds.move-confirm", round: round.id, deadline: Math.round(read.deadline.getTime() / MINUTE_MS) } }],
    [{ label: ctx.t("rounds-button-keep-deadline"), action: { op: "rounds.list" } }],
  ];
  return { replies: [text(body.join("\n\n"), { choices: rows })], expects: "deadline" };
}

/** A sticker or photo where the new deadline is expected. */
export async function moveDeadlineNotText(ctx: UseCaseContext): Promise<Answer> {
  return say(ctx.t("rounds-not-text"));
}

/** Moves the deadline the office confirmed, re-plans the reminders and tells the reporters of the units that have not submitted. */
async function confirmMove(ctx: UseCaseContext, round: RoundSummary, title: string, minutes: number): Promise<Answer> {
  const { prisma, logger } = ctx.deps;
  const pending = await pendingMove(ctx);
  // Only the confirmation of the date last typed, for this round, and not yet applied.
  if (!pending?.proposed || pending.roundId !== round.id || Math.round(new Date(pending.proposed).getTime() / MINUTE_MS) !== minutes) return toast(ctx.t("rounds-stale-button"));
  const deadline = new Date(minutes * MINUTE_MS);
  const result = await moveDeadline(prisma, round.id, deadline, { actorId: ctx.caller.person!.id, now: ctx.now() });
  if (!result.ok) {
    // A deadline that passed while waiting can be typed again; any other refusal ends the move.
    await setChatPart(ctx, ROUNDS_PART, result.reason === "deadline-past" ? ({ roundId: round.id } satisfies PendingMove) : null, { focus: result.reason === "deadline-past" });
    return { replies: [text(refusalText(ctx, result), { replace: true })] };
  }
  await setChatPart(ctx, ROUNDS_PART, null, { focus: false });
  const plan = await replan(ctx, round.id);
  logger.info({ roundId: round.id, added: plan?.added.length, removed: plan?.removed.length }, "round deadline moved");
  const calendar = await workingCalendar(ctx);
  const lines = [
    ctx.t("rounds-deadline-moved", {
      round: title,
      from: showDeadline(ctx, result.from!, round.timeZone, calendar).when,
      to: showDeadline(ctx, deadline, round.timeZone, calendar).when,
    }),
  ];
  try {
    // Through the queue, paced; the secretary hears how the batch went when it is done.
    const told = await announceToReporters(ctx, round.id, "deadline-moved");
    if (told.queued > 0) lines.push(ctx.t("rounds-moved-notifying", { count: told.queued }));
    else lines.push(ctx.t(ctx.deps.notices ? "rounds-moved-nobody" : "rounds-moved-notify-error"));
  } catch (error) {
    logger.warn({ err: error, roundId: round.id }, "could not tell the reporters of the new deadline");
    lines.push(ctx.t("rounds-moved-notify-error"));
  }
  return { replies: [text(lines.join("\n"), { replace: true })] };
}
