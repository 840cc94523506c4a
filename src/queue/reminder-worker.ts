import { UnrecoverableError, Worker, type Job, type WorkerOptions } from "bullmq";
import type { Api } from "grammy";
import type { Redis } from "ioredis";
import type { WorkingCalendar } from "../domain/calendar/working-calendar.ts";
import { isNightTime } from "../domain/reminders/reminder-settings.ts";
import { isLocale, type Locale } from "../i18n.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { loadWorkingCalendar, seedHolidays } from "./holidays.ts";
import { DEFAULT_GRACE_MS } from "./plan-round-reminders.ts";
import { DEFAULT_RECONCILE_EVERY_MS, reconcileReminders, scheduleReconciler } from "./reconciler.ts";
import { deliverOnce, DeliveryFailed, TelegramRateLimited, type DeliveryOutcome } from "./reminder-delivery.ts";
import { officeDigestText, unitReminderText } from "./reminder-messages.ts";
import { createReminderQueue, REMINDER_QUEUE_NAME, type ReminderJobData, type ReminderQueue } from "./reminder-queue.ts";
import { loadRoundReminderState, planForRound, type RoundReminderState } from "./round-reminder-state.ts";
import { SendPacer } from "./send-pacer.ts";

type LogFn = (obj: Record<string, unknown>, msg: string) => void;
export type ReminderLogger = { info: LogFn; warn: LogFn; error: LogFn };

export type ReminderWorkerOptions = {
  connection: Redis;
  prisma: PrismaClient;
  api: Api;
  /** Redis key prefix (REDIS_PREFIX) of the queue and the send pacer. */
  prefix: string;
  /** The clock for due-time checks and log times; tests pass a shifted one. */
  now?: () => Date;
  concurrency?: number;
  /** Overall Telegram messages per second (Telegram allows about 30). */
  messagesPerSecond?: number;
  /** Minimum spacing of two messages to the same chat. */
  perChatIntervalMs?: number;
  /** BullMQ rate limiter: jobs started per second across all workers. */
  jobsPerSecond?: number;
  /** A reminder that fires later than this after its planned time is skipped. */
  staleAfterMs?: number;
  /** How often the reconciler runs; false leaves the scheduler alone. */
  reconcileEveryMs?: number | false;
  logger?: ReminderLogger;
  /** Load the shipped holidays when the Holiday table is empty (default true). */
  seedHolidaysIfEmpty?: boolean;
  /** Passed to BullMQ (lockDuration, stalledInterval …). */
  workerOptions?: Partial<WorkerOptions>;
};

export type ReminderWorker = {
  worker: Worker<ReminderJobData>;
  /** The queue this worker re-plans into when the reconciler runs. */
  queue: ReminderQueue;
  /** Finishes the jobs in hand, then stops. */
  close(): Promise<void>;
};

export type ReminderJobResult = { skipped?: string; sent: number; alreadySent: number; inDoubt: number; blocked: number; rejected: number };

const silent: ReminderLogger = { info: () => {}, warn: () => {}, error: () => {} };

function localeOf(person: { locale: string | null }, state: RoundReminderState): Locale {
  if (isLocale(person.locale)) return person.locale;
  return isLocale(state.organisationLocale) ? state.organisationLocale : "vi";
}

/**
 * The reminder worker: sends unit reminders and office digests, and runs the reconciler. Each
 * job re-reads the round and the submission and skips itself when nothing is owed any more.
 */
export function createReminderWorker(options: ReminderWorkerOptions): ReminderWorker {
  const { prisma, api, connection } = options;
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? silent;
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_GRACE_MS;
  const prefix = options.prefix;
  const queue = createReminderQueue({ connection, prefix });
  const pacer = new SendPacer({
    redis: connection,
    keyPrefix: `${prefix}:${REMINDER_QUEUE_NAME}:pace`,
    perSecond: options.messagesPerSecond ?? 25,
    perChatMs: options.perChatIntervalMs ?? 1000,
  });

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
    return { skipped: reason, sent: 0, alreadySent: 0, inDoubt: 0, blocked: 0, rejected: 0 } satisfies ReminderJobResult;
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

  async function recipientsOf(unitId: number | null) {
    const memberships = await prisma.membership.findMany({
      where: unitId === null ? { role: "SECRETARY", revokedAt: null } : { role: "REPORTER", unitId, revokedAt: null },
      include: { person: true },
      orderBy: { personId: "asc" },
    });
    const people = new Map(memberships.map((m) => [m.person.id, m.person]));
    return [...people.values()].filter((p) => p.unreachableAt === null);
  }

  async function digestFacts(state: RoundReminderState) {
    const unitIds = state.units.map((u) => u.unitId);
    const unreachable = await prisma.membership.findMany({
      where: {
        revokedAt: null,
        person: { unreachableAt: { not: null } },
        OR: [{ role: "SECRETARY" }, { role: "REPORTER", unitId: { in: unitIds } }],
      },
      include: { person: true, unit: true },
      orderBy: [{ personId: "asc" }],
    });
    const seen = new Set<number>();
    const names: string[] = [];
    for (const m of unreachable) {
      if (seen.has(m.personId)) continue;
      seen.add(m.personId);
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
    // Independent reads side by side: a reminder should leave close to its minute.
    const [state, people, logged] = await Promise.all([
      loadRoundReminderState(prisma, data.roundId, unitId ?? undefined),
      recipientsOf(unitId),
      prisma.reminderLog.findMany({ where: { jobId: job.id!, personId: { not: null }, outcome: { in: ["SENT", "BLOCKED"] } } }),
    ]);
    if (!state) return { skipped: "round no longer exists", sent: 0, alreadySent: 0, inDoubt: 0, blocked: 0, rejected: 0 };
    const skip = await reasonToSkip(job, data, state);
    if (skip) return logSkip(job, data, skip);
    const loggedByPerson = new Map(logged.map((row) => [row.personId!, row]));

    if (!people.length) return logSkip(job, data, unitId === null ? "no reachable secretary" : "no reachable reporter");

    const unit = unitId === null ? undefined : state.units.find((u) => u.unitId === unitId)!;
    const facts = unitId === null ? await digestFacts(state) : undefined;
    const result: ReminderJobResult = { sent: 0, alreadySent: 0, inDoubt: 0, blocked: 0, rejected: 0 };
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    for (const person of people) {
      const locale = localeOf(person, state);
      const common = { locale, period: state.period, report: state.templateName, deadline: state.deadline, timeZone: state.timeZone };
      const text = unit
        ? unitReminderText({ ...common, kind: data.kind, unit: unit.name, now: now(), returned: unit.status === "RETURNED" })
        : officeDigestText({ ...common, ...facts! });
      const outcome: DeliveryOutcome = await deliverOnce(
        prisma,
        api,
        pacer,
        { jobId: job.id!, roundId: data.roundId, unitId, kind: data.kind, plannedFor: new Date(data.plannedFor), person, text },
        { now, finalAttempt, existing: loggedByPerson.get(person.id) ?? null },
      );
      if (outcome === "sent") result.sent++;
      else if (outcome === "already-sent") result.alreadySent++;
      else if (outcome === "in-doubt") result.inDoubt++;
      else if (outcome === "blocked") result.blocked++;
      else result.rejected++;
    }
    if (result.blocked && !result.sent && !result.alreadySent && !result.inDoubt && !result.rejected) {
      // Telegram will keep refusing: fail the job without retries (the log says BLOCKED).
      throw new UnrecoverableError(`every recipient of ${job.id} has blocked the bot`);
    }
    return result;
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
        return await processReminder(job, data);
      } catch (error) {
        if (error instanceof TelegramRateLimited) {
          // Pause every sender (this worker through BullMQ, the others through the pacer) and
          // put the job back without using an attempt.
          await pacer.pause(error.retryAfterMs);
          await worker.rateLimit(error.retryAfterMs);
          throw Worker.RateLimitError();
        }
        if (error instanceof DeliveryFailed) logger.warn({ jobId: job.id, attempt: job.attemptsMade + 1, err: error.message }, "reminder send failed");
        throw error;
      }
    },
    {
      connection,
      prefix,
      concurrency: options.concurrency ?? 10,
      limiter: { max: options.jobsPerSecond ?? 25, duration: 1000 },
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
