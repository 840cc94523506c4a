// Compiles src/ to dist/ (production runs plain JavaScript; tsx stays for development, tests and scripts).
// With --if-stale it compiles only when a file under src/ (or a tsconfig) is newer than the last build,
// so `npm start` right after `npm ci`, or after an edit, runs the current code.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const stamp = join(root, "dist", ".build-stamp");

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

if (process.argv.includes("--if-stale") && existsSync(stamp)) {
  const sources = Math.max(newestMtime(join(root, "src")), newestMtime(join(root, "tsconfig.json")), newestMtime(join(root, "tsconfig.build.json")));
  if (statSync(stamp).mtimeMs >= sources) process.exit(0);
}

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
} catch {
  process.stderr.write("dist/ is missing or older than src/, and TypeScript is not installed to build it: run `npm ci` (with dev dependencies), then `npm run build`\n");
  process.exit(1);
}
process.stderr.write("compiling src/ to dist/ …\n");
rmSync(join(root, "dist"), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit", cwd: root });
// Files the code reads next to itself (the web form's stylesheet and scripts) are not TypeScript: tsc leaves them out.
cpSync(join(root, "src/channels/web/assets"), join(root, "dist/channels/web/assets"), { recursive: true });
writeFileSync(stamp, `${new Date().toISOString()}\n`);
