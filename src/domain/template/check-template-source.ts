import type { UnitKindDef } from "../unit-kind.ts";
import { lineOfTemplatePath, parseTemplateYamlWithWarnings } from "./load-template.ts";
import { TemplateError, type TemplateProblem } from "./template-error.ts";
import { checkTemplateKinds } from "./template-kinds.ts";
import type { Template } from "./template-schema.ts";
import { summariseTemplate, type TemplateSummary } from "./template-summary.ts";

export type TemplateCheckResult =
  | { ok: false; problems: TemplateProblem[]; warnings: TemplateProblem[] }
  | { ok: true; template: Template; warnings: TemplateProblem[]; summary: TemplateSummary };

/** The kinds a template is checked against, and how to name where they come from ("examples/org.yaml"). */
export type KindSource = { kinds: readonly UnitKindDef[]; name: string };

/**
 * Everything a clerk needs to know about a template file: every problem with its line, or the summary (and
 * the warnings: numbers typed into headings, kinds the organisation does not have).
 */
export function checkTemplateSource(source: string, sourceName: string, kinds: KindSource): TemplateCheckResult {
  let parsed;
  try {
    parsed = parseTemplateYamlWithWarnings(source, sourceName);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return { ok: false, problems: [...error.problems], warnings: [] };
  }
  const kindCheck = checkTemplateKinds(parsed.template, kinds.kinds, kinds.name);
  const located = (problems: readonly TemplateProblem[]) => problems.map((p) => ({ ...p, line: p.line ?? lineOfTemplatePath(source, p.path) }));
  const warnings = [...parsed.warnings, ...located(kindCheck.warnings)].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (kindCheck.errors.length > 0) return { ok: false, problems: located(kindCheck.errors), warnings };
  return { ok: true, template: parsed.template, warnings, summary: summariseTemplate(parsed.template, kinds.kinds) };
}

/** "line 12: sections[1].heading: …" */
export function formatProblem(problem: TemplateProblem): string {
  return `${problem.line === undefined ? "" : `line ${problem.line}: `}${problem.path || "(root)"}: ${problem.message}`;
}
