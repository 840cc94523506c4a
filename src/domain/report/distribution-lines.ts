import { fillPlaceholders } from "../template/placeholders.ts";
import { itemEnding, itemText } from "./punctuation.ts";
import type { DistributionLine } from "./report-model.ts";

const DRAFTER = "{drafterUnit}";

/**
 * "Nơi nhận" lines: "- Như trên;" … the last ending ".". {drafterUnit} is the drafting unit ("VP") with the
 * drafter's initials raised after it ("VP^Tr"), as Nghị định 30 writes the "Lưu" line; without a drafting unit
 * ", {drafterUnit}" is left out. A "Lưu" line without the placeholder still gets the initials at its end.
 */
export function distributionLines(
  lines: readonly string[],
  values: { drafterUnit: string; initials: string | null; placeholders: Readonly<Record<string, string>> },
): DistributionLine[] {
  const initials = values.initials?.trim() || null;
  const prepared = lines.map((line) => {
    let text = line.trim();
    let superscript: string | null = null;
    const at = text.indexOf(DRAFTER);
    if (at >= 0) {
      const atEnd = itemText(text.slice(at + DRAFTER.length)) === "";
      if (values.drafterUnit === "") {
        const before = text.slice(0, at).replace(/[\s,]+$/u, "");
        text = before + text.slice(at + DRAFTER.length);
      } else {
        text = text.slice(0, at) + values.drafterUnit + text.slice(at + DRAFTER.length);
        if (atEnd) superscript = initials;
      }
    } else if (/^lưu\b/iu.test(text)) {
      superscript = initials;
    }
    return { text: itemText(fillPlaceholders(text, values.placeholders)), superscript };
  });
  const kept = prepared.filter((line) => line.text !== "");
  return kept.map((line, i) => {
    const last = i === kept.length - 1;
    const wanted = last ? "." : ";";
    return { text: `- ${line.text}`, superscript: line.superscript, ending: line.superscript ? wanted : itemEnding(line.text, wanted) };
  });
}
