import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDocx, paragraphTexts } from "./support/docx-xml.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const ROOT = resolve(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "tonghop-compile-cli-"));
let db: TestDatabase | undefined;

function compile(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/compile.ts"), ...args], {
    // As npm runs it: from the package folder, with the caller's folder in INIT_CWD.
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", INIT_CWD: dir, DATA_DIR: join(dir, "data"), ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

describe("npm run compile", () => {
  it("--sample writes the example report without a database", async () => {
    const run = compile(["--sample", "--out", "sample.docx", "--attribution"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^wrote .*sample\.docx \(sample report, \d+ KB, 6\/8 units submitted\)\n$/);
    const text = paragraphTexts((await openDocx(readFileSync(join(dir, "sample.docx")))).xml("word/document.xml"));
    expect(text).toContain("BÁO CÁO");
    expect(text.join("\n")).toContain("(Văn phòng Sở)");
  });

  it("leaves the appendix out unless asked, and raises the drafter's initials", async () => {
    const plain = compile(["--sample", "--out", "plain.docx"]);
    expect(plain.status).toBe(0);
    const plainText = paragraphTexts((await openDocx(readFileSync(join(dir, "plain.docx")))).xml("word/document.xml"));
    expect(plainText).not.toContain("PHỤ LỤC");
    expect(plainText).toContain("- Lưu: VT, VP.");
    const asked = compile(["--sample", "--out", "appendix.docx", "--appendix", "--initials", "Tr"]);
    expect(asked.status).toBe(0);
    const askedXml = (await openDocx(readFileSync(join(dir, "appendix.docx")))).xml("word/document.xml");
    expect(paragraphTexts(askedXml)).toContain("PHỤ LỤC");
    expect(paragraphTexts(askedXml)).toContain("- Lưu: VT, VPTr.");
    expect(askedXml).toContain('<w:vertAlign w:val="superscript"/>');
  }, 240_000);

  it("refuses bad arguments with one line and exit code 2", () => {
    for (const args of [[], ["--round", "x"], ["--sample", "--round", "1"], ["--sample", "--date", "5/3/2024"], ["--sample", "--appendix", "--no-appendix"], ["--sample", "--initials", "<b>"]]) {
      const run = compile(args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr.trimEnd().split("\n"), args.join(" ")).toHaveLength(1);
      expect(run.stderr).toMatch(/^compile: /);
    }
  }, 240_000);

  it("--round reports a missing round in one line", async () => {
    db = await createTestDatabase();
    const run = compile(["--round", "41"], { DATABASE_URL: db.url });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("compile: round 41 does not exist\n");
  });
});
