import { Composer } from "grammy";
import { sessionKeyOf } from "../../../use-cases/identify.ts";

const telegramSessionKey = (chatId: number) => sessionKeyOf("telegram", String(chatId));
import type { BotContext } from "../context.ts";
import { newRoundFeature, newRoundText } from "./new-round.ts";
import { moveDeadlineText, roundsManageFeature } from "./rounds-manage.ts";
import { roundsPending } from "./rounds-session.ts";

/** Reporting rounds for the office: /newround, /rounds, and the text their steps wait for. */
export const roundsFeature = new Composer<BotContext>();
roundsFeature.use(newRoundFeature, roundsManageFeature);

const priv = roundsFeature.chatType("private");

/** Typed text while a rounds step has the chat's focus (a deadline, a request document, recipients). */
priv.on("message:text", async (ctx, next) => {
  if (ctx.message.text.startsWith("/")) return next();
  const { pending, focused } = await roundsPending(ctx.deps.prisma, telegramSessionKey(ctx.chat.id));
  if (!focused || !pending) return next();
  if (pending.kind === "move") return moveDeadlineText(ctx, pending, ctx.message.text);
  return newRoundText(ctx, pending, ctx.message.text);
});

// A sticker or photo where typed text is expected.
priv.on("message", async (ctx, next) => {
  if (ctx.message.text !== undefined) return next();
  const { pending, focused } = await roundsPending(ctx.deps.prisma, telegramSessionKey(ctx.chat.id));
  if (!focused || !pending) return next();
  await ctx.reply(ctx.t("rounds-not-text"));
});
