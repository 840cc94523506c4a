import { FakeBotApi, type RecordedCall } from "../test/support/fake-bot-api.ts";

/**
 * A local Bot API with Telegram's limits: a sliding second of 30 messages overall, and (for messages the
 * bot starts, not answers) one per chat per second. Above them it answers 429 with retry_after 1.
 */
export function limitedBotApi(options: { perChatLimit?: (chat: string) => boolean } = {}) {
  const accepted: number[] = [];
  const lastPerChat = new Map<string, number>();
  const delivered = new Map<string, number[]>();
  let refused = 0;
  const limitChat = options.perChatLimit ?? (() => true);
  const api = new FakeBotApi({
    respond: (call: RecordedCall) => {
      if (call.method !== "sendMessage") return undefined;
      const t = call.at;
      while (accepted.length && accepted[0]! <= t - 1000) accepted.shift();
      const chat = String(call.payload.chat_id);
      if (accepted.length >= 30 || (limitChat(chat) && (lastPerChat.get(chat) ?? -Infinity) > t - 1000)) {
        refused++;
        return { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } };
      }
      accepted.push(t);
      lastPerChat.set(chat, t);
      delivered.set(chat, [...(delivered.get(chat) ?? []), t]);
      return undefined;
    },
  });
  return { api, delivered, refused: () => refused };
}
