export type SectionUpdate = { title: string; description: string; runLine: string; table: string };

const isTableLine = (line: string) => line.startsWith("|");

/**
 * Puts a benchmark's new table (and its "Run on …" line) into its `## title` section, leaving the
 * text written around it; a section that does not exist yet is appended.
 */
export function replaceSectionTable(readme: string, update: SectionUpdate): string {
  const lines = readme.split("\n");
  const start = lines.findIndex((line) => line === `## ${update.title}`);
  if (start === -1) {
    return `${readme.trimEnd()}\n\n## ${update.title}\n\n${update.description}\n\n${update.runLine}\n\n${update.table}\n`;
  }
  const nextHeading = lines.findIndex((line, i) => i > start && line.startsWith("## "));
  const end = nextHeading === -1 ? lines.length : nextHeading;
  const section = lines.slice(start, end);
  const tableStart = section.findIndex(isTableLine);
  let body: string[];
  if (tableStart === -1) {
    body = [...trimEnd(section), "", update.runLine, "", ...update.table.split("\n"), ""];
  } else {
    let tableEnd = tableStart;
    while (tableEnd < section.length && isTableLine(section[tableEnd]!)) tableEnd++;
    body = [...section.slice(0, tableStart), ...update.table.split("\n"), ...section.slice(tableEnd)];
    const runLine = body.findIndex((line) => line.startsWith("Run on "));
    if (runLine !== -1) body[runLine] = update.runLine;
    else body.splice(body.indexOf(update.table.split("\n")[0]!), 0, update.runLine, "");
  }
  return [...lines.slice(0, start), ...body, ...lines.slice(end)].join("\n");
}

function trimEnd(lines: string[]): string[] {
  const out = [...lines];
  while (out.length > 0 && out.at(-1)!.trim() === "") out.pop();
  return out;
}
