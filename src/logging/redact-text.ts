/**
 * Parts of a text that must never reach a log or a terminal: credentials (Telegram's bot token, Zalo's
 * tokens and keys, passwords in URLs, webhook secrets), invite codes and personal web links. Every pattern starts at a fixed
 * word or a word boundary, so the scan stays linear on long input.
 */
const RULES: readonly [RegExp, string][] = [
  // Telegram's token inside a Bot API URL or message: …/bot123456:AA…/sendMessage.
  [/\bbot\d+:[A-Za-z0-9_-]+/g, "bot<redacted>"],
  // A bare Telegram token: 123456789:AA… (35 characters after the colon).
  [/\b\d{5,}:[A-Za-z0-9_-]{30,}/g, "<redacted>"],
  // Named secrets in query strings, headers, form fields and JSON: access_token=…, "secret_key":"…".
  [
    /\b(access_token|refresh_token|secret_key|secret_token|x-zevent-signature|x-telegram-bot-api-secret-token|password)(["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi,
    "$1$2<redacted>",
  ],
  // The password part of a connection URL.
  [/\b((?:postgres(?:ql)?|rediss?|https?):\/\/[^\s:/@]*:)[^\s@/]*@/gi, "$1***@"],
  // Telegram invite links (https://t.me/bot?start=<code>) and the /start command that carries the code.
  [/([?&]start=)[^\s&#"']+/gi, "$1<redacted>"],
  [/(\bstart\s+)[A-Za-z0-9_-]{16,}/gi, "$1<redacted>"],
  // Personal web links (/form/<token>, /desk/<token>): whoever holds one opens a person's pages.
  [/(\/(?:form|desk)\/)[^\s/?#"']+/g, "$1<redacted>"],
  // Zalo's short invite codes: K7QM-3XD9-PA.
  [/\b[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2,4}\b/g, "<redacted>"],
];

export function redactText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of RULES) result = result.replace(pattern, replacement);
  return result;
}
