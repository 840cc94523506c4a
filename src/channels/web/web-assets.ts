import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { AssetPaths } from "./page-layout.ts";

/** The pages' own files, read once: no CDN, nothing inline (the CSP allows neither). */
export type Assets = { files: Map<string, { bytes: Uint8Array<ArrayBuffer>; contentType: string; hash: string }>; paths: AssetPaths };

const DIR = resolve(import.meta.dirname, "assets");
const FILES = { "style.css": "text/css; charset=utf-8", "form.js": "text/javascript; charset=utf-8", "miniapp.js": "text/javascript; charset=utf-8" } as const;

let loaded: Assets | undefined;

export function loadAssets(): Assets {
  if (loaded) return loaded;
  const files: Assets["files"] = new Map();
  for (const [name, contentType] of Object.entries(FILES)) {
    const bytes = new Uint8Array(readFileSync(resolve(DIR, name)));
    files.set(name, { bytes, contentType, hash: createHash("sha256").update(bytes).digest("hex").slice(0, 12) });
  }
  const path = (name: keyof typeof FILES) => `/assets/${name}?v=${files.get(name)!.hash}`;
  loaded = { files, paths: { css: path("style.css"), formJs: path("form.js"), miniAppJs: path("miniapp.js") } };
  return loaded;
}
