/**
 * Limits checked on a YAML text before the YAML reader sees it. The reader builds a node per level of nesting;
 * a file nested thousands of levels deep costs far more memory than its size suggests, and two such files in
 * one process have exhausted the heap. One linear pass, no regular expressions on the text.
 */
export type YamlLimits = { maxBytes: number; maxDepth: number };

export const TEMPLATE_YAML_LIMITS: YamlLimits = { maxBytes: 512 * 1024, maxDepth: 64 };
export const ORG_YAML_LIMITS: YamlLimits = { maxBytes: 1024 * 1024, maxDepth: 32 };
/** A holiday list is a flat list of days: a few hundred entries a decade. */
export const HOLIDAY_YAML_LIMITS: YamlLimits = { maxBytes: 256 * 1024, maxDepth: 8 };

export type YamlLimitProblem = { line?: number; message: string };

/** Nesting of one line: indentation levels, "- - x" compact sequences and open flow brackets. */
export function checkYamlLimits(source: string, limits: YamlLimits): YamlLimitProblem | null {
  const bytes = Buffer.byteLength(source, "utf8");
  if (bytes > limits.maxBytes) {
    return { message: `the file is ${Math.ceil(bytes / 1024)} KB; at most ${limits.maxBytes / 1024} KB is read` };
  }
  const indents: number[] = [];
  let flow = 0;
  let lineNumber = 0;
  let lineStart = 0;
  while (lineStart <= source.length) {
    lineNumber++;
    let lineEnd = source.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = source.length;
    let i = lineStart;
    while (i < lineEnd && source[i] === " ") i++;
    const first = source[i];
    if (i < lineEnd && first !== "#" && first !== "\r") {
      const indent = i - lineStart;
      if (flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1]! > indent) indents.pop();
        if (indents.length === 0 || indents[indents.length - 1]! < indent) indents.push(indent);
      }
      let compact = 0;
      while (source[i] === "-" && (source[i + 1] === " " || i + 1 === lineEnd)) {
        compact++;
        i += 2;
        while (i < lineEnd && source[i] === " ") i++;
      }
      let quote: string | null = null;
      let deepest = flow;
      for (; i < lineEnd; i++) {
        const c = source[i]!;
        if (quote) {
          if (c === quote) quote = null;
          continue;
        }
        if (c === '"' || c === "'") quote = c;
        else if (c === "#" && (source[i - 1] === " " || i === lineStart)) break;
        else if (c === "[" || c === "{") deepest = Math.max(deepest, ++flow);
        else if ((c === "]" || c === "}") && flow > 0) flow--;
      }
      const depth = indents.length + compact + deepest;
      if (depth > limits.maxDepth) {
        return { line: lineNumber, message: `nested ${depth} levels deep here; at most ${limits.maxDepth} levels are read` };
      }
    }
    lineStart = lineEnd + 1;
  }
  return null;
}
