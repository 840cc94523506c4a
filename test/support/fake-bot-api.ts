// Tests use the same local Bot API server as the demo.
import type { Message } from "grammy/types";
import { textUpdate } from "./bot-harness.ts";

export { FakeBotApi, type FakeBotApiOptions, type FakeReply, type RecordedCall } from "../../src/demo/local-bot-api.ts";

/** A private chat's /start as the local Bot API hands it out (it numbers the update itself). */
export function startCommand(userId: number, languageCode?: string): { message: Message } {
  return { message: textUpdate({ id: userId, first_name: "Lan", language_code: languageCode }, "/start").message! };
}
