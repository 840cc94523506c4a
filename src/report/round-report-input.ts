import { z } from "zod";
import type { Answer, Organisation, Round, Submission, Template, Unit } from "../generated/prisma/client.ts";
import { localDateOf } from "../domain/calendar/zoned-time.ts";
import type { ReportInput, ReportOverride, StoredAnswer, SubmissionInfo } from "../domain/report/report-input.ts";
import type { RequestDocumentParts } from "../domain/round-input.ts";
import { officeAnswerVersion } from "../domain/submission-rules.ts";
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
  /**
   * By answer id, the revision that was submitted of answers changed since (see Answer.submittedRevision):
   * a submitted report changed afterwards is compiled as submitted until it is submitted again.
   */
  submittedRevisions: ReadonlyMap<number, StoredAnswer>;
};

/** A submission's answers as the office has them, by question key: the submitted revisions of a report changed since. */
export function officeAnswers(submission: RoundRows["submissions"][number], submittedRevisions: RoundRows["submittedRevisions"]): Record<string, StoredAnswer> {
  const answers: Record<string, StoredAnswer> = {};
  for (const answer of submission.answers) {
    const version = officeAnswerVersion(answer, submission);
    if (version === "absent") continue;
    const submitted = version === "submitted" ? submittedRevisions.get(answer.id) : undefined;
    // A submitted revision that cannot be found (history removed by hand) leaves the answer out rather than show unsubmitted text.
    if (version === "submitted" && !submitted) continue;
    answers[answer.questionKey] = submitted ?? { value: answer.value, skipped: answer.skipped };
  }
  return answers;
}

const stringList = z.array(z.string());

/** Json columns holding lists of strings; anything else counts as empty rather than failing the compile. */
function strings(value: unknown): string[] {
  const parsed = stringList.safeParse(value);
  return parsed.success ? parsed.data : [];
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
      deadline: localDateOf(round.deadline, org.timezone),
    },
    template: parseTemplateDefinition(template.definition, `template ${template.key} v${template.version} (#${template.id})`),
    units: rows.units.map((unit) => ({ id: unit.id, name: unit.name, kind: unit.kind, order: unit.order })),
    submissions: rows.submissions.map(
      (submission): SubmissionInfo => ({
        unitId: submission.unitId,
        status: submission.status,
        answers: officeAnswers(submission, rows.submittedRevisions),
      }),
    ),
    overrides: rows.overrides,
  };
}
