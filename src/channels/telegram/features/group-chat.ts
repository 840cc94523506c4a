import type { MiddlewareFn } from "grammy";
import { tellGroupOnce } from "../../../use-cases/group-chat.ts";
import type { BotContext } from "../context.ts";

/** Reports are answered only in private chat; a group is told once, then the bot stays quiet there. */
export const groupChatGuard: MiddlewareFn<BotContext> = async (ctx, next) => {
  const chat = ctx.chat;
  if (!chat || chat.type === "private") return next();
  if (chat.type === "channel") return;
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text: ctx.t("group-private-only-toast"), show_alert: true });
    return;
  }
  const added = ctx.myChatMember && ["member", "administrator"].includes(ctx.myChatMember.new_chat_member.status);
  const text = ctx.message?.text ?? ctx.message?.caption ?? "";
  const username = ctx.me.username.toLowerCase();
  const addressed =
    text.startsWith("/") ||
    text.toLowerCase().includes(`@${username}`) ||
    ctx.message?.reply_to_message?.from?.id === ctx.me.id;
  if (!added && !addressed) return;
  if (!(await tellGroupOnce(ctx.deps, "telegram", String(chat.id)))) return;
  await ctx.api.sendMessage(chat.id, ctx.t("group-private-only", { bot: ctx.me.username }));
};
