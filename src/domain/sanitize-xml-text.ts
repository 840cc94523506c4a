/**
 * Characters XML 1.0 allows: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF
 * (as well-formed surrogate pairs). Everything else — C0 controls, lone surrogates, U+FFFE/U+FFFF —
 * would make Word refuse the file. DEL and the C1 controls (U+007F–U+009F) are allowed but invisible
 * and discouraged by the XML spec, so they go as well.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

// The common case, checked one UTF-16 unit at a time (much faster than the `u` scan): no character to remove,
// no CR and no surrogate at all. Text with an emoji or a control character takes the full path.
// eslint-disable-next-line no-control-regex
const NOT_PLAIN = /[^\t\n\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD]/;

/** Text safe to put in a .docx: forbidden characters removed, CR/LF unified, Unicode in NFC. */
export function sanitizeXmlText(text: string): string {
  if (!NOT_PLAIN.test(text)) return text.normalize("NFC");
  // With the `u` flag a lone surrogate is one unmatched code point, so it is removed too.
  return text.replace(FORBIDDEN, "").replace(/\r\n?/g, "\n").normalize("NFC");
}

/** The same cleaning applied to every string inside a JSON-like value (answers, stored options). */
export function sanitizeXmlValue<T>(value: T): T {
  if (typeof value === "string") return sanitizeXmlText(value) as T;
  if (Array.isArray(value)) return value.map((item) => sanitizeXmlValue(item)) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, sanitizeXmlValue(item)])) as T;
  }
  return value;
}
