import { formatDateTime } from "../conversation/format-time.ts";
import { periodLabel, type PeriodKind } from "../domain/calendar/period.ts";
import { questionsForUnitKind } from "../domain/template/template-schema.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { templateById } from "../submissions/round-template.ts";
import { answerButtons } from "./answer-buttons.ts";
import type { BatchReport, FormLink, NoticeBuilder, NoticeJob } from "./notice-queue.ts";

type NoticeFacts = {
  id: number;
  roundId: number;
  status: string;
  unitName: string;
  unitKind: string;
  unitActive: boolean;
  roundStatus: string;
  deadline: Date;
  periodKind: PeriodKind;
  periodYear: number;
  periodNumber: number;
  templateId: number;
  timezone: string;
  /** The recipient still reports for the unit: a notice queued before the role was removed is not sent. */
  stillReporter: boolean;
};

/** The submission a notice is about, its unit and round, in one statement (a nested read sends side by side). */
async function noticeFacts(prisma: PrismaClient, job: NoticeJob): Promise<NoticeFacts | null> {
  const rows = await prisma.$queryRaw<NoticeFacts[]>`
    SELECT s."id", s."roundId", s."status"::text AS "status", u."name" AS "unitName", u."kind" AS "unitKind", u."active" AS "unitActive",
           r."status"::text AS "roundStatus", r."deadline", r."periodKind"::text AS "periodKind", r."periodYear", r."periodNumber", r."templateId",
           o."timezone",
           EXISTS (SELECT 1 FROM "Membership" m WHERE m."unitId" = u."id" AND m."personId" = ${job.personId} AND m."role" = 'REPORTER' AND m."revokedAt" IS NULL) AS "stillReporter"
    FROM "Submission" s JOIN "Unit" u ON u."id" = s."unitId" JOIN "Round" r ON r."id" = s."roundId" JOIN "Organisation" o ON o."id" = r."organisationId"
    WHERE s."id" = ${job.refs.submission ?? -1}`;
  return rows[0] ?? null;
}

/** The reporter's form link for the notice's round, when the server has a public address. */
async function formUrlOf(facts: NoticeFacts, job: NoticeJob, formLink: FormLink | undefined): Promise<string | null> {
  return formLink ? formLink(job.personId, facts.roundId) : null;
}

/** "The round is open": sent to each reporter of each unit asked something, with a button to start. */
const roundOpened: NoticeBuilder = async (prisma, job, formLink) => {
  const facts = await noticeFacts(prisma, job);
  // Opened and closed again, the unit has already answered, or the person no longer reports for it: nothing to announce.
  if (!facts || facts.roundStatus !== "OPEN" || !facts.unitActive || facts.status !== "NOT_STARTED" || !facts.stillReporter) return null;
  const count = questionsForUnitKind(await templateById(prisma, facts.templateId), facts.unitKind).length;
  const formUrl = await formUrlOf(facts, job, formLink);
  return (t, locale) => [
    {
      kind: "text",
      text: t("prompt-round-open", {
        unit: facts.unitName,
        round: periodLabel({ kind: facts.periodKind, year: facts.periodYear, number: facts.periodNumber }, locale),
        deadline: formatDateTime(facts.deadline, facts.timezone, locale),
        count,
      }),
      ...answerButtons(t, facts.id, formUrl),
    },
  ];
};

/** "The deadline moved": sent to the reporters of units that have not submitted. */
const deadlineMoved: NoticeBuilder = async (prisma, job, formLink) => {
  const facts = await noticeFacts(prisma, job);
  if (!facts || facts.roundStatus !== "OPEN" || ["SUBMITTED", "ACCEPTED"].includes(facts.status) || !facts.stillReporter) return null;
  // The deadline as it is when the notice goes out: a second move meanwhile is announced with its own date.
  if (facts.deadline.getTime() !== job.refs.deadline) return null;
  const formUrl = await formUrlOf(facts, job, formLink);
  return (t, locale) => [
    {
      kind: "text",
      text: t("notice-deadline-moved", {
        unit: facts.unitName,
        round: periodLabel({ kind: facts.periodKind, year: facts.periodYear, number: facts.periodNumber }, locale),
        deadline: formatDateTime(facts.deadline, facts.timezone, locale),
      }),
      ...answerButtons(t, facts.id, formUrl),
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
