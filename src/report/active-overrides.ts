import type { ReportOverride } from "../domain/report/report-input.ts";
import type { Db } from "../submissions/db-client.ts";

/** 0 for a whole section, so (round, section, item, version) is unique either way. */
export const itemKey = (item: number | null | undefined) => item ?? 0;

export type OverrideRow = { sectionKey: string; item: number | null; itemKey: number; version: number; text: string; replacedText: string | null; dropped: boolean; authorId: number | null; createdAt: Date; author: { name: string } | null };

/** The latest version of every target of the round, dropped ones included. */
export async function latestRows(db: Db, roundId: number): Promise<OverrideRow[]> {
  const rows = await db.reportOverride.findMany({
    where: { roundId },
    orderBy: [{ sectionKey: "asc" }, { itemKey: "asc" }, { version: "desc" }],
    select: { sectionKey: true, item: true, itemKey: true, version: true, text: true, replacedText: true, dropped: true, authorId: true, createdAt: true, author: { select: { name: true } } },
  });
  const latest = new Map<string, OverrideRow>();
  for (const row of rows) {
    const key = `${row.sectionKey}\u0000${row.itemKey}`;
    if (!latest.has(key)) latest.set(key, row);
  }
  return [...latest.values()];
}

/** The secretary's texts in force for a round, as the compile applies them. */
export async function activeOverrides(db: Db, roundId: number): Promise<ReportOverride[]> {
  return (await latestRows(db, roundId))
    .filter((row) => !row.dropped)
    .map((row) => ({ sectionKey: row.sectionKey, item: row.item, text: row.text, replacedText: row.replacedText }));
}

