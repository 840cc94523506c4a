import fc from "fast-check";

/** Pieces people (and broken clients) send: every one a known way to trip text handling. */
const codePoint = (min: number, max: number) => fc.integer({ min, max }).map((code) => String.fromCharCode(code));

const control = fc.oneof(codePoint(0x00, 0x1f), codePoint(0x7f, 0x9f));
const loneSurrogate = codePoint(0xd800, 0xdfff);
const bidi = fc.constantFrom("\u200E", "\u200F", "\u061C", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069");
const invisible = fc.constantFrom("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\uFFFE", "\uFFFF", "\uFFFD", "\uFDD0", "\u{1FFFF}", "\u{10FFFF}");
const emoji = fc.constantFrom("🎉", "👨‍👩‍👧‍👦", "👍🏽", "🇻🇳", "❤️", "1️⃣", "🏳️‍🌈", "🫠", "\u{1F600}");
const space = fc.constantFrom(" ", "  ", "\t", "\n", "\r\n", "\r", "\n\n\n", "\u00A0", "\u2028", "\u2029", "\u3000", "\u202F");
const vietnamese = fc.constantFrom(
  "Không",
  "khong",
  "có",
  "Có.",
  "xong",
  "Xong!",
  "Đã",
  "đ",
  "Tiếng Việt".normalize("NFD"),
  "ngày 5 tháng 3 năm 2025",
  "Quyết định số 219/QĐ-SKHCN ngày 09/7/2024 của Giám đốc Sở về việc",
  "Trực tuyến",
  "Họp giao ban",
);
const markup = fc.constantFrom("<", ">", "&", "&amp;", "]]>", '"', "'", "<w:t>", "</w:p>", "&#0;", "&#x1;", "<![CDATA[", "*bold*", "`x`", "\\", "{value}", "{unit}", "%s");
const numberish = fc.constantFrom("0", "1", "9", "-", "+", ".", ",", " ", "e", "1.234", "1,5", "1.234.567", "12 đơn", "triệu", "tỷ", "nghìn", "%", "Infinity", "NaN", "0x10", "1e308");
const dateish = fc.constantFrom("/", "-", ".", "ngày ", " tháng ", " năm ", "31", "29", "2", "02", "2025", "1899", "2100", "24", "2024-02-30");
const bullet = fc.constantFrom("- ", "• ", "* ", "1. ", "a) ", "—", "\n- ");
const letters = fc.string({ unit: "grapheme", maxLength: 12 });
const anyCodePoints = fc.string({ unit: "binary", maxLength: 12 });

const piece = fc.oneof(
  { weight: 3, arbitrary: letters },
  { weight: 2, arbitrary: anyCodePoints },
  { weight: 2, arbitrary: control },
  { weight: 2, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: bidi },
  { weight: 1, arbitrary: invisible },
  { weight: 2, arbitrary: emoji },
  { weight: 3, arbitrary: space },
  { weight: 3, arbitrary: vietnamese },
  { weight: 2, arbitrary: markup },
  { weight: 3, arbitrary: numberish },
  { weight: 2, arbitrary: dateish },
  { weight: 1, arbitrary: bullet },
);

/**
 * A long run of one piece: near and over every length limit (the longest, a long text's, is 10,000), and
 * no longer — the properties hold at any size, and a bigger input only costs time on a loaded machine.
 */
export const HUGE_MAX = 12_000;
const huge = fc
  .tuple(piece, fc.integer({ min: 200, max: HUGE_MAX }))
  .map(([text, times]) => (text === "" ? "x" : text).repeat(Math.max(1, Math.floor(times / Math.max(1, text.length)))));

/** Random Unicode text: control characters, lone surrogates, bidi marks, emoji, markup, huge strings. */
export const nastyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.array(piece, { maxLength: 24 }).map((parts) => parts.join("")) },
  { weight: 1, arbitrary: huge },
  { weight: 1, arbitrary: fc.array(fc.oneof(piece, huge), { minLength: 1, maxLength: 3 }).map((parts) => parts.join("")) },
);

const scale = fc.constantFrom("", " triệu", " tỷ", " nghìn", " đơn", "%", " ty", " billion");

/** Numbers as they get typed: plain, Vietnamese grouping, decimal commas, huge digit strings, scale words. */
export const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.double().map((n) => String(n)),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }).map((n) => n.toLocaleString("vi-VN")),
  fc.integer().map((n) => n.toLocaleString("en-US")),
  fc.tuple(fc.bigInt({ min: -(10n ** 400n), max: 10n ** 400n }), scale).map(([n, s]) => `${n}${s}`),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.array(fc.integer({ min: 0, max: 999 }), { maxLength: 120 }), scale).map(
    ([head, groups, s]) => `${head}${groups.map((g) => `.${String(g).padStart(3, "0")}`).join("")}${s}`,
  ),
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(",", ".")).map(([a, b, sep]) => `${a}${sep}${b}`),
);

/** Dates day first in every layout the parser knows, possible and impossible. */
export const dateText: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: -1, max: 40 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: 0, max: 3000 }), fc.constantFrom("/", "-", ".", " / "))
  .chain(([d, m, y, sep]) =>
    fc.constantFrom(`${d}${sep}${m}${sep}${y}`, `${y}-${m}-${d}`, `ngày ${d} tháng ${m} năm ${y}`, `${d}${sep}${m}${sep}${String(y).slice(-2)}`, `${d}/${m}`),
  );

/** Callback data a modified client could send: anything up to Telegram's 64 bytes, and shapes close to ours. */
export const callbackText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 64 }),
  fc.array(fc.oneof(fc.constantFrom("r1", "r0", "o", "s", "h", "t", "u", "e", "d", ""), fc.string({ unit: "grapheme-ascii", maxLength: 10 })), { maxLength: 6 }).map((parts) => parts.join(":")),
);

/** Any of the above. */
export const anyInput: fc.Arbitrary<string> = fc.oneof({ weight: 4, arbitrary: nastyText }, { weight: 2, arbitrary: numberText }, { weight: 2, arbitrary: dateText });
