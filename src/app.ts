import { run, type RunnerHandle } from "@grammyjs/runner";
import { Api, GrammyError, HttpError, type Bot } from "grammy";
import type { Redis } from "ioredis";
import type { BotContext } from "./bot/context.ts";
import { createBot } from "./bot/create-bot.ts";
import { DEFAULT_PORT, requireBotToken, type Config } from "./config.ts";
import { createDatabase, redactUrl, type Database } from "./db/create-prisma.ts";
import { migrate } from "./db/migrate.ts";
import { isLocale } from "./i18n.ts";
import { createFloodControl } from "./inbound/flood-control.ts";
import { createRedisHandledEvents } from "./inbound/handled-events.ts";
import type { Logger } from "./logger.ts";
import { checkDatabase, checkRedis, createRedisConnection, ServiceUnreachableError } from "./process/service-checks.ts";
import { portError } from "./process/startup-error.ts";
import { waitAtMost } from "./queue/bounded-redis.ts";
import { createOfficeNotifications } from "./queue/office-notifications.ts";
import { createReminderQueue } from "./queue/reminder-queue.ts";
import { createReminderWorker } from "./queue/reminder-worker.ts";
import { createHttpServer, WEBHOOK_PATH, type HttpRoutes, type HttpServer } from "./server/create-server.ts";

const OFFICE_NOTICE_WAIT_MS = 2000;
const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

export type AppMode = "all" | "bot" | "worker";

export type App = {
  db: Database;
  bot?: Bot<BotContext>;
  /** Absent for a worker started without PORT. */
  http?: HttpServer;
  port?: number;
  /** Finishes the update and job in hand, then releases every connection. */
  stop(): Promise<void>;
};

export type StartOptions = {
  /** Routes of other parts (a channel's webhook, a web form), mounted on the HTTP server. */
  routes?: HttpRoutes[];
};

// The order in which a process lets go: stop taking work, finish the work in hand, close connections.
const STOP_ORDER = ["runner", "http", "reminders", "office-notices", "reminder-queue", "redis", "database"] as const;
type StopStep = (typeof STOP_ORDER)[number];

/** Why the Bot API refused the start, in one line. */
function botApiError(error: unknown, apiRoot: string): ServiceUnreachableError {
  const where = redactUrl(apiRoot);
  if (error instanceof GrammyError && error.error_code === 401) {
    return new ServiceUnreachableError(`the Bot API at ${where} refused BOT_TOKEN (401 Unauthorized): check BOT_TOKEN (the token @BotFather gave you)`);
  }
  const reason = error instanceof HttpError ? ((error.error as { code?: string } | undefined)?.code ?? "network error") : (error as Error).message;
  return new ServiceUnreachableError(`the Bot API at ${where} cannot be reached (${reason}): check BOT_API_ROOT and the network`);
}

/** Starts the parts of Tổng hợp that this process runs: the bot, the reminder worker, or both. */
export async function startApp(mode: AppMode, config: Config, logger: Logger, options: StartOptions = {}): Promise<App> {
  const runsBot = mode === "all" || mode === "bot";
  const runsWorker = mode === "all" || mode === "worker";
  // The worker sends reminders through the Bot API too, so every mode needs the token.
  const token = requireBotToken(config);
  const prefix = config.REDIS_PREFIX;

  const defaultLocale = isLocale(config.DEFAULT_LOCALE) ? config.DEFAULT_LOCALE : "vi";
  const db = createDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    onConnectionError: (error) => logger.warn({ err: error }, "a PostgreSQL connection broke; it is reopened on the next query"),
  });
  const stops = new Map<StopStep, () => Promise<unknown>>([["database", () => db.close()]]);
  async function stopAll() {
    for (const step of STOP_ORDER) {
      const stop = stops.get(step);
      stops.delete(step);
      try {
        await stop?.();
      } catch (error) {
        logger.warn({ err: error, step }, "error while stopping");
      }
    }
  }

  try {
    await checkDatabase(db);
    // Safe with several instances: migrations run under Prisma's advisory lock.
    const applied = await migrate(db.sql);
    if (applied.length) logger.info({ applied, database: db.location }, "database migrated");
    await checkRedis(config.REDIS_URL);
    const redis: Redis = createRedisConnection(config.REDIS_URL);
    redis.on("error", (error) => logger.warn({ err: error }, "redis connection error"));
    stops.set("redis", async () => {
      // quit() would wait for a Redis that is away; the connection is dropped after a short wait.
      await waitAtMost(redis.quit(), 2000).catch(() => {});
      redis.disconnect();
    });
    await redis.connect();

    const reminderQueue = createReminderQueue({ connection: redis, prefix });
    stops.set("reminder-queue", () => reminderQueue.close());
    // Submissions are announced to the office in batches, whichever process the reporter reached.
    const officeNotices = createOfficeNotifications({ connection: redis, prefix, logger: logger.child({ part: "office-notices" }) });
    stops.set("office-notices", () => officeNotices.close());

    const bot = runsBot
      ? createBot(token, {
          apiRoot: config.BOT_API_ROOT,
          deps: {
            prisma: db.prisma,
            logger,
            defaultLocale,
            timezone: config.TZ_REPORTS,
            updateLog: createRedisHandledEvents(redis, { prefix }),
            floodControl: createFloodControl(redis, { prefix }),
            reminderQueue,
            // While Redis is away the notice waits in the connection's offline queue and goes out once it is
            // back; the reporter who submitted is answered without waiting for that.
            onSubmitted: async (event) => {
              const late = (error: unknown) => logger.warn({ err: error, roundId: event.roundId }, "office notice failed after waiting for Redis");
              await waitAtMost(officeNotices.onSubmitted(event), OFFICE_NOTICE_WAIT_MS, late);
            },
          },
        })
      : undefined;

    // The port is taken before any work starts, so a clash ends the start before a worker runs.
    const port = config.PORT ?? (runsBot ? DEFAULT_PORT : undefined);
    let http: HttpServer | undefined;
    let listening: number | undefined;
    if (port !== undefined) {
      http = createHttpServer({
        logger,
        healthChecks: {
          database: async () => {
            await db.sql.query("SELECT 1");
          },
          redis: async () => {
            await redis.ping();
          },
        },
        webhook: bot && config.WEBHOOK_URL ? { bot, secretToken: config.WEBHOOK_SECRET! } : undefined,
        routes: options.routes,
      });
      const server = http;
      try {
        listening = await server.listen(port);
      } catch (error) {
        throw portError(error, port);
      }
      stops.set("http", () => server.close());
    }

    if (bot) {
      // grammY's bot.init() would retry an unreachable Bot API for ever; one bounded getMe says why at once.
      try {
        bot.botInfo = await bot.api.getMe();
      } catch (error) {
        throw botApiError(error, config.BOT_API_ROOT);
      }
    }

    if (runsWorker) {
      // No retries here: the worker answers 429 by pausing its queue, which BullMQ coordinates.
      const api = new Api(token, { apiRoot: config.BOT_API_ROOT });
      const reminders = createReminderWorker({ connection: redis, prisma: db.prisma, api, prefix, logger: logger.child({ part: "reminders" }) });
      stops.set("reminders", () => reminders.close());
      officeNotices.startWorker({ prisma: db.prisma, api, timeZone: config.TZ_REPORTS, defaultLocale });
      logger.info("reminder worker started");
    }

    if (bot) {
      if (config.WEBHOOK_URL) {
        const url = new URL(WEBHOOK_PATH, config.WEBHOOK_URL.endsWith("/") ? config.WEBHOOK_URL : `${config.WEBHOOK_URL}/`).toString();
        await bot.api.setWebhook(url, { secret_token: config.WEBHOOK_SECRET, allowed_updates: [...ALLOWED_UPDATES] });
        logger.info({ url: redactUrl(url), port: listening }, "bot receives updates by webhook");
      } else {
        await bot.api.deleteWebhook();
        // The runner would print a failed poll raw (its URL holds the token); it is logged here instead.
        bot.api.config.use(async (prev, method, payload, signal) => {
          try {
            return await prev(method, payload, signal);
          } catch (error) {
            if (method === "getUpdates" && !signal?.aborted) logger.warn({ err: error }, "could not fetch updates; trying again");
            throw error;
          }
        });
        const runner: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, silent: true } });
        // Stop fetching first; the runner then waits for the updates in hand.
        stops.set("runner", async () => {
          if (runner.isRunning()) await runner.stop();
        });
        logger.info({ username: bot.botInfo.username, port: listening }, "bot receives updates by long polling");
      }
    }

    return { db, bot, http, port: listening, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
