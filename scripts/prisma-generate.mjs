// Generates the Prisma client on install. `prisma generate` does not use the native schema
// engine but checks that one exists; a stub lets it run where engines cannot be downloaded.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// An install without dev dependencies (npm ci --omit=dev) has no Prisma CLI: the client comes compiled in dist/.
if (!existsSync("node_modules/prisma/build/index.js")) {
  process.stderr.write("prisma CLI not installed (production install): the Prisma client is not generated; dist/ holds it compiled\n");
  process.exit(0);
}
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const stubDir = join(tmpdir(), "tong-hop-prisma");
  mkdirSync(stubDir, { recursive: true });
  const stub = join(stubDir, "schema-engine-stub");
  if (!existsSync(stub)) writeFileSync(stub, "");
  env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
}
execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { stdio: "inherit", env });
