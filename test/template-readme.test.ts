import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { checkTemplateSource, formatProblem } from "../src/domain/template/check-template-source.ts";
import { DEFAULT_UNIT_KINDS } from "../src/domain/unit-kind.ts";
import { embedFragment, FRAGMENT_PLACES, readmeBlocks, UnmarkedBlock, type ReadmeBlock } from "./support/readme-blocks.ts";

const README = readFileSync(join(resolve(import.meta.dirname, ".."), "templates/README.md"), "utf8");
const KINDS = { kinds: DEFAULT_UNIT_KINDS, name: "the default unit kinds" };

/** Problems of a template text, as the clerk's `check` prints them; [] when it loads. */
function problemsOf(source: string): string[] {
  const result = checkTemplateSource(source, "README", KINDS);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe("templates/README.md examples", () => {
  // Read once; an unmarked block fails the first test with its line instead of stopping the file.
  let blocks: ReadmeBlock[] = [];
  let unmarked: Error | null = null;
  try {
    blocks = readmeBlocks(README);
  } catch (error) {
    if (!(error instanceof UnmarkedBlock)) throw error;
    unmarked = error;
  }

  it("marks every yaml block that is not a whole template, and has whole templates and fragments of every place", () => {
    expect(unmarked?.message ?? null).toBeNull();
    expect(blocks.filter((b) => b.kind === "template").length).toBeGreaterThanOrEqual(2);
    for (const place of FRAGMENT_PLACES) expect(blocks.some((b) => b.place === place), place).toBe(true);
  });

  it("every whole template checks without problems or warnings", () => {
    const broken: string[] = [];
    for (const block of blocks.filter((b) => b.kind === "template")) {
      const result = checkTemplateSource(block.source, "README", KINDS);
      const found = [...(result.ok ? [] : result.problems), ...result.warnings].map(formatProblem);
      broken.push(...found.map((p) => `README line ${block.line} (whole template): ${p}`));
    }
    expect(broken).toEqual([]);
  });

  it("every fragment is valid YAML and, placed in a minimal template, checks without problems", () => {
    const broken: string[] = [];
    for (const block of blocks.filter((b) => b.kind === "fragment")) {
      const where = `README line ${block.line} (${block.place} fragment)`;
      const doc = parseDocument(block.source, { uniqueKeys: true });
      if (doc.errors.length > 0) {
        broken.push(...doc.errors.map((e) => `${where}: YAML: ${e.message.split("\n")[0]}`));
        continue;
      }
      const embedded = embedFragment(block.place!, block.source);
      if (embedded !== null) broken.push(...problemsOf(embedded).map((p) => `${where}: ${p}`));
    }
    expect(broken).toEqual([]);
  });

  it("catches a broken example: an unknown placeholder, a misspelt field, an unmarked block, bad YAML", () => {
    const whole = blocks.find((b) => b.kind === "template")!;
    expect(problemsOf(whole.source.replace("{period}", "{period.label}")).join("\n")).toMatch(/\{period\.label\} is not a placeholder/);

    const question = blocks.find((b) => b.place === "question")!;
    expect(problemsOf(embedFragment("question", question.source.replace("prompt:", "promt:"))!).join("\n")).toMatch(/unknown field/);

    expect(() => readmeBlocks("Text.\n\n```yaml\nmerge: { style: bullets }\n```\n")).toThrow(UnmarkedBlock);
    expect(() => readmeBlocks("<!-- fragment: questions -->\n```yaml\n- key: x\n```\n")).toThrow(/unknown fragment place/);
    expect(readmeBlocks("<!-- fragment: yaml -->\n\n```yaml\nmerge: { style: bullets }\n```\n")).toEqual([
      { kind: "fragment", place: "yaml", line: 3, source: "merge: { style: bullets }\n" },
    ]);
    expect(parseDocument("distribution:\n  - Lưu: VT, {drafterUnit}: x\n").errors.length).toBeGreaterThan(0);
  });
});
