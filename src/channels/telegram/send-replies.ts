import { InlineKeyboard, InputFile, type Api } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { splitMessage } from "../../conversation/split-message.ts";
import type { OutChoice, OutLink, OutReply } from "../../messaging/out-reply.ts";

/** Telegram's limits: message text, document caption. */
export const TELEGRAM_TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;

function keyboardOf(choices: OutChoice[][] | undefined, links: OutLink[] | undefined, privateChat: boolean): InlineKeyboard | undefined {
  const rows: InlineKeyboardButton[][] = (choices ?? []).filter((row) => row.length > 0).map((row) => row.map((c) => InlineKeyboard.text(c.label, c.payload)));
  for (const link of links ?? []) rows.push([link.webApp && privateChat ? InlineKeyboard.webApp(link.label, link.url) : InlineKeyboard.url(link.label, link.url)]);
  return rows.length > 0 ? InlineKeyboard.from(rows) : undefined;
}

/**
 * Sends replies to a Telegram chat: long texts split at the limit with the buttons under the last piece;
 * a reply marked `replace` redraws the message whose button was pressed (sent anew when it cannot be).
 */
export async function sendReplies(api: Api, chatId: number | string, replies: readonly OutReply[], options: { pressedMessageId?: number; privateChat?: boolean } = {}): Promise<void> {
  const privateChat = options.privateChat ?? true;
  for (const reply of replies) {
    if (reply.kind === "document") {
      const caption = reply.caption && reply.caption.length <= CAPTION_LIMIT ? reply.caption : undefined;
      const markup = keyboardOf(reply.choices, undefined, privateChat);
      await api.sendDocument(chatId, new InputFile(reply.bytes, reply.fileName), { caption, reply_markup: markup });
      if (reply.caption && !caption) for (const piece of splitMessage(reply.caption, TELEGRAM_TEXT_LIMIT)) await api.sendMessage(chatId, piece);
      continue;
    }
    const pieces = splitMessage(reply.text, TELEGRAM_TEXT_LIMIT);
    const markup = keyboardOf(reply.choices, reply.links, privateChat);
    for (const [i, piece] of pieces.entries()) {
      const last = i === pieces.length - 1;
      const extra = { reply_markup: last ? markup : undefined, link_preview_options: { is_disabled: true } };
      if (reply.replace && pieces.length === 1 && options.pressedMessageId !== undefined) {
        try {
          await api.editMessageText(chatId, options.pressedMessageId, piece, extra);
          continue;
        } catch (error) {
          // "message is not modified": it already shows this. Anything else (too old): send it anew.
          if (/not modified/i.test((error as Error).message)) continue;
        }
      }
      await api.sendMessage(chatId, piece, extra);
    }
  }
}
