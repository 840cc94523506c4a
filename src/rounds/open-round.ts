import type { Period } from "../domain/calendar/period.ts";
import { parseRequestDocumentParts, type RequestDocumentParts } from "../domain/round-input.ts";
import type { Template } from "../domain/template/template-schema.ts";
import type { Db } from "../submissions/db-client.ts";
import { askedUnits } from "./asked-units.ts";

export type OpenRoundInput = {
  organisationId: number;
  templateId: number;
  template: Pick<Template, "sections">;
  period: Period;
  deadline: Date;
  requestDocument: string | null;
  /** The parts as the person confirmed them; absent: parsed from requestDocument. */
  requestDocumentParts?: RequestDocumentParts | null;
  recipients: readonly string[];
  actorId: number;
  now: Date;
};

export type OpenRoundResult =
  | { ok: true; roundId: number; unitIds: number[] }
  | { ok: false; reason: "deadline-past" }
  | { ok: false; reason: "no-units" }
  /** The same report for the same period is already open: one round per report and period. */
  | { ok: false; reason: "duplicate"; roundId: number };

/**
 * Opens a round: the Round row (OPEN, openedAt), a submission for every active unit the template asks
 * something, and the audit event. Run it inside the caller's transaction so a refused or failed
 * opening leaves nothing behind.
 */
export async function openRound(tx: Db, input: OpenRoundInput): Promise<OpenRoundResult> {
  if (input.deadline.getTime() <= input.now.getTime()) return { ok: false, reason: "deadline-past" };
  const samePeriod = {
    organisationId: input.organisationId,
    templateId: input.templateId,
    status: "OPEN" as const,
    periodKind: input.period.kind,
    periodYear: input.period.year,
    periodNumber: input.period.number,
  };
  const duplicate = await tx.round.findFirst({ where: samePeriod, select: { id: true } });
  if (duplicate) return { ok: false, reason: "duplicate", roundId: duplicate.id };
  const units = await askedUnits(tx, input.organisationId, input.template);
  if (units.length === 0) return { ok: false, reason: "no-units" };
  const parts = input.requestDocument ? (input.requestDocumentParts ?? parseRequestDocumentParts(input.requestDocument)) : null;
  // The partial unique index "Round_open_period_key" makes a second confirm at the same moment wait for the
  // first and then insert nothing (instead of failing its whole transaction).
  const [round] = await tx.round.createManyAndReturn({
    data: [
      {
        ...samePeriod,
        deadline: input.deadline,
        requestDocument: input.requestDocument,
        requestDocKind: parts?.kind ?? null,
        requestDocNumber: parts?.number ?? null,
        requestDocDate: parts?.date ? new Date(`${parts.date}T00:00:00Z`) : null,
        requestDocIssuer: parts?.issuer ?? null,
        requestDocSubject: parts?.subject ?? null,
        recipients: [...input.recipients],
        openedAt: input.now,
        createdById: input.actorId,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!round) {
    const opened = await tx.round.findFirstOrThrow({ where: samePeriod, select: { id: true } });
    return { ok: false, reason: "duplicate", roundId: opened.id };
  }
  await tx.submission.createMany({ data: units.map((unit) => ({ roundId: round.id, unitId: unit.id })) });
  await tx.auditEvent.create({
    data: {
      actorId: input.actorId,
      action: "round.opened",
      entityType: "Round",
      entityId: String(round.id),
      data: {
        templateId: input.templateId,
        period: input.period,
        deadline: input.deadline.toISOString(),
        requestDocument: input.requestDocument,
        recipients: [...input.recipients],
        unitIds: units.map((u) => u.id),
      },
      createdAt: input.now,
    },
  });
  return { ok: true, roundId: round.id, unitIds: units.map((u) => u.id) };
}
