import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { respond } from "../respond.ts";

/** /start <code>: the invite link. */
export const joinFeature = new Composer<BotContext>();

joinFeature.chatType("private").command("start", async (ctx, next) => {
  const code = ctx.match.trim();
  if (code === "") return next();
  await respond(ctx, { kind: "join", code });
});
