import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/create-prisma.ts";
import { migrate } from "../db/migrate.ts";
import { importOrganisation } from "../organisation/import-organisation.ts";
import { OrgFileError, parseOrgFile } from "../organisation/org-file.ts";
import { failAndExit } from "../process/fail-and-exit.ts";

const path = process.argv[2];
if (!path || path.startsWith("-")) {
  process.stderr.write("usage: npm run import -- org.yaml   (see examples/org.yaml)\n");
  process.exit(2);
}

try {
  // Validated before touching the database, so a typo changes nothing.
  const file = parseOrgFile(readFileSync(path, "utf8"), basename(path));
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await migrate(db.sql);
    const summary = await importOrganisation(db.prisma, file, { defaultTimeZone: config.TZ_REPORTS });
    console.log(`${summary.organisationCreated ? "created" : "updated"} organisation "${file.organisation.shortName}"`);
    console.log(`units: ${summary.created.length} created, ${summary.updated.length} updated`);
    if (summary.notInFile.length > 0) console.log(`not in the file, left unchanged: ${summary.notInFile.join(", ")}`);
  } finally {
    await db.close();
  }
} catch (error) {
  if (error instanceof OrgFileError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  if ((error as NodeJS.ErrnoException).code === "ENOENT") {
    process.stderr.write(`cannot read ${path}: no such file\n`);
    process.exit(1);
  }
  failAndExit(error);
}
