import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { isTimeZone } from "./domain/calendar/zoned-time.ts";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));

const url = (protocols: string[]) =>
  optionalString.refine(
    (value) => {
      if (value === undefined) return true;
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}` },
  );


/** The variables that together configure the Zalo Official Account channel. */
const ZALO_VARIABLES = ["ZALO_APP_ID", "ZALO_OA_ID", "ZALO_APP_SECRET", "ZALO_OA_SECRET_KEY", "ZALO_REFRESH_TOKEN"] as const;

const configSchema = z
  .object({
    BOT_TOKEN: optionalString.refine((v) => v === undefined || /^\d+:[\w-]+$/.test(v), {
      message: "must look like 123456789:AA… (the token @BotFather gave you)",
    }),
    BOT_API_ROOT: url(["http:", "https:"]).transform((v) => (v ?? "https://api.telegram.org").replace(/\/+$/, "")),
    DATABASE_URL: url(["postgres:", "postgresql:"]),
    DATA_DIR: optionalString.transform((v) => resolve(v ?? "./data")),
    REDIS_URL: url(["redis:", "rediss:"]).transform((v) => v ?? "redis://127.0.0.1:6379"),
    WEBHOOK_URL: url(["https:", "http:"]),
    // The address people open the web form and the desk at; links in messages are built from it.
    PUBLIC_URL: url(["https:", "http:"]).transform((v) => v?.replace(/\/+$/, "")),
    WEBHOOK_SECRET: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9_-]{16,256}$/.test(v), {
      message: "must be 16–256 characters of A–Z, a–z, 0–9, _ or - (Telegram's rule for secret tokens)",
    }),
    // Unset: the bot listens on DEFAULT_PORT, a worker serves no HTTP (it needs no public port).
    PORT: optionalString
      .transform((v) => (v === undefined ? undefined : Number(v)))
      .refine((v) => v === undefined || (Number.isInteger(v) && v >= 0 && v <= 65535), { message: "must be a port number from 0 to 65535" }),
    REDIS_PREFIX: optionalString
      .transform((v) => v ?? "tong-hop")
      .refine((v) => /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(v), {
        message: "must be 1–64 characters of A–Z, a–z, 0–9, _, . or - (no spaces or colons)",
      }),
    LOG_LEVEL: optionalString
      .transform((v) => v ?? "info")
      .refine((v): v is (typeof LOG_LEVELS)[number] => (LOG_LEVELS as readonly string[]).includes(v), {
        message: `must be one of ${LOG_LEVELS.join(", ")}`,
      }),
    TZ_REPORTS: optionalString
      .transform((v) => v ?? "Asia/Ho_Chi_Minh")
      .refine(isTimeZone, { message: "must be an IANA time zone such as Asia/Ho_Chi_Minh" }),
    CALLBACK_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, { message: "must be at least 32 characters (a random string)" }),
    DEFAULT_LOCALE: optionalString
      .transform((v) => v ?? "vi")
      .refine((v): v is "vi" | "en" => v === "vi" || v === "en", { message: "must be vi or en" }),
    ZALO_APP_ID: optionalString.refine((v) => v === undefined || /^\d{1,30}$/.test(v), {
      message: "must be the numeric app id shown at developers.zalo.me",
    }),
    ZALO_OA_ID: optionalString.refine((v) => v === undefined || /^\d{1,30}$/.test(v), {
      message: "must be the numeric id of the Official Account",
    }),
    ZALO_APP_SECRET: optionalString,
    ZALO_OA_SECRET_KEY: optionalString,
    ZALO_REFRESH_TOKEN: optionalString,
    ZALO_API_ROOT: url(["http:", "https:"]).transform((v) => (v ?? "https://openapi.zalo.me").replace(/\/+$/, "")),
    ZALO_WINDOW_HOURS: optionalString
      .transform((v) => (v === undefined ? 48 : Number(v)))
      .refine((v) => Number.isFinite(v) && v > 0 && v <= 24 * 30, { message: "must be a number of hours from 1 to 720 (how long after a person's last message the OA may write freely)" }),
    ZALO_OAUTH_ROOT: url(["http:", "https:"]).transform((v) => (v ?? "https://oauth.zaloapp.com").replace(/\/+$/, "")),
    ZALO_ZNS_TEMPLATE_ID: optionalString.refine((v) => v === undefined || /^\d{1,20}$/.test(v), {
      message: "must be the numeric id of a ZNS template Zalo has approved for the OA",
    }),
    ZALO_ZNS_API_ROOT: url(["http:", "https:"]).transform((v) => (v ?? "https://business.openapi.zalo.me").replace(/\/+$/, "")),
  })
  .superRefine((env, ctx) => {
    if (env.WEBHOOK_URL && !env.WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required when WEBHOOK_URL is set" });
    }
    const given = ZALO_VARIABLES.filter((name) => env[name] !== undefined);
    const missing = ZALO_VARIABLES.filter((name) => env[name] === undefined);
    if (given.length > 0 && missing.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: [missing[0]!],
        message: `is required when ${given[0]} is set (Zalo needs all of ${ZALO_VARIABLES.join(", ")})`,
      });
    }
  });

export type Config = z.infer<typeof configSchema> & { LOG_LEVEL: (typeof LOG_LEVELS)[number]; DEFAULT_LOCALE: "vi" | "en" };

/** The bot's HTTP port when PORT is unset. */
export const DEFAULT_PORT = 3000;

/**
 * Variables whose rejected value may be printed back. Any other one may hold a secret (a token, a password
 * inside a URL), so its value is never echoed.
 */
const PRINTABLE_VARIABLES = new Set(["PORT", "LOG_LEVEL", "TZ_REPORTS", "DEFAULT_LOCALE", "REDIS_PREFIX", "ZALO_WINDOW_HOURS", "PUBLIC_URL", "ZALO_ZNS_TEMPLATE_ID"]);

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Validates the environment once; the first problem becomes one line naming the variable. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0] ?? "environment");
    const value = env[variable];
    const shown = value && PRINTABLE_VARIABLES.has(variable) ? ` (got "${value.slice(0, 60)}")` : "";
    throw new ConfigError(`${variable} ${issue.message}${shown}`);
  }
  return result.data as Config;
}

/** Reads .env when present (the real environment wins) and validates. */
export function loadConfig(): Config {
  const envFile = resolve(".env");
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}

/** The Zalo Official Account settings, when all of them are set. */
export type ZaloConfig = {
  appId: string;
  oaId: string;
  appSecret: string;
  oaSecretKey: string;
  /** Only the first link of the token chain: once a rotated pair is stored, the stored one is used. */
  refreshToken: string;
  apiRoot: string;
  oauthRoot: string;
  /** Paid template messages (ZNS) for reminders the messaging window keeps back; absent unless ZALO_ZNS_TEMPLATE_ID is set. */
  zns?: { templateId: string; apiRoot: string };
};

export function zaloConfig(config: Config): ZaloConfig | undefined {
  const { ZALO_APP_ID, ZALO_OA_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY, ZALO_REFRESH_TOKEN } = config;
  if (!ZALO_APP_ID || !ZALO_OA_ID || !ZALO_APP_SECRET || !ZALO_OA_SECRET_KEY || !ZALO_REFRESH_TOKEN) return undefined;
  return {
    appId: ZALO_APP_ID,
    oaId: ZALO_OA_ID,
    appSecret: ZALO_APP_SECRET,
    oaSecretKey: ZALO_OA_SECRET_KEY,
    refreshToken: ZALO_REFRESH_TOKEN,
    apiRoot: config.ZALO_API_ROOT,
    oauthRoot: config.ZALO_OAUTH_ROOT,
    ...(config.ZALO_ZNS_TEMPLATE_ID ? { zns: { templateId: config.ZALO_ZNS_TEMPLATE_ID, apiRoot: config.ZALO_ZNS_API_ROOT } } : {}),
  };
}

/** The messaging channels this configuration sets up; running the bot without any is a configuration error. */
export function requireChannel(config: Config): ("telegram" | "zalo")[] {
  const channels: ("telegram" | "zalo")[] = [];
  if (config.BOT_TOKEN) channels.push("telegram");
  if (zaloConfig(config)) channels.push("zalo");
  if (channels.length === 0) {
    throw new ConfigError(
      `BOT_TOKEN (Telegram) or ${ZALO_VARIABLES.join(", ")} (Zalo) must be set: the bot needs at least one messaging channel`,
    );
  }
  return channels;
}

export function requireBotToken(config: Config): string {
  if (!config.BOT_TOKEN) throw new ConfigError("BOT_TOKEN is required to run the bot (get one from @BotFather)");
  return config.BOT_TOKEN;
}
