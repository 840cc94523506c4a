import type { PlanResult } from "../../queue/plan-round-reminders.ts";
import { replanRound } from "../../queue/replan-on-change.ts";
import type { BotDependencies } from "./context.ts";

// Helpers of the features not yet moved to use cases; they go with those features.

export function replanWithBot(deps: BotDependencies, roundId: number): Promise<PlanResult | null> {
  return replanRound({ prisma: deps.prisma, queue: deps.reminderQueue, logger: deps.logger, now: deps.now }, roundId);
}
