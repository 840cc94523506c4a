import { formatDateTime } from "../conversation/format-time.ts";
import { statusCounts } from "../domain/office/status-table.ts";
import { latestPerSubmission, submissionNoticeText, supersededSince, type SubmittedItem } from "../domain/office/submission-notice.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Locale } from "../i18n.ts";
import type { Choice } from "../messaging/reply.ts";
import { roundSummary, roundTitle } from "../office/round-choice.ts";
import { currentOrganisation } from "../organisation/current-organisation.ts";
import { loadRoundProgress } from "../office/round-progress.ts";
import { loadRecipient, type Recipient } from "./notifier.ts";
import type { SendToPerson } from "./reminder-delivery.ts";

/** A submission event as kept until its batch is sent. */
export type StoredSubmittedEvent = { submissionId: number; roundId: number; unitId: number; personId: number; resubmitted: boolean; at: string };

export type OfficeNoticeDeps = {
  prisma: PrismaClient;
  send: SendToPerson;
  /** TZ_REPORTS, for times shown while no organisation is stored; the organisation's own zone otherwise. */
  defaultTimeZone: string;
  defaultLocale: Locale;
};

export type OfficeNoticeResult = { sent: number; failed: number; unreachable: number; items: number };

/** Review choices under one notice; more units than this are reached through /status. */
const MAX_REVIEW_CHOICES = 8;

async function itemsOf(prisma: PrismaClient, events: readonly StoredSubmittedEvent[]): Promise<SubmittedItem[]> {
  const ids = [...new Set(events.map((e) => e.submissionId))];
  const submissions = await prisma.submission.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true, submittedAt: true, acceptedAt: true, returnedAt: true, unit: { select: { name: true } } },
  });
  const byId = new Map(submissions.map((s) => [s.id, s]));
  const items: SubmittedItem[] = [];
  for (const event of events) {
    const submission = byId.get(event.submissionId);
    const at = new Date(event.at);
    // Changed again, submitted again, or accepted or returned by the office since: this news is stale.
    if (!submission || supersededSince(at, submission)) continue;
    let kind: SubmittedItem["kind"] = event.resubmitted ? "resubmitted" : "submitted";
    if (event.resubmitted) {
      const audit = await prisma.auditEvent.findFirst({
        where: { entityType: "Submission", entityId: String(event.submissionId), action: "submission.resubmitted", createdAt: at },
        select: { data: true },
      });
      if ((audit?.data as { wasReturned?: boolean } | null)?.wasReturned) kind = "answered-return";
    }
    items.push({ submissionId: event.submissionId, unit: submission.unit.name, at, kind });
  }
  return latestPerSubmission(items);
}

/**
 * Tells every secretary what was submitted in one batch of a round, in their language, with choices to
 * the progress table and to each submission's review. `alreadySent` (from an earlier attempt) is skipped;
 * `onSent` records each delivery so a retry does not repeat it.
 */
export async function sendOfficeNotice(
  deps: OfficeNoticeDeps,
  roundId: number,
  events: readonly StoredSubmittedEvent[],
  alreadySent: ReadonlySet<number>,
  onSent: (personId: number) => Promise<void>,
): Promise<OfficeNoticeResult> {
  const { prisma } = deps;
  const round = await roundSummary(prisma, roundId);
  const items = round ? await itemsOf(prisma, events) : [];
  const result: OfficeNoticeResult = { sent: 0, failed: 0, unreachable: 0, items: items.length };
  if (!round || items.length === 0) return result;
  const counts = statusCounts(await loadRoundProgress(prisma, roundId));
  const timeZone = (await currentOrganisation(prisma))?.timezone ?? deps.defaultTimeZone;
  const secretaries = await prisma.membership.findMany({ where: { role: "SECRETARY", revokedAt: null }, select: { personId: true }, orderBy: { personId: "asc" } });
  const recipients: number[] = [];
  for (const personId of new Set(secretaries.map((m) => m.personId))) {
    if (alreadySent.has(personId)) continue;
    const recipient: Recipient | null = await loadRecipient(prisma, personId, deps.defaultLocale);
    if (!recipient) continue;
    const title = await roundTitle(prisma, round, recipient.locale);
    const { outcome } = await deps.send(recipient, (t, locale) => {
      const text = submissionNoticeText({ round: title, items, submitted: counts.submitted, total: counts.total }, t, (instant) => formatDateTime(instant, timeZone, locale));
      const review: Choice[] = items.slice(0, MAX_REVIEW_CHOICES).map((item) => ({ label: t("office-button-review-unit", { unit: item.unit }), action: { op: "review.open", sid: item.submissionId, page: 0 } }));
      const rows: Choice[][] = [[{ label: t("office-button-status"), action: { op: "status.page", round: roundId, page: 0 } }]];
      for (let i = 0; i < review.length; i += 2) rows.push(review.slice(i, i + 2));
      return [{ kind: "text", text, choices: rows }];
    });
    if (outcome === "sent") {
      result.sent++;
      recipients.push(personId);
      await onSent(personId);
    } else if (outcome === "failed") result.failed++;
    else result.unreachable++;
  }
  if (recipients.length > 0) {
    await prisma.auditEvent.create({
      data: {
        action: "office.notified",
        entityType: "Round",
        entityId: String(roundId),
        data: { submissions: items.map((i) => ({ submissionId: i.submissionId, kind: i.kind, at: i.at.toISOString() })), recipients },
      },
    });
  }
  return result;
}
