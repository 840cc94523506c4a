/**
 * How a section is numbered among its siblings: decimal "1.", roman "I.", alpha "a)",
 * outline "4.1." (the parent's number, then its own), none (no number).
 */
export const NUMBERING_STYLES = ["decimal", "roman", "alpha", "outline", "none"] as const;

export type NumberingStyle = (typeof NUMBERING_STYLES)[number];

/** The style a section is numbered with: its own, or decimal at the top and under roman, alpha below. */
export function numberingOf(section: { numbering?: NumberingStyle }, parent: NumberingStyle | null): NumberingStyle {
  if (section.numbering) return section.numbering;
  if (parent === null || parent === "roman" || parent === "none") return "decimal";
  return "alpha";
}

const ROMAN: ReadonlyArray<[number, string]> = [
  [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
  [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
];

function roman(n: number): string {
  let out = "";
  for (const [value, symbol] of ROMAN) {
    while (n >= value) {
      out += symbol;
      n -= value;
    }
  }
  return out;
}

/** Points are lettered with the Vietnamese alphabet as legal texts do: a, b, c, d, đ, e, g … (no f, j, w, z). */
const LETTERS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"];

function alpha(n: number): string {
  let out = "";
  while (n > 0) {
    const rest = (n - 1) % LETTERS.length;
    out = LETTERS[rest]! + out;
    n = Math.floor((n - 1) / LETTERS.length);
  }
  return out;
}

/**
 * The printed number of the n-th (1-based) numbered sibling: "3.", "II.", "b)", "4.2." (outline needs the
 * parent's number core, "4" or "4.1"). Returns the label and the core later outline children build on.
 */
export function sectionNumber(style: NumberingStyle, n: number, parentCore: string | null): { label: string; core: string | null } {
  switch (style) {
    case "decimal":
      return { label: `${n}.`, core: String(n) };
    case "roman":
      return { label: `${roman(n)}.`, core: null };
    case "alpha":
      return { label: `${alpha(n)})`, core: null };
    case "outline": {
      const core = parentCore === null ? String(n) : `${parentCore}.${n}`;
      return { label: `${core}.`, core };
    }
    case "none":
      return { label: "", core: parentCore };
  }
}
