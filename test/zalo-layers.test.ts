import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

const imports = (file: string) => [...readFileSync(join(ROOT, file), "utf8").matchAll(/^\s*(?:import|export)[^"']*from\s+["']([^"']+)["']/gm)].map((m) => m[1]!);

describe("layers of the Zalo channel", () => {
  it("channel code never touches Prisma, the generated client or src/db", () => {
    const offending = sources("src/channels").flatMap((file) =>
      imports(file)
        .filter((spec) => /prisma|\/generated\/|\/db\//.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(sources("src/channels").length).toBeGreaterThan(5);
    expect(offending).toEqual([]);
  });

  it("the inbound-events queue imports no channel code", () => {
    const specs = imports("src/queue/inbound-events.ts");
    expect(specs.length).toBeGreaterThan(0);
    expect(specs.filter((spec) => /\/channels\/|\/bot\/|grammy/.test(spec))).toEqual([]);
  });
});
