import { InlineKeyboard } from "grammy";
import { defaultRound, recentRounds, roundSummary, roundTitle, type RoundSummary } from "../../../office/round-choice.ts";
import type { BotContext } from "../context.ts";
import { secretOf } from "../legacy-secret.ts";
import { officeButton } from "../keyboards/office-keyboard.ts";
import { showScreen } from "./office-access.ts";

const STATUS_MARK: Record<RoundSummary["status"], string> = { OPEN: "🟢", CLOSED: "🔒", DRAFT: "📝" };

/** "🟢 9 tháng đầu năm 2024 — Kết quả …" */
export async function roundButtonLabel(ctx: BotContext, round: RoundSummary): Promise<string> {
  const title = await roundTitle(ctx.deps.prisma, round, ctx.locale);
  return `${STATUS_MARK[round.status]} ${title.length > 48 ? `${title.slice(0, 47)}…` : title}`;
}

/** The recent rounds as buttons; pressing one sends `op` with the round id. */
export async function showRoundPicker(ctx: BotContext, op: string, heading: string): Promise<void> {
  const rounds = await recentRounds(ctx.deps.prisma);
  if (rounds.length === 0) {
    await showScreen(ctx, ctx.t("office-no-rounds"));
    return;
  }
  const secret = secretOf(ctx);
  const keyboard = new InlineKeyboard();
  for (const round of rounds) keyboard.add(officeButton(await roundButtonLabel(ctx, round), op, [round.id], secret)).row();
  await showScreen(ctx, heading, { reply_markup: keyboard });
}

/** The round a command is about: the open one due first, else the latest; null (and said so) when none. */
export async function commandRound(ctx: BotContext): Promise<RoundSummary | null> {
  const round = await defaultRound(ctx.deps.prisma);
  if (!round) await ctx.reply(ctx.t("office-no-rounds"));
  return round;
}

/** The round of a button; a deleted one is reported as an old button. */
export async function buttonRound(ctx: BotContext, roundId: number | undefined): Promise<RoundSummary | null> {
  const round = roundId === undefined ? null : await roundSummary(ctx.deps.prisma, roundId);
  if (!round) await ctx.answerCallbackQuery({ text: ctx.t("office-stale-button"), show_alert: true });
  return round;
}

/** More than one round to choose from: worth a "other round" button. */
export async function hasOtherRounds(ctx: BotContext): Promise<boolean> {
  return (await ctx.deps.prisma.round.count()) > 1;
}
