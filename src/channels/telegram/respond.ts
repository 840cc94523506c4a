import { cutText } from "../../domain/cut-text.ts";
import { encodeReplies } from "../../messaging/encode-replies.ts";
import type { Answer } from "../../messaging/reply.ts";
import { makeContext } from "../../use-cases/context.ts";
import { dispatch, type Inbound } from "../../use-cases/dispatch.ts";
import { identify } from "../../use-cases/identify.ts";
import { syncCommandsMenu } from "./commands-menu.ts";
import type { BotContext } from "./context.ts";
import { sendReplies } from "./send-replies.ts";

/** Telegram shows at most 200 characters of a button's answer. */
const TOAST_LIMIT = 200;

/** Shows a use case's answer in this chat: the toast on the pressed button, the replies, a new menu. */
export async function deliverAnswer(ctx: BotContext, answer: Answer): Promise<void> {
  if (ctx.callbackQuery) {
    // Alone, the toast is the whole answer: shown as an alert so it is not missed.
    await ctx.answerCallbackQuery(answer.toast ? { text: cutText(answer.toast, TOAST_LIMIT), show_alert: answer.replies.length === 0 } : undefined);
  } else if (answer.toast && answer.replies.length === 0 && ctx.chat) {
    await ctx.api.sendMessage(ctx.chat.id, answer.toast);
  }
  if (!ctx.chat) return;
  await sendReplies(ctx.api, ctx.chat.id, encodeReplies(answer.replies, ctx.deps.keyring), {
    pressedMessageId: ctx.callbackQuery?.message?.message_id,
    privateChat: ctx.chat.type === "private",
  });
  if (answer.refreshMenu && ctx.from) {
    // The role or the language changed: the person's own menu follows; failing to set it changes nothing else.
    const fresh = await identify(ctx.deps, { channel: "telegram", externalId: String(ctx.from.id), address: String(ctx.chat.id) });
    await syncCommandsMenu(ctx.api, ctx.chat.id, fresh.actor, fresh.locale).catch((error) => ctx.logger.warn({ err: error }, "could not set the commands menu"));
  }
}

/** Hands what the person did to the use cases and shows their answer. */
export async function respond(ctx: BotContext, inbound: Inbound): Promise<void> {
  await deliverAnswer(ctx, await dispatch(ctx.useCase ?? makeContext(ctx.deps, ctx.caller), inbound));
}
