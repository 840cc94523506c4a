// npm run template -- check <file.yaml> [--org <org.yaml>] [--preview <preview.docx>]
// npm run template -- add <file.yaml>
import { readFileSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/create-prisma.ts";
import { checkTemplateSource, formatProblem, type KindSource } from "../domain/template/check-template-source.ts";
import { formatTemplateSummary } from "../domain/template/template-summary.ts";
import { DEFAULT_UNIT_KINDS, unitKindsOf } from "../domain/unit-kind.ts";
import { parseOrgFile } from "../organisation/org-file.ts";
import { SAMPLE_ORGANISATION } from "../report/sample/sample-report-input.ts";
import { storeTemplateUpload, templatePreview } from "../report/template-upload.ts";

const USAGE = [
  "usage: npm run template -- check <file.yaml> [--org <org.yaml>] [--preview <preview.docx>]",
  "       npm run template -- add <file.yaml>",
].join("\n");

class UsageError extends Error {}

/** npm runs scripts from the package folder; paths are meant relative to where the command was typed. */
const here = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

function readSource(path: string): string {
  try {
    return readFileSync(here(path), "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function printWarnings(warnings: readonly { line?: number; path: string; message: string }[]): void {
  for (const warning of warnings) console.log(`warning: ${formatProblem(warning)}`);
}

async function check(file: string, orgPath: string | undefined, previewPath: string | undefined): Promise<number> {
  const source = readSource(file);
  let kinds: KindSource = { kinds: DEFAULT_UNIT_KINDS, name: "the default unit kinds" };
  let organisation = SAMPLE_ORGANISATION;
  if (orgPath) {
    const org = parseOrgFile(readSource(orgPath), basename(orgPath));
    kinds = { kinds: unitKindsOf(org.unitKinds), name: basename(orgPath) };
    organisation = { ...org.organisation, signerAuthority: org.organisation.signerAuthority ?? null };
  }
  const result = checkTemplateSource(source, basename(file), kinds);
  if (!result.ok) {
    console.error(`${basename(file)}: ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}`);
    for (const problem of result.problems) console.error(`  ${formatProblem(problem)}`);
    printWarnings(result.warnings);
    return 1;
  }
  console.log(formatTemplateSummary(result.summary));
  if (result.warnings.length > 0) console.log("");
  printWarnings(result.warnings);
  if (previewPath) {
    const preview = await templatePreview(result.template, organisation, kinds.kinds);
    writeFileSync(here(previewPath), preview.bytes);
    console.log(`\nwrote ${here(previewPath)} (preview with example answers)`);
  }
  return 0;
}

async function add(file: string): Promise<number> {
  const source = readSource(file);
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    const result = await storeTemplateUpload(db.prisma, { source, fileName: basename(file), actorId: null });
    if (!result.ok) {
      if (result.reason === "invalid") {
        console.error(`${basename(file)}: ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}; nothing stored`);
        for (const problem of result.problems) console.error(`  ${formatProblem(problem)}`);
      }
      return 1;
    }
    console.log(result.unchanged ? `${result.key} v${result.version} is already stored with this content; nothing changed` : `stored ${result.key} v${result.version} — ${result.name}`);
    return 0;
  } finally {
    await db.close();
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { org: { type: "string" }, preview: { type: "string" }, help: { type: "boolean", default: false } },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [command, file, ...rest] = positionals;
  if (!file || rest.length > 0 || (command !== "check" && command !== "add")) throw new UsageError(USAGE);
  if (command === "add" && (values.org || values.preview)) throw new UsageError("add checks against the database's organisation; --org and --preview are for check");
  return command === "check" ? check(file, values.org, values.preview) : add(file);
}

try {
  process.exitCode = await main();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`template: ${message}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
