// Runs every bench/*.bench.ts in turn, prints its table and rewrites bench/README.md with the results.
import { readdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

type BenchModule = { run: () => Promise<string>; title?: string; description?: string };

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
const date = new Date().toISOString().slice(0, 10);
const sections: string[] = [];

for (const file of files) {
  const bench = (await import(pathToFileURL(join(dir, file)).href)) as BenchModule;
  const title = bench.title ?? file.replace(/\.bench\.ts$/, "");
  console.log(`\n## ${title}\n`);
  const table = await bench.run();
  console.log(table);
  sections.push([`## ${title}`, "", bench.description ?? `\`npx tsx bench/${file}\``, "", table].join("\n"));
}

if (only.length === 0) {
  const readme = [
    "# Benchmarks",
    "",
    "`npm run bench` runs every scenario below on this machine and rewrites this file. Numbers compare",
    "within one run; they are measurements, never test assertions.",
    "",
    `Last run: ${date} on ${machine}.`,
    "",
    ...sections.flatMap((section) => [section, ""]),
  ].join("\n");
  writeFileSync(join(dir, "README.md"), readme);
  console.log("\nwrote bench/README.md");
}
process.exit(0);
