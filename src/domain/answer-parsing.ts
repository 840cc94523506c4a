import { DEFAULT_LIMITS, isIsoDate, type AnswerValue, type DocumentRef } from "./answer-value.ts";
import { cutText } from "./cut-text.ts";
import { collapseSpaces, countOf, foldText, isSpaceUnit, lineBreaksToSpaces, stripInvisible, tidyLines } from "./text-scan.ts";
import { trimEndOf, trimEndOfSpaceAnd } from "./text-trim.ts";
import type { ChoiceOption, Question } from "./template/template-schema.ts";

/** Why an input was not accepted; `code` names a message, `vars` fill it. */
export type ParseProblem = { code: ParseProblemCode; vars?: Record<string, string | number> };

export type ParseProblemCode =
  | "empty"
  | "too-long"
  | "not-a-number"
  | "number-below-min"
  | "number-above-max"
  | "number-not-integer"
  | "not-a-date"
  | "impossible-date"
  | "not-yes-no"
  | "unknown-option"
  | "too-many-items"
  | "item-too-long"
  | "too-many-options";

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problem: ParseProblem };

const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
const fail = (code: ParseProblemCode, vars?: ParseProblem["vars"]): ParseResult<never> => ({ ok: false, problem: { code, vars } });

/**
 * What a typed message becomes before any parsing: controls, bidi marks and lone surrogates removed, line
 * ends unified, tabs as spaces, trailing spaces and runs of blank lines dropped, Unicode NFC (some keyboards
 * send Vietnamese letters decomposed). Emoji are kept. Linear in the text's length, whatever it holds.
 */
export function cleanText(raw: string): string {
  return tidyLines(stripInvisible(raw).normalize("NFC"));
}

const DONE_WORDS = ["xong", "done", "het", "ket thuc", "finish"];

/**
 * Longest cleaned text still read as a short form (a yes/no, a date, an option, a number): anything longer
 * is refused as such without being folded and matched, so a huge message costs only its cleaning.
 */
const SHORT_FORM_MAX = 1_000;

/** Typed words that end a multi-message answer, like the "Xong" button. */
export function isDoneWord(text: string): boolean {
  const cleaned = cleanText(text);
  // Longer than any of the words with their punctuation: not one of them.
  return cleaned.length <= 40 && DONE_WORDS.includes(trimEndOf(foldText(cleaned), ".!"));
}

export type EffectiveLimits = { maxLength: number; maxItems: number; min?: number; max?: number; integer: boolean };

/** The question's limits with the defaults filled in. */
export function limitsOf(question: Pick<Question, "type" | "limits" | "options">): EffectiveLimits {
  const limits = question.limits ?? {};
  const defaultLength =
    question.type === "long_text"
      ? DEFAULT_LIMITS.longTextMaxLength
      : question.type === "list"
        ? DEFAULT_LIMITS.listItemMaxLength
        : question.type === "document_ref"
          ? DEFAULT_LIMITS.documentRefMaxLength
          : DEFAULT_LIMITS.shortTextMaxLength;
  const defaultItems = question.type === "multiple_choice" ? (question.options?.length ?? 1) : DEFAULT_LIMITS.listMaxItems;
  return {
    maxLength: limits.maxLength ?? defaultLength,
    maxItems: limits.maxItems ?? defaultItems,
    min: limits.min,
    max: limits.max,
    integer: limits.integer ?? false,
  };
}

function checkLength(text: string, maxLength: number): ParseResult<string> {
  if (text === "") return fail("empty");
  // UTF-16 length, the same measure the stored-value check uses.
  if (text.length > maxLength) return fail("too-long", { max: maxLength, length: text.length });
  return ok(text);
}

export function parseShortText(raw: string, maxLength: number): ParseResult<string> {
  // A short answer is one line in the report.
  return checkLength(lineBreaksToSpaces(cleanText(raw)), maxLength);
}

export function parseLongText(raw: string, maxLength: number): ParseResult<string> {
  return checkLength(cleanText(raw), maxLength);
}

const ZERO_WORDS = new Set(["khong", "ko", "k", "khong co", "none", "zero", "no", "nil"]);

/** "1,5 triệu" is 1 500 000: the scale words people write after a figure. */
const SCALE_WORDS: Record<string, number> = { nghin: 1e3, ngan: 1e3, trieu: 1e6, ty: 1e9, ti: 1e9, thousand: 1e3, million: 1e6, billion: 1e9 };

/** "1.234" and "1.234.567" group thousands with dots; "1.5" is a decimal point; "1,5" a decimal comma. */
function numberFromDigits(digits: string): number | null {
  let s = digits;
  if (/\s/.test(s)) {
    if (!/^\d{1,3}( \d{3})+([.,]\d+)?$/.test(s)) return null;
    s = s.replace(/ /g, "");
  }
  const dots = countOf(s, ".");
  const commas = countOf(s, ",");
  let integerPart: string;
  let fraction = "";
  let group: "." | "," | null = null;
  if (dots > 0 && commas > 0) {
    const decimal = s.lastIndexOf(".") > s.lastIndexOf(",") ? "." : ",";
    group = decimal === "." ? "," : ".";
    const at = s.lastIndexOf(decimal);
    if (s.indexOf(decimal) !== at) return null;
    integerPart = s.slice(0, at);
    fraction = s.slice(at + 1);
  } else if (dots > 1 || (dots === 1 && /^\d{1,3}\.\d{3}$/.test(s))) {
    group = ".";
    integerPart = s;
  } else if (dots === 1) {
    [integerPart, fraction] = s.split(".") as [string, string];
  } else if (commas > 1) {
    group = ",";
    integerPart = s;
  } else if (commas === 1) {
    [integerPart, fraction] = s.split(",") as [string, string];
  } else {
    integerPart = s;
  }
  if (group !== null) {
    const grouped = new RegExp(`^\\d{1,3}(\\${group}\\d{3})*$`);
    if (!grouped.test(integerPart)) return null;
    integerPart = integerPart.split(group).join("");
  }
  if (!/^\d+$/.test(integerPart) || (fraction !== "" && !/^\d+$/.test(fraction))) return null;
  const value = Number(fraction === "" ? integerPart : `${integerPart}.${fraction}`);
  return Number.isFinite(value) ? value : null;
}

/**
 * A number as people type it: "1.234" (= 1234), "1,5" (= 1.5), "không" (= 0), "12 đơn" (= 12, a unit word
 * after the number is allowed), "-3". Two numbers ("12 đơn, 3 vụ") are refused rather than guessed.
 */
export function parseNumber(raw: string, limits: Pick<EffectiveLimits, "min" | "max" | "integer"> = { integer: false }): ParseResult<number> {
  const text = trimEndOf(cleanText(raw), ".!");
  if (text === "") return fail("empty");
  if (text.length > SHORT_FORM_MAX) return fail("not-a-number", { text: cutText(text, 40) });
  let value: number | null = null;
  if (ZERO_WORDS.has(foldText(text))) {
    value = 0;
  } else {
    const match = /^([+-]?)(\d[\d.,\s]*\d|\d)(.*)$/su.exec(text);
    if (match) {
      const rest = match[3]!.trim();
      // Whatever follows must be a word such as "đơn", "vụ", "%", not another figure.
      if (!/\d/.test(rest) && (rest === "" || /^[\p{L}%‰°][\p{L}\p{M}%‰°.\s/-]*$/u.test(rest))) {
        const magnitude = numberFromDigits(match[2]!.trim());
        const scale = SCALE_WORDS[foldText(rest).split(" ")[0] ?? ""] ?? 1;
        // Rounded so that 1,1 triệu is 1100000, not 1100000.0000000002.
        const scaled = magnitude === null ? null : scale === 1 ? magnitude : Math.round(magnitude * scale * 1000) / 1000;
        if (scaled !== null) value = match[1] === "-" ? -scaled : scaled;
      }
    }
  }
  // A scale word can carry a finite figure past the largest number ("1e300 tỷ").
  if (value === null || !Number.isFinite(value)) return fail("not-a-number", { text: cutText(text, 40) });
  if (limits.integer && !Number.isInteger(value)) return fail("number-not-integer");
  if (limits.min !== undefined && value < limits.min) return fail("number-below-min", { min: limits.min });
  if (limits.max !== undefined && value > limits.max) return fail("number-above-max", { max: limits.max });
  // Whole numbers are exact (and accepted as stored answers) only up to 2^53 - 1.
  if (limits.integer && value > Number.MAX_SAFE_INTEGER) return fail("number-above-max", { max: Number.MAX_SAFE_INTEGER });
  if (limits.integer && value < Number.MIN_SAFE_INTEGER) return fail("number-below-min", { min: Number.MIN_SAFE_INTEGER });
  return ok(value);
}

const pad = (n: number) => String(n).padStart(2, "0");

function isoFromParts(day: number, month: number, year: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A date written day first, as Vietnamese does: "5/3/2025", "05-03-2025", "5.3.2025", "ngày 5 tháng 3 năm 2025";
 * or ISO "2025-03-05". Two-digit years are 20xx. Impossible days ("31/2/2025") are refused. Gives "YYYY-MM-DD".
 */
export function parseDate(raw: string): ParseResult<string> {
  const cleaned = cleanText(raw);
  if (cleaned.length > SHORT_FORM_MAX) return fail("not-a-date", { text: cutText(cleaned, 40) });
  const text = trimEndOf(foldText(cleaned), ".,;");
  if (text === "") return fail("empty");
  let parts: [number, number, number] | null = null;
  let match = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})$/.exec(text);
  if (match) parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!parts) {
    match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    if (match) parts = [Number(match[3]), Number(match[2]), Number(match[1])];
  }
  if (!parts) {
    match = /^(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:,\s*)?nam\s+(\d{4})$/.exec(text);
    if (match) parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (!parts) return fail("not-a-date", { text: cutText(cleaned, 40) });
  let [day, month, year] = parts;
  if (year < 100) year += 2000;
  const iso = isoFromParts(day, month, year);
  if (year < 1900 || year > 2100 || !isIsoDate(iso)) return fail("impossible-date", { text: cutText(cleaned, 40) });
  return ok(iso);
}

const YES = new Set(["co", "c", "yes", "y", "dung", "roi", "da", "ok", "co a", "vang", "true"]);
const NO = new Set(["khong", "ko", "k", "no", "n", "chua", "sai", "khong a", "false"]);

/** "có" / "không" and their everyday variants, with or without diacritics; "yes" / "no". */
export function parseYesNo(raw: string): ParseResult<boolean> {
  const cleaned = cleanText(raw);
  if (cleaned.length > SHORT_FORM_MAX) return fail("not-yes-no");
  const text = trimEndOf(foldText(cleaned), ".!");
  if (text === "") return fail("empty");
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return fail("not-yes-no");
}

function matchOption(text: string, options: readonly ChoiceOption[]): ChoiceOption | undefined {
  if (text.length > SHORT_FORM_MAX) return undefined;
  const folded = trimEndOf(foldText(text), ".!");
  if (/^\d+$/.test(folded)) return options[Number(folded) - 1];
  return options.find(
    (option) => option.key === folded || foldText(option.label.vi) === folded || foldText(option.label.en) === folded,
  );
}

/** One option by its number ("2"), its label (any case, with or without diacritics) or its key. */
export function parseChoice(raw: string, options: readonly ChoiceOption[]): ParseResult<string> {
  const text = cleanText(raw);
  if (text === "") return fail("empty");
  const option = matchOption(text, options);
  return option ? ok(option.key) : fail("unknown-option", { text: cutText(text, 40) });
}

/** Several options separated by commas, semicolons or lines: "1, 3" or "Hội nghị; Niêm yết". */
export function parseChoices(raw: string, options: readonly ChoiceOption[], maxItems: number): ParseResult<string[]> {
  const text = cleanText(raw);
  if (text === "") return fail("empty");
  const keys: string[] = [];
  // Each option named a few times at most; more parts than that is not a choice (counted before splitting).
  const most = options.length * 4 + 10;
  if (countOf(text, ",") + countOf(text, ";") + countOf(text, "\n") >= most * 2) return fail("too-many-options", { max: maxItems });
  const parts = text.split(/[,;\n]+/).map((p) => p.trim()).filter(Boolean);
  if (parts.length > most) return fail("too-many-options", { max: maxItems });
  for (const part of parts) {
    const option = matchOption(part, options);
    if (!option) return fail("unknown-option", { text: cutText(part, 40) });
    if (!keys.includes(option.key)) keys.push(option.key);
  }
  if (keys.length === 0) return fail("empty");
  if (keys.length > maxItems) return fail("too-many-options", { max: maxItems });
  return ok(options.filter((o) => keys.includes(o.key)).map((o) => o.key));
}

const BULLET = /^(?:[-–—•*+●▪◦]|\d{1,3}[.)]|[a-zđ]\))\s+/iu;

// What a bullet or numbering starts with; a line that starts otherwise is not tried against BULLET.
const BULLET_MARKS = "-–—•*+●▪◦0123456789";

/** Items of a list message: one per line, bullets and numbering ("- ", "1. ", "a) ") removed. */
export function splitListItems(raw: string): string[] {
  const text = cleanText(raw);
  const items: string[] = [];
  // Line by line without splitting: each line's ends found in place, one string made per item.
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    let first = start;
    let last = end;
    while (first < last && isSpaceUnit(text.charCodeAt(first))) first++;
    while (last > first && isSpaceUnit(text.charCodeAt(last - 1))) last--;
    if (first < last) {
      const line = text.slice(first, last);
      // Only a line that can start with a bullet or numbering is tried against BULLET.
      const item = BULLET_MARKS.includes(line[0]!) || line[1] === ")" ? line.replace(BULLET, "").trim() : line;
      if (item !== "") items.push(item);
    }
    start = end + 1;
  }
  return items;
}

/** A whole list answer: at least one item, each within the length limit, not too many items. */
export function checkListItems(items: readonly string[], limits: Pick<EffectiveLimits, "maxLength" | "maxItems">): ParseResult<string[]> {
  if (items.length === 0) return fail("empty");
  const index = items.findIndex((item) => item.length > limits.maxLength);
  if (index >= 0) return fail("item-too-long", { item: index + 1, max: limits.maxLength, length: items[index]!.length });
  if (items.length > limits.maxItems) return fail("too-many-items", { max: limits.maxItems, count: items.length });
  return ok([...items]);
}

const HAS_LETTER = /[A-Za-zĐđ]/u;
const DATE_PATTERN = /(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})/;
// Upper and lower case spelt out: a case-insensitive Unicode search is many times slower on a long text.
const ISSUER_START = /\b[cC][uUủỦ][aA] /u;

const isDigitUnit = (unit: number) => unit >= 0x30 && unit <= 0x39;
// A part of a document number: letters, digits, dots ("CV", "BCĐ", "219", "QĐ-UBND.")
const isPartUnit = (unit: number) =>
  isDigitUnit(unit) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a) || unit === 0x2e || unit === 0x110 || unit === 0x111;
const isJoinUnit = (unit: number) => unit === 0x2d || unit === 0x2f;

/**
 * Document numbers in a text, in order: "09-CV/BCĐ", "219/QĐ-SKHCN" — from a digit, parts of letters,
 * digits and dots joined by "-" or "/" (what /\d+[0-9A-Za-zĐđ.]*(?:[-/][0-9A-Za-zĐđ.]+)+/g finds), in one
 * pass over the text: the pattern retried from every digit of a long run.
 */
export function documentNumbers(text: string): string[] {
  const found: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const unit = text.charCodeAt(i);
    if (!isPartUnit(unit)) {
      i++;
      continue;
    }
    // A part: the number starts at its first digit, if any.
    let end = i;
    let digit = -1;
    while (end < n && isPartUnit(text.charCodeAt(end))) {
      if (digit < 0 && isDigitUnit(text.charCodeAt(end))) digit = end;
      end++;
    }
    if (digit < 0) {
      i = end;
      continue;
    }
    // Then as many "-part" or "/part" as follow.
    let joined = end;
    while (joined + 1 < n && isJoinUnit(text.charCodeAt(joined)) && isPartUnit(text.charCodeAt(joined + 1))) {
      joined += 1;
      while (joined < n && isPartUnit(text.charCodeAt(joined))) joined++;
    }
    if (joined > end) found.push(text.slice(digit, joined));
    i = joined > end ? joined : end;
  }
  return found;
}

/**
 * The issuer in a citation "… của Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở": from the first "của" to
 * the end (a closing ".", ";" or "," left out; the subject is split off before). Found with one search
 * rather than a lazy pattern tried at every character.
 */
function documentIssuer(citation: string): string | undefined {
  const oneLine = collapseSpaces(citation);
  const start = ISSUER_START.exec(oneLine);
  if (!start) return undefined;
  const from = start.index + start[0].length;
  let to = oneLine.length;
  if (to - 1 > from && ".;,".includes(oneLine[to - 1]!)) to--;
  const issuer = oneLine.slice(from, to).trim();
  return issuer === "" ? undefined : issuer;
}

// Where a subject (trích yếu) starts: "về việc", "V/v", or "về" before the words request subjects begin with.
// A plain "về" is part of many issuers' names ("Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở").
const SUBJECT_STARTS = [" về việc ", " v/v ", " v/v:", " về báo cáo", " về đề nghị", " về hướng dẫn", " về đôn đốc", " về tổng kết", " về sơ kết", " về kế hoạch", " về triển khai"];

/** The citation and its subject: "Công văn số … của Ban Dân vận Tỉnh ủy" + "về việc báo cáo …" (or null). */
export function splitDocumentSubject(text: string): { citation: string; subject: string | null } {
  const lower = ` ${text.toLocaleLowerCase("vi")}`;
  let at = -1;
  for (const start of SUBJECT_STARTS) {
    const index = lower.indexOf(start);
    if (index >= 0 && (at < 0 || index < at)) at = index;
  }
  if (at < 0) return { citation: text, subject: null };
  // `lower` has one leading space: index `at` in it is index `at` of the text's own leading space position.
  const citation = trimEndOfSpaceAnd(text.slice(0, Math.max(0, at)), ",;");
  let subject = trimEndOfSpaceAnd(text.slice(at).trim(), ".;,");
  const vv = /^v\/v:?/iu.exec(subject);
  if (vv) subject = `về việc ${subject.slice(vv[0].length).trimStart()}`;
  if (citation === "" || subject === "") return { citation: text, subject: null };
  return { citation, subject };
}

/**
 * A cited document, e.g. "Công văn số 09-CV/BCĐ ngày 10/9/2024 của Ban Chỉ đạo về việc …": the whole text is kept
 * and the number, date, issuer and subject are picked out when they are there.
 */
export function parseDocumentRef(raw: string, maxLength: number): ParseResult<DocumentRef> {
  const text = lineBreaksToSpaces(cleanText(raw));
  const checked = checkLength(text, maxLength);
  if (!checked.ok) return checked;
  const ref: DocumentRef = { text };
  const { citation, subject } = splitDocumentSubject(text);
  const number = documentNumbers(citation).find((candidate) => HAS_LETTER.test(candidate));
  if (number) ref.number = number.endsWith(".") ? number.slice(0, -1) : number;
  const date = DATE_PATTERN.exec(citation)?.[1];
  if (date) {
    const parsed = parseDate(date);
    if (parsed.ok) ref.date = parsed.value;
  }
  const issuer = documentIssuer(citation);
  if (issuer) ref.issuer = issuer;
  if (subject) ref.subject = subject;
  return ok(ref);
}

/** A complete answer typed in one message, for any question type. */
export function parseAnswer(question: Pick<Question, "type" | "limits" | "options">, raw: string): ParseResult<AnswerValue> {
  const limits = limitsOf(question);
  switch (question.type) {
    case "short_text":
      return parseShortText(raw, limits.maxLength);
    case "long_text":
      return parseLongText(raw, limits.maxLength);
    case "list":
      return checkListItems(splitListItems(raw), limits);
    case "number":
      return parseNumber(raw, limits);
    case "yes_no":
      return parseYesNo(raw);
    case "single_choice":
      return parseChoice(raw, question.options ?? []);
    case "multiple_choice":
      return parseChoices(raw, question.options ?? [], limits.maxItems);
    case "date":
      return parseDate(raw);
    case "document_ref":
      return parseDocumentRef(raw, limits.maxLength);
  }
}
