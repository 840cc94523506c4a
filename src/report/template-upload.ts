import { createHash } from "node:crypto";
import type { Period } from "../domain/calendar/period.ts";
import { assembleReport } from "../domain/report/assemble-report.ts";
import type { OrganisationInfo } from "../domain/report/report-input.ts";
import { checkTemplateSource } from "../domain/template/check-template-source.ts";
import { exampleReportInput } from "../domain/template/example-answers.ts";
import type { TemplateProblem } from "../domain/template/template-error.ts";
import type { Template } from "../domain/template/template-schema.ts";
import type { TemplateSummary } from "../domain/template/template-summary.ts";
import { storedUnitKinds, unitKindsOf, type UnitKindDef } from "../domain/unit-kind.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { inTransaction } from "../submissions/db-client.ts";
import { canonicalJson } from "./canonical-json.ts";
import { SAMPLE_ORGANISATION } from "./sample/sample-report-input.ts";
import { currentOrganisation } from "../organisation/current-organisation.ts";

export type TemplateUploadCheck =
  | { ok: false; problems: TemplateProblem[]; warnings: TemplateProblem[] }
  | {
      ok: true;
      summary: TemplateSummary;
      warnings: TemplateProblem[];
      /** A .docx compiled from example answers made from the template's questions. */
      preview: { fileName: string; bytes: Buffer };
      /** The version storing it would create, or the stored version it equals. */
      version: number;
      unchanged: boolean;
      /** Identifies the checked text; storing with it refuses a different file. */
      checksum: string;
    };

export type TemplateStoreResult =
  | { ok: true; id: number; key: string; version: number; name: string; unchanged: boolean }
  | { ok: false; reason: "invalid"; problems: TemplateProblem[] }
  | { ok: false; reason: "changed-since" }
  /** `claim` refused: the confirmation came for a file no longer waiting for one. */
  | { ok: false; reason: "stale" };

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

type OrgRow = Prisma.OrganisationGetPayload<object>;

async function organisationRow(prisma: PrismaClient): Promise<OrgRow | null> {
  const current = await currentOrganisation(prisma);
  return current ? prisma.organisation.findUnique({ where: { id: current.id } }) : null;
}

function organisationInfo(org: OrgRow | null): OrganisationInfo {
  if (!org) return SAMPLE_ORGANISATION;
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
  return {
    name: org.name,
    shortName: org.shortName,
    shortForm: org.shortForm,
    parentName: org.parentName,
    symbol: org.symbol,
    place: org.place,
    signerAuthority: org.signerAuthority,
    signerTitle: org.signerTitle,
    signerName: org.signerName,
    recipients: strings(org.recipients),
    distribution: strings(org.distribution),
    profileText: org.profileText,
    drafterUnit: org.drafterUnit,
  };
}

function kindsOf(org: OrgRow | null): { kinds: readonly UnitKindDef[]; name: string } {
  return { kinds: unitKindsOf(org ? storedUnitKinds(org.unitKinds) : []), name: "the organisation" };
}

/** The quarter in progress, for the preview's period words. */
function currentQuarter(now: Date): Period {
  return { kind: "QUARTER", year: now.getUTCFullYear(), number: Math.floor(now.getUTCMonth() / 3) + 1 };
}

/** The definition as stored, without its version: two files that differ only in version are the same template. */
const sameDefinition = (a: unknown, b: Template) => {
  const strip = (value: unknown) => ({ ...(value as Record<string, unknown>), version: 0 });
  return canonicalJson(strip(a)) === canonicalJson(strip(JSON.parse(JSON.stringify(b))));
};

async function versionFor(prisma: PrismaClient, template: Template): Promise<{ version: number; unchanged: boolean }> {
  const latest = await prisma.template.findFirst({ where: { key: template.key }, orderBy: { version: "desc" }, select: { version: true, definition: true } });
  if (!latest) return { version: template.version, unchanged: false };
  if (sameDefinition(latest.definition, template)) return { version: latest.version, unchanged: true };
  return { version: latest.version + 1, unchanged: false };
}

/** An example report compiled from the template's own questions, as the organisation would print it. */
export async function templatePreview(template: Template, organisation: OrganisationInfo, kinds: readonly UnitKindDef[], now = new Date()): Promise<{ fileName: string; bytes: Buffer }> {
  const period = currentQuarter(now);
  const model = assembleReport(exampleReportInput(template, organisation, kinds, period));
  // The renderer loads with the first preview, as with the first compile.
  const { renderReportDocx } = await import("./render-docx.ts");
  return { fileName: `XEM-TRUOC-${template.key}.docx`, bytes: await renderReportDocx(model) };
}

/**
 * Checks a template file the administrator sent: every problem with its line, or a summary, the warnings and a
 * preview compiled from example answers. Nothing is stored.
 */
export async function checkTemplateUpload(prisma: PrismaClient, input: { source: string; fileName: string; now?: Date }): Promise<TemplateUploadCheck> {
  const org = await organisationRow(prisma);
  const kinds = kindsOf(org);
  const checked = checkTemplateSource(input.source, input.fileName, kinds);
  if (!checked.ok) return checked;
  const { version, unchanged } = await versionFor(prisma, checked.template);
  return {
    ok: true,
    summary: { ...checked.summary, version },
    warnings: checked.warnings,
    preview: await templatePreview(checked.template, organisationInfo(org), kinds.kinds, input.now),
    version,
    unchanged,
    checksum: sha256(input.source),
  };
}

/**
 * Stores a checked template as a new version of its key (the next number after the stored ones; the file's own
 * number when the key is new). A file equal to the latest stored version stores nothing. `checksum` from the
 * check makes sure the file confirmed is the file checked. `claim`, when given, runs first in the storing
 * transaction: when it answers false (a file confirmed already), nothing is stored.
 */
export async function storeTemplateUpload(
  prisma: PrismaClient,
  input: { source: string; fileName: string; actorId: number | null; checksum?: string; now?: Date; claim?: (tx: Prisma.TransactionClient) => Promise<boolean> },
): Promise<TemplateStoreResult> {
  if (input.checksum !== undefined && input.checksum !== sha256(input.source)) return { ok: false, reason: "changed-since" };
  const org = await organisationRow(prisma);
  const checked = checkTemplateSource(input.source, input.fileName, kindsOf(org));
  if (!checked.ok) return { ok: false, reason: "invalid", problems: checked.problems };
  const template = checked.template;
  return inTransaction(prisma, async (tx): Promise<TemplateStoreResult> => {
    if (input.claim && !(await input.claim(tx))) return { ok: false, reason: "stale" };
    // One version number per key at a time, across processes.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${0x5454}::int, hashtext(${template.key}))`;
    const latest = await tx.template.findFirst({ where: { key: template.key }, orderBy: { version: "desc" }, select: { id: true, version: true, name: true, definition: true } });
    if (latest && sameDefinition(latest.definition, template)) {
      return { ok: true, id: latest.id, key: template.key, version: latest.version, name: latest.name, unchanged: true };
    }
    const version = latest ? latest.version + 1 : template.version;
    const definition = JSON.parse(JSON.stringify({ ...template, version })) as Prisma.InputJsonValue;
    const row = await tx.template.create({ data: { key: template.key, version, name: template.name.vi, definition }, select: { id: true } });
    await tx.auditEvent.create({
      data: {
        actorId: input.actorId,
        action: "template.added",
        entityType: "Template",
        entityId: String(row.id),
        data: { key: template.key, version, fileName: input.fileName },
        createdAt: input.now ?? new Date(),
      },
    });
    return { ok: true, id: row.id, key: template.key, version, name: template.name.vi, unchanged: false };
  });
}
