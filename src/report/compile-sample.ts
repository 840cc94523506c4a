import { assembleReport } from "../domain/report/assemble-report.ts";
import type { AssembleOptions } from "../domain/report/report-input.ts";
import type { ReportModel } from "../domain/report/report-model.ts";
import { loadBundledTemplate } from "./bundled-templates.ts";
import { renderReportDocx } from "./render-docx.ts";
import { sampleReportInput } from "./sample/sample-report-input.ts";

/** The bundled example report, assembled and rendered without a database. */
export async function compileSample(options: AssembleOptions & { reportDate?: string | null } = {}): Promise<{ model: ReportModel; bytes: Buffer }> {
  const input = sampleReportInput(loadBundledTemplate());
  const round = options.reportDate === undefined ? input.round : { ...input.round, reportDate: options.reportDate };
  const model = assembleReport({ ...input, round }, options);
  return { model, bytes: await renderReportDocx(model) };
}
