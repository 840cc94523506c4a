import { parse, stringify } from "yaml";

/**
 * The YAML examples of templates/README.md. A block that starts with `key:` is a whole template. Any other block
 * says what it is in an HTML comment on the line before its fence:
 *
 *   <!-- fragment: question -->  one question, or a list of them: goes under a section's `questions:`
 *   <!-- fragment: section -->   one section, or a list of them: goes under `sections:`
 *   <!-- fragment: template -->  top-level fields (`figures`, `layout`, `sections` …) over a minimal template
 *   <!-- fragment: yaml -->      a part that only makes sense next to another example: valid YAML only
 */
export type ReadmeBlock = {
  kind: "template" | "fragment";
  /** For fragments: where the fragment goes. */
  place: FragmentPlace | null;
  /** 1-based line of the opening fence in the README. */
  line: number;
  source: string;
};

export const FRAGMENT_PLACES = ["question", "section", "template", "yaml"] as const;
export type FragmentPlace = (typeof FRAGMENT_PLACES)[number];

export class UnmarkedBlock extends Error {}

/** Every ```yaml block with what it is; an unmarked block that is not a whole template is an error. */
export function readmeBlocks(readme: string): ReadmeBlock[] {
  const lines = readme.split("\n");
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== "```yaml") continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i]!.trim() !== "```"; i++) body.push(lines[i]!);
    const source = `${body.join("\n")}\n`;
    let before = start - 1;
    while (before >= 0 && lines[before]!.trim() === "") before--;
    const marker = /^<!--\s*fragment:\s*([a-z]+)\s*-->$/.exec(lines[before]?.trim() ?? "");
    if (marker) {
      const place = marker[1] as FragmentPlace;
      if (!FRAGMENT_PLACES.includes(place)) throw new UnmarkedBlock(`line ${start + 1}: unknown fragment place "${place}" (${FRAGMENT_PLACES.join(", ")})`);
      blocks.push({ kind: "fragment", place, line: start + 1, source });
    } else if (source.startsWith("key:")) {
      blocks.push({ kind: "template", place: null, line: start + 1, source });
    } else {
      throw new UnmarkedBlock(
        `line ${start + 1}: a yaml block that is not a whole template (starting with "key:") needs a marker on the line before it, e.g. <!-- fragment: question -->`,
      );
    }
  }
  return blocks;
}

const MINIMAL = {
  key: "readme-fragment",
  version: 1,
  name: "Mẫu thử",
  subject: "Kết quả {period}",
  preamble: "{org} báo cáo {period} như sau:",
  closing: "Trên đây là báo cáo của {org}./.",
};

/** The fragment inside a minimal template, as YAML; null for `yaml` fragments, which stand alone as YAML only. */
export function embedFragment(place: FragmentPlace, source: string): string | null {
  const value: unknown = parse(source);
  const list = (v: unknown) => (Array.isArray(v) ? v : [v]);
  switch (place) {
    case "yaml":
      return null;
    case "question":
      return stringify({
        ...MINIMAL,
        sections: [{ key: "fragment_section", heading: "Phần thử", content: { type: "questions", questions: list(value) } }],
      });
    case "section":
      return stringify({ ...MINIMAL, sections: list(value) });
    case "template": {
      if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error("a template fragment must be a map of top-level fields");
      const fields = value as Record<string, unknown>;
      const sections = fields.sections ?? [{ key: "fragment_section", heading: "Phần thử", content: { type: "text", text: "Nội dung." } }];
      return stringify({ ...MINIMAL, ...fields, sections });
    }
  }
}
