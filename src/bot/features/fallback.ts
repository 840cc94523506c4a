import { Composer } from "grammy";
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
  else if (text.startsWith("/")) await ctx.reply(ctx.t("fallback-unknown-command", { command: text.split(/[\s@]/)[0]! }));
  else await ctx.reply(ctx.t("fallback-hint"));
});
