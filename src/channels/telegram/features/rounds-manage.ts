import { Composer, InlineKeyboard } from "grammy";
import { formatDateTime } from "../../../conversation/format-time.ts";
import { movedDeadlineExample } from "../../../domain/calendar/deadline-input.ts";
import { localDateOf } from "../../../domain/calendar/zoned-time.ts";
import { recentRounds, roundSummary, roundTitle, type RoundSummary } from "../../../office/round-choice.ts";
import { roundCounts } from "../../../rounds/round-counts.ts";
import { closeRound, moveDeadline, reopenRound, type LifecycleResult } from "../../../rounds/round-lifecycle.ts";
import { sessionKeyOf } from "../../../use-cases/identify.ts";

const telegramSessionKey = (chatId: number) => sessionKeyOf("telegram", String(chatId));
import type { BotContext } from "../context.ts";
import { secretOf } from "../legacy-secret.ts";
import { readRoundsButton, roundsButton, ROUNDS_PREFIX } from "../keyboards/rounds-keyboard.ts";
import { replanWithBot } from "../legacy-bridge.ts";
import { nowOf, requireOffice, showScreen } from "./office-access.ts";
import { setRoundsPending, type MoveDeadlinePending } from "./rounds-session.ts";
import { readDeadline } from "./typed-deadline.ts";

/** /rounds (office): the rounds with their progress; move a deadline, close, reopen. */
export const roundsManageFeature = new Composer<BotContext>();
const priv = roundsManageFeature.chatType("private");

/** Rounds listed: the open ones, then the most recent others. */
export const ROUNDS_LISTED = 10;

const STATUS_MARK: Record<RoundSummary["status"], string> = { OPEN: "🟢", CLOSED: "🔒", DRAFT: "📝" };

function time(ctx: BotContext, round: RoundSummary, instant: Date): string {
  return formatDateTime(instant, round.timeZone, ctx.locale);
}

function stateKey(round: RoundSummary, now: Date): string {
  if (round.status === "OPEN") return round.deadline.getTime() < now.getTime() ? "rounds-state-overdue" : "rounds-state-open";
  return round.status === "CLOSED" ? "rounds-state-closed" : "rounds-state-draft";
}

async function showRounds(ctx: BotContext, notice?: string): Promise<void> {
  const { prisma } = ctx.deps;
  const rounds = await recentRounds(prisma, ROUNDS_LISTED);
  if (rounds.length === 0) {
    await showScreen(ctx, [notice, ctx.t("rounds-empty")].filter(Boolean).join("\n\n"));
    return;
  }
  const counts = await roundCounts(prisma, rounds.map((r) => r.id));
  const secret = secretOf(ctx);
  const now = nowOf(ctx);
  const keyboard = new InlineKeyboard();
  const lines = [ctx.t("rounds-title")];
  for (const [i, round] of rounds.entries()) {
    const number = i + 1;
    const count = counts.get(round.id)!;
    lines.push(
      ctx.t("rounds-line", {
        number,
        mark: STATUS_MARK[round.status],
        round: await roundTitle(prisma, round, ctx.locale),
        state: ctx.t(stateKey(round, now)),
        deadline: time(ctx, round, round.deadline),
        submitted: count.submitted,
        total: count.total,
      }),
    );
    if (round.status === "OPEN") {
      keyboard.add(roundsButton(ctx.t("rounds-button-move", { number }), "rm", [round.id], secret));
      keyboard.add(roundsButton(ctx.t("rounds-button-close", { number }), "rc", [round.id], secret)).row();
    } else if (round.status === "CLOSED") {
      keyboard.add(roundsButton(ctx.t("rounds-button-reopen", { number }), "ro", [round.id], secret)).row();
    }
  }
  keyboard.add(roundsButton(ctx.t("rounds-button-refresh"), "rl", [], secret));
  await showScreen(ctx, [notice, lines.join("\n\n")].filter(Boolean).join("\n\n"), { reply_markup: keyboard });
}

priv.command("rounds", async (ctx) => {
  if (!(await requireOffice(ctx, "rounds.manage"))) return;
  await showRounds(ctx);
});

function refusalText(ctx: BotContext, result: Exclude<LifecycleResult, { ok: true }>): string {
  return ctx.t(`rounds-refused-${result.reason}`);
}

priv.callbackQuery(new RegExp(`^${ROUNDS_PREFIX}:r[a-z]{1,3}:`), async (ctx) => {
  const button = readRoundsButton(ctx.callbackQuery.data, secretOf(ctx));
  if (!button) {
    await ctx.answerCallbackQuery({ text: ctx.t("button-forged"), show_alert: true });
    return;
  }
  if (!(await requireOffice(ctx, "rounds.manage"))) return;
  const { prisma } = ctx.deps;
  if (button.op === "rl") {
    await ctx.answerCallbackQuery();
    await showRounds(ctx);
    return;
  }
  const round = button.args[0] === undefined ? null : await roundSummary(prisma, button.args[0]);
  if (!round) {
    await ctx.answerCallbackQuery({ text: ctx.t("rounds-refused-not-found"), show_alert: true });
    return;
  }
  const title = await roundTitle(prisma, round, ctx.locale);
  const change = { actorId: ctx.person!.id, now: nowOf(ctx) };
  switch (button.op) {
    case "rm": {
      if (round.status !== "OPEN") {
        await ctx.answerCallbackQuery({ text: ctx.t("rounds-refused-not-open"), show_alert: true });
        return;
      }
      await setRoundsPending(prisma, telegramSessionKey(ctx.chat.id), { kind: "move", roundId: round.id });
      await ctx.answerCallbackQuery();
      await ctx.reply(
        ctx.t("rounds-ask-deadline", { round: title, deadline: time(ctx, round, round.deadline), example: movedDeadlineExample(localDateOf(round.deadline, round.timeZone)) }),
      );
      return;
    }
    case "rc": {
      if (round.status !== "OPEN") {
        await ctx.answerCallbackQuery({ text: ctx.t("rounds-refused-not-open"), show_alert: true });
        return;
      }
      const count = (await roundCounts(prisma, [round.id])).get(round.id)!;
      const secret = secretOf(ctx);
      const keyboard = new InlineKeyboard()
        .add(roundsButton(ctx.t("rounds-button-confirm-close"), "rcy", [round.id], secret))
        .add(roundsButton(ctx.t("rounds-button-keep-open"), "rl", [], secret));
      await ctx.answerCallbackQuery();
      await showScreen(ctx, ctx.t("rounds-confirm-close", { round: title, submitted: count.submitted, total: count.total }), { reply_markup: keyboard });
      return;
    }
    case "rcy": {
      const result = await closeRound(prisma, round.id, change);
      if (!result.ok) {
        await ctx.answerCallbackQuery({ text: refusalText(ctx, result), show_alert: true });
        return;
      }
      await ctx.answerCallbackQuery();
      const plan = await replanWithBot(ctx.deps, round.id);
      ctx.logger.info({ roundId: round.id, removed: plan?.removed.length }, "round closed");
      await showRounds(ctx, ctx.t("rounds-closed", { round: title, removed: plan?.removed.length ?? 0 }));
      return;
    }
    case "ro": {
      const result = await reopenRound(prisma, round.id, change);
      if (!result.ok) {
        await ctx.answerCallbackQuery({ text: refusalText(ctx, result), show_alert: true });
        return;
      }
      await ctx.answerCallbackQuery();
      const plan = await replanWithBot(ctx.deps, round.id);
      ctx.logger.info({ roundId: round.id, added: plan?.added.length }, "round reopened");
      const notice = [ctx.t("rounds-reopened", { round: title, deadline: time(ctx, round, round.deadline), planned: plan ? plan.added.length + plan.kept.length : 0 })];
      if (round.deadline.getTime() <= change.now.getTime()) notice.push(ctx.t("rounds-reopened-past-deadline"));
      await showRounds(ctx, notice.join("\n"));
      return;
    }
  }
  await ctx.answerCallbackQuery({ text: ctx.t("newround-stale-button"), show_alert: true });
});

/** The new deadline typed after "move the deadline". */
export async function moveDeadlineText(ctx: BotContext, pending: MoveDeadlinePending, text: string): Promise<void> {
  const { prisma } = ctx.deps;
  const key = telegramSessionKey(ctx.chat!.id);
  if (!(await requireOffice(ctx, "rounds.manage"))) return setRoundsPending(prisma, key, null);
  const round = await roundSummary(prisma, pending.roundId);
  if (!round || round.status !== "OPEN") {
    await setRoundsPending(prisma, key, null);
    await ctx.reply(ctx.t(round ? "rounds-refused-not-open" : "rounds-refused-not-found"));
    return;
  }
  const deadline = readDeadline(ctx, text, round.timeZone, movedDeadlineExample(localDateOf(round.deadline, round.timeZone)));
  if (typeof deadline === "string") {
    await ctx.reply(deadline);
    return;
  }
  const result = await moveDeadline(prisma, round.id, deadline, { actorId: ctx.person!.id, now: nowOf(ctx) });
  if (!result.ok) {
    if (result.reason !== "deadline-past") await setRoundsPending(prisma, key, null);
    await ctx.reply(refusalText(ctx, result));
    return;
  }
  await setRoundsPending(prisma, key, null);
  const plan = await replanWithBot(ctx.deps, round.id);
  ctx.logger.info({ roundId: round.id, added: plan?.added.length, removed: plan?.removed.length }, "round deadline moved");
  await ctx.reply(
    ctx.t("rounds-deadline-moved", {
      round: await roundTitle(prisma, round, ctx.locale),
      from: time(ctx, round, result.from!),
      to: time(ctx, round, deadline),
    }),
  );
}
