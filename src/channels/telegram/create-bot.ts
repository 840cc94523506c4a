import { sequentialize } from "@grammyjs/runner";
import { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { createI18n } from "../../i18n.ts";
import type { Notifier } from "../../messaging/notifier.ts";
import { createNotifier } from "../../queue/notifier.ts";
import type { BotContext, BotDependencies } from "./context.ts";
import { handleBotError } from "./error-boundary.ts";
import { actionsFeature } from "./features/actions.ts";
import { commandsFeature } from "./features/commands.ts";
import { fallbackFeature } from "./features/fallback.ts";
import { groupChatGuard } from "./features/group-chat.ts";
import { joinFeature } from "./features/join.ts";
import { messagesFeature } from "./features/messages.ts";
import { answerStrangersOnce, limitFloods } from "./middlewares/flood-control.ts";
import { ignoreDuplicateUpdates } from "./middlewares/ignore-duplicate-updates.ts";
import { identifyCaller } from "./middlewares/identify-caller.ts";
import { replyBudgetTransformer } from "./reply-budget.ts";
import { replyRetry } from "./reply-retry.ts";
import { TELEGRAM_API_ROOT } from "./telegram-file.ts";
import { telegramSender } from "./telegram-sender.ts";

export type CreateBotOptions = {
  /** Without a notifier, messages to other people go through this bot (a Telegram-only deployment, tests). */
  deps: Omit<BotDependencies, "notifier"> & { notifier?: Notifier };
  /** Bot API server root; a self-hosted server or a local fake in tests. */
  apiRoot?: string;
  /** Preset identity, so tests and multi-instance deployments skip getMe. */
  botInfo?: UserFromGetMe;
};

/** The Telegram channel: parses updates into the use cases' inputs and shows their answers. */
export function createBot(token: string, options: CreateBotOptions): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, {
    botInfo: options.botInfo,
    client: options.apiRoot ? { apiRoot: options.apiRoot } : undefined,
  });
  const given = options.deps;
  // Installed first, so it runs inside the retries: every attempt waits for its own slot of the budget.
  if (given.replyBudget) bot.api.config.use(replyBudgetTransformer(given.replyBudget));
  // A short 429 wait and transient failures are retried for a few seconds at most; a 403 is not.
  bot.api.config.use(replyRetry());
  const deps: BotDependencies = {
    ...given,
    notifier:
      given.notifier ??
      createNotifier({ prisma: given.prisma, senders: [telegramSender(bot.api)], keyring: given.keyring, defaultLocale: given.defaultLocale, windows: given.windows, logger: given.logger, now: given.now }),
  };

  // The bot's username is known once grammY has it (getMe, or the preset identity): invite links are made with it.
  let named: BotDependencies | undefined;
  bot.use(async (ctx, next) => {
    named ??= { ...deps, links: { ...deps.links, telegramBot: ctx.me.username } };
    ctx.deps = named;
    ctx.apiRoot = options.apiRoot ?? TELEGRAM_API_ROOT;
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
  guarded.use(identifyCaller);
  if (flood) guarded.use(answerStrangersOnce(flood));
  guarded.use(createI18n(deps.defaultLocale));

  guarded.use(groupChatGuard);
  guarded.use(joinFeature);
  guarded.use(commandsFeature);
  guarded.use(actionsFeature);
  guarded.use(messagesFeature);

  // Keep last: answers whatever no feature above took.
  guarded.use(fallbackFeature);

  bot.catch(handleBotError);
  return bot;
}
