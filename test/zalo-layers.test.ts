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
    // Nor the client it is handed: the database is reached through use cases.
    const touching = sources("src/channels").filter((file) => /deps\.prisma|ctx\.prisma/.test(readFileSync(join(ROOT, file), "utf8")));
    expect(touching).toEqual([]);
  });

  it("the queues and the use cases import no channel code", () => {
    const files = [...sources("src/queue"), ...sources("src/use-cases"), ...sources("src/messaging"), ...sources("src/domain")];
    expect(files.length).toBeGreaterThan(40);
    const offending = files.flatMap((file) =>
      imports(file)
        .filter((spec) => /\/channels\/|grammy|@hono/.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it("one channel never imports another", () => {
    const channels = ["telegram", "zalo"];
    const offending = channels.flatMap((channel) =>
      sources(`src/channels/${channel}`).flatMap((file) =>
        imports(file)
          .filter((spec) => channels.some((other) => other !== channel && new RegExp(`(^|/)${other}/`).test(spec)))
          .map((spec) => `${file} imports ${spec}`),
      ),
    );
    expect(offending).toEqual([]);
  });
});
