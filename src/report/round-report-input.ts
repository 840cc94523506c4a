import { z } from "zod";
import type { Answer, Organisation, Round, Submission, Template, Unit } from "../generated/prisma/client.ts";
import type { ReportInput, ReportOverride, SubmissionInfo } from "../domain/report/report-input.ts";
import type { RequestDocumentParts } from "../domain/round-input.ts";
import { parseTemplateDefinition } from "../domain/template/load-template.ts";

/** What compileRound reads for one round. */
export type RoundRows = {
  round: Round;
  organisation: Organisation;
  template: Template;
  units: Unit[];
  submissions: (Submission & { answers: Answer[] })[];
  /** The secretary's texts in force (latest version per target, not dropped). */
  overrides: ReportOverride[];
};

const stringList = z.array(z.string());

/** Json columns holding lists of strings; anything else counts as empty rather than failing the compile. */
function strings(value: unknown): string[] {
  const parsed = stringList.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** The calendar day of an instant in the organisation's time zone, "YYYY-MM-DD". */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/**
 * The stored parts of the request document; rounds opened before the parts were stored have only the text
 * (null here: the report parses it).
 */
export function requestDocumentParts(round: Round): RequestDocumentParts | null {
  if (!round.requestDocument) return null;
  const stored = [round.requestDocKind, round.requestDocNumber, round.requestDocDate, round.requestDocIssuer, round.requestDocSubject];
  if (stored.every((part) => part === null)) return null;
  return {
    text: round.requestDocument,
    kind: round.requestDocKind,
    number: round.requestDocNumber,
    date: round.requestDocDate ? round.requestDocDate.toISOString().slice(0, 10) : null,
    issuer: round.requestDocIssuer,
    subject: round.requestDocSubject,
  };
}

/** Database rows → the pure report input. */
export function roundToReportInput(rows: RoundRows): ReportInput {
  const { round, organisation: org, template } = rows;
  return {
    organisation: {
      name: org.name,
      shortName: org.shortName,
      parentName: org.parentName,
      symbol: org.symbol,
      place: org.place,
      signerAuthority: org.signerAuthority,
      signerTitle: org.signerTitle,
      signerName: org.signerName,
      recipients: strings(org.recipients),
      distribution: strings(org.distribution),
      profileText: org.profileText,
      shortForm: org.shortForm,
      drafterUnit: org.drafterUnit,
    },
    round: {
      period: { kind: round.periodKind, year: round.periodYear, number: round.periodNumber },
      requestDocument: round.requestDocument,
      requestDocumentParts: requestDocumentParts(round),
      recipients: strings(round.recipients),
      // A @db.Date column comes back as midnight UTC of that day.
      reportDate: round.reportDate ? round.reportDate.toISOString().slice(0, 10) : null,
      deadline: localDate(round.deadline, org.timezone),
    },
    template: parseTemplateDefinition(template.definition, `template ${template.key} v${template.version} (#${template.id})`),
    units: rows.units.map((unit) => ({ id: unit.id, name: unit.name, kind: unit.kind, order: unit.order })),
    submissions: rows.submissions.map(
      (submission): SubmissionInfo => ({
        unitId: submission.unitId,
        status: submission.status,
        answers: Object.fromEntries(submission.answers.map((answer) => [answer.questionKey, { value: answer.value, skipped: answer.skipped }])),
      }),
    ),
    overrides: rows.overrides,
  };
}
