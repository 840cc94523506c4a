import type { MiddlewareFn } from "grammy";
import type { FloodControl } from "../../../inbound/flood-control.ts";
import { i18n, localeFromTelegram, type Locale } from "../../../i18n.ts";
import { looksLikeShortCode } from "../../../invites/short-code.ts";
import { senderLocale } from "../../../use-cases/identify.ts";
import type { BotContext } from "../context.ts";

/** A Telegram account in the channel-neutral limits. */
function senderKey(userId: number): string {
  return `telegram:${userId}`;
}

/**
 * Before any database work: the cap on updates one chat holds in this process (free to check, so a burst
 * is dropped at no cost), then the per-sender limit shared by every bot process. A dropped update is not
 * handled; the sender is told to slow down at most once per window.
 */
export function limitFloods(flood: FloodControl): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const from = ctx.from;
    const chatId = ctx.chat?.id ?? from?.id;
    if (!from || from.is_bot || chatId === undefined) return next();
    const chatKey = String(chatId);
    if (!flood.chatQueue.enter(chatKey)) return dropped(ctx, flood, "chat queue full");
    try {
      if (!(await flood.senders.allow(senderKey(from.id)))) return await dropped(ctx, flood, "sender over the rate limit");
      await next();
    } finally {
      flood.chatQueue.leave(chatKey);
    }
  };
}

/**
 * After the actor is loaded: someone the bot does not know gets one answer per window. An invite link
 * (/start with a code) or a typed code always goes through; its attempts are limited where they are checked.
 */
export function answerStrangersOnce(flood: FloodControl): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const from = ctx.from;
    if (ctx.person || !from || ctx.chat?.type !== "private" || !(ctx.message || ctx.callbackQuery)) return next();
    if (/^\/start(?:@\w+)?\s+\S/.test(ctx.message?.text ?? "")) return next();
    // A typed code (a link code from the person's other messenger) goes through the same way.
    if (looksLikeShortCode(ctx.message?.text ?? "")) return next();
    if (await flood.strangers.mayAnswer(senderKey(from.id))) return next();
    ctx.logger.debug("stranger already answered in this window; update ignored");
  };
}

async function dropped(ctx: BotContext, flood: FloodControl, reason: string): Promise<void> {
  // Only a private chat is told; in a group the notice would be one more message in the flood.
  if (ctx.chat?.type !== "private" || !(await flood.notices.mayNotify(senderKey(ctx.from!.id)))) {
    ctx.logger.debug({ reason }, "update dropped");
    return;
  }
  ctx.logger.info({ reason }, "update dropped; the sender is asked to slow down");
  try {
    await ctx.api.sendMessage(ctx.chat.id, i18n.t(await noticeLocale(ctx), "flood-slow-down"));
  } catch (error) {
    ctx.logger.warn({ err: error }, "could not send the slow-down notice");
  }
}

/** The person's chosen language (one lookup, at most once per window), else their messenger's. */
async function noticeLocale(ctx: BotContext): Promise<Locale> {
  const hint = localeFromTelegram(ctx.from?.language_code, ctx.deps.defaultLocale);
  if (!ctx.from) return hint;
  return senderLocale(ctx.deps, { channel: "telegram", externalId: String(ctx.from.id), languageHint: ctx.from.language_code ? hint : null });
}
