import type { Transformer } from "grammy";

/** A channel's shared send budget, as the adapter's own replies take from it (ahead of bulk sends). */
export type ReplyBudget = { take(address: string, priority: "reply"): Promise<void> };

// The Bot API methods that put a message into a chat; the rest (toasts, menus, getMe) cost nothing.
const SENDING = new Set(["sendMessage", "sendDocument", "sendPhoto", "editMessageText", "copyMessage", "forwardMessage"]);

/** Replies wait for a slot of the channel's budget, so they and the notices together keep Telegram's limits. */
export function replyBudgetTransformer(budget: ReplyBudget): Transformer {
  return async (prev, method, payload, signal) => {
    const chatId = (payload as { chat_id?: unknown } | undefined)?.chat_id;
    if (SENDING.has(method) && chatId !== undefined) await budget.take(String(chatId), "reply");
    return prev(method, payload, signal);
  };
}
