import type { MiddlewareFn } from "grammy";
import { handleOnce, type HandledEvents } from "../../../inbound/handled-events.ts";
import type { BotContext } from "../context.ts";
import { updateFailed } from "../error-boundary.ts";

/** The key of a Telegram update in the handled-event record. */
export function telegramUpdateKey(botId: number, updateId: number): string {
  return `update:${botId}:${updateId}`;
}

/**
 * Telegram re-delivers an update when a webhook answer was lost or a poller died before confirming it;
 * handling it twice would store an answer twice. The update is held by a short, renewed lease while it is
 * handled and remembered once it succeeded; a failed update (the person was told to try again) or one whose
 * process died is let through when it comes again.
 */
export function ignoreDuplicateUpdates(events: HandledEvents): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    await handleOnce(
      events,
      telegramUpdateKey(ctx.me.id, ctx.update.update_id),
      async () => {
        await next();
        return updateFailed(ctx) ? "failed" : "done";
      },
      ctx.logger,
    );
  };
}
