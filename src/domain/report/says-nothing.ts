import { foldText } from "../text-scan.ts";

// Whole answers that only say there is nothing to report, folded (no diacritics, lower case, no final dots).
const NOTHING = new Set([
  "khong",
  "khong co",
  "khong co gi",
  "chua co",
  "khong co y kien",
  "khong co de xuat",
  "khong co kien nghi",
  "khong co de xuat, kien nghi",
  "khong co noi dung",
  "khong co noi dung bao cao",
  "khong phat sinh",
  "khong co phat sinh",
  "ko",
  "k",
  "none",
  "nothing",
  "no",
  "n/a",
  "na",
  "nil",
  "-",
  "--",
  "—",
  "x",
]);

/**
 * "Không", "Không có.", "chưa có": an answer that says there is nothing to report is no content; the section's
 * zero wording or placeholder applies instead of a paragraph "Không.".
 */
export function saysNothing(text: string): boolean {
  // Every such phrase is short; a paragraph is content, and folding it would cost time on every answer.
  if (text.length > 60) return false;
  const folded = foldText(text).replace(/[\s.!;:…]+$/u, "").replace(/^[\s\-–—•*+]+(?=\S)/u, "");
  return folded === "" || NOTHING.has(folded);
}
