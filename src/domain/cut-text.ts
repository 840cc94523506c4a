/**
 * The first `max` UTF-16 units of a text at most, never ending in half of a surrogate pair: a lone
 * surrogate is not valid UTF-8, and Telegram refuses a message that contains one.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
