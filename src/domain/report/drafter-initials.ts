/** The most letters the "Lưu" line raises after the drafting unit (the command line's `--initials` allows as many). */
export const DRAFTER_INITIALS_MAX = 10;

/**
 * The drafter's mark in "Lưu: VT, VP^NTL" when none is given: the first letter of each word of the name of
 * the person who compiles ("Nguyễn Thị Lan" → "NTL"); empty for a name without letters.
 */
export function drafterInitialsOf(name: string): string {
  let initials = "";
  for (const word of name.split(" ")) {
    const first = [...word.trim()].find((c) => /\p{L}/u.test(c));
    if (first) initials += first.toLocaleUpperCase("vi");
    if (initials.length >= DRAFTER_INITIALS_MAX) break;
  }
  return initials;
}
