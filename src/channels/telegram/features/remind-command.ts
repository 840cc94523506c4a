import { Composer, InlineKeyboard } from "grammy";
import { roundSummary, roundTitle, type RoundSummary } from "../../../office/round-choice.ts";
import { remindNow } from "../../../queue/remind-now.ts";
import type { BotContext } from "../context.ts";
import { secretOf } from "../legacy-secret.ts";
import { readRoundsButton, roundsButton, ROUNDS_PREFIX } from "../keyboards/rounds-keyboard.ts";
import { nowOf, requireOffice, showScreen } from "./office-access.ts";
import { remindResultText } from "./office-status.ts";
import { roundButtonLabel } from "./office-rounds.ts";

/** /remind (office): remind now every unit that has not submitted in the open round (pick one when several are open). */
export const remindCommandFeature = new Composer<BotContext>();
const priv = remindCommandFeature.chatType("private");

/** Queues the reminders through the same queue, limits and one-minute dedupe as the /status buttons. */
async function remindRound(ctx: BotContext, round: RoundSummary): Promise<void> {
  const queue = ctx.deps.reminderQueue;
  if (!queue) {
    await showScreen(ctx, ctx.t("remind-unavailable"));
    return;
  }
  const result = await remindNow(ctx.deps.prisma, queue, round.id, ctx.person!.id, nowOf(ctx));
  if (result.queued.length > 0) {
    await ctx.deps.prisma.auditEvent.create({
      data: { actorId: ctx.person!.id, action: "reminders.requested", entityType: "Round", entityId: String(round.id), data: { jobs: result.queued, from: "command" } },
    });
  }
  const title = await roundTitle(ctx.deps.prisma, round, ctx.locale);
  await showScreen(ctx, `${ctx.t("remind-round", { round: title })}\n${remindResultText(ctx, result, null)}`);
}

priv.command("remind", async (ctx) => {
  if (!(await requireOffice(ctx, "rounds.remind"))) return;
  const open = await ctx.deps.prisma.round.findMany({ where: { status: "OPEN" }, orderBy: [{ deadline: "asc" }, { id: "asc" }], select: { id: true } });
  const rounds = (await Promise.all(open.map((r) => roundSummary(ctx.deps.prisma, r.id)))).filter((r): r is RoundSummary => r !== null);
  if (rounds.length === 0) {
    await ctx.reply(ctx.t("remind-no-open-round"));
    return;
  }
  if (rounds.length === 1) return remindRound(ctx, rounds[0]!);
  const secret = secretOf(ctx);
  const keyboard = new InlineKeyboard();
  for (const round of rounds) keyboard.add(roundsButton(await roundButtonLabel(ctx, round), "mr", [round.id], secret)).row();
  await ctx.reply(ctx.t("remind-pick-round"), { reply_markup: keyboard });
});

priv.callbackQuery(new RegExp(`^${ROUNDS_PREFIX}:mr:`), async (ctx) => {
  const button = readRoundsButton(ctx.callbackQuery.data, secretOf(ctx));
  if (!button) {
    await ctx.answerCallbackQuery({ text: ctx.t("button-forged"), show_alert: true });
    return;
  }
  if (!(await requireOffice(ctx, "rounds.remind"))) return;
  const round = button.args[0] === undefined ? null : await roundSummary(ctx.deps.prisma, button.args[0]);
  if (!round) {
    await ctx.answerCallbackQuery({ text: ctx.t("rounds-refused-not-found"), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  await remindRound(ctx, round);
});
