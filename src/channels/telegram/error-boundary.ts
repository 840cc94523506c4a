import { BotError, GrammyError, HttpError, type Context } from "grammy";
import { i18n } from "../../i18n.ts";
import type { BotContext } from "./context.ts";

// Updates whose handling failed inside the boundary. The boundary answers the person and ends the update
// normally (a webhook still gets 200); the duplicate guard reads this to release the update.
const failed = new WeakSet<Context>();

/** True when this update failed and the person was told to try again. */
export function updateFailed(ctx: Context): boolean {
  return failed.has(ctx);
}

/** Logs the failure and tells the person to try again instead of leaving them with silence. */
export async function handleBotError(error: BotError<BotContext>): Promise<void> {
  const { ctx } = error;
  const cause = error.error;
  failed.add(ctx);
  const logger = ctx.logger ?? ctx.deps.logger;
  logger.error({ err: cause, updateId: ctx.update.update_id }, "update failed");
  if (cause instanceof GrammyError && (cause.error_code === 403 || cause.error_code === 400)) return;
  if (cause instanceof HttpError) return;
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return;
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
    await ctx.api.sendMessage(chatId, i18n.t(ctx.locale ?? ctx.deps.defaultLocale, "error-try-again"));
  } catch (sendError) {
    logger.warn({ err: sendError }, "could not tell the user about the failure");
  }
}
