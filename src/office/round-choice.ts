import { periodLabel, type Period } from "../domain/calendar/period.ts";
import type { RoundStatus } from "../domain/submission-rules.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Locale } from "../i18n.ts";
import { templateById } from "../submissions/round-template.ts";

/** What the office's screens say about a round. */
export type RoundSummary = {
  id: number;
  status: RoundStatus;
  period: Period;
  deadline: Date;
  templateId: number;
  templateKey: string;
  timeZone: string;
};

const select = {
  id: true,
  status: true,
  periodKind: true,
  periodYear: true,
  periodNumber: true,
  deadline: true,
  templateId: true,
  template: { select: { key: true } },
  organisation: { select: { timezone: true } },
} as const;

type Row = {
  id: number;
  status: RoundStatus;
  periodKind: Period["kind"];
  periodYear: number;
  periodNumber: number;
  deadline: Date;
  templateId: number;
  template: { key: string };
  organisation: { timezone: string };
};

function summary(row: Row): RoundSummary {
  return {
    id: row.id,
    status: row.status,
    period: { kind: row.periodKind, year: row.periodYear, number: row.periodNumber },
    deadline: row.deadline,
    templateId: row.templateId,
    templateKey: row.template.key,
    timeZone: row.organisation.timezone,
  };
}

export async function roundSummary(prisma: PrismaClient, roundId: number): Promise<RoundSummary | null> {
  const row = await prisma.round.findUnique({ where: { id: roundId }, select });
  return row ? summary(row) : null;
}

/**
 * Rounds the office picks from, most relevant first: open ones by nearest deadline, then the others newest
 * first (drafts last).
 */
export async function recentRounds(prisma: PrismaClient, limit = 8): Promise<RoundSummary[]> {
  const open = await prisma.round.findMany({ where: { status: "OPEN" }, orderBy: [{ deadline: "asc" }, { id: "asc" }], take: limit, select });
  const others = await prisma.round.findMany({
    where: { status: { not: "OPEN" } },
    orderBy: [{ status: "asc" }, { deadline: "desc" }, { id: "desc" }],
    take: limit,
    select,
  });
  // CLOSED sorts before DRAFT alphabetically, which is the order wanted.
  return [...open, ...others].slice(0, limit).map(summary);
}

/** The open rounds, nearest deadline first: the ones whose late units can be reminded. */
export async function openRounds(prisma: PrismaClient, limit = 8): Promise<RoundSummary[]> {
  const rows = await prisma.round.findMany({ where: { status: "OPEN" }, orderBy: [{ deadline: "asc" }, { id: "asc" }], take: limit, select });
  return rows.map(summary);
}

/** The round a command means when none is named: the open one due first, else the latest. */
export async function defaultRound(prisma: PrismaClient): Promise<RoundSummary | null> {
  return (await recentRounds(prisma, 1))[0] ?? null;
}

/** "9 tháng đầu năm 2024 — Kết quả thực hiện Quy chế dân chủ ở cơ sở" */
export async function roundTitle(prisma: PrismaClient, round: RoundSummary, locale: Locale): Promise<string> {
  const template = await templateById(prisma, round.templateId).catch(() => null);
  const name = template?.name[locale];
  return name ? `${periodLabel(round.period, locale)} — ${name}` : periodLabel(round.period, locale);
}
