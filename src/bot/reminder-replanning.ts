import type { PlanResult } from "../queue/plan-round-reminders.ts";
import { replanRound } from "../queue/replan-on-change.ts";
import type { BotDependencies } from "./context.ts";

/** Re-plans a round's reminders with the bot's queue and clock; null when the bot has no queue. */
export function replanWithBot(deps: BotDependencies, roundId: number): Promise<PlanResult | null> {
  return replanRound({ prisma: deps.prisma, queue: deps.reminderQueue, logger: deps.logger, now: deps.now }, roundId);
}

/**
 * The bot's dependencies with reminder re-planning added to the submission hooks: a unit that submits
 * loses its pending reminders, a returned one gets them back. Listeners already set (the office's
 * notifications) still run, after the re-plan.
 */
export function withReminderReplanning(deps: BotDependencies): BotDependencies {
  if (!deps.reminderQueue) return deps;
  const { onSubmitted, onReviewed } = deps;
  return {
    ...deps,
    onSubmitted: async (event) => {
      await replanWithBot(deps, event.roundId);
      await onSubmitted?.(event);
    },
    onReviewed: async (event) => {
      await replanWithBot(deps, event.roundId);
      await onReviewed?.(event);
    },
  };
}
