import { sequentialize } from "@grammyjs/runner";
import { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { createI18n } from "../i18n.ts";
import type { BotContext, BotDependencies } from "./context.ts";
import { handleBotError } from "./error-boundary.ts";
import { fallbackFeature } from "./features/fallback.ts";
import { groupChatGuard } from "./features/group-chat.ts";
import { inviteFeature } from "./features/invite.ts";
import { joinFeature } from "./features/join.ts";
import { menuFeature } from "./features/menu.ts";
import { officeCompileFeature } from "./features/office-compile.ts";
import { officeExportFeature } from "./features/office-export.ts";
import { officeReviewFeature } from "./features/office-review.ts";
import { officeStatusFeature } from "./features/office-status.ts";
import { reportFeature } from "./features/report.ts";
import { roundsFeature } from "./features/rounds.ts";
import { startFeature } from "./features/start.ts";
import { unitsFeature } from "./features/units.ts";
import { answerStrangersOnce, limitFloods } from "./middlewares/flood-control.ts";
import { ignoreDuplicateUpdates } from "./middlewares/ignore-duplicate-updates.ts";
import { loadActor } from "./middlewares/load-actor.ts";
import { withReminderReplanning } from "./reminder-replanning.ts";
import { replyRetry } from "./reply-retry.ts";

export type CreateBotOptions = {
  deps: BotDependencies;
  /** Bot API server root; a self-hosted server or a local fake in tests. */
  apiRoot?: string;
  /** Preset identity, so tests and multi-instance deployments skip getMe. */
  botInfo?: UserFromGetMe;
};

export function createBot(token: string, options: CreateBotOptions): Bot<BotContext> {
  // A submission, return or acceptance re-plans its round's reminders, besides any listener given.
  const deps = withReminderReplanning(options.deps);
  const bot = new Bot<BotContext>(token, {
    botInfo: options.botInfo,
    client: options.apiRoot ? { apiRoot: options.apiRoot } : undefined,
  });
  // A short 429 wait and transient failures are retried for a few seconds at most; a 403 is not.
  bot.api.config.use(replyRetry());

  bot.use(async (ctx, next) => {
    ctx.deps = deps;
    ctx.logger = deps.logger.child({ updateId: ctx.update.update_id });
    await next();
  });
  const flood = deps.floodControl;
  // First of all: a dropped update of a flood costs one Redis call, and one chat cannot take every slot of
  // the runner.
  if (flood) bot.use(limitFloods(flood));
  if (deps.updateLog) bot.use(ignoreDuplicateUpdates(deps.updateLog));
  // Inside the boundary a failure is logged and the person told to try again, in webhook mode too; the
  // duplicate guard above sees the failure and lets a re-delivery through.
  const guarded = bot.errorBoundary(handleBotError);
  // One chat's updates in arrival order (parts of a long answer sent in quick succession stay in order).
  guarded.use(sequentialize((ctx: BotContext) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  guarded.use(loadActor);
  if (flood) guarded.use(answerStrangersOnce(flood));
  guarded.use(createI18n(deps.defaultLocale));

  guarded.use(groupChatGuard);
  guarded.use(joinFeature);
  guarded.use(startFeature);
  guarded.use(menuFeature);
  guarded.use(unitsFeature);
  guarded.use(inviteFeature);
  guarded.use(reportFeature);
  guarded.use(officeStatusFeature);
  guarded.use(officeCompileFeature);
  guarded.use(officeReviewFeature);
  guarded.use(officeExportFeature);
  guarded.use(roundsFeature);

  // Keep last: answers whatever no feature above took.
  guarded.use(fallbackFeature);

  bot.catch(handleBotError);
  return bot;
}
