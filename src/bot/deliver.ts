import type { Api } from "grammy";
import type { Logger } from "../logger.ts";
import type { OutMessage } from "../conversation/out-message.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { conversationKeyboard } from "./keyboards/conversation-keyboard.ts";
import { isUnreachableError, markUnreachable } from "./mark-unreachable.ts";

/**
 * Sends the conversation's messages to a chat. A message marked `replace` edits the message whose button
 * was pressed (a toggled choice); if that fails it is sent as a new one.
 */
export async function sendOutMessages(api: Api, chatId: number, messages: readonly OutMessage[], secret: string, pressedMessageId?: number): Promise<void> {
  for (const message of messages) {
    const reply_markup = message.buttons && message.buttons.length > 0 ? conversationKeyboard(message.buttons, secret) : undefined;
    if (message.replace && pressedMessageId !== undefined) {
      try {
        await api.editMessageText(chatId, pressedMessageId, message.text, { reply_markup, link_preview_options: { is_disabled: true } });
        continue;
      } catch {
        // Too old to edit, or unchanged: send it as a new message instead.
      }
    }
    await api.sendMessage(chatId, message.text, { reply_markup, link_preview_options: { is_disabled: true } });
  }
}

/** Messages to other people (not the one who acted); a blocked bot is recorded, not retried. */
export async function notifyPeople(
  api: Api,
  prisma: PrismaClient,
  logger: Logger,
  notifications: readonly { personId: number; text: string }[],
): Promise<void> {
  for (const note of notifications) {
    const person = await prisma.person.findUnique({ where: { id: note.personId }, select: { telegramId: true } });
    if (!person) continue;
    try {
      await api.sendMessage(Number(person.telegramId), note.text);
    } catch (error) {
      if (isUnreachableError(error)) await markUnreachable(prisma, note.personId, error);
      else logger.warn({ err: error, personId: note.personId }, "could not notify a person");
    }
  }
}
