import { Composer } from "grammy";
import { shorten } from "../../conversation/display-answer.ts";
import { cleanText } from "../../domain/answer-parsing.ts";
import type { BotContext } from "../context.ts";

/** Registered last: whatever no feature took gets a short, polite answer instead of silence. */
export const fallbackFeature = new Composer<BotContext>();

fallbackFeature.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("button-forged"), show_alert: true });
});

const priv = fallbackFeature.chatType("private");

priv.on("message", async (ctx) => {
  if (!ctx.person) {
    await ctx.reply(ctx.t("stranger-refusal"));
    return;
  }
  const text = ctx.message.text;
  if (text === undefined) await ctx.reply(ctx.t("fallback-non-text"));
  // The command is quoted back cleaned and short: a long or broken one would make the reply itself fail.
  else if (text.startsWith("/")) await ctx.reply(ctx.t("fallback-unknown-command", { command: shorten(cleanText(text.split(/[\s@]/)[0]!), 40) || "/" }));
  else await ctx.reply(ctx.t("fallback-hint"));
});
