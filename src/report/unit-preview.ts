import { assembleReport } from "../domain/report/assemble-report.ts";
import type { ReportSection } from "../domain/report/report-model.ts";
import { questionsBehindSection } from "../domain/report/section-sources.ts";
import { questionsForUnitKind } from "../domain/template/template-schema.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { loadRoundRows } from "./round-rows.ts";
import { roundToReportInput } from "./round-report-input.ts";

/** A section of the report as one unit's answers alone would word it. */
export type PreviewSection = { number: string; heading: string; depth: number; paragraphs: string[] };

function prefixOf(block: ReportSection["blocks"][number]): string {
  if (block.kind === "bullet") return "- ";
  if (block.kind === "numbered") return `${block.number}. `;
  return "";
}

/**
 * The report's sections built from this unit's answers as they stand (not yet submitted ones included), in
 * the report's own wording, without the secretary's texts: what the unit's part will read like. Sections
 * none of the unit's questions feed are left out.
 */
export async function unitReportPreview(prisma: PrismaClient, roundId: number, unitId: number): Promise<PreviewSection[]> {
  const rows = await loadRoundRows(prisma, roundId);
  const unit = rows.units.find((u) => u.id === unitId);
  const submission = rows.submissions.find((s) => s.unitId === unitId);
  if (!unit || !submission) return [];
  const input = roundToReportInput({
    ...rows,
    units: [unit],
    // The answers as they stand: counted as submitted, so the preview shows them.
    submissions: [{ ...submission, status: "SUBMITTED", editedAfterSubmitAt: null }],
    overrides: [],
    submittedRevisions: new Map(),
  });
  const model = assembleReport(input);
  const asked = new Set(questionsForUnitKind(input.template, unit.kind).map((q) => q.key));
  const out: PreviewSection[] = [];
  const visit = (sections: readonly ReportSection[]) => {
    for (const section of sections) {
      const fed = questionsBehindSection(input.template, section.key).some((key) => asked.has(key));
      const paragraphs = section.blocks.filter((b) => b.kind !== "placeholder").map((b) => `${prefixOf(b)}${b.text}${"ending" in b ? b.ending : ""}`);
      if (fed || section.children.length > 0) out.push({ number: section.number, heading: section.heading, depth: section.depth, paragraphs: fed ? paragraphs : [] });
      visit(section.children);
    }
  };
  visit(model.sections);
  // A heading stays only over something of this unit's (its own text, or a kept section under it).
  const keep = out.map((section) => section.paragraphs.length > 0);
  for (let i = out.length - 1; i >= 0; i--) {
    for (let j = i + 1; !keep[i] && j < out.length && out[j]!.depth > out[i]!.depth; j++) keep[i] = keep[j]!;
  }
  return out.filter((_, i) => keep[i]);
}
