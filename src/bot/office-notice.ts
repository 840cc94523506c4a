import { InlineKeyboard, type Api } from "grammy";
import { formatDateTime } from "../conversation/format-time.ts";
import { splitMessage, TELEGRAM_TEXT_LIMIT } from "../conversation/split-message.ts";
import { statusCounts } from "../domain/office/status-table.ts";
import { latestPerSubmission, submissionNoticeText, type SubmittedItem } from "../domain/office/submission-notice.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { i18n, isLocale, type Locale } from "../i18n.ts";
import { roundSummary, roundTitle } from "../office/round-choice.ts";
import { loadRoundProgress } from "../office/round-progress.ts";
import { callbackSecret } from "./callback-secret.ts";
import { officeButton, tidyKeyboard } from "./keyboards/office-keyboard.ts";
import { isUnreachableError, markUnreachable } from "./mark-unreachable.ts";

/** A submission event as kept until its batch is sent. */
export type StoredSubmittedEvent = { submissionId: number; roundId: number; unitId: number; personId: number; resubmitted: boolean; at: string };

export type OfficeNoticeDeps = { prisma: PrismaClient; api: Api; timeZone: string; defaultLocale: Locale };

export type OfficeNoticeResult = { sent: number; failed: number; unreachable: number; items: number };

/** Review buttons under one notice; more units than this are reached through /status. */
const MAX_REVIEW_BUTTONS = 8;

async function itemsOf(prisma: PrismaClient, events: readonly StoredSubmittedEvent[]): Promise<SubmittedItem[]> {
  const ids = [...new Set(events.map((e) => e.submissionId))];
  const submissions = await prisma.submission.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, unit: { select: { name: true } } } });
  const byId = new Map(submissions.map((s) => [s.id, s]));
  const items: SubmittedItem[] = [];
  for (const event of events) {
    const submission = byId.get(event.submissionId);
    // Returned since: the office hears when it is submitted again. (A report changed after submitting stays
    // submitted: the office keeps that version, so its submission is still news.)
    if (!submission || (submission.status !== "SUBMITTED" && submission.status !== "ACCEPTED")) continue;
    const at = new Date(event.at);
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
 * Tells every reachable secretary what was submitted in one batch of a round, in their language, with
 * buttons to the progress table and to each submission's review. `alreadySent` (from an earlier attempt) is
 * skipped; `onSent` records each delivery so a retry does not repeat it.
 */
export async function sendOfficeNotice(
  deps: OfficeNoticeDeps,
  roundId: number,
  events: readonly StoredSubmittedEvent[],
  alreadySent: ReadonlySet<number>,
  onSent: (personId: number) => Promise<void>,
): Promise<OfficeNoticeResult> {
  const { prisma, api } = deps;
  const round = await roundSummary(prisma, roundId);
  const items = round ? await itemsOf(prisma, events) : [];
  const result: OfficeNoticeResult = { sent: 0, failed: 0, unreachable: 0, items: items.length };
  if (!round || items.length === 0) return result;
  const counts = statusCounts(await loadRoundProgress(prisma, roundId));
  const organisation = await prisma.round.findUnique({ where: { id: roundId }, select: { organisation: { select: { locale: true } } } });
  const orgLocale: Locale = isLocale(organisation?.organisation.locale) ? organisation.organisation.locale : deps.defaultLocale;
  const secretaries = await prisma.membership.findMany({
    where: { role: "SECRETARY", revokedAt: null, person: { unreachableAt: null } },
    select: { person: { select: { id: true, telegramId: true, locale: true } } },
    orderBy: { personId: "asc" },
  });
  const people = [...new Map(secretaries.map((m) => [m.person.id, m.person])).values()];
  const secret = callbackSecret(api.token);
  const recipients: number[] = [];
  for (const person of people) {
    if (alreadySent.has(person.id)) continue;
    const locale: Locale = isLocale(person.locale) ? person.locale : orgLocale;
    const t = (key: string, vars?: Record<string, string | number>) => i18n.t(locale, key, vars);
    const text = submissionNoticeText(
      { round: await roundTitle(prisma, round, locale), items, submitted: counts.submitted, total: counts.total },
      t,
      (instant) => formatDateTime(instant, deps.timeZone, locale),
    );
    const keyboard = new InlineKeyboard().add(officeButton(t("office-button-status"), "st", [roundId, 0], secret)).row();
    items.slice(0, MAX_REVIEW_BUTTONS).forEach((item, i) => {
      keyboard.add(officeButton(t("office-button-review-unit", { unit: item.unit }), "vo", [item.submissionId, 0], secret));
      if (i % 2 === 1) keyboard.row();
    });
    const pieces = splitMessage(text, TELEGRAM_TEXT_LIMIT);
    try {
      for (const [i, piece] of pieces.entries()) {
        await api.sendMessage(Number(person.telegramId), piece, i === pieces.length - 1 ? { reply_markup: tidyKeyboard(keyboard) } : undefined);
      }
      result.sent++;
      recipients.push(person.id);
      await onSent(person.id);
    } catch (error) {
      if (isUnreachableError(error)) {
        await markUnreachable(prisma, person.id, error);
        result.unreachable++;
      } else result.failed++;
    }
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
