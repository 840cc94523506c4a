import type { AnswerValue } from "../answer-value.ts";
import { NoValue } from "../template/evaluate-expression.ts";
import { parseExpression } from "../template/expression.ts";
import { fillPlaceholders } from "../template/placeholders.ts";
import type { MergeRule, Question } from "../template/template-schema.ts";
import type { Figures } from "./figure-values.ts";
import { formatNumber } from "./figure-text.ts";
import { answerPieces } from "./format-answer.ts";
import { itemEnding, itemText, paragraphEnding } from "./punctuation.ts";
import type { UnitInfo } from "./report-input.ts";
import type { ReportBlock } from "./report-model.ts";

export type Contribution = { unit: UnitInfo; value: AnswerValue };

export type MergeContext = {
  /** Document placeholders in running-text case. */
  placeholders: Readonly<Record<string, string>>;
  attribution: boolean;
  /** Numbered items continue across units and questions of a section. */
  nextNumber(): number;
  figures: Figures;
  /** Included units asked this question, in unit order. */
  askedUnits(question: Question): readonly UnitInfo[];
  warn(message: string): void;
};

/** Shown where a figure could not be computed (a zero total the template has no wording for). */
export const FIGURE_GAP = "[Không tính được số liệu của câu này: tổng bằng 0; cần bổ sung cách diễn đạt trong mẫu báo cáo]";

type OneBlockRule = Extract<MergeRule, { as: "paragraph" | "bullet" }>;

/** A sentence of the template, filled: document placeholders, figures and the rule's own values. */
function fillSentence(text: string, ctx: MergeContext, own: Record<string, string>): string {
  return fillPlaceholders(text, { ...ctx.placeholders, ...ctx.figures.textValues(text), ...own }).replace(/\s+/g, " ").trim();
}

function oneBlock(rule: OneBlockRule, sentence: string, attribution: string | undefined): ReportBlock {
  if (rule.as === "bullet") return { kind: "bullet", text: itemText(sentence), ending: "", attribution };
  return { kind: "paragraph", text: sentence, ending: paragraphEnding(sentence), attribution };
}

const names = (units: readonly UnitInfo[]) => units.map((u) => u.name).join(", ");

function sumBlock(rule: Extract<MergeRule, { style: "sum" }>, contributions: readonly Contribution[], ctx: MergeContext): ReportBlock {
  // Rounded so 0.1 + 0.2 prints "0,3".
  const total = Math.round(contributions.reduce((acc, c) => acc + (c.value as number), 0) * 1e6) / 1e6;
  const sentence = fillSentence(total === 0 ? rule.zero : rule.other, ctx, { sum: formatNumber(total) });
  const attribution = ctx.attribution ? contributions.map((c) => `${c.unit.name}: ${formatNumber(c.value as number)}`).join("; ") : undefined;
  return oneBlock(rule, sentence, attribution);
}

function countBlocks(question: Question, rule: Extract<MergeRule, { style: "count" }>, contributions: readonly Contribution[], ctx: MergeContext): ReportBlock[] {
  const asked = ctx.askedUnits(question);
  if (asked.length === 0) return [];
  const countedIds = new Set(contributions.filter((c) => question.type !== "yes_no" || c.value === true).map((c) => c.unit.id));
  const counted = asked.filter((u) => countedIds.has(u.id));
  const others = asked.filter((u) => !countedIds.has(u.id));
  const wording = counted.length === asked.length ? rule.all : counted.length === 0 ? rule.none : rule.some;
  if (wording === undefined) return [];
  const sentence = fillSentence(wording, ctx, { count: String(counted.length), total: String(asked.length), units: names(counted), others: names(others) });
  const attribution = ctx.attribution
    ? question.type === "yes_no"
      ? [counted.length ? `Có: ${names(counted)}` : "", others.length ? `Không: ${names(others)}` : ""].filter(Boolean).join("; ")
      : names(counted)
    : undefined;
  return [oneBlock(rule, sentence, attribution || undefined)];
}

function choicesBlocks(question: Question, rule: Extract<MergeRule, { style: "choices" }>, contributions: readonly Contribution[], ctx: MergeContext): ReportBlock[] {
  const picked = new Set(contributions.flatMap((c) => (Array.isArray(c.value) ? (c.value as string[]) : [c.value as string])));
  const labels = (question.options ?? []).filter((o) => picked.has(o.key)).map((o) => o.label.vi);
  if (labels.length === 0) return [];
  const attribution = ctx.attribution
    ? contributions
        .map((c) => {
          const keys = Array.isArray(c.value) ? (c.value as string[]) : [c.value as string];
          return `${c.unit.name}: ${(question.options ?? []).filter((o) => keys.includes(o.key)).map((o) => o.label.vi).join(", ")}`;
        })
        .join("; ")
    : undefined;
  return [oneBlock(rule, fillSentence(rule.text, ctx, { choices: labels.join(", ") }), attribution)];
}

function statementBlocks(question: Question, rule: Extract<MergeRule, { style: "statement" }>, contributions: readonly Contribution[], ctx: MergeContext): ReportBlock[] {
  if (contributions.length === 0) return [];
  try {
    const chosen = rule.cases.find((c) => {
      const holds = ctx.figures.evaluate(parseExpression(c.when));
      return holds.type === "boolean" && holds.value;
    });
    const sentence = fillSentence(chosen?.text ?? rule.text, ctx, {});
    return [oneBlock(rule, sentence, ctx.attribution ? names(contributions.map((c) => c.unit)) : undefined)];
  } catch (error) {
    if (!(error instanceof NoValue)) throw error;
    ctx.warn(`${question.key}: ${error.message}; the statement could not be computed`);
    return [{ kind: "placeholder", text: FIGURE_GAP }];
  }
}

const LONG_ITEM = 240;

// A reporter's own list mark at the start of an item ("- ", "1. ", "a) ").
const ITEM_MARK = /^\s*(?:[-–—•+*]|\d{1,3}[.)]|[a-zđ]\))\s+/u;

/**
 * Comparison form of an item: no diacritics, case, marks or spacing ("Duy trì giao ban;" = "duy tri giao ban";
 * "hóa" = "hoá"). One pass per step over the text: it runs on every item of every unit.
 */
export function itemIdentity(text: string): string {
  // Long paragraphs repeat by copy and paste, not retyped: their case and final marks are enough to compare,
  // and folding every unit's paragraphs costs more than the rest of the assembly.
  if (text.length > LONG_ITEM) {
    let end = text.length;
    while (end > 0 && ".;,: \t\n".includes(text[end - 1]!)) end--;
    return text.slice(0, end).replace(ITEM_MARK, "").trim().toLowerCase();
  }
  // After NFD a Vietnamese text is ASCII letters and combining marks, save "đ": one loop over UTF-16 units into a
  // scratch buffer instead of four regular expressions, with the Unicode letter test only for a rare other character.
  const folded = text.replace(ITEM_MARK, "").normalize("NFD").toLowerCase();
  const out = folded.length <= SCRATCH.length ? SCRATCH : new Uint16Array(folded.length);
  let length = 0;
  let gap = false;
  for (let i = 0; i < folded.length; i++) {
    const unit = folded.charCodeAt(i);
    if (unit >= 0x300 && unit <= 0x36f) continue;
    let word: boolean;
    let width = 1;
    if (unit < 0x80) word = (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39); // lower case already
    else {
      const point = folded.codePointAt(i)!;
      if (point > 0xffff) width = 2;
      word = WORD_CHARACTER.test(String.fromCodePoint(point));
    }
    if (!word) {
      gap = true;
      i += width - 1;
      continue;
    }
    if (gap && length > 0) out[length++] = 0x20;
    gap = false;
    out[length++] = unit === 0x111 ? 0x64 : unit; // đ → d
    if (width === 2) out[length++] = folded.charCodeAt(++i);
  }
  // apply takes the typed array as it is; spreading it into arguments is two to three times slower here.
  return String.fromCharCode.apply(null, out.subarray(0, length) as unknown as number[]);
}

const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
// NFD makes a Vietnamese letter at most three units long.
const SCRATCH = new Uint16Array(LONG_ITEM * 3);

type Item = { identity: string; text: string; units: UnitInfo[]; place: "first" | "middle" | "last"; option: number | null; seen: number };

/**
 * All units' items of a list-like question, consolidated: the same item (by identity, or the same suggested item
 * of the template) once, with every unit that gave it; suggested items with `order` at the top or the bottom; the
 * rest in the order they first appear (units' order), or suggested items first in the template's order.
 */
function consolidatedItems(question: Question, rule: Extract<MergeRule, { style: "bullets" | "paragraphs" | "numbered" }>, contributions: readonly Contribution[], ctx: MergeContext): Item[] {
  const suggested = question.type === "list" ? (question.options ?? []) : [];
  const suggestedText = suggested.map((o) => fillPlaceholders(o.label.vi, ctx.placeholders));
  const suggestedIds = suggestedText.map(itemIdentity);
  const items = new Map<string, Item>();
  for (const { unit, value } of contributions) {
    for (const piece of answerPieces(question, value, { ...ctx.placeholders, unit: unit.name })) {
      let identity = itemIdentity(piece);
      if (identity === "") continue;
      const option = suggestedIds.indexOf(identity);
      if (option >= 0) identity = `option:${suggested[option]!.key}`;
      const existing = items.get(identity);
      if (existing) {
        if (!existing.units.some((u) => u.id === unit.id)) existing.units.push(unit);
        continue;
      }
      const text = option >= 0 ? suggestedText[option]! : rule.style === "paragraphs" ? piece.trim() : itemText(piece);
      const order = option >= 0 ? suggested[option]!.order : undefined;
      items.set(identity, { identity, text, units: [unit], place: order === "first" ? "first" : order === "last" ? "last" : "middle", option: option >= 0 ? option : null, seen: items.size });
    }
  }
  const rank = (item: Item) => (item.place === "first" ? 0 : item.place === "last" ? 2 : 1);
  return [...items.values()].sort((a, b) => {
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (a.place !== "middle" || rule.order === "options") {
      const ao = a.option ?? Number.MAX_SAFE_INTEGER;
      const bo = b.option ?? Number.MAX_SAFE_INTEGER;
      if (ao !== bo) return ao - bo;
    }
    return a.seen - b.seen;
  });
}

/** Several items as one text: each a sentence, the last without its full stop (the block adds its ending). */
export function joinSentences(texts: readonly string[]): string {
  return texts
    .map((text, i) => {
      const trimmed = text.trim();
      if (i === texts.length - 1) return trimmed;
      const cut = trimmed.replace(/[;,]$/u, "");
      return /[.!?…]$/u.test(cut) ? cut : `${cut}.`;
    })
    .join(" ");
}

/** The blocks one question adds to its section, laid out by the merge rule. */
export function mergeQuestion(question: Question, rule: MergeRule, contributions: readonly Contribution[], ctx: MergeContext): ReportBlock[] {
  switch (rule.style) {
    case "sum":
      return contributions.length === 0 ? [] : [sumBlock(rule, contributions, ctx)];
    case "count":
      return countBlocks(question, rule, contributions, ctx);
    case "choices":
      return choicesBlocks(question, rule, contributions, ctx);
    case "statement":
      return statementBlocks(question, rule, contributions, ctx);
    default:
      break;
  }
  const items = consolidatedItems(question, rule, contributions, ctx);
  if (items.length === 0) return [];
  const groups: { text: string; units: UnitInfo[] }[] = rule.combine
    ? [{ text: joinSentences(items.map((i) => i.text)), units: [...new Map(items.flatMap((i) => i.units).map((u) => [u.id, u])).values()].sort((a, b) => a.order - b.order) }]
    : items;
  return groups.map(({ text, units }): ReportBlock => {
    const attribution = ctx.attribution ? names(units) : undefined;
    if (rule.style === "paragraphs") return { kind: "paragraph", text, ending: paragraphEnding(text), attribution };
    const item = itemText(text);
    if (rule.style === "bullets") return { kind: "bullet", text: item, ending: "", attribution };
    return { kind: "numbered", number: ctx.nextNumber(), text: item, ending: itemEnding(item, "."), attribution };
  });
}

/** The text of `block` continued by `next` as its next sentence (join: previous). */
export function joinBlocks(block: ReportBlock, next: ReportBlock): ReportBlock {
  if (block.kind === "placeholder" || next.kind === "placeholder") return block;
  const text = joinSentences([block.text, next.text]);
  const attribution = [block.attribution, next.attribution].filter(Boolean).join("; ") || undefined;
  if (block.kind === "paragraph") return { ...block, text, ending: paragraphEnding(text), attribution };
  const item = itemText(text);
  return { ...block, text: item, ending: block.kind === "numbered" ? itemEnding(item, ".") : "", attribution };
}

/** Bullets in a row end with ";", the last of the row with "." — as the reference report writes them. */
export function finishBulletRuns(blocks: ReportBlock[]): ReportBlock[] {
  return blocks.map((block, i) => {
    if (block.kind !== "bullet") return block;
    const last = blocks[i + 1]?.kind !== "bullet";
    return { ...block, ending: itemEnding(block.text, last ? "." : ";") };
  });
}
