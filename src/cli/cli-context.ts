import pino from "pino";
import { configuredSenders } from "../channel-senders.ts";
import { zaloConfig, type Config } from "../config.ts";
import type { Database } from "../db/create-prisma.ts";
import { loadKeyring } from "../db/signing-keys.ts";
import { isLocale } from "../i18n.ts";
import { createLogger } from "../logger.ts";
import { waitAtMost } from "../queue/bounded-redis.ts";
import { createNotifier } from "../queue/notifier.ts";
import { createReminderQueue, type ReminderQueue } from "../queue/reminder-queue.ts";
import { checkRedis, createRedisConnection } from "../process/service-checks.ts";
import { makeContext, type UseCaseContext, type UseCaseDeps } from "../use-cases/context.ts";
import { CHANNEL_LIMITS } from "../use-cases/identify.ts";

export type CliContext = { ctx: UseCaseContext; close(): Promise<void> };

/**
 * The use cases' context for a command typed by whoever runs the server: no person acts (the audit names
 * none, via "cli"), people are told on their configured channels, and reminders are re-planned when Redis
 * is there (else the running app's reconciler does it within minutes). Logs go to stderr: stdout is the answer.
 */
export async function cliContext(config: Config, db: Database, options: { reminders?: boolean } = {}): Promise<CliContext> {
  const logger = createLogger(config.LOG_LEVEL, { part: "cli" }, pino.destination(2));
  const defaultLocale = isLocale(config.DEFAULT_LOCALE) ? config.DEFAULT_LOCALE : "vi";
  const windows = zaloConfig(config) ? { zalo: config.ZALO_WINDOW_HOURS * 3600_000 } : {};
  const keyring = await loadKeyring(db.prisma, config.CALLBACK_SECRET, config.BOT_TOKEN);
  const { senders } = configuredSenders(config, db.prisma, logger);
  const notifier = createNotifier({ prisma: db.prisma, senders, keyring, defaultLocale, windows, logger });
  let reminderQueue: ReminderQueue | undefined;
  let closeRedis = async () => {};
  if (options.reminders) {
    const reachable = await checkRedis(config.REDIS_URL).then(
      () => true,
      (error: Error) => (logger.warn(error.message + "; the running app re-plans the reminders"), false),
    );
    if (reachable) {
      const redis = createRedisConnection(config.REDIS_URL);
      redis.on("error", () => {});
      await redis.connect();
      reminderQueue = createReminderQueue({ connection: redis, prefix: config.REDIS_PREFIX });
      closeRedis = async () => {
        await reminderQueue?.close();
        await waitAtMost(redis.quit(), 2000).catch(() => {});
        redis.disconnect();
      };
    }
  }
  const deps: UseCaseDeps = { prisma: db.prisma, logger, defaultLocale, defaultTimeZone: config.TZ_REPORTS, reminderQueue, keyring, notifier, windows, links: { zaloOaId: config.ZALO_OA_ID, publicUrl: config.PUBLIC_URL } };
  const ctx = makeContext(deps, { channel: "cli", address: "", sessionKey: null, person: null, actor: null, locale: "en", ...CHANNEL_LIMITS.cli });
  return { ctx, close: closeRedis };
}
