import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node, type YAMLMap } from "yaml";
import type { z } from "zod";
import { checkYamlLimits, TEMPLATE_YAML_LIMITS } from "../yaml-limits.ts";
import { TemplateError, formatPath, type TemplateProblem } from "./template-error.ts";
import { templateSchema, type Template } from "./template-schema.ts";

/** Whether the text's last word is `word` (any case), read from the end: no pattern over the whole text. */
function endsWithWord(text: string, word: string): boolean {
  const trimmed = text.trimEnd();
  if (!trimmed.toLowerCase().endsWith(word)) return false;
  const before = trimmed.charAt(trimmed.length - word.length - 1);
  return before === "" || !/[\p{L}\p{N}_]/u.test(before);
}

type Path = readonly PropertyKey[];

function nodeAt(doc: Document, path: Path): { node: Node | null; found: boolean } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    if (node && typeof node === "object" && "range" in node) return { node: node as Node, found: depth === path.length };
  }
  return { node: null, found: false };
}

function lineOf(lines: LineCounter, node: Node | null | undefined): number | undefined {
  const start = node?.range?.[0];
  return start === undefined ? undefined : lines.linePos(start).line;
}

/** "{ vi: họp giao ban, tổ chức, en: … }": the comma ended the text and "tổ chức" became a field of its own. */
function commaHint(map: YAMLMap, key: string): string {
  const index = map.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
  const before = index > 0 ? map.items[index - 1] : undefined;
  if (!before || !isScalar(before.key) || !isScalar(before.value)) return 'a "," inside { … } ends the text: put the text in quotes';
  const whole = `${String(before.value.value)}, ${key}`;
  return `a "," inside { … } ends the text: put the text in quotes, e.g. ${String(before.key.value)}: "${whole}"`;
}

function problemsFromIssues(issues: readonly z.core.$ZodIssue[], doc?: Document, lines?: LineCounter): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      // One problem per unknown key, at the key's own line.
      for (const key of issue.keys) {
        let line: number | undefined;
        let message = "unknown field (check the spelling)";
        if (doc && lines) {
          const { node } = nodeAt(doc, issue.path);
          const pair = isMap(node) ? node.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
          line = lineOf(lines, (pair?.key as Node | undefined) ?? node);
          if (isMap(node) && node.flow && pair && (pair.value === null || (isScalar(pair.value) && pair.value.value === null))) {
            message = `unknown field "${key}": ${commaHint(node, key)}`;
          }
        }
        problems.push({ path: formatPath([...issue.path, key]), line, message });
      }
      continue;
    }
    let line: number | undefined;
    let message = issue.message;
    if (doc && lines) {
      const { node, found } = nodeAt(doc, issue.path);
      line = lineOf(lines, node);
      if (!found && issue.code === "invalid_type") message = `is required (${issue.message})`;
      // "- Lưu: VT" is a one-pair map in YAML, not the text the author meant.
      else if (isMap(node) && node.items.length === 1 && (issue.code === "invalid_type" || issue.message.startsWith("must be a text"))) {
        message = `${issue.message}; text containing ": " must be quoted`;
      }
    }
    problems.push({ path: formatPath(issue.path), line, message });
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** A YAML syntax error made readable: the usual cause is a text holding ":" or "#" that is not quoted. */
function syntaxHint(lineText: string): string {
  const trimmed = lineText.trim().replace(/^-\s+/, "");
  const separator = trimmed.indexOf(": ");
  if (separator < 0) return "";
  const key = trimmed.slice(0, separator);
  const value = trimmed.slice(separator + 2).trim();
  if (key.startsWith("{") || value.startsWith("{") || value.startsWith("[")) {
    return ' — a text inside { … } or [ … ] that holds ":", "," or braces must be in quotes, e.g. { vi: "Nội dung: {period}", en: … }';
  }
  if (value.includes(":") || value.includes(" #")) {
    const quoted = value.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
    return ` — a text holding ":" (or " #") must be in quotes: ${key}: "${quoted}"`;
  }
  return "";
}

export type ParsedTemplate = { template: Template; warnings: TemplateProblem[] };

// "I. ", "1. ", "4.1. ", "a) ", "II) ": a number the author typed; the report generates its own.
const TYPED_NUMBER = /^(?:[IVXLCDM]{1,6}|\d{1,3}(?:\.\d{1,3}){0,3}|[a-zđ])[.)]\s+/u;

type Raw = Record<string, unknown>;

/** Typed section numbers removed (with a warning each), and names that would read "… report report". */
function tidyRaw(raw: unknown, warn: (path: PropertyKey[], message: string) => void): void {
  if (!raw || typeof raw !== "object") return;
  const root = raw as Raw;
  const name = root.name as Raw | string | undefined;
  const english = typeof name === "object" && name ? name.en : undefined;
  if (typeof english === "string" && endsWithWord(english, "report")) {
    warn(["name", "en"], `the English name is used in sentences such as "the … report": leave out the word "report" ("${english}")`);
  }
  const visit = (sections: unknown, base: PropertyKey[]) => {
    if (!Array.isArray(sections)) return;
    sections.forEach((section, i) => {
      if (!section || typeof section !== "object") return;
      const s = section as Raw;
      const strip = (value: unknown, path: PropertyKey[]): unknown => {
        if (typeof value !== "string") return value;
        const match = TYPED_NUMBER.exec(value.trimStart());
        if (!match || value.trimStart().length === match[0].length) return value;
        warn(path, `"${match[0].trim()}" removed from the heading: section numbers are generated`);
        return value.trimStart().slice(match[0].length);
      };
      if (typeof s.heading === "string") s.heading = strip(s.heading, [...base, i, "heading"]);
      else if (s.heading && typeof s.heading === "object") {
        const heading = s.heading as Raw;
        for (const lang of ["vi", "en"]) if (lang in heading) heading[lang] = strip(heading[lang], [...base, i, "heading", lang]);
      }
      visit(s.children, [...base, i, "children"]);
    });
  };
  visit(root.sections, ["sections"]);
}

/** Parses and validates template YAML; throws a TemplateError listing every problem with its line. */
export function parseTemplateYaml(source: string, sourceName = "template"): Template {
  return parseTemplateYamlWithWarnings(source, sourceName).template;
}

/** Like parseTemplateYaml, and also says what was tidied or looks wrong without being an error. */
export function parseTemplateYamlWithWarnings(source: string, sourceName = "template"): ParsedTemplate {
  const limit = checkYamlLimits(source, TEMPLATE_YAML_LIMITS);
  if (limit) throw new TemplateError(sourceName, [{ path: "", line: limit.line, message: limit.message }]);
  try {
    return parseYaml(source, sourceName);
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    // What the YAML reader itself throws: an alias naming no anchor, aliases multiplying the document,
    // nesting so deep that it runs out of stack.
    throw new TemplateError(sourceName, [{ path: "", message: `YAML: ${(error as Error).message}` }]);
  }
}

function parseYaml(source: string, sourceName: string): ParsedTemplate {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // One syntax error cascades into many; the first per line, on the first few lines, is what helps.
    const sourceLines = source.split("\n");
    const byLine = new Map<number, TemplateProblem>();
    for (const error of doc.errors) {
      const line = lines.linePos(error.pos[0]).line;
      if (!byLine.has(line)) {
        const hint = syntaxHint(sourceLines[line - 1] ?? "");
        byLine.set(line, { path: "", line, message: `YAML syntax: ${error.message.split("\n")[0]}${hint}` });
      }
    }
    throw new TemplateError(sourceName, [...byLine.values()].slice(0, 3));
  }
  const warnings: TemplateProblem[] = [];
  const raw = doc.toJS({ maxAliasCount: 100 });
  tidyRaw(raw, (path, message) => warnings.push({ path: formatPath(path), line: lineOf(lines, nodeAt(doc, path).node), message }));
  const result = templateSchema.safeParse(raw);
  if (!result.success) throw new TemplateError(sourceName, problemsFromIssues(result.error.issues, doc, lines));
  return { template: result.data, warnings };
}

/** Validates a template already parsed into JSON (e.g. the stored definition of a Template row). */
export function parseTemplateDefinition(definition: unknown, sourceName = "template"): Template {
  const copy = structuredClone(definition);
  tidyRaw(copy, () => {});
  const result = templateSchema.safeParse(copy);
  if (!result.success) throw new TemplateError(sourceName, problemsFromIssues(result.error.issues));
  return result.data;
}

export function loadTemplateFile(path: string): Template {
  return parseTemplateYaml(readFileSync(path, "utf8"), basename(path));
}

/** "sections[3].content.questions[1].unitKinds[0]" → the line of that node in the YAML source. */
export function lineOfTemplatePath(source: string, path: string): number | undefined {
  const parts: PropertyKey[] = [];
  for (const segment of path.split(".")) {
    const bracket = segment.indexOf("[");
    const name = bracket < 0 ? segment : segment.slice(0, bracket);
    if (name) parts.push(name);
    for (const match of segment.slice(bracket < 0 ? segment.length : bracket).matchAll(/\[(\d+)\]/g)) parts.push(Number(match[1]));
  }
  try {
    const lines = new LineCounter();
    const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
    return lineOf(lines, nodeAt(doc, parts).node);
  } catch {
    return undefined;
  }
}
