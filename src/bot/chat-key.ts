/** ChatSession key of a Telegram chat; other channels use their own prefix. */
export function telegramSessionKey(chatId: number | bigint): string {
  return `telegram:${chatId}`;
}
