import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Logger } from "../logger.ts";
import { boundedRedisCall, queueConnectionState } from "./bounded-redis.ts";
import { planRoundReminders, type PlanResult } from "./plan-round-reminders.ts";
import type { ReminderQueue } from "./reminder-queue.ts";

const REPLAN_TIMEOUT_MS = 5000;

export type ReplanOptions = { prisma: PrismaClient; queue?: ReminderQueue; logger: Logger; now?: () => Date };

/**
 * Re-plans one round's reminders after something they depend on changed (the round opened, closed,
 * reopened or moved its deadline; a unit submitted, was returned or accepted). Never throws: the change
 * itself is already stored, and the reconciler brings the queue in line within minutes if this fails.
 * Null without a queue or on failure.
 */
export async function replanRound(options: ReplanOptions, roundId: number): Promise<PlanResult | null> {
  if (!options.queue) return null;
  const queue = options.queue;
  try {
    // Someone waits for this answer: while Redis is away the plan is left to the reconciler, which runs
    // again as soon as Redis is back.
    const result = await boundedRedisCall(queueConnectionState(queue), () => planRoundReminders(options.prisma, queue, roundId, options.now?.() ?? new Date()), REPLAN_TIMEOUT_MS);
    if (result.added.length || result.removed.length) {
      options.logger.info({ roundId, added: result.added.length, removed: result.removed.length }, "reminders re-planned");
    }
    return result;
  } catch (error) {
    options.logger.warn({ err: error, roundId }, "could not re-plan reminders; the reconciler will");
    return null;
  }
}
