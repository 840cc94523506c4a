import { nameList } from "../domain/office/name-list.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Locale } from "../i18n.ts";
import type { PersonMessage } from "../messaging/notifier.ts";
import { roundSummary, roundTitle } from "../office/round-choice.ts";
import type { BatchTotals } from "./batch-tally.ts";
import type { RemindBatch } from "./reminder-queue.ts";

/** How one manual reminder ended, as its batch counts it. */
export type RemindOutcome = "sent" | "unreachable" | "skipped" | "failed";

const MAX_NAMED = 15;

/** The note kept with an outcome that names its unit in the report. */
export function remindNote(outcome: RemindOutcome, unitId: number): string | undefined {
  return outcome === "unreachable" || outcome === "failed" ? `${outcome}:${unitId}` : undefined;
}

async function unitNames(prisma: PrismaClient, notes: readonly string[], outcome: RemindOutcome): Promise<string[]> {
  const ids = notes.filter((note) => note.startsWith(`${outcome}:`)).map((note) => Number(note.slice(outcome.length + 1)));
  if (ids.length === 0) return [];
  const units = await prisma.unit.findMany({ where: { id: { in: ids } }, orderBy: [{ order: "asc" }, { id: "asc" }], select: { name: true } });
  return units.map((u) => u.name);
}

/**
 * What the secretary who pressed "remind" hears once every reminder of the press is done: how many units
 * were reached, which could not be (and which failed for now), and, again, the units that were never queued.
 */
export async function remindBatchReport(prisma: PrismaClient, roundId: number, batch: RemindBatch, totals: BatchTotals, locale: Locale): Promise<PersonMessage> {
  const round = await roundSummary(prisma, roundId);
  const title = round ? await roundTitle(prisma, round, locale) : "";
  const unreachable = await unitNames(prisma, totals.notes, "unreachable");
  const failed = await unitNames(prisma, totals.notes, "failed");
  const count = (outcome: RemindOutcome) => totals.counts[outcome] ?? 0;
  return (t) => {
    const more = (n: number) => t("office-remind-more", { count: n });
    const lines = [t("remind-batch-done", { round: title, sent: count("sent"), total: batch.total })];
    if (unreachable.length > 0) lines.push(t("remind-batch-unreachable", { count: unreachable.length, units: nameList(unreachable, MAX_NAMED, more) }));
    if (failed.length > 0) lines.push(t("remind-batch-failed", { count: failed.length, units: nameList(failed, MAX_NAMED, more) }));
    if (count("skipped") > 0) lines.push(t("remind-batch-skipped", { count: count("skipped") }));
    lines.push(
      t("remind-batch-summary", {
        sent: count("sent"),
        unreachable: count("unreachable") + batch.notQueued.unreachable,
        noReporter: batch.notQueued.noReporter,
      }),
    );
    return [{ kind: "text", text: lines.join("\n") }];
  };
}
