import { InlineKeyboard } from "grammy";
import { can, type Action } from "../../../domain/permissions.ts";
import type { BotContext } from "../context.ts";

// Helpers of the rounds' features (/newround, /rounds) not yet moved to use cases; they go with them.

/** Refuses anyone without the office's right to `action`, politely; true when allowed. */
export async function requireOffice(ctx: BotContext, action: Action): Promise<boolean> {
  if (can(ctx.actor, action)) return true;
  const key = ctx.person ? "office-only" : "stranger-refusal";
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t(ctx.person ? "office-only" : "stranger-refusal-short"), show_alert: true });
  else await ctx.reply(ctx.t(key));
  return false;
}

export function nowOf(ctx: BotContext): Date {
  return ctx.deps.now?.() ?? new Date();
}

/** The keyboard without empty rows (left by row() after the last button of a loop), or none when empty. */
function tidyKeyboard(keyboard: InlineKeyboard | undefined): InlineKeyboard | undefined {
  if (!keyboard) return undefined;
  const rows = keyboard.inline_keyboard.filter((row) => row.length > 0);
  return rows.length > 0 ? InlineKeyboard.from(rows) : undefined;
}

/** Shows a screen in place of the message whose button was pressed, or as a new message. */
export async function showScreen(ctx: BotContext, text: string, options: { reply_markup?: InlineKeyboard } = {}): Promise<void> {
  const extra = { reply_markup: tidyKeyboard(options.reply_markup) };
  const message = ctx.callbackQuery?.message;
  if (message && ctx.chat) {
    try {
      await ctx.api.editMessageText(ctx.chat.id, message.message_id, text, { ...extra, link_preview_options: { is_disabled: true } });
      return;
    } catch (error) {
      // "message is not modified" means it already shows this; anything else: send it anew.
      if (/not modified/i.test((error as Error).message)) return;
    }
  }
  await ctx.reply(text, { ...extra, link_preview_options: { is_disabled: true } });
}
