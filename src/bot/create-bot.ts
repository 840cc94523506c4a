import { autoRetry } from "@grammyjs/auto-retry";
import { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { createI18n } from "../i18n.ts";
import type { BotContext, BotDependencies } from "./context.ts";
import { handleBotError } from "./error-boundary.ts";
import { startFeature } from "./features/start.ts";
import { ignoreDuplicateUpdates } from "./middlewares/ignore-duplicate-updates.ts";
import { loadActor } from "./middlewares/load-actor.ts";

export type CreateBotOptions = {
  deps: BotDependencies;
  /** Bot API server root; a self-hosted server or a local fake in tests. */
  apiRoot?: string;
  /** Preset identity, so tests and multi-instance deployments skip getMe. */
  botInfo?: UserFromGetMe;
};

export function createBot(token: string, options: CreateBotOptions): Bot<BotContext> {
  const { deps } = options;
  const bot = new Bot<BotContext>(token, {
    botInfo: options.botInfo,
    client: options.apiRoot ? { apiRoot: options.apiRoot } : undefined,
  });
  // 429s wait out retry_after and transient network errors are retried; a 403 is not.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));

  bot.use(async (ctx, next) => {
    ctx.deps = deps;
    ctx.logger = deps.logger.child({ updateId: ctx.update.update_id });
    await next();
  });
  if (deps.updateLog) bot.use(ignoreDuplicateUpdates(deps.updateLog));
  // Inside the boundary a failure is logged and the person told to try again, in webhook mode too.
  const guarded = bot.errorBoundary(handleBotError);
  guarded.use(loadActor);
  guarded.use(createI18n(deps.defaultLocale));

  guarded.use(startFeature);

  bot.catch(handleBotError);
  return bot;
}
