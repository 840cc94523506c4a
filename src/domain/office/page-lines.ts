/** Cuts a line that alone exceeds the budget, marking the cut. */
function fit(line: string, limit: number): string {
  if (line.length <= limit) return line;
  const code = line.charCodeAt(limit - 2);
  // Never split a surrogate pair (an emoji or a rare Hán character).
  const cut = code >= 0xd800 && code <= 0xdbff ? limit - 2 : limit - 1;
  return `${line.slice(0, cut)}…`;
}

/**
 * Groups lines into pages of at most `maxLines` lines whose text, joined by `separator` (a line break by
 * default), is at most `limit` characters. Lines keep their order and are never split across pages; an
 * overlong line is shortened.
 */
export function pageLines(lines: readonly string[], options: { limit: number; maxLines: number; separator?: string }): string[][] {
  const limit = Math.max(options.limit, 2);
  const maxLines = Math.max(options.maxLines, 1);
  const gap = (options.separator ?? "\n").length;
  const pages: string[][] = [];
  let page: string[] = [];
  let length = 0;
  for (const raw of lines) {
    const line = fit(raw, limit);
    const added = page.length === 0 ? line.length : length + gap + line.length;
    if (page.length > 0 && (added > limit || page.length >= maxLines)) {
      pages.push(page);
      page = [line];
      length = line.length;
    } else {
      page.push(line);
      length = added;
    }
  }
  if (page.length > 0) pages.push(page);
  return pages;
}
