import type { AnswerValue } from "../answer-value.ts";
import { fillPlaceholders } from "../template/placeholders.ts";
import type { MergeRule, Question } from "../template/template-schema.ts";
import { answerPieces, formatNumber } from "./format-answer.ts";
import { itemEnding, itemText, paragraphEnding } from "./punctuation.ts";
import type { UnitInfo } from "./report-input.ts";
import type { ReportBlock } from "./report-model.ts";

export type Contribution = { unit: UnitInfo; value: AnswerValue };

export type MergeContext = {
  placeholders: Readonly<Record<string, string>>;
  attribution: boolean;
  /** Numbered items continue across units and questions of a section. */
  nextNumber(): number;
};

function sumBlock(rule: Extract<MergeRule, { style: "sum" }>, contributions: readonly Contribution[], ctx: MergeContext): ReportBlock {
  // Rounded so 0.1 + 0.2 prints "0,3".
  const total = Math.round(contributions.reduce((acc, c) => acc + (c.value as number), 0) * 1e6) / 1e6;
  const sentence = fillPlaceholders(total === 0 ? rule.zero : rule.other, { ...ctx.placeholders, sum: formatNumber(total) });
  const attribution = ctx.attribution
    ? contributions.map((c) => `${c.unit.name}: ${formatNumber(c.value as number)}`).join("; ")
    : undefined;
  if (rule.as === "bullet") return { kind: "bullet", text: itemText(sentence), ending: "", attribution };
  return { kind: "paragraph", text: sentence.trim(), ending: paragraphEnding(sentence), attribution };
}

/** The blocks one question adds to its section: its units' answers in unit order, laid out by the merge rule. */
export function mergeQuestion(
  question: Question,
  rule: MergeRule,
  contributions: readonly Contribution[],
  ctx: MergeContext,
): ReportBlock[] {
  if (contributions.length === 0) return [];
  if (rule.style === "sum") return [sumBlock(rule, contributions, ctx)];
  const blocks: ReportBlock[] = [];
  for (const { unit, value } of contributions) {
    const attribution = ctx.attribution ? unit.name : undefined;
    const pieces = answerPieces(question, value, { ...ctx.placeholders, unit: unit.name });
    for (const piece of pieces) {
      if (rule.style === "paragraphs") {
        const text = piece.trim();
        if (text) blocks.push({ kind: "paragraph", text, ending: paragraphEnding(text), attribution });
        continue;
      }
      const text = itemText(piece);
      if (!text) continue;
      if (rule.style === "bullets") blocks.push({ kind: "bullet", text, ending: "", attribution });
      else blocks.push({ kind: "numbered", number: ctx.nextNumber(), text, ending: itemEnding(text, "."), attribution });
    }
  }
  return blocks;
}

/** Bullets in a row end with ";", the last of the row with "." — as the reference report writes them. */
export function finishBulletRuns(blocks: ReportBlock[]): ReportBlock[] {
  return blocks.map((block, i) => {
    if (block.kind !== "bullet") return block;
    const last = blocks[i + 1]?.kind !== "bullet";
    return { ...block, ending: itemEnding(block.text, last ? "." : ";") };
  });
}
