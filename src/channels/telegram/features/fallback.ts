import { Composer } from "grammy";
import type { BotContext } from "../context.ts";

/** Registered last: a button no feature recognised was not made by this bot. */
export const fallbackFeature = new Composer<BotContext>();

fallbackFeature.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("button-forged"), show_alert: true });
});
