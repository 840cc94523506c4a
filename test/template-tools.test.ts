import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkTemplateSource } from "../src/domain/template/check-template-source.ts";
import { DEFAULT_UNIT_KINDS } from "../src/domain/unit-kind.ts";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import { checkTemplateUpload, storeTemplateUpload } from "../src/report/template-upload.ts";
import { bodyParagraphs } from "./support/docx-xml.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const ROOT = resolve(import.meta.dirname, "..");
const REFORM = readFileSync(join(ROOT, "templates/cai-cach-hanh-chinh.yaml"), "utf8");
const README = readFileSync(join(ROOT, "templates/README.md"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "tonghop-template-cli-"));
let db: TestDatabase;
let prisma: PrismaClient;

function template(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/template.ts"), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", INIT_CWD: dir, DATA_DIR: join(dir, "data"), ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
}

/** The YAML code blocks of templates/README.md that hold a whole template (they start with "key:"). */
function readmeTemplates(): string[] {
  return [...README.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((block) => block.startsWith("key:"));
}

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

// Each run starts Node with tsx; on a loaded two-core machine that takes several seconds.
const SLOW = { timeout: 240_000 };

describe("npm run template -- check", SLOW, () => {
  it("prints a summary of a valid file and exits 0: sections, questions, figures, checks, who is asked what", () => {
    writeFileSync(join(dir, "cchc.yaml"), REFORM);
    const run = template(["check", "cchc.yaml", "--org", join(ROOT, "examples/org.yaml"), "--preview", "preview.docx"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("cai-cach-hanh-chinh v2 — Công tác cải cách hành chính");
    expect(run.stdout).toMatch(/\n {2}II\. Kết quả thực hiện các nhiệm vụ cải cách hành chính\n {4}1\. Cải cách thể chế — institutions\n/);
    expect(run.stdout).toContain("ty_le_dung_han = percent(dung_han, tiep_nhan, 2)");
    expect(run.stdout).toContain("tthc_dung_han <= tthc_tiep_nhan");
    expect(run.stdout).toMatch(/office \(Văn phòng\): 10 — direction,/);
    expect(run.stdout).toContain("wrote ");
  });

  it("prints every problem with its line and exits 1", () => {
    const broken = REFORM.replace("subject: Kết quả", "subject: Kết quả {period.label}").replace("ty_le_dung_han: percent(dung_han, tiep_nhan, 2)", "ty_le_dung_han: percent(dung_han, tiep_nhn, 2)");
    writeFileSync(join(dir, "broken.yaml"), broken);
    const run = template(["check", "broken.yaml"]);
    expect(run.status).toBe(1);
    const lineOf = (needle: string) => broken.slice(0, broken.indexOf(needle)).split("\n").length;
    expect(run.stderr).toContain(`line ${lineOf("subject:")}: subject: {period.label} is not a placeholder`);
    expect(run.stderr).toContain(`line ${lineOf("  ty_le_dung_han:")}: figures.ty_le_dung_han: "percent(dung_han, tiep_nhn, 2)": unknown name tiep_nhn`);
  });

  it("refuses a question nobody of the organisation would answer, and warns about a mistyped kind", () => {
    const onlyOffice = REFORM.replace("unitKinds: [office]\n          offerKeepLast: true", "unitKinds: [ofice]\n          offerKeepLast: true");
    const result = checkTemplateSource(onlyOffice, "x.yaml", { kinds: DEFAULT_UNIT_KINDS, name: "the default unit kinds" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.message).toMatch(/nobody would be asked direction/);
    expect(result.warnings[0]!.message).toMatch(/unit kind "ofice" is not among the default unit kinds .*did you mean office\?/);
    expect(result.problems[0]!.line).toBe(onlyOffice.slice(0, onlyOffice.indexOf("unitKinds: [ofice]")).split("\n").length);
  });

  it("refuses bad arguments with exit code 2", () => {
    for (const args of [[], ["check"], ["remove", "x.yaml"], ["check", "missing.yaml"]]) {
      const run = template(args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/^template: /);
    }
  });

  it("the README's whole templates check without problems", () => {
    const blocks = readmeTemplates();
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const result = checkTemplateSource(block, "README", { kinds: DEFAULT_UNIT_KINDS, name: "the default unit kinds" });
      expect(result.ok ? [] : result.problems, block.slice(0, 40)).toEqual([]);
    }
  });
});

describe("a template file sent by the administrator", SLOW, () => {
  it("is checked: problems with lines, or a summary and a preview compiled from example answers", async () => {
    const bad = await checkTemplateUpload(prisma, { source: REFORM.replace("closing: Trên đây", "closing: Trên đây {x}"), fileName: "cchc.yaml" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]!.message).toMatch(/unknown placeholder \{x\}/);

    const good = await checkTemplateUpload(prisma, { source: REFORM, fileName: "cchc.yaml", now: new Date("2025-08-01T00:00:00Z") });
    expect(good.ok).toBe(true);
    if (!good.ok) return;
    expect(good.version).toBe(2);
    expect(good.unchanged).toBe(false);
    expect(good.summary.figures).toHaveLength(5);
    const text = (await bodyParagraphs(good.preview.bytes)).join("\n");
    // Example answers: 100 received, 93 on time, 86 online for the first example unit, 300, 293, 286 for the third.
    expect(text).toContain("Tổng số hồ sơ thủ tục hành chính tiếp nhận: 400, giải quyết đúng hạn 386 (đạt 96,5%); tiếp nhận trực tuyến 372 hồ sơ (93%).");
    expect(text).toContain("2/3 đơn vị đã cung cấp dịch vụ công trực tuyến toàn trình");
    expect(text).toContain("Kết quả công tác cải cách hành chính Quý III, nhiệm vụ trọng tâm Quý IV năm 2025");
    expect(await prisma.template.count()).toBe(0);
  });

  it("is stored as a new version after confirmation; the same file again stores nothing; a changed file is refused", async () => {
    const checked = await checkTemplateUpload(prisma, { source: REFORM, fileName: "cchc.yaml" });
    if (!checked.ok) throw new Error("expected a valid template");
    const actor = await prisma.person.create({ data: { accounts: { create: { channel: "TELEGRAM", externalId: String(777n) } }, name: "Quản trị" } });
    const first = await storeTemplateUpload(prisma, { source: REFORM, fileName: "cchc.yaml", actorId: actor.id, checksum: checked.checksum });
    expect(first).toMatchObject({ ok: true, key: "cai-cach-hanh-chinh", version: 2, unchanged: false });
    expect(await storeTemplateUpload(prisma, { source: REFORM, fileName: "cchc.yaml", actorId: actor.id })).toMatchObject({ ok: true, version: 2, unchanged: true });

    const edited = REFORM.replace("Tồn tại, hạn chế\n", "Tồn tại, hạn chế và nguyên nhân\n");
    expect(await storeTemplateUpload(prisma, { source: edited, fileName: "cchc.yaml", actorId: actor.id, checksum: checked.checksum })).toEqual({ ok: false, reason: "changed-since" });
    const next = await storeTemplateUpload(prisma, { source: edited, fileName: "cchc.yaml", actorId: actor.id });
    expect(next).toMatchObject({ ok: true, version: 3, unchanged: false });
    const rows = await prisma.template.findMany({ where: { key: "cai-cach-hanh-chinh" }, orderBy: { version: "asc" } });
    expect(rows.map((r) => [r.version, (r.definition as { version: number }).version])).toEqual([
      [2, 2],
      [3, 3],
    ]);
    expect(await prisma.auditEvent.count({ where: { action: "template.added" } })).toBe(2);
  });

  it("npm run template -- add stores the file in the database", () => {
    writeFileSync(join(dir, "dcs.yaml"), readFileSync(join(ROOT, "templates/dan-chu-co-so.yaml"), "utf8"));
    const run = template(["add", "dcs.yaml"], { DATABASE_URL: db.url });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("stored dan-chu-co-so v2 — Kết quả thực hiện dân chủ ở cơ sở\n");
    const again = template(["add", "dcs.yaml"], { DATABASE_URL: db.url });
    expect(again.stdout).toBe("dan-chu-co-so v2 is already stored with this content; nothing changed\n");
  });
});
