import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { z } from "zod";
import { TemplateError, formatPath, type TemplateProblem } from "./template-error.ts";
import { templateSchema, type Template } from "./template-schema.ts";

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

function problemsFromIssues(issues: readonly z.core.$ZodIssue[], doc?: Document, lines?: LineCounter): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      // One problem per unknown key, at the key's own line.
      for (const key of issue.keys) {
        let line: number | undefined;
        if (doc && lines) {
          const { node } = nodeAt(doc, issue.path);
          const pair = isMap(node) ? node.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
          line = lineOf(lines, (pair?.key as Node | undefined) ?? node);
        }
        problems.push({ path: formatPath([...issue.path, key]), line, message: "unknown field (check the spelling)" });
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
      else if (issue.code === "invalid_type" && issue.expected === "string" && isMap(node) && node.items.length === 1) {
        message = `${issue.message}; text containing ": " must be quoted`;
      }
    }
    problems.push({ path: formatPath(issue.path), line, message });
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** Parses and validates template YAML; throws a TemplateError listing every problem with its line. */
export function parseTemplateYaml(source: string, sourceName = "template"): Template {
  try {
    return parseYaml(source, sourceName);
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    // What the YAML reader itself throws: an alias naming no anchor, aliases multiplying the document,
    // nesting so deep that it runs out of stack.
    throw new TemplateError(sourceName, [{ path: "", message: `YAML: ${(error as Error).message}` }]);
  }
}

function parseYaml(source: string, sourceName: string): Template {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // One syntax error cascades into many; the first per line, on the first few lines, is what helps.
    const byLine = new Map<number, TemplateProblem>();
    for (const error of doc.errors) {
      const line = lines.linePos(error.pos[0]).line;
      if (!byLine.has(line)) byLine.set(line, { path: "", line, message: `YAML syntax: ${error.message.split("\n")[0]}` });
    }
    throw new TemplateError(sourceName, [...byLine.values()].slice(0, 3));
  }
  const result = templateSchema.safeParse(doc.toJS());
  if (!result.success) throw new TemplateError(sourceName, problemsFromIssues(result.error.issues, doc, lines));
  return result.data;
}

/** Validates a template already parsed into JSON (e.g. the stored definition of a Template row). */
export function parseTemplateDefinition(definition: unknown, sourceName = "template"): Template {
  const result = templateSchema.safeParse(definition);
  if (!result.success) throw new TemplateError(sourceName, problemsFromIssues(result.error.issues));
  return result.data;
}

export function loadTemplateFile(path: string): Template {
  return parseTemplateYaml(readFileSync(path, "utf8"), basename(path));
}
