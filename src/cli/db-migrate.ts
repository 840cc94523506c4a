import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/create-prisma.ts";
import { migrate } from "../db/migrate.ts";
import { failAndExit } from "../process/fail-and-exit.ts";

try {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    const applied = await migrate(db.sql);
    console.log(applied.length ? `applied ${applied.join(", ")} to ${db.location}` : `${db.location} is up to date`);
  } finally {
    await db.close();
  }
} catch (error) {
  failAndExit(error);
}
