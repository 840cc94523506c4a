import { formatDateTime } from "../conversation/format-time.ts";
import { periodLabel } from "../domain/calendar/period.ts";
import { questionsForUnitKind } from "../domain/template/template-schema.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { templateById } from "../submissions/round-template.ts";
import type { BatchReport, NoticeBuilder, NoticeJob } from "./notice-queue.ts";

/** The recipient's live reporter role in the notice's unit: a notice queued before the role was removed is not sent. */
function reporterNow(job: NoticeJob) {
  return { where: { personId: job.personId, role: "REPORTER" as const, revokedAt: null }, select: { id: true } };
}

/** "The round is open": sent to each reporter of each unit asked something, with a button to start. */
const roundOpened: NoticeBuilder = async (prisma, job) => {
  const submission = await prisma.submission.findUnique({
    where: { id: job.refs.submission },
    select: {
      id: true,
      status: true,
      unit: { select: { name: true, kind: true, active: true, memberships: reporterNow(job) } },
      round: { select: { status: true, deadline: true, periodKind: true, periodYear: true, periodNumber: true, templateId: true, organisation: { select: { timezone: true } } } },
    },
  });
  // Opened and closed again, the unit has already answered, or the person no longer reports for it: nothing to announce.
  if (!submission || submission.round.status !== "OPEN" || !submission.unit.active || submission.status !== "NOT_STARTED") return null;
  if (submission.unit.memberships.length === 0) return null;
  const { round, unit } = submission;
  const count = questionsForUnitKind(await templateById(prisma, round.templateId), unit.kind).length;
  return (t, locale) => [
    {
      kind: "text",
      text: t("prompt-round-open", {
        unit: unit.name,
        round: periodLabel({ kind: round.periodKind, year: round.periodYear, number: round.periodNumber }, locale),
        deadline: formatDateTime(round.deadline, round.organisation.timezone, locale),
        count,
      }),
      choices: [[{ label: t("button-start-answering"), action: { op: "open", sid: submission.id } }]],
    },
  ];
};

/** "The deadline moved": sent to the reporters of units that have not submitted. */
const deadlineMoved: NoticeBuilder = async (prisma, job) => {
  const submission = await prisma.submission.findUnique({
    where: { id: job.refs.submission },
    select: {
      id: true,
      status: true,
      unit: { select: { name: true, memberships: reporterNow(job) } },
      round: { select: { status: true, deadline: true, periodKind: true, periodYear: true, periodNumber: true, organisation: { select: { timezone: true } } } },
    },
  });
  if (!submission || submission.round.status !== "OPEN" || ["SUBMITTED", "ACCEPTED"].includes(submission.status)) return null;
  if (submission.unit.memberships.length === 0) return null;
  const { round } = submission;
  // The deadline as it is when the notice goes out: a second move meanwhile is announced with its own date.
  if (round.deadline.getTime() !== job.refs.deadline) return null;
  return (t, locale) => [
    {
      kind: "text",
      text: t("notice-deadline-moved", {
        unit: submission.unit.name,
        round: periodLabel({ kind: round.periodKind, year: round.periodYear, number: round.periodNumber }, locale),
        deadline: formatDateTime(round.deadline, round.organisation.timezone, locale),
      }),
      choices: [[{ label: t("button-start-answering"), action: { op: "open", sid: submission.id } }]],
    },
  ];
};

export const NOTICE_BUILDERS: Record<string, NoticeBuilder> = { "round-opened": roundOpened, "deadline-moved": deadlineMoved };

/** The secretary who opened a round (or moved its deadline) hears how the notices went. */
export const reportNoticeBatch: BatchReport = (_prisma, batch) => (t) => [
  {
    kind: "text",
    text: t(`notice-batch-${batch.kind}`, { sent: batch.sent, total: batch.total, unreachable: batch.unreachable, skipped: batch.skipped }),
  },
];
