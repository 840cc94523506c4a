import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadTemplateFile } from "../domain/template/load-template.ts";
import type { Template } from "../domain/template/template-schema.ts";

/** The templates shipped with the product, one YAML file per template key. */
export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

export const DEFAULT_TEMPLATE_KEY = "dan-chu-co-so";

export function bundledTemplateKeys(): string[] {
  return readdirSync(TEMPLATES_DIR)
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => name.slice(0, -".yaml".length))
    .sort();
}

export function loadBundledTemplate(key: string = DEFAULT_TEMPLATE_KEY): Template {
  if (!/^[a-z0-9-]+$/.test(key)) throw new Error(`not a template key: ${key}`);
  return loadTemplateFile(join(TEMPLATES_DIR, `${key}.yaml`));
}
