import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeNextMigration } from "../db/migration-files.ts";

const { values } = parseArgs({ options: { name: { type: "string" }, schema: { type: "string", default: "prisma/schema.prisma" } } });
if (!values.name) {
  console.error("usage: npm run db:diff -- --name <migration_name>");
  process.exit(2);
}
const dir = await writeNextMigration(resolve(values.schema!), values.name);
console.log(dir ? `wrote ${dir}/migration.sql` : "schema.prisma has no changes since the last migration");
