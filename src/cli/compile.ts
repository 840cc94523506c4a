// npm run compile -- --round <id> [--out report.docx] [--drafts] [--attribution] [--appendix | --no-appendix] [--initials Tr]
// npm run compile -- --sample [--out sample.docx] [--drafts] [--attribution] [--appendix | --no-appendix] [--initials Tr] [--date YYYY-MM-DD]
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/create-prisma.ts";
import { compileRound } from "../report/compile-round.ts";
import { compileSample } from "../report/compile-sample.ts";

const USAGE =
  "usage: npm run compile -- (--round <id> | --sample) [--out <file.docx>] [--drafts] [--attribution] [--appendix | --no-appendix] [--initials <drafter's initials>] [--date YYYY-MM-DD]";

class UsageError extends Error {}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split("\n").map((part) => part.trim()).filter(Boolean);
  // Prisma quotes the calling code first; the cause is its last line.
  const line = message.startsWith("\nInvalid `") || message.startsWith("Invalid `") ? (lines.at(-1) ?? "") : lines.join("; ");
  return line.length > 400 ? `${line.slice(0, 399)}…` : line;
}

/** npm runs scripts from the package folder; --out is meant relative to where the command was typed. */
function outputPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

function submittedCount(lines: { status: string }[]): string {
  return `${lines.filter((u) => u.status === "SUBMITTED" || u.status === "ACCEPTED").length}/${lines.length} units submitted`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      round: { type: "string" },
      sample: { type: "boolean", default: false },
      out: { type: "string" },
      drafts: { type: "boolean", default: false },
      attribution: { type: "boolean", default: false },
      appendix: { type: "boolean", default: false },
      "no-appendix": { type: "boolean", default: false },
      initials: { type: "string" },
      date: { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.sample === (values.round !== undefined)) throw new UsageError(USAGE);
  if (values.appendix && values["no-appendix"]) throw new UsageError("--appendix and --no-appendix contradict each other");
  if (values.initials !== undefined && !/^[\p{L}.]{1,10}$/u.test(values.initials)) throw new UsageError("--initials must be up to 10 letters, e.g. Tr");
  const options = {
    includeDrafts: values.drafts,
    attribution: values.attribution,
    // Neither flag: the template says (off unless it asks for the appendix).
    statusAppendix: values.appendix ? true : values["no-appendix"] ? false : null,
    drafterInitials: values.initials ?? null,
  };

  if (values.sample) {
    if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError("--date must be YYYY-MM-DD");
    const { model, bytes } = await compileSample({
      includeDrafts: options.includeDrafts,
      attribution: options.attribution,
      statusAppendix: options.statusAppendix ?? undefined,
      drafterInitials: options.drafterInitials,
      reportDate: values.date,
    });
    const out = outputPath(values.out ?? "sample.docx");
    writeFileSync(out, bytes);
    for (const warning of model.warnings) console.error(`warning: ${warning}`);
    console.log(`wrote ${out} (sample report, ${Math.round(bytes.length / 1024)} KB, ${submittedCount(model.unitStatus)})`);
    return;
  }

  if (values.date !== undefined) throw new UsageError("--date is for --sample; a round's report date is set on the round");
  const roundId = Number(values.round);
  if (!Number.isInteger(roundId) || roundId <= 0) throw new UsageError(`--round must be a round id, got "${values.round}"`);
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    const result = await compileRound(db.prisma, { roundId, ...options });
    const out = outputPath(values.out ?? result.fileName);
    writeFileSync(out, result.bytes);
    for (const warning of result.warnings) console.error(`warning: ${warning}`);
    console.log(
      `wrote ${out} (version ${result.version}${result.reused ? ", unchanged since it was stored" : ""}${result.final ? ", final" : ""}, ` +
        `${submittedCount(result.unitStatus)}, sha256 ${result.checksum.slice(0, 12)})`,
    );
  } finally {
    await db.close();
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`compile: ${oneLine(error)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
