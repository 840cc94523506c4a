// Trimming done with loops and single-pass patterns: a pattern such as /[.!]+$/ or /\s*\n\s*/ retries
// from every position of a long run and takes quadratic time on text a person can send.

/** The text without the run of `chars` at its end ("Có..." → "Có" for ".!"). */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** The text without the run of `chars` at its start. */
export function trimStartOf(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start]!)) start++;
  return start === 0 ? text : text.slice(start);
}

const SPACE = /^\s$/u;

/** The text without the run of white space and `chars` at its end ("Sở ; ." → "Sở" for ".;"). */
export function trimEndOfSpaceAnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && (chars.includes(text[end - 1]!) || SPACE.test(text[end - 1]!))) end--;
  return end === text.length ? text : text.slice(0, end);
}
