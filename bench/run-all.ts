// Runs every bench/*.bench.ts (or those named on the command line), prints each table and puts it
// into its section of bench/README.md, keeping the analysis written around the tables.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { replaceSectionTable } from "./readme-section.ts";

type BenchModule = { run: () => Promise<string>; title?: string; description?: string };

const dir = import.meta.dirname;
const readmePath = join(dir, "README.md");
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? "CPU"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);
let readme = existsSync(readmePath)
  ? readFileSync(readmePath, "utf8")
  : "# Benchmarks\n\n`npm run bench` runs every scenario below on this machine and puts each table into its section here.\nNumbers compare within one run; they are measurements, never test assertions.\n";

for (const file of files) {
  const bench = (await import(pathToFileURL(join(dir, file)).href)) as BenchModule;
  const title = bench.title ?? file.replace(/\.bench\.ts$/, "");
  console.log(`\n## ${title}\n`);
  const table = await bench.run();
  console.log(table);
  readme = replaceSectionTable(readme, {
    title,
    description: bench.description ?? `\`npx tsx bench/${file}\``,
    runLine: `Run on ${date}, ${machine}.`,
    table,
  });
  writeFileSync(readmePath, readme);
}
console.log("\nupdated bench/README.md");
process.exit(0);
