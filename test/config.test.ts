import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.ts";
import { spawnApp } from "./support/spawn-app.ts";

const VALID = { BOT_TOKEN: "123456:ABC-def_ghi" };

describe("configuration read at start", () => {
  it("has defaults for everything but the bot token", () => {
    const config = parseConfig({ ...VALID });
    expect(config).toMatchObject({
      BOT_API_ROOT: "https://api.telegram.org",
      REDIS_URL: "redis://127.0.0.1:6379",
      REDIS_PREFIX: "tong-hop",
      LOG_LEVEL: "info",
      TZ_REPORTS: "Asia/Ho_Chi_Minh",
      DEFAULT_LOCALE: "vi",
    });
    expect(config.DATABASE_URL).toBeUndefined();
    // Unset: the bot listens on 3000, a worker serves no HTTP.
    expect(config.PORT).toBeUndefined();
    expect(config.DATA_DIR).toMatch(/\/data$/);
  });

  // Each case: the process exits 1 and prints one line that names the variable.
  const cases: [string, Record<string, string>, RegExp][] = [
    ["no messaging channel", {}, /^BOT_TOKEN \(Telegram\) or ZALO_APP_ID, .* \(Zalo\) must be set/],
    ["a partial Zalo configuration", { ...VALID, ZALO_APP_ID: "4291763606161179100", ZALO_APP_SECRET: "s" }, /^ZALO_OA_ID is required when ZALO_APP_ID is set/],
    ["malformed BOT_TOKEN", { BOT_TOKEN: "not a token" }, /^BOT_TOKEN must look like/],
    ["BOT_API_ROOT that is not a URL", { ...VALID, BOT_API_ROOT: "localhost:8081" }, /^BOT_API_ROOT must be a URL/],
    ["DATABASE_URL of another database", { ...VALID, DATABASE_URL: "mysql://root@localhost/x" }, /^DATABASE_URL must be a URL starting with postgres:/],
    ["REDIS_URL with the wrong scheme", { ...VALID, REDIS_URL: "http://127.0.0.1:6379" }, /^REDIS_URL must be a URL starting with redis:/],
    ["PORT out of range", { ...VALID, PORT: "70000" }, /^PORT must be a port number/],
    ["unknown LOG_LEVEL", { ...VALID, LOG_LEVEL: "loud" }, /^LOG_LEVEL must be one of/],
    ["REDIS_PREFIX with a colon", { ...VALID, REDIS_PREFIX: "a:b" }, /^REDIS_PREFIX must be 1–64 characters .* \(got "a:b"\)$/],
    ["unknown time zone", { ...VALID, TZ_REPORTS: "Mars/Olympus" }, /^TZ_REPORTS must be an IANA time zone/],
    ["unsupported locale", { ...VALID, DEFAULT_LOCALE: "fr" }, /^DEFAULT_LOCALE must be vi or en/],
    ["webhook without secret", { ...VALID, WEBHOOK_URL: "https://bot.example.gov.vn" }, /^WEBHOOK_SECRET is required when WEBHOOK_URL is set/],
    ["short webhook secret", { ...VALID, WEBHOOK_URL: "https://bot.example.gov.vn", WEBHOOK_SECRET: "short" }, /^WEBHOOK_SECRET must be 16–256 characters/],
    [
      "PostgreSQL that cannot be reached",
      { ...VALID, DATABASE_URL: "postgresql://postgres:secret@127.0.0.1:1/tonghop" },
      /^PostgreSQL at postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/tonghop cannot be reached .*docker compose up -d postgres/,
    ],
    [
      "Redis that cannot be reached",
      { ...VALID, DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres", REDIS_URL: "redis://127.0.0.1:1" },
      /^Redis at redis:\/\/127\.0\.0\.1:1 cannot be reached .*docker compose up -d redis/,
    ],
  ];

  // Generous: thirteen processes start at once on a machine that may be busy with other tests.
  it.concurrent.each(cases)("%s stops the process with one line naming the variable", { timeout: 120_000 }, async (_name, env, expected) => {
    const app = spawnApp(env);
    const code = await app.exited;
    const lines = app.output().trim().split("\n");
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
  });
});
