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
    WEBHOOK_SECRET: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9_-]{16,256}$/.test(v), {
      message: "must be 16–256 characters of A–Z, a–z, 0–9, _ or - (Telegram's rule for secret tokens)",
    }),
    PORT: optionalString
      .transform((v) => (v === undefined ? 3000 : Number(v)))
      .refine((v) => Number.isInteger(v) && v >= 0 && v <= 65535, { message: "must be a port number from 0 to 65535" }),
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
    ZALO_OA_ID: optionalString.refine((v) => v === undefined || /^\d{1,30}$/.test(v), {
      message: "must be the numeric id of the Zalo Official Account (shown at oa.zalo.me)",
    }),
  })
  .superRefine((env, ctx) => {
    if (env.WEBHOOK_URL && !env.WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required when WEBHOOK_URL is set" });
    }
  });

export type Config = z.infer<typeof configSchema> & { LOG_LEVEL: (typeof LOG_LEVELS)[number]; DEFAULT_LOCALE: "vi" | "en" };

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
    throw new ConfigError(`${variable} ${issue.message}${value ? ` (got "${value.slice(0, 60)}")` : ""}`);
  }
  return result.data as Config;
}

/** Reads .env when present (the real environment wins) and validates. */
export function loadConfig(): Config {
  const envFile = resolve(".env");
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}

export function requireBotToken(config: Config): string {
  if (!config.BOT_TOKEN) throw new ConfigError("BOT_TOKEN is required to run the bot (get one from @BotFather)");
  return config.BOT_TOKEN;
}
