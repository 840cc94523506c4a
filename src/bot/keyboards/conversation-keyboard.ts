import { InlineKeyboard } from "grammy";
import { actionFields } from "../../conversation/button-action.ts";
import type { Button } from "../../conversation/out-message.ts";
import { signPayload } from "../../domain/signed-payload.ts";

/** The conversation's buttons as a Telegram inline keyboard with signed callback data. */
export function conversationKeyboard(rows: readonly Button[][], secret: string): InlineKeyboard {
  return InlineKeyboard.from(rows.map((row) => row.map((button) => InlineKeyboard.text(button.label, signPayload(actionFields(button.action), secret)))));
}
