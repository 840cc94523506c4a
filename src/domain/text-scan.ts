// Text rewritten in one pass over its UTF-16 code units into a typed array. A pattern replace pays for
// every match (and a backtracking one may retry from every position): on a long message of short runs —
// a space between every letter, a tab every other character — that is hundreds of milliseconds on the
// bot's only thread. These loops cost the same for any text of a given length.

const UTF16 = new TextDecoder("utf-16le");

/** No lone surrogate in the text (String.prototype.isWellFormed, Node 20; not in the ES2023 typings). */
const isWellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * The first `length` code units as a string. `wellFormed`: no lone surrogate among them, so the fast
 * decoder (which would replace one) may be used.
 */
function decode(units: Uint16Array, length: number, wellFormed: boolean): string {
  if (wellFormed) return UTF16.decode(units.subarray(0, length));
  const parts: string[] = [];
  for (let i = 0; i < length; i += 16_384) {
    parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(length, i + 16_384)) as unknown as number[]));
  }
  return parts.join("");
}

/** White space as String.prototype.trim and /\s/ know it. */
export function isSpaceUnit(unit: number): boolean {
  // Most text is letters and digits: settled by the first two tests.
  if (unit <= 0x20) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  if (unit < 0xa0) return false;
  return (
    unit === 0xa0 ||
    unit === 0x1680 ||
    (unit >= 0x2000 && unit <= 0x200a) ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    unit === 0x202f ||
    unit === 0x205f ||
    unit === 0x3000 ||
    unit === 0xfeff
  );
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * C0/C1 controls (except tab and line feed), zero-width space, bidi marks, overrides and isolates, word
 * joiner, BOM and the non-characters U+FFFE/U+FFFF. Zero-width joiners and variation selectors stay:
 * emoji sequences need them.
 */
export function isInvisibleUnit(unit: number): boolean {
  if (unit >= 0x20 && unit < 0x7f) return false;
  return (
    unit <= 0x08 ||
    (unit >= 0x0b && unit <= 0x1f) ||
    (unit >= 0x7f && unit <= 0x9f) ||
    unit === 0x061c ||
    unit === 0x200b ||
    unit === 0x200e ||
    unit === 0x200f ||
    (unit >= 0x202a && unit <= 0x202e) ||
    unit === 0x2060 ||
    (unit >= 0x2066 && unit <= 0x2069) ||
    unit === 0xfeff ||
    unit === 0xfffe ||
    unit === 0xffff
  );
}

/** Line ends unified to "\n", tabs as spaces, lone surrogates and invisible characters removed. */
export function stripInvisible(raw: string): string {
  const n = raw.length;
  // Most text has nothing to remove: one read-only pass says so.
  let clean = 0;
  while (clean < n) {
    const unit = raw.charCodeAt(clean);
    if (unit === 0x0d || unit === 0x09 || isInvisibleUnit(unit) || isLow(unit)) break;
    if (isHigh(unit)) {
      if (!isLow(raw.charCodeAt(clean + 1))) break;
      clean++;
    }
    clean++;
  }
  if (clean >= n) return raw;
  const out = new Uint16Array(n);
  let k = 0;
  for (let i = 0; i < clean; i++) out[k++] = raw.charCodeAt(i);
  for (let i = clean; i < n; i++) {
    const unit = raw.charCodeAt(i);
    if (unit === 0x0d) {
      out[k++] = 0x0a;
      if (raw.charCodeAt(i + 1) === 0x0a) i++;
    } else if (unit === 0x09) {
      out[k++] = 0x20;
    } else if (isHigh(unit)) {
      const next = raw.charCodeAt(i + 1);
      if (isLow(next)) {
        out[k++] = unit;
        out[k++] = next;
        i++;
      }
    } else if (!isLow(unit) && !isInvisibleUnit(unit)) {
      out[k++] = unit;
    }
  }
  return decode(out, k, true);
}

/** No white space at either end or before a line break, and no more than one blank line in a row. */
function isTidy(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  if (isSpaceUnit(text.charCodeAt(0)) || isSpaceUnit(text.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n; i++) {
    if (text.charCodeAt(i) !== 0x0a) continue;
    const before = text.charCodeAt(i - 1);
    // A blank line is allowed ("\n\n"), two are not, nor spaces at a line's end.
    if (isSpaceUnit(before) && (before !== 0x0a || text.charCodeAt(i - 2) === 0x0a)) return false;
  }
  return true;
}

/**
 * Each line without its trailing white space, runs of blank lines as one, and the whole without white
 * space at either end: what `.split("\n").map(trimEnd).join("\n").replace(/\n{3,}/g, "\n\n").trim()` gives.
 */
export function tidyLines(text: string): string {
  if (isTidy(text)) return text;
  const n = text.length;
  const out = new Uint16Array(n);
  let k = 0;
  let blank = 0;
  let start = 0;
  while (start <= n) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = n;
    let last = end;
    while (last > start && isSpaceUnit(text.charCodeAt(last - 1))) last--;
    let first = start;
    if (k === 0) while (first < last && isSpaceUnit(text.charCodeAt(first))) first++;
    if (first === last) {
      blank++;
    } else {
      if (k > 0) {
        out[k++] = 0x0a;
        if (blank > 0) out[k++] = 0x0a;
      }
      for (let i = first; i < last; i++) out[k++] = text.charCodeAt(i);
      blank = 0;
    }
    start = end + 1;
  }
  return decode(out, k, isWellFormed(text));
}

/** Every run of white space as one space, none at either end. */
export function collapseSpaces(text: string): string {
  const n = text.length;
  let plain = true;
  for (let i = 0; i < n && plain; i++) {
    const unit = text.charCodeAt(i);
    if (isSpaceUnit(unit) && (unit !== 0x20 || i === 0 || i === n - 1 || text.charCodeAt(i + 1) === 0x20)) plain = false;
  }
  if (plain) return text;
  const out = new Uint16Array(n);
  let k = 0;
  let space = false;
  for (let i = 0; i < n; i++) {
    const unit = text.charCodeAt(i);
    if (isSpaceUnit(unit)) {
      space = k > 0;
    } else {
      if (space) out[k++] = 0x20;
      space = false;
      out[k++] = unit;
    }
  }
  return decode(out, k, isWellFormed(text));
}

/** Every run of white space that holds a line break as one space: a text on one line. */
export function lineBreaksToSpaces(text: string): string {
  if (!text.includes("\n")) return text;
  const n = text.length;
  const out = new Uint16Array(n);
  let k = 0;
  let i = 0;
  while (i < n) {
    const unit = text.charCodeAt(i);
    if (!isSpaceUnit(unit)) {
      out[k++] = unit;
      i++;
      continue;
    }
    let end = i;
    let breaks = false;
    while (end < n && isSpaceUnit(text.charCodeAt(end))) {
      if (text.charCodeAt(end) === 0x0a) breaks = true;
      end++;
    }
    if (breaks) out[k++] = 0x20;
    else for (let j = i; j < end; j++) out[k++] = text.charCodeAt(j);
    i = end;
  }
  return decode(out, k, isWellFormed(text));
}

// Combining marks (\p{M}) of the Basic Multilingual Plane, looked up instead of matched.
let bmpMarks: Uint8Array | null = null;
const MARK = /^\p{M}$/u;

function isMark(codePoint: number): boolean {
  if (codePoint > 0xffff) return MARK.test(String.fromCodePoint(codePoint));
  if (!bmpMarks) {
    bmpMarks = new Uint8Array(0x10000);
    for (let c = 0x300; c <= 0xffff; c++) if (!(c >= 0xd800 && c <= 0xdfff) && MARK.test(String.fromCharCode(c))) bmpMarks[c] = 1;
  }
  return bmpMarks[codePoint] === 1;
}

/** Lower case without Vietnamese diacritics and with single spaces, for forgiving comparisons ("Không" = "khong"). */
export function foldText(text: string): string {
  const decomposed = text.normalize("NFD");
  const n = decomposed.length;
  const out = new Uint16Array(n);
  let k = 0;
  let space = false;
  for (let i = 0; i < n; i++) {
    let unit = decomposed.charCodeAt(i);
    if (isHigh(unit) && isLow(decomposed.charCodeAt(i + 1))) {
      const low = decomposed.charCodeAt(i + 1);
      i++;
      if (isMark((unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000)) continue;
      if (space) out[k++] = 0x20;
      space = false;
      out[k++] = unit;
      out[k++] = low;
      continue;
    }
    if (isSpaceUnit(unit)) {
      space = k > 0;
      continue;
    }
    if (unit >= 0x300 && isMark(unit)) continue;
    if (unit === 0x0111 || unit === 0x0110) unit = 0x64;
    if (space) out[k++] = 0x20;
    space = false;
    out[k++] = unit;
  }
  return decode(out, k, isWellFormed(decomposed)).toLowerCase();
}

/** How many lines of the text hold something other than white space. */
export function countFilledLines(text: string): number {
  let count = 0;
  let filled = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x0a) {
      if (filled) count++;
      filled = false;
    } else if (!filled && !isSpaceUnit(unit)) {
      filled = true;
    }
  }
  return filled ? count + 1 : count;
}

/** How many times `char` (one code unit) occurs in `text`. */
export function countOf(text: string, char: string): number {
  const unit = char.charCodeAt(0);
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === unit) count++;
  return count;
}
