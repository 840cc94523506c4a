import { run, type RunnerHandle } from "@grammyjs/runner";
import { Api, type Bot } from "grammy";
import type { Redis } from "ioredis";
import type { BotContext } from "./channels/telegram/context.ts";
import { createBot } from "./channels/telegram/create-bot.ts";
import { createRedisUpdateLog } from "./channels/telegram/middlewares/ignore-duplicate-updates.ts";
import { telegramSender } from "./channels/telegram/telegram-sender.ts";
import { loadKeyring } from "./db/signing-keys.ts";
import { requireBotToken, requireChannel, type Config } from "./config.ts";
import { createDatabase, type Database } from "./db/create-prisma.ts";
import { migrate } from "./db/migrate.ts";
import { isLocale } from "./i18n.ts";
import type { Logger } from "./logger.ts";
import { checkDatabase, checkRedis, createRedisConnection, ServiceUnreachableError } from "./process/service-checks.ts";
import { waitAtMost } from "./queue/bounded-redis.ts";
import { createOfficeNotifications } from "./queue/office-notifications.ts";
import { createOutbound } from "./queue/outbound.ts";
import { createReminderQueue } from "./queue/reminder-queue.ts";
import { createReminderWorker } from "./queue/reminder-worker.ts";
import { createHttpServer, WEBHOOK_PATH, type HttpServer } from "./server/create-server.ts";

const OFFICE_NOTICE_WAIT_MS = 2000;

export type AppMode = "all" | "bot" | "worker";

export type App = {
  db: Database;
  bot?: Bot<BotContext>;
  http: HttpServer;
  port: number;
  /** Finishes the update and job in hand, then releases every connection. */
  stop(): Promise<void>;
};

/** Starts the parts of Tổng hợp that this process runs: the bot, the reminder worker, or both. */
export async function startApp(mode: AppMode, config: Config, logger: Logger): Promise<App> {
  const runsBot = mode === "all" || mode === "bot";
  const runsWorker = mode === "all" || mode === "worker";
  requireChannel(config);
  // The worker sends reminders through the Bot API too, so every mode needs the token.
  const token = requireBotToken(config);

  const defaultLocale = isLocale(config.DEFAULT_LOCALE) ? config.DEFAULT_LOCALE : "vi";
  const db = createDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    onConnectionError: (error) => logger.warn({ err: error }, "a PostgreSQL connection broke; it is reopened on the next query"),
  });
  const stops: (() => Promise<unknown>)[] = [];
  let redis: Redis | undefined;
  try {
    await checkDatabase(db);
    // Safe with several instances: migrations run under Prisma's advisory lock.
    const applied = await migrate(db.sql);
    if (applied.length) logger.info({ applied, database: db.location }, "database migrated");
    await checkRedis(config.REDIS_URL);
    redis = createRedisConnection(config.REDIS_URL);
    redis.on("error", (error) => logger.warn({ err: error }, "redis connection error"));
    await redis.connect();

    const reminderQueue = createReminderQueue({ connection: redis });
    stops.push(() => reminderQueue.close());
    const keyring = await loadKeyring(db.prisma, config.CALLBACK_SECRET, token);
    const windows = {};
    const outbound = createOutbound({
      prisma: db.prisma,
      redis,
      logger,
      defaultLocale,
      windows,
      keyring,
      senders: [telegramSender(new Api(token, { apiRoot: config.BOT_API_ROOT }))],
    });
    stops.unshift(() => outbound.close());
    // Submissions are announced to the office in batches, whichever process the reporter reached.
    const officeNotices = createOfficeNotifications({ connection: redis, logger: logger.child({ part: "office-notices" }) });
    stops.unshift(() => officeNotices.close());

    let bot: Bot<BotContext> | undefined;
    let runner: RunnerHandle | undefined;
    if (runsBot) {
      bot = createBot(token, {
        apiRoot: config.BOT_API_ROOT,
        deps: {
          prisma: db.prisma,
          logger,
          defaultLocale,
          defaultTimeZone: config.TZ_REPORTS,
          updateLog: createRedisUpdateLog(redis, Number(token.split(":")[0])),
          reminderQueue,
          keyring,
          replyBudget: outbound.budgets.telegram,
          notifier: outbound.notifier,
          notices: outbound.notices,
          windows,
          links: {},
          // While Redis is away the notice waits in the connection's offline queue and goes out once it is
          // back; the reporter who submitted is answered without waiting for that.
          officeNotices: {
            onSubmitted: async (event) => {
              const late = (error: unknown) => logger.warn({ err: error, roundId: event.roundId }, "office notice failed after waiting for Redis");
              await waitAtMost(officeNotices.onSubmitted(event), OFFICE_NOTICE_WAIT_MS, late);
            },
          },
        },
      });
      try {
        await bot.init();
      } catch (error) {
        throw new ServiceUnreachableError(
          `the Bot API at ${config.BOT_API_ROOT} refused BOT_TOKEN or cannot be reached (${(error as Error).message}); check BOT_TOKEN and BOT_API_ROOT`,
        );
      }
    }

    if (runsWorker) {
      // No auto-retry here: the worker answers 429 by pausing its queue, which BullMQ coordinates.
      const reminders = createReminderWorker({
        connection: redis,
        prisma: db.prisma,
        send: outbound.send,
        pacers: outbound.pacers,
        defaultLocale,
        windows,
        logger: logger.child({ part: "reminders" }),
      });
      officeNotices.startWorker({ prisma: db.prisma, send: outbound.send, timeZone: config.TZ_REPORTS, defaultLocale });
      outbound.startNoticeWorker();
      // Stopped before the connections: the job in hand finishes first.
      stops.unshift(() => reminders.close());
      logger.info("reminder worker started");
    }

    const connection = redis;
    const http = createHttpServer({
      logger,
      healthChecks: {
        database: async () => {
          await db.sql.query("SELECT 1");
        },
        redis: async () => {
          await connection.ping();
        },
      },
      webhook: bot && config.WEBHOOK_URL ? { bot, secretToken: config.WEBHOOK_SECRET! } : undefined,
    });
    const port = await http.listen(config.PORT);
    stops.push(() => http.close());

    if (bot) {
      if (config.WEBHOOK_URL) {
        const url = new URL(WEBHOOK_PATH, config.WEBHOOK_URL.endsWith("/") ? config.WEBHOOK_URL : `${config.WEBHOOK_URL}/`).toString();
        await bot.api.setWebhook(url, { secret_token: config.WEBHOOK_SECRET, allowed_updates: ["message", "callback_query", "my_chat_member"] });
        logger.info({ url, port }, "bot receives updates by webhook");
      } else {
        await bot.api.deleteWebhook();
        runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query", "my_chat_member"] } } });
        // Stop fetching first; the runner then waits for the updates in hand.
        stops.unshift(async () => {
          if (runner?.isRunning()) await runner.stop();
        });
        logger.info({ username: bot.botInfo.username, port }, "bot receives updates by long polling");
      }
    }

    stops.push(async () => connection.quit().catch(() => connection.disconnect()));
    stops.push(() => db.close());
    return {
      db,
      bot,
      http,
      port,
      async stop() {
        for (const stop of stops.splice(0)) {
          try {
            await stop();
          } catch (error) {
            logger.warn({ err: error }, "error while stopping");
          }
        }
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    redis?.disconnect();
    await db.close().catch(() => {});
    throw error;
  }
}
