/** One problem in a template: where (path, and line when read from a file) and what. */
export type TemplateProblem = { path: string; line?: number; message: string };

/** A template that failed validation; the message lists every problem on its own line. */
export class TemplateError extends Error {
  override name = "TemplateError";

  constructor(
    readonly source: string,
    readonly problems: readonly TemplateProblem[],
  ) {
    super(
      `${source}: invalid template (${problems.length} problem${problems.length === 1 ? "" : "s"})\n` +
        problems.map((p) => `  ${p.line === undefined ? "" : `line ${p.line}: `}${p.path || "(root)"}: ${p.message}`).join("\n"),
    );
  }
}

/** "sections[3].children[0].content.questions[1].type" from a zod-style path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}
