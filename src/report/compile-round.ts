import { periodSlug } from "../domain/calendar/period.ts";
import { assembleReport } from "../domain/report/assemble-report.ts";
import type { ReportModel, UnitStatusLine } from "../domain/report/report-model.ts";
import { isIncluded } from "../domain/report/submission-inclusion.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import type { Db } from "../submissions/db-client.ts";
import { canonicalJson, sha256Hex } from "./canonical-json.ts";
import { renderReportDocx } from "./render-docx.ts";
import { officeAnswers, roundToReportInput, type RoundRows } from "./round-report-input.ts";
import { CompileError, loadRoundRows } from "./round-rows.ts";
import { DRAFTER_INITIALS_MAX } from "../domain/report/drafter-initials.ts";

/**
 * Part of every input hash: raise it when assembly or layout changes, so a compile after an upgrade
 * makes a new version instead of handing back a file laid out the old way.
 */
export const REPORT_LAYOUT_VERSION = 2;

// Serialises version numbering per round across processes (pg_advisory_xact_lock(class, roundId)).
const LOCK_CLASS = 0x5448; // "TH"

export { CompileError };

export type CompileOptions = {
  includeDrafts: boolean;
  attribution: boolean;
  /** The page of who submitted; null follows the template (off unless it says so). */
  statusAppendix: boolean | null;
  /** Raised after the drafting unit in "Lưu: VT, VP^Tr"; null leaves them out. */
  drafterInitials: string | null;
};

export type CompileRequestOptions = { includeDrafts?: boolean; attribution?: boolean; statusAppendix?: boolean | null; drafterInitials?: string | null };

/** The options a request names, with the defaults filled in. */
export function compileOptions(request: CompileRequestOptions): CompileOptions {
  const initials = request.drafterInitials?.replace(/\s+/g, " ").trim();
  return {
    includeDrafts: request.includeDrafts ?? false,
    attribution: request.attribution ?? false,
    statusAppendix: request.statusAppendix ?? null,
    drafterInitials: initials ? initials.slice(0, DRAFTER_INITIALS_MAX) : null,
  };
}

export type IncludedSubmission = { submissionId: number; unitId: number; status: string; version: number };

/** A stored compile: the .docx bytes and what went into them. */
export type CompiledReportFile = {
  id: number;
  roundId: number;
  version: number;
  fileName: string;
  /** SHA-256 of the bytes. */
  checksum: string;
  inputHash: string;
  bytes: Uint8Array;
  final: boolean;
  includedSubmissions: IncludedSubmission[];
  options: CompileOptions;
  createdById: number | null;
  createdAt: Date;
};

export type CompileRoundResult = CompiledReportFile & {
  /** True when nothing changed since a stored version, which is returned instead of a new one. */
  reused: boolean;
  /** Answers that could not be used, for the person compiling. */
  warnings: string[];
  /** Who submitted and who did not, in unit order. */
  unitStatus: UnitStatusLine[];
  /** The page of who submitted is in the file (the option, else the template's default). */
  appendix: boolean;
  /** Sections and items whose text the secretary wrote. */
  overridden: number;
};

type Row = Prisma.CompiledReportGetPayload<object>;

function toFile(row: Row): CompiledReportFile {
  const options = (row.options ?? {}) as Partial<CompileOptions>;
  return {
    id: row.id,
    roundId: row.roundId,
    version: row.version,
    fileName: row.fileName,
    checksum: row.checksum,
    inputHash: row.inputHash,
    bytes: row.bytes,
    final: row.final,
    includedSubmissions: row.includedSubmissions as IncludedSubmission[],
    options: {
      includeDrafts: options.includeDrafts === true,
      attribution: options.attribution === true,
      statusAppendix: typeof options.statusAppendix === "boolean" ? options.statusAppendix : null,
      drafterInitials: typeof options.drafterInitials === "string" ? options.drafterInitials : null,
    },
    createdById: row.createdById,
    createdAt: row.createdAt,
  };
}


/**
 * Hash of everything the compile uses: organisation, round, template, units, the status of every submission
 * and the answers of those included, the options and the layout version. Answers of excluded drafts are
 * left out, so typing in a draft does not make a new version of a report that does not show it.
 */
function inputHashOf(rows: RoundRows, options: CompileOptions): string {
  const { round, organisation, template } = rows;
  return sha256Hex(
    canonicalJson({
      layout: REPORT_LAYOUT_VERSION,
      options,
      organisation: { ...organisation, createdAt: undefined, updatedAt: undefined },
      round: { ...round, createdAt: undefined, updatedAt: undefined, reminderSettings: undefined },
      template: { id: template.id, key: template.key, version: template.version, definition: template.definition },
      overrides: rows.overrides,
      units: rows.units.map((u) => ({ id: u.id, name: u.name, kind: u.kind, order: u.order })),
      submissions: rows.submissions.map((s) => ({
        unitId: s.unitId,
        status: s.status,
        answers: isIncluded(s.status, options.includeDrafts)
          ? Object.entries(officeAnswers(s, rows.submittedRevisions))
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
              .map(([key, answer]) => ({ key, value: answer.value, skipped: answer.skipped }))
          : null,
      })),
    }),
  );
}

/** "BC-dan-chu-co-so-9-thang-2024-v3.docx" */
export function compiledFileName(templateKey: string, rows: Pick<RoundRows, "round">, version: number): string {
  const { periodKind: kind, periodYear: year, periodNumber: number } = rows.round;
  return `BC-${templateKey}-${periodSlug({ kind, year, number })}-v${version}.docx`;
}

/**
 * Compiles a round into its .docx and stores it as the next version; when nothing the compile reads has
 * changed since a stored version, that version is returned instead (reused: true).
 */
export async function compileRound(
  prisma: PrismaClient,
  request: { roundId: number; actorId?: number | null } & CompileRequestOptions,
): Promise<CompileRoundResult> {
  const options = compileOptions(request);
  const rows = await loadRoundRows(prisma, request.roundId);
  const model: ReportModel = assembleReport(roundToReportInput(rows), {
    includeDrafts: options.includeDrafts,
    attribution: options.attribution,
    statusAppendix: options.statusAppendix ?? undefined,
    drafterInitials: options.drafterInitials,
  });
  const inputHash = inputHashOf(rows, options);
  const extras = { warnings: model.warnings, unitStatus: model.unitStatus, appendix: model.showStatusAppendix, overridden: rows.overrides.length };

  // Every compile is audited where it is made, whoever asks (chat, desk, command line: actor null).
  const audited = async (db: Prisma.TransactionClient | PrismaClient, result: CompileRoundResult): Promise<CompileRoundResult> => {
    await db.auditEvent.create({
      data: {
        actorId: request.actorId ?? null,
        action: "report.compiled",
        entityType: "CompiledReport",
        entityId: String(result.id),
        data: { roundId: rows.round.id, version: result.version, reused: result.reused, final: result.final, options, checksum: result.checksum },
      },
    });
    return result;
  };

  const existing = await prisma.compiledReport.findFirst({ where: { roundId: rows.round.id, inputHash }, orderBy: { version: "desc" } });
  if (existing) return audited(prisma, { ...toFile(existing), reused: true, ...extras });

  const bytes = await renderReportDocx(model);
  const includedSubmissions: IncludedSubmission[] = rows.submissions
    .filter((s) => isIncluded(s.status, options.includeDrafts))
    .map((s) => ({ submissionId: s.id, unitId: s.unitId, status: s.status, version: s.version }));

  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_CLASS}::int, ${rows.round.id}::int)`;
    // Someone may have stored the same input while this one rendered.
    const raced = await tx.compiledReport.findFirst({ where: { roundId: rows.round.id, inputHash }, orderBy: { version: "desc" } });
    if (raced) return audited(tx, { ...toFile(raced), reused: true, ...extras });
    const last = await tx.compiledReport.aggregate({ where: { roundId: rows.round.id }, _max: { version: true } });
    const version = (last._max.version ?? 0) + 1;
    const row = await tx.compiledReport.create({
      data: {
        roundId: rows.round.id,
        version,
        checksum: sha256Hex(bytes),
        inputHash,
        fileName: compiledFileName(rows.template.key, rows, version),
        bytes: new Uint8Array(bytes),
        includedSubmissions,
        options,
        final: rows.round.status === "CLOSED",
        createdById: request.actorId ?? null,
      },
    });
    return audited(tx, { ...toFile(row), reused: false, ...extras });
  });
}

/** A stored compile of the round: the given version, or the latest. */
export async function getCompiledReport(prisma: PrismaClient, roundId: number, version?: number): Promise<CompiledReportFile | null> {
  const row =
    version === undefined
      ? await prisma.compiledReport.findFirst({ where: { roundId }, orderBy: { version: "desc" } })
      : await prisma.compiledReport.findUnique({ where: { roundId_version: { roundId, version } } });
  return row ? toFile(row) : null;
}
