import type { UnitKindDef } from "../unit-kind.ts";
import { numberingOf, sectionNumber, type NumberingStyle } from "./numbering-style.ts";
import { templateQuestions, type Template, type TemplateSection } from "./template-schema.ts";

export type SectionSummary = { number: string; heading: string; depth: number; content: "profile" | "text" | "questions" | "none"; questions: string[] };

/** What a template asks and of whom, for the person checking it. */
export type TemplateSummary = {
  key: string;
  version: number;
  name: string;
  sections: SectionSummary[];
  questionCount: number;
  officeOnly: string[];
  figures: string[];
  checks: string[];
  statusAppendix: boolean;
  /** Every kind the template names, with its label when the organisation has it. */
  askedByKind: { kind: string; label: string | null; questions: string[] }[];
};

export function summariseTemplate(template: Template, kinds: readonly UnitKindDef[]): TemplateSummary {
  const sections: SectionSummary[] = [];
  const visit = (list: readonly TemplateSection[], parent: NumberingStyle | null, parentCore: string | null, depth: number) => {
    let n = 0;
    for (const section of list) {
      const style = numberingOf(section, parent);
      let number = "";
      let core = parentCore;
      if (style !== "none") ({ label: number, core } = sectionNumber(style, ++n, parentCore));
      const content = section.content;
      sections.push({
        number,
        heading: section.heading.vi,
        depth,
        content: content?.type ?? "none",
        questions: content?.type === "questions" ? content.questions.map((q) => q.key) : [],
      });
      visit(section.children, style, core, depth + 1);
    }
  };
  visit(template.sections, null, null, 0);
  const questions = templateQuestions(template);
  const kindKeys = [...new Set(questions.flatMap((q) => q.unitKinds))];
  return {
    key: template.key,
    version: template.version,
    name: template.name.vi,
    sections,
    questionCount: questions.length,
    officeOnly: questions.filter((q) => !q.report).map((q) => q.key),
    figures: Object.entries(template.figures).map(([name, expr]) => `${name} = ${expr}`),
    checks: template.checks.map((c) => c.rule),
    statusAppendix: template.layout.statusAppendix,
    askedByKind: kindKeys.map((kind) => ({
      kind,
      label: kinds.find((k) => k.key === kind)?.label.vi ?? null,
      questions: questions.filter((q) => q.unitKinds.includes(kind)).map((q) => q.key),
    })),
  };
}

/** The summary as lines of plain text (the command line and the chat show it as it is). */
export function formatTemplateSummary(summary: TemplateSummary): string {
  const lines = [
    `${summary.key} v${summary.version} — ${summary.name}`,
    `${summary.sections.length} sections, ${summary.questionCount} questions` +
      `${summary.officeOnly.length ? ` (${summary.officeOnly.length} for the office only: ${summary.officeOnly.join(", ")})` : ""}, ` +
      `${summary.figures.length} figures, ${summary.checks.length} checks; status appendix ${summary.statusAppendix ? "on" : "off"}`,
    "",
    "Sections:",
    ...summary.sections.map(
      (s) =>
        `${"  ".repeat(s.depth + 1)}${s.number ? `${s.number} ` : ""}${s.heading}` +
        (s.content === "questions" ? ` — ${s.questions.join(", ")}` : s.content === "none" ? "" : ` — ${s.content}`),
    ),
  ];
  if (summary.figures.length) lines.push("", "Figures:", ...summary.figures.map((f) => `  ${f}`));
  if (summary.checks.length) lines.push("", "Checks when a unit submits:", ...summary.checks.map((c) => `  ${c}`));
  lines.push(
    "",
    "Who is asked what:",
    ...summary.askedByKind.map((k) => `  ${k.kind}${k.label ? ` (${k.label})` : ""}: ${k.questions.length} — ${k.questions.join(", ")}`),
  );
  return lines.join("\n");
}
