// Made once, not per number shown.
const FORMATS = {
  vi: new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 6 }),
  en: new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 }),
};

/**
 * "1.260", "1.234.567,5" (vi) or "1,234,567.5" (en): a number as a clerk reads it, in the chat, the office's
 * export and the report alike. Six decimals keep what a unit typed and hide float noise (0,1 + 0,2 = "0,3").
 */
export function numberText(value: number, locale: "vi" | "en"): string {
  return FORMATS[locale].format(value);
}
