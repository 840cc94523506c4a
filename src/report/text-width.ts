/**
 * Advance widths (1/1000 em) of Times New Roman for U+0020–U+007E, regular and bold, as published in the
 * metric-compatible Liberation Serif. Used to size the short rules under the header lines and the subject
 * so they match their text, as Nghị định 30/2020 asks.
 */
const REGULAR = [
  250, 333, 408, 500, 500, 833, 777, 180, 333, 333, 500, 563, 250, 333, 250, 277, 500, 500, 500, 500, 500,
  500, 500, 500, 500, 500, 277, 277, 563, 563, 563, 443, 920, 722, 666, 666, 722, 610, 556, 722, 722, 333,
  389, 722, 610, 889, 722, 722, 556, 722, 666, 556, 610, 722, 722, 943, 722, 722, 610, 333, 277, 333, 469,
  500, 333, 443, 500, 443, 500, 443, 333, 500, 500, 277, 277, 500, 277, 777, 500, 500, 500, 500, 333, 389,
  277, 500, 500, 722, 500, 500, 443, 479, 200, 479, 541,
];

const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 277, 333, 333, 500, 569, 250, 333, 250, 277, 500, 500, 500, 500, 500,
  500, 500, 500, 500, 500, 333, 333, 569, 569, 569, 500, 930, 722, 666, 722, 722, 666, 610, 777, 777, 389,
  500, 777, 666, 943, 722, 777, 610, 777, 722, 556, 666, 722, 722, 1000, 722, 722, 666, 333, 277, 333, 581,
  500, 333, 500, 556, 443, 556, 443, 333, 500, 556, 277, 333, 556, 277, 833, 556, 500, 556, 556, 443, 389,
  333, 556, 500, 722, 500, 500, 443, 394, 220, 394, 520,
];

/** Vietnamese letters take the width of their base letter: "Ộ" as "O", "đ" as "d". */
function baseLetter(ch: string): string {
  if (ch === "đ") return "d";
  if (ch === "Đ") return "D";
  return ch.normalize("NFD").charAt(0);
}

/** Estimated width of one line of text in twips (1/20 pt) at the given size in points. */
export function textWidthTwips(text: string, sizePt: number, bold: boolean): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text) {
    const code = baseLetter(ch).charCodeAt(0);
    units += code >= 32 && code <= 126 ? table[code - 32]! : 500;
  }
  return Math.round((units / 1000) * sizePt * 20);
}
