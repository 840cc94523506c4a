import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { respond } from "../respond.ts";

/** Pressed buttons: the use cases check the payload (forged, stale or good) and act. */
export const actionsFeature = new Composer<BotContext>();

actionsFeature.chatType("private").on("callback_query:data", async (ctx) => {
  await respond(ctx, { kind: "action", payload: ctx.callbackQuery.data });
});
