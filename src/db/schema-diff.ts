import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

type DiffSide = { tag: "empty" } | { tag: "schemaDatamodel"; files: { path: string; content: string }[] };

// lib.dom is not loaded in this Node project, so the two WebAssembly constructors are typed here.
type WasmApi = {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
};

// Node 20 cannot import a .wasm module, so the wasm-bindgen glue is wired by hand.
async function loadSchemaEngine() {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bg = await import(pathToFileURL(join(dir, "schema_engine_bg.js")).href);
  const { WebAssembly } = globalThis as unknown as { WebAssembly: WasmApi };
  const wasmModule = new WebAssembly.Module(await readFile(join(dir, "schema_engine_bg.wasm")));
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bg;
}

/** The SQL `prisma migrate dev` would write to go from one datamodel to another (null = empty database). */
export async function diffSchemas(from: string | null, to: string): Promise<string> {
  const bg = await loadSchemaEngine();
  // The engine insists on a connection; an in-memory PGlite keeps the diff offline and server-free.
  const pglite = new PGlite();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pglite));
  const engine = await bg.SchemaEngine.new({ datamodels: [["schema.prisma", to]] }, () => {}, adapter);
  const side = (content: string | null): DiffSide =>
    content === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content }] };
  const result = await engine.diff({
    from: side(from),
    to: side(to),
    script: true,
    shadowDatabaseUrl: null,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  await pglite.close();
  return result.stdout as string;
}
