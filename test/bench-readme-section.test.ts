import { describe, expect, it } from "vitest";
import { replaceSectionTable } from "../bench/readme-section.ts";

const README = `# Benchmarks

## A

about A

Run on 2026-01-01, old machine.

| x | y |
| --- | --- |
| 1 | 2 |

Analysis of A stays.

## B

about B
`;

describe("bench README sections", () => {
  it("replace a section's table and run line and keep the analysis", () => {
    const out = replaceSectionTable(README, { title: "A", description: "about A", runLine: "Run on 2026-11-28, new machine.", table: "| x | y |\n| --- | --- |\n| 3 | 4 |" });
    expect(out).toContain("| 3 | 4 |");
    expect(out).not.toContain("| 1 | 2 |");
    expect(out).toContain("Run on 2026-11-28, new machine.");
    expect(out).not.toContain("old machine");
    expect(out).toContain("Analysis of A stays.");
    expect(out).toContain("## B\n\nabout B");
  });

  it("give a section without a table one, and append a missing section", () => {
    const withTable = replaceSectionTable(README, { title: "B", description: "about B", runLine: "Run on today.", table: "| z |\n| --- |\n| 5 |" });
    expect(withTable.endsWith("about B\n\nRun on today.\n\n| z |\n| --- |\n| 5 |\n")).toBe(true);
    const appended = replaceSectionTable(README, { title: "C", description: "about C", runLine: "Run on today.", table: "| c |" });
    expect(appended.endsWith("## C\n\nabout C\n\nRun on today.\n\n| c |\n")).toBe(true);
  });
});
