import type { UnitKindDef } from "../unit-kind.ts";
import type { TemplateProblem } from "./template-error.ts";
import { formatPath } from "./template-error.ts";
import type { Template, TemplateSection } from "./template-schema.ts";

/** Edit distance, for "did you mean" on a mistyped kind (short keys, so the plain table is fine). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

export type KindCheck = { errors: TemplateProblem[]; warnings: TemplateProblem[] };

/**
 * The template's unit kinds against an organisation's: a kind the organisation does not have is a warning
 * (nobody of it is asked; a shared template may name kinds other organisations have), with a suggestion when
 * it looks mistyped; a question that asks no kind the organisation has is an error (nobody would answer it).
 */
export function checkTemplateKinds(template: Pick<Template, "sections">, kinds: readonly UnitKindDef[], source: string): KindCheck {
  const known = kinds.map((k) => k.key);
  const errors: TemplateProblem[] = [];
  const warnings: TemplateProblem[] = [];
  const visit = (sections: readonly TemplateSection[], base: (string | number)[]) => {
    sections.forEach((section, i) => {
      const path = [...base, i];
      if (section.content?.type === "questions") {
        section.content.questions.forEach((question, j) => {
          const qPath = [...path, "content", "questions", j, "unitKinds"];
          question.unitKinds.forEach((kind, k) => {
            if (known.includes(kind)) return;
            const near = known.find((candidate) => distance(candidate, kind) <= 2);
            warnings.push({
              path: formatPath([...qPath, k]),
              message: `unit kind "${kind}" is not among ${source} (${known.join(", ")})${near ? `; did you mean ${near}?` : "; nobody of that kind is asked"}`,
            });
          });
          if (!question.unitKinds.some((kind) => known.includes(kind))) {
            errors.push({ path: formatPath(qPath), message: `nobody would be asked ${question.key}: none of ${question.unitKinds.join(", ")} is among ${source} (${known.join(", ")})` });
          }
        });
      }
      visit(section.children, [...path, "children"]);
    });
  };
  visit(template.sections, ["sections"]);
  return { errors, warnings };
}
