import { TEMPLATE_YAML_LIMITS } from "../yaml-limits.ts";

/**
 * A template file sent in chat: which files are read as templates, how large one may be, and how its bytes
 * become text. Pure rules; the channels fetch the bytes, the use case decides what to say.
 */

/** The largest template file read; a larger one is refused before it is downloaded. */
export const TEMPLATE_FILE_MAX_BYTES = TEMPLATE_YAML_LIMITS.maxBytes;

/** A template is a .yaml or .yml file (by name: messengers give YAML many different media types). */
export function isTemplateFileName(fileName: string): boolean {
  const name = fileName.trimEnd().toLowerCase();
  return name.endsWith(".yaml") || name.endsWith(".yml");
}

export type DecodedTemplateFile = { ok: true; source: string } | { ok: false; reason: "empty" | "not-utf8" };

/**
 * The file's text: UTF-8 only (a file saved in another encoding would load with garbled Vietnamese), without a
 * byte order mark; a file with nothing but blanks is empty.
 */
export function decodeTemplateFile(bytes: Uint8Array): DecodedTemplateFile {
  let source: string;
  try {
    source = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, reason: "not-utf8" };
  }
  if (source.trim() === "") return { ok: false, reason: "empty" };
  return { ok: true, source };
}
