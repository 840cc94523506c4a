import type { MiddlewareFn } from "grammy";
import type { ChatQueueCap } from "../../inbound/chat-queue-cap.ts";
import type { FloodVerdict, SenderRateLimit } from "../../inbound/sender-rate-limit.ts";
import type { StrangerReplies } from "../../inbound/stranger-replies.ts";
import { i18n, isLocale, localeFromTelegram, type Locale } from "../../i18n.ts";
import type { BotContext } from "../context.ts";

/** A Telegram account in the channel-neutral limits. */
function senderKey(userId: number): string {
  return `telegram:${userId}`;
}

/** Per-sender limit across every bot process, checked before any database work. */
export function limitSenders(limit: SenderRateLimit): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const from = ctx.from;
    if (!from || from.is_bot) return next();
    const verdict = await limit.check(senderKey(from.id));
    if (verdict === "pass") return next();
    await dropped(ctx, verdict, "sender over the rate limit");
  };
}

/** Caps the updates one chat holds in this process (handled or waiting in its queue). */
export function capChatQueue(cap: ChatQueueCap): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const id = ctx.chat?.id ?? ctx.from?.id;
    if (id === undefined) return next();
    const key = String(id);
    const verdict = cap.enter(key);
    if (verdict !== "pass") return dropped(ctx, verdict, "chat queue full");
    try {
      await next();
    } finally {
      cap.leave(key);
    }
  };
}

/**
 * After the actor is loaded: someone the bot does not know gets one answer per window. An invite link
 * (/start with a code) always goes through; its attempts are limited where they are checked.
 */
export function answerStrangersOnce(strangers: StrangerReplies): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const from = ctx.from;
    if (ctx.person || !from || ctx.chat?.type !== "private" || !(ctx.message || ctx.callbackQuery)) return next();
    if (/^\/start(?:@\w+)?\s+\S/.test(ctx.message?.text ?? "")) return next();
    if (await strangers.mayAnswer(senderKey(from.id))) return next();
    ctx.logger.debug("stranger already answered in this window; update ignored");
  };
}

async function dropped(ctx: BotContext, verdict: Exclude<FloodVerdict, "pass">, reason: string): Promise<void> {
  if (verdict === "drop") {
    ctx.logger.debug({ reason }, "update dropped");
    return;
  }
  ctx.logger.info({ reason }, "update dropped; the sender is asked to slow down");
  // Only a private chat is told; in a group the notice would be one more message in the flood.
  if (ctx.chat?.type !== "private") return;
  try {
    await ctx.api.sendMessage(ctx.chat.id, i18n.t(await noticeLocale(ctx), "flood-slow-down"));
  } catch (error) {
    ctx.logger.warn({ err: error }, "could not send the slow-down notice");
  }
}

/** The person's chosen language (one lookup, at most once per window), else their Telegram language. */
async function noticeLocale(ctx: BotContext): Promise<Locale> {
  const fallback = localeFromTelegram(ctx.from?.language_code, ctx.deps.defaultLocale);
  if (!ctx.from) return fallback;
  const person = await ctx.deps.prisma.person
    .findFirst({ where: { telegramId: BigInt(ctx.from.id) }, select: { locale: true } })
    .catch(() => null);
  return isLocale(person?.locale) ? person.locale : fallback;
}
