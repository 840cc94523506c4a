import { finishBulletRuns } from "./merge-question.ts";
import { itemEnding, itemText, paragraphEnding, textLines } from "./punctuation.ts";
import type { ReportOverride } from "./report-input.ts";
import type { ReportBlock } from "./report-model.ts";

/** The secretary's section text as blocks: "- …" lines are bullets, "1. …" numbered items, other lines paragraphs. */
export function overrideBlocks(text: string): ReportBlock[] {
  let number = 0;
  const blocks = textLines(text).map((line): ReportBlock => {
    if (/^[-–•+*]\s+/u.test(line)) return { kind: "bullet", text: itemText(line), ending: "" };
    if (/^\d{1,3}[.)]\s+/u.test(line)) {
      const item = itemText(line);
      return { kind: "numbered", number: ++number, text: item, ending: itemEnding(item, ".") };
    }
    return { kind: "paragraph", text: line, ending: paragraphEnding(line) };
  });
  return finishBulletRuns(blocks);
}

/**
 * A section's blocks with the secretary's texts in place. A section text replaces all of them. An item text
 * replaces the block that still reads as it did when the secretary wrote it (wherever it moved), else the block
 * at the same position; `warn` says when the generated text under it has changed since.
 */
export function applyOverrides(
  blocks: ReportBlock[],
  overrides: readonly ReportOverride[],
  warn: (message: string) => void,
): { blocks: ReportBlock[]; overridden: "no" | "section" | "items" } {
  const section = overrides.find((o) => o.item === null);
  if (section) return { blocks: overrideBlocks(section.text), overridden: "section" };
  const items = overrides.filter((o) => o.item !== null);
  if (items.length === 0) return { blocks, overridden: "no" };
  const out = [...blocks];
  for (const override of items) {
    let index = out.findIndex((b, i) => i === override.item! - 1 && b.text === override.replacedText);
    if (index < 0) index = out.findIndex((b) => override.replacedText !== null && b.text === override.replacedText);
    if (index < 0) {
      index = Math.min(override.item! - 1, out.length);
      warn(`section ${override.sectionKey}, item ${override.item}: the generated text under the secretary's text has changed; check it`);
    }
    const current = out[index];
    const line = override.text.replace(/\s+/g, " ").trim();
    if (!current || current.kind === "paragraph" || current.kind === "placeholder") {
      const replacement: ReportBlock = { kind: "paragraph", text: line, ending: paragraphEnding(line) };
      out.splice(index, current ? 1 : 0, replacement);
    } else {
      const text = itemText(line);
      out[index] = current.kind === "numbered" ? { ...current, text, ending: itemEnding(text, "."), attribution: undefined } : { ...current, text, attribution: undefined };
    }
  }
  return { blocks: finishBulletRuns(out), overridden: "items" };
}
