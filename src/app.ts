import type { RunnerHandle } from "@grammyjs/runner";
import { GrammyError, HttpError, type Bot } from "grammy";
import type { Redis } from "ioredis";
import type { BotContext } from "./channels/telegram/context.ts";
import { configuredSenders } from "./channel-senders.ts";
import { webRoutes } from "./channels/web/web-routes.ts";
import { pageUrl } from "./use-cases/web-access.ts";
import { DEFAULT_PORT, requireChannel, zaloConfig, type Config } from "./config.ts";
import { openDatabase, redactUrl, type Database } from "./db/create-prisma.ts";
import { migrate } from "./db/migrate.ts";
import { loadKeyring } from "./db/signing-keys.ts";
import { isLocale } from "./i18n.ts";
import { createFloodControl } from "./inbound/flood-control.ts";
import { createRedisHandledEvents } from "./inbound/handled-events.ts";
import type { Logger } from "./logger.ts";
import { checkDatabase, checkRedis, createRedisConnection, ServiceUnreachableError } from "./process/service-checks.ts";
import { portError } from "./process/startup-error.ts";
import { waitAtMost } from "./queue/bounded-redis.ts";
import type { PublicLinks } from "./use-cases/context.ts";
import { createInboundEvents } from "./queue/inbound-events.ts";
import { createOfficeNotifications } from "./queue/office-notifications.ts";
import { createOutbound } from "./queue/outbound.ts";
import type { FormLink } from "./queue/notice-queue.ts";
import { createReminderQueue } from "./queue/reminder-queue.ts";
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
  /** The clock of every flow and of the reminders; tests shift it to a working morning. */
  now?: () => Date;
};

// The order in which a process lets go: stop taking work, finish the work in hand, close connections.
const STOP_ORDER = ["runner", "http", "inbound", "reminders", "office-notices", "outbound", "reminder-queue", "zalo-tokens", "redis", "database"] as const;
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

async function loadZaloInbound() {
  const [{ zaloWebhookRoute }, { zaloInboundEvent }, { zaloEventHandler }] = [
    await import("./channels/zalo/webhook-route.ts"),
    await import("./channels/zalo/zalo-event.ts"),
    await import("./channels/zalo/zalo-inbound.ts"),
  ];
  return { zaloWebhookRoute, zaloInboundEvent, zaloEventHandler };
}

/** Starts the parts of Tổng hợp that this process runs: the bot (its channels), the reminder worker, or both. */
export async function startApp(mode: AppMode, config: Config, logger: Logger, options: StartOptions = {}): Promise<App> {
  const runsBot = mode === "all" || mode === "bot";
  const runsWorker = mode === "all" || mode === "worker";
  // At least one channel; a process sends on every configured one (reminders go where each person is).
  requireChannel(config);
  const token = config.BOT_TOKEN;
  const zalo = zaloConfig(config);
  const prefix = config.REDIS_PREFIX;
  const windows = zalo ? { zalo: config.ZALO_WINDOW_HOURS * 3600_000 } : {};

  const defaultLocale = isLocale(config.DEFAULT_LOCALE) ? config.DEFAULT_LOCALE : "vi";
  const db = await openDatabase({
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
    const keyring = await loadKeyring(db.prisma, config.CALLBACK_SECRET, token);

    // The channels' senders: every process can reach people on every configured channel.
    const { senders, templateSender, zaloTokens } = configuredSenders(config, db.prisma, logger);
    if (zaloTokens) {
      const stopFresh = zaloTokens.keepFresh();
      stops.set("zalo-tokens", async () => stopFresh());
    }
    const now = options.now;
    const outbound = createOutbound({ prisma: db.prisma, redis, prefix, logger, defaultLocale, windows, keyring, senders, now });
    stops.set("outbound", () => outbound.close());

    // Filled in as the channels come up (the bot's name is known after getMe); every use case reads this one object.
    const links: PublicLinks = { zaloOaId: zalo?.oaId, publicUrl: config.PUBLIC_URL };
    const useCaseDeps = {
      prisma: db.prisma,
      logger,
      defaultLocale,
      defaultTimeZone: config.TZ_REPORTS,
      now,
      reminderQueue,
      keyring,
      notifier: outbound.notifier,
      notices: outbound.notices,
      windows,
      links,
      // While Redis is away the notice waits in the connection's offline queue and goes out once it is
      // back; the reporter who submitted is answered without waiting for that.
      officeNotices: {
        onSubmitted: async (event: Parameters<typeof officeNotices.onSubmitted>[0]) => {
          const late = (error: unknown) => logger.warn({ err: error, roundId: event.roundId }, "office notice failed after waiting for Redis");
          await waitAtMost(officeNotices.onSubmitted(event), OFFICE_NOTICE_WAIT_MS, late);
        },
      },
    };
    const floodControl = createFloodControl(redis, { prefix });

    // The bot's features and the worker's code load only in a process that runs them.
    const bot =
      runsBot && token
        ? (await import("./channels/telegram/create-bot.ts")).createBot(token, {
            apiRoot: config.BOT_API_ROOT,
            deps: { ...useCaseDeps, updateLog: createRedisHandledEvents(redis, { prefix }), floodControl, replyBudget: outbound.budgets.telegram },
          })
        : undefined;

    // Zalo's events are stored first (the webhook answers within Zalo's 2 s), then handled from the queue.
    const inbound = zalo ? createInboundEvents({ connection: redis, prefix, logger: logger.child({ part: "zalo-events" }) }) : undefined;
    if (inbound) stops.set("inbound", () => inbound.close());
    const routes: HttpRoutes[] = [...(options.routes ?? [])];
    // The report form, the office's desk and the Telegram Mini App, served by the bot's processes.
    if (runsBot) routes.push(webRoutes({ deps: useCaseDeps, logger: logger.child({ part: "web" }), botToken: token }));
    const zaloInbound = runsBot && zalo && inbound ? await loadZaloInbound() : undefined;
    if (zaloInbound && zalo && inbound) {
      const { zaloWebhookRoute, zaloInboundEvent } = zaloInbound;
      routes.push((app) =>
        app.route(
          "/",
          zaloWebhookRoute({
            appId: zalo.appId,
            oaSecretKey: zalo.oaSecretKey,
            logger: logger.child({ part: "zalo-webhook" }),
            accept: async (event) => {
              const queued = zaloInboundEvent(event);
              if (queued) await inbound.accept(queued);
            },
          }),
        ),
      );
    }

    // The port is taken before any work starts, so a clash ends the start before a worker runs.
    const port = config.PORT ?? (runsBot ? DEFAULT_PORT : undefined);
    let http: HttpServer | undefined;
    let listening: number | undefined;
    if (port !== undefined) {
      const tokens = zaloTokens;
      http = createHttpServer({
        logger,
        healthChecks: {
          database: async () => {
            await db.sql.query("SELECT 1");
          },
          redis: async () => {
            await redis.ping();
          },
          ...(tokens
            ? {
                zalo: async () => {
                  const health = tokens.health();
                  if (health.status !== "ok") throw new Error(health.reason);
                },
              }
            : {}),
        },
        webhook: bot && config.WEBHOOK_URL ? { bot, secretToken: config.WEBHOOK_SECRET! } : undefined,
        routes,
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
      links.telegramBot = bot.botInfo.username;
    }

    if (zaloInbound && inbound) {
      inbound.startWorker(
        zaloInbound.zaloEventHandler({
          deps: useCaseDeps,
          sender: outbound.replySenders.zalo!,
          flood: floodControl,
          logger: logger.child({ part: "zalo" }),
        }),
      );
      logger.info({ oaId: zalo!.oaId, port: listening }, "Zalo events arrive by webhook");
    }

    if (runsWorker) {
      // Reminders and notices asking for answers carry the reporter's form link when the pages have an address.
      const formLink: FormLink | undefined = config.PUBLIC_URL ? (personId, roundId) => pageUrl(useCaseDeps, { personId, roundId, kind: "form" }) : undefined;
      // No retries here: the worker answers 429 by pausing its queue, which BullMQ coordinates.
      const { createReminderWorker } = await import("./queue/reminder-worker.ts");
      const reminders = createReminderWorker({
        connection: redis,
        prisma: db.prisma,
        send: outbound.send,
        pacers: outbound.pacers,
        defaultLocale,
        windows,
        prefix,
        now,
        logger: logger.child({ part: "reminders" }),
        templateSender,
        formLink,
      });
      stops.set("reminders", () => reminders.close());
      officeNotices.startWorker({ prisma: db.prisma, send: outbound.send, defaultTimeZone: config.TZ_REPORTS, defaultLocale });
      outbound.startNoticeWorker({ formLink });
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
        const { run } = await import("@grammyjs/runner");
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
