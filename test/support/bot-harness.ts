import type { Bot, Context } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";

export const TEST_BOT_INFO: UserFromGetMe = {
  id: 42,
  is_bot: true,
  first_name: "Tổng hợp",
  username: "tong_hop_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

export type OutgoingCall = { method: string; payload: Record<string, unknown> };

/**
 * Records every Bot API call instead of sending it, as grammY's own plugin tests do.
 * `respond` may return a custom result (or throw a GrammyError-like failure) per call.
 */
export function recordApiCalls<C extends Context>(bot: Pick<Bot<C>, "api">, respond?: (call: OutgoingCall) => unknown, calls: OutgoingCall[] = []) {
  let messageId = 5000;
  bot.api.config.use(async (_prev, method, payload) => {
    const call = { method, payload: payload as Record<string, unknown> };
    calls.push(call);
    const custom = respond?.(call);
    if (custom !== undefined) return custom as never;
    const result =
      method === "sendMessage" || method === "sendDocument" || method === "editMessageText"
        ? { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: { id: Number(call.payload.chat_id), type: "private" }, text: call.payload.text }
        : true;
    return { ok: true, result } as never;
  });
  return {
    calls,
    sent: () => calls,
    clear: () => void calls.splice(0),
    texts: (chatId?: number) =>
      calls.filter((c) => c.method === "sendMessage" && (chatId === undefined || c.payload.chat_id === chatId)).map((c) => String(c.payload.text)),
  };
}

let nextUpdateId = 1;

export function textUpdate(from: { id: number; first_name?: string; language_code?: string }, text: string, chatType = "private"): Update {
  const entities = text.startsWith("/") ? [{ type: "bot_command" as const, offset: 0, length: text.split(" ")[0]!.length }] : undefined;
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextUpdateId,
      date: Math.floor(Date.now() / 1000),
      chat: chatType === "private" ? { id: from.id, type: "private", first_name: from.first_name ?? "Người dùng" } : { id: -100123, type: "group", title: "Nhóm" },
      from: { id: from.id, is_bot: false, first_name: from.first_name ?? "Người dùng", language_code: from.language_code },
      text,
      entities,
    },
  } as Update;
}

export function callbackUpdate(from: { id: number; first_name?: string; language_code?: string }, data: string, messageId = 1): Update {
  return {
    update_id: nextUpdateId++,
    callback_query: {
      id: String(nextUpdateId),
      chat_instance: "ci",
      from: { id: from.id, is_bot: false, first_name: from.first_name ?? "Người dùng", language_code: from.language_code },
      message: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: from.id, type: "private", first_name: "x" }, text: "…" },
      data,
    },
  } as Update;
}
