import { UnrecoverableError, Worker, type Job, type WorkerOptions } from "bullmq";
import type { Redis } from "ioredis";
import type { WorkingCalendar } from "../domain/calendar/working-calendar.ts";
import { isNightTime } from "../domain/reminders/reminder-settings.ts";
import { personReach, type MessagingWindows } from "../domain/reachability.ts";
import type { Locale } from "../i18n.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Reply } from "../messaging/reply.ts";
import type { TemplateSender } from "../messaging/template-sender.ts";
import { loadWorkingCalendar, seedHolidays } from "./holidays.ts";
import { DEFAULT_GRACE_MS } from "./plan-round-reminders.ts";
import { DEFAULT_RECONCILE_EVERY_MS, reconcileReminders, scheduleReconciler } from "./reconciler.ts";
import { CHANNEL_OF, loadRecipient, type Recipient } from "./notifier.ts";
import { ChannelRateLimited, deliverOnce, DeliveryFailed, type DeliveryOutcome, type SendToPerson } from "./reminder-delivery.ts";
import { officeDigestText, unitReminderText } from "./reminder-messages.ts";
import { createReminderQueue, REMINDER_QUEUE_NAME, type ManualReminderJob, type ReminderJobData, type ReminderQueue } from "./reminder-queue.ts";
import { createBatchTally } from "./batch-tally.ts";
import { remindBatchReport, remindNote, type RemindOutcome } from "./remind-report.ts";
import { loadRoundReminderState, planForRound, type RoundReminderState } from "./round-reminder-state.ts";
import { remindByTemplate } from "./template-reminder.ts";
import type { SendPacer } from "./send-pacer.ts";
import { answerButtons } from "./answer-buttons.ts";
import type { FormLink } from "./notice-queue.ts";

type LogFn = (obj: Record<string, unknown>, msg: string) => void;
export type ReminderLogger = { info: LogFn; warn: LogFn; error: LogFn };

export type ReminderWorkerOptions = {
  connection: Redis;
  prisma: PrismaClient;
  /** Sends to a person on their preferred channel (the notifier's send, over paced channel senders). */
  send: SendToPerson;
  /** The channels' shared send budgets, held back together after a 429. */
  pacers: readonly SendPacer[];
  defaultLocale: Locale;
  /** How long after a person's last message each channel lets us write. */
  windows: MessagingWindows;
  /** Redis key prefix (REDIS_PREFIX) of the queue and the send pacer. */
  prefix: string;
  /** The clock for due-time checks and log times; tests pass a shifted one. */
  now?: () => Date;
  concurrency?: number;
  /** A reminder that fires later than this after its planned time is skipped. */
  staleAfterMs?: number;
  /** How often the reconciler runs; false leaves the scheduler alone. */
  reconcileEveryMs?: number | false;
  logger?: ReminderLogger;
  /** Load the shipped holidays when the Holiday table is empty (default true). */
  seedHolidaysIfEmpty?: boolean;
  /** Passed to BullMQ (lockDuration, stalledInterval …). */
  workerOptions?: Partial<WorkerOptions>;
  /** Paid template messages (ZNS) for unit reminders a messaging window keeps back; absent: none are sent. */
  templateSender?: TemplateSender;
  /** A reporter's personal link to the round's web form (null without PUBLIC_URL); a unit reminder carries it. */
  formLink?: FormLink;
};

export type ReminderWorker = {
  worker: Worker<ReminderJobData>;
  /** The queue this worker re-plans into when the reconciler runs. */
  queue: ReminderQueue;
  /** Finishes the jobs in hand, then stops. */
  close(): Promise<void>;
};

export type ReminderJobResult = { skipped?: string; sent: number; alreadySent: number; inDoubt: number; blocked: number; windowClosed: number; rejected: number };

const NOTHING_SENT = { sent: 0, alreadySent: 0, inDoubt: 0, blocked: 0, windowClosed: 0, rejected: 0 };

const silent: ReminderLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** Why a job found nobody to send to: for a /remind press, the unit could not be reached. */
const NO_REACHABLE_REPORTER = "no reachable reporter";

/** How a manual reminder that finished went, for the batch of the press that queued it. */
function manualOutcome(result: ReminderJobResult): RemindOutcome {
  if (result.skipped) return result.skipped === NO_REACHABLE_REPORTER ? "unreachable" : "skipped";
  return result.sent + result.alreadySent + result.inDoubt > 0 ? "sent" : "failed";
}

/**
 * The reminder worker: sends unit reminders and office digests, and runs the reconciler. Each
 * job re-reads the round and the submission and skips itself when nothing is owed any more.
 */
export function createReminderWorker(options: ReminderWorkerOptions): ReminderWorker {
  const { prisma, connection } = options;
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? silent;
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_GRACE_MS;
  const prefix = options.prefix;
  const queue = createReminderQueue({ connection, prefix });

  // The holiday list changes rarely; reading it once a minute is plenty.
  let cachedCalendar: { at: number; value: Promise<WorkingCalendar> } | undefined;
  function calendar(): Promise<WorkingCalendar> {
    if (!cachedCalendar || Date.now() - cachedCalendar.at > 60_000) {
      const value = loadWorkingCalendar(prisma);
      value.catch(() => (cachedCalendar = undefined));
      cachedCalendar = { at: Date.now(), value };
    }
    return cachedCalendar.value;
  }

  async function logSkip(job: Job<ReminderJobData>, data: Exclude<ReminderJobData, { type: "reconcile" }>, reason: string) {
    await prisma.reminderLog.create({
      data: {
        roundId: data.roundId,
        unitId: data.type === "office" ? null : data.unitId,
        kind: data.kind,
        jobId: job.id!,
        plannedFor: new Date(data.plannedFor),
        outcome: "SKIPPED",
        detail: reason,
      },
    });
    return { skipped: reason, ...NOTHING_SENT } satisfies ReminderJobResult;
  }

  /** Why this job has nothing to do any more, or null when it should send. */
  async function reasonToSkip(job: Job<ReminderJobData>, data: Exclude<ReminderJobData, { type: "reconcile" }>, state: RoundReminderState) {
    if (state.status !== "OPEN") return `round is ${state.status.toLowerCase()}`;
    if (data.type !== "office") {
      const unit = state.units.find((u) => u.unitId === data.unitId);
      if (!unit) return "unit is no longer part of the round";
      if (!unit.owed) return `submission is ${unit.status.toLowerCase()}`;
    }
    if (data.type !== "manual") {
      const plan = planForRound(state, await calendar());
      if (!plan.some((p) => p.jobId === job.id)) return "no longer planned (deadline, settings or calendar changed)";
    }
    const late = now().getTime() - new Date(data.plannedFor).getTime();
    if (late > staleAfterMs) return `fired ${Math.round(late / 60_000)} min after its planned time`;
    if (isNightTime(now(), state.timeZone)) return "night time in the organisation's time zone";
    return null;
  }

  /** The unit's reporters (the office's secretaries for a digest) with their channels and language. */
  async function recipientsOf(unitId: number | null): Promise<Recipient[]> {
    const memberships = await prisma.membership.findMany({
      where: unitId === null ? { role: "SECRETARY", revokedAt: null } : { role: "REPORTER", unitId, revokedAt: null },
      select: { personId: true },
      orderBy: { personId: "asc" },
    });
    const recipients: Recipient[] = [];
    for (const personId of new Set(memberships.map((m) => m.personId))) {
      const recipient = await loadRecipient(prisma, personId, options.defaultLocale);
      if (recipient) recipients.push(recipient);
    }
    return recipients;
  }

  /** Who must be reached another way: reporters and secretaries no channel can reach now. */
  async function digestFacts(state: RoundReminderState) {
    const unitIds = state.units.map((u) => u.unitId);
    const memberships = await prisma.membership.findMany({
      where: { revokedAt: null, OR: [{ role: "SECRETARY" }, { role: "REPORTER", unitId: { in: unitIds } }] },
      select: { personId: true, person: { select: { name: true, accounts: { select: { channel: true, lastInboundAt: true, unreachableAt: true, unreachableError: true } } } }, unit: { select: { name: true } } },
      orderBy: [{ personId: "asc" }],
    });
    const seen = new Set<number>();
    const names: string[] = [];
    for (const m of memberships) {
      if (seen.has(m.personId)) continue;
      seen.add(m.personId);
      const accounts = m.person.accounts.map((a) => ({ ...a, channel: CHANNEL_OF[a.channel] }));
      if (personReach(accounts, now(), options.windows) === "reachable") continue;
      names.push(m.unit ? `${m.person.name} (${m.unit.name})` : m.person.name);
    }
    return {
      total: state.units.length,
      submitted: state.units.filter((u) => !u.owed).length,
      pendingUnits: state.units.filter((u) => u.owed).map((u) => u.name),
      unreachable: names,
    };
  }

  async function processReminder(job: Job<ReminderJobData>, data: Exclude<ReminderJobData, { type: "reconcile" }>): Promise<ReminderJobResult> {
    const unitId = data.type === "office" ? null : data.unitId;
    // One read after another: a reminder should leave close to its minute, but these are quick.
    const state = await loadRoundReminderState(prisma, data.roundId, unitId ?? undefined);
    if (!state) return { skipped: "round no longer exists", ...NOTHING_SENT };
    const skip = await reasonToSkip(job, data, state);
    if (skip) return logSkip(job, data, skip);
    // Someone every channel has refused for good is not tried again; the digest names them instead.
    const people = (await recipientsOf(unitId)).filter((r) => personReach(r.accounts, now(), options.windows) !== "unreachable");
    if (!people.length) return logSkip(job, data, unitId === null ? "no reachable secretary" : NO_REACHABLE_REPORTER);
    const logged = await prisma.reminderLog.findMany({ where: { jobId: job.id!, personId: { not: null }, outcome: { in: ["SENT", "BLOCKED", "WINDOW_CLOSED"] } } });
    const loggedByPerson = new Map(logged.map((row) => [row.personId!, row]));

    const unit = unitId === null ? undefined : state.units.find((u) => u.unitId === unitId)!;
    const facts = unitId === null ? await digestFacts(state) : undefined;
    const result: ReminderJobResult = { ...NOTHING_SENT };
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    for (const recipient of people) {
      const formUrl = unit && options.formLink ? await options.formLink(recipient.personId, data.roundId) : null;
      // Worded when sent, in the recipient's language; every reminder invites a tap (on Zalo that reopens the window).
      const message = (t: (key: string, vars?: Record<string, string | number>) => string, locale: Locale): Reply[] => {
        const common = { locale, period: state.period, report: state.templateName, deadline: state.deadline, timeZone: state.timeZone };
        if (unit) {
          const text = unitReminderText({ ...common, kind: data.kind, unit: unit.name, now: now(), returned: unit.status === "RETURNED" });
          return [{ kind: "text", text, ...answerButtons(t, unit.submissionId, formUrl) }];
        }
        return [{ kind: "text", text: officeDigestText({ ...common, ...facts! }), choices: [[{ label: t("office-button-status"), action: { op: "status.page", round: state.id, page: 0 } }]] }];
      };
      const outcome: DeliveryOutcome = await deliverOnce(
        prisma,
        options.send,
        { jobId: job.id!, roundId: data.roundId, unitId, kind: data.kind, plannedFor: new Date(data.plannedFor), recipient, message },
        { now, finalAttempt, existing: loggedByPerson.get(recipient.personId) ?? null },
      );
      if (outcome === "sent") result.sent++;
      else if (outcome === "already-sent") result.alreadySent++;
      else if (outcome === "in-doubt") result.inDoubt++;
      else if (outcome === "blocked") result.blocked++;
      else if (outcome === "window-closed" && unit && options.templateSender && (await sendByTemplate(job.id!, recipient.personId, state, unit.name))) result.sent++;
      else if (outcome === "window-closed") result.windowClosed++;
      else result.rejected++;
    }
    if ((result.blocked || result.windowClosed) && !result.sent && !result.alreadySent && !result.inDoubt && !result.rejected) {
      // No channel will take it: fail the job without retries (the log says why).
      throw new UnrecoverableError(`no recipient of ${job.id} can be reached`);
    }
    return result;
  }

  /** A unit reminder the window kept back, as a paid template message (when configured and the person has a phone). */
  async function sendByTemplate(jobId: string, personId: number, state: RoundReminderState, unitName: string): Promise<boolean> {
    const facts = { unit: unitName, report: state.templateName, period: state.period, deadline: state.deadline, timeZone: state.timeZone };
    const sent = await remindByTemplate(prisma, options.templateSender!, { jobId, personId, now: now(), facts });
    if (sent) logger.info({ jobId, personId, via: options.templateSender!.describe }, "reminder sent as a paid template message");
    return sent;
  }

  const tallies = createBatchTally(connection, `${prefix}:${REMINDER_QUEUE_NAME}`);

  /** Counts a /remind job in its press's batch; the last one tells the secretary how the press went. */
  async function settleBatch(job: Job<ReminderJobData>, data: ManualReminderJob, outcome: RemindOutcome): Promise<void> {
    const batch = data.batch;
    if (!batch) return;
    try {
      const totals = await tallies.record(batch, job.id!, outcome, remindNote(outcome, data.unitId));
      if (!totals || batch.requesterId === null) return;
      const requester = await loadRecipient(prisma, batch.requesterId, options.defaultLocale);
      if (!requester) return;
      const { outcome: told } = await options.send(requester, await remindBatchReport(prisma, data.roundId, batch, totals, requester.locale));
      if (told !== "sent") logger.warn({ batch: batch.id, outcome: told }, "could not tell the office how its reminders went");
    } catch (error) {
      // The reminders themselves went out; only the report is lost.
      logger.warn({ batch: batch.id, err: (error as Error).message }, "could not report a batch of reminders");
    }
  }

  async function reconcile(reason?: string) {
    const result = await reconcileReminders(prisma, queue, now(), { graceMs: staleAfterMs });
    const added = result.rounds.reduce((n, r) => n + r.added.length, 0);
    const removed = result.rounds.reduce((n, r) => n + r.removed.length, 0);
    if (added || removed || result.errors.length || reason) logger.info({ added, removed, errors: result.errors, reason }, "reminders reconciled");
    return { added, removed, errors: result.errors.length };
  }

  const worker: Worker<ReminderJobData> = new Worker<ReminderJobData>(
    REMINDER_QUEUE_NAME,
    async (job) => {
      const data = job.data;
      if (data.type === "reconcile") return reconcile();
      try {
        const result = await processReminder(job, data);
        if (data.type === "manual") await settleBatch(job, data, manualOutcome(result));
        return result;
      } catch (error) {
        if (error instanceof ChannelRateLimited) {
          // Pause every sender (through the pacers), stop this worker taking jobs for as long, and
          // put the job back without using an attempt.
          for (const pacer of options.pacers) await pacer.pause(error.retryAfterMs);
          await worker.rateLimit(error.retryAfterMs);
          throw Worker.RateLimitError();
        }
        if (error instanceof DeliveryFailed) logger.warn({ jobId: job.id, attempt: job.attemptsMade + 1, err: error.message }, "reminder send failed");
        if (data.type === "manual") {
          if (error instanceof UnrecoverableError) await settleBatch(job, data, "unreachable");
          else if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await settleBatch(job, data, "failed");
        }
        throw error;
      }
    },
    {
      connection,
      prefix,
      concurrency: options.concurrency ?? 10,
      // No job limiter: every send waits for its channel's shared budget (notices and replies use it too),
      // and a cap on jobs would hold reminders below that budget.
      ...options.workerOptions,
    },
  );
  worker.on("failed", (job, error) => {
    if (job && !(error.name === "RateLimitError")) logger.warn({ jobId: job.id, attempts: job.attemptsMade, err: error.message }, "reminder job failed");
  });
  worker.on("error", (error) => logger.error({ err: error.message }, "reminder worker error"));

  // Background work started here; close() waits for it, so none of it runs on connections already closed.
  let closing = false;
  const background = new Set<Promise<unknown>>();
  function inBackground(work: () => Promise<unknown>): Promise<unknown> {
    if (closing) return Promise.resolve();
    const running = work().finally(() => background.delete(running));
    background.add(running);
    return running;
  }

  if (options.seedHolidaysIfEmpty !== false) {
    // A fresh database gets the shipped holiday list; an edited one is left as the admin made it.
    void inBackground(() =>
      prisma.holiday
        .count()
        .then((count) => (count === 0 && !closing ? seedHolidays(prisma) : undefined))
        .catch((error) => logger.warn({ err: (error as Error).message }, "could not seed the holiday list")),
    );
  }

  let timer: NodeJS.Timeout | undefined;
  let stopHealing = () => {};
  if (options.reconcileEveryMs !== false) {
    const every = options.reconcileEveryMs ?? DEFAULT_RECONCILE_EVERY_MS;
    const ensure = () =>
      inBackground(() =>
        scheduleReconciler(queue, every).catch((error) => logger.warn({ err: (error as Error).message }, "could not schedule the reminder reconciler")),
      );
    void ensure();
    // Re-registering is idempotent; it brings the scheduler back if Redis lost it.
    timer = setInterval(ensure, every);
    timer.unref();

    // Redis back after an outage (maybe empty after a restart): plans that could not be queued meanwhile
    // (a round opened, a unit returned) and jobs Redis lost are restored now, not at the next periodic run.
    let wasDown = false;
    let healing = false;
    const onClose = () => {
      wasDown = true;
    };
    const onReady = () => {
      if (!wasDown || healing) return;
      wasDown = false;
      healing = true;
      void inBackground(() =>
        ensure()
          .then(() => (closing ? undefined : reconcile("redis reconnected")))
          .catch((error) => logger.warn({ err: (error as Error).message }, "could not reconcile reminders after Redis came back"))
          .finally(() => (healing = false)),
      );
    };
    connection.on("close", onClose);
    connection.on("ready", onReady);
    stopHealing = () => {
      connection.off("close", onClose);
      connection.off("ready", onReady);
    };
  }

  return {
    worker,
    queue,
    async close() {
      closing = true;
      if (timer) clearInterval(timer);
      stopHealing();
      await Promise.allSettled([...background]);
      await worker.close();
      await queue.close();
    },
  };
}
