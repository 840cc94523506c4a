// Secrets, invite codes and what people write never reach the logs or the terminal.
import { Writable } from "node:stream";
import { GrammyError, HttpError } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { redactText } from "../src/logging/redact-text.ts";
import { killApp, startAppProcess } from "./support/app-process.ts";
import { FakeBotApi } from "./support/fake-bot-api.ts";
import { REDIS_URL } from "./support/reminder-fixtures.ts";
import { spawnApp, type Spawned } from "./support/spawn-app.ts";
import { TcpProxy } from "./support/tcp-proxy.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const TOKEN_SECRET = "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const TOKEN = `123456789:${TOKEN_SECRET}`;
const INVITE_CODE = "q3J9xZr0LmN4pT7vW2yB8cDe";
const ZALO_CODE = "K7QM-3XD9-PA";

function capture(level = "info") {
  let out = "";
  const logger = createLogger(level, {}, new Writable({ write: (chunk, _encoding, done) => ((out += String(chunk)), done()) }));
  return { logger, output: () => out };
}

describe("text redaction", () => {
  const cases: [string, string, string][] = [
    ["a Bot API URL", `request to https://api.telegram.org/bot${TOKEN}/sendMessage failed`, TOKEN_SECRET],
    ["a bare bot token", `token ${TOKEN} rejected`, TOKEN_SECRET],
    ["Zalo's access_token header", "access_token: zaloAccessTok3n-abcdef", "zaloAccessTok3n-abcdef"],
    ["Zalo's access_token in a query", "GET /v2.0/oa/getoa?access_token=zaloAccessTok3n-abcdef&x=1", "zaloAccessTok3n-abcdef"],
    ["Zalo's refresh_token in JSON", '{"refresh_token":"zaloRefreshTok3n.xyz","expires_in":"90000"}', "zaloRefreshTok3n.xyz"],
    ["Zalo's secret_key header", "secret_key=AppSecretValue123", "AppSecretValue123"],
    ["Zalo's webhook signature", "X-ZEvent-Signature: mac=9f86d081884c7d659a2feaa0c55ad015", "9f86d081884c7d659a2feaa0c55ad015"],
    ["an invite link", `https://t.me/tong_hop_bot?start=${INVITE_CODE}`, INVITE_CODE],
    ["a /start command with its code", `/start ${INVITE_CODE}`, INVITE_CODE],
    ["a Zalo short code", `mã ${ZALO_CODE} đã dùng`, ZALO_CODE],
    ["a database password", "postgresql://tonghop:Pa55word-xyz@db:5432/tonghop", "Pa55word-xyz"],
  ];
  it.each(cases)("takes the secret out of %s", (_name, text, secret) => {
    const redacted = redactText(text);
    expect(redacted).not.toContain(secret);
    expect(redactText(redacted)).toBe(redacted);
  });

  it("leaves ordinary text alone and stays fast on long input", () => {
    expect(redactText("Phòng Tổ chức cán bộ nộp lúc 10:30, hạn 2024-10-05")).toBe("Phòng Tổ chức cán bộ nộp lúc 10:30, hạn 2024-10-05");
    const long = `${"1".repeat(100_000)} ${"a.".repeat(50_000)} start ${"x".repeat(100_000)}`;
    const started = performance.now();
    redactText(long);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("log lines", () => {
  it("keep a rejected Bot API call's method and description but not the message it carried", () => {
    const { logger, output } = capture();
    const payload = { chat_id: 5, text: `Đường liên kết mời: https://t.me/tong_hop_bot?start=${INVITE_CODE} — bí mật của đơn vị`, caption: "Báo cáo quý" };
    const error = new GrammyError("Call to 'sendMessage' failed!", { ok: false, error_code: 400, description: "Bad Request: chat not found" }, "sendMessage", payload);
    logger.error({ err: error, updateId: 7 }, "update failed");
    expect(output()).toContain("chat not found");
    expect(output()).toContain('"method":"sendMessage"');
    expect(output()).not.toContain(INVITE_CODE);
    expect(output()).not.toContain("bí mật của đơn vị");
    expect(output()).not.toContain("Báo cáo quý");
  });

  it("take the token out of a network failure's URL, at any depth and in the message", () => {
    const { logger, output } = capture();
    const inner = Object.assign(new Error(`request to http://127.0.0.1:1/bot${TOKEN}/sendMessage failed, reason: connect ECONNREFUSED`), { code: "ECONNREFUSED" });
    logger.warn({ err: new HttpError("Network request for 'sendMessage' failed!", inner) }, "send failed");
    logger.warn({ nested: { where: `https://api.telegram.org/bot${TOKEN}/getMe` } }, `calling bot${TOKEN}/getMe`);
    logger.warn(inner);
    expect(output()).toContain("ECONNREFUSED");
    expect(output()).toContain("bot<redacted>");
    expect(output()).not.toContain(TOKEN_SECRET);
  });

  it("hide fields that carry people's words or credentials", () => {
    const { logger, output } = capture();
    logger.info({ update: { message: { text: "Câu trả lời riêng tư" } }, answer: "12 hồ sơ", headers: { "x-telegram-bot-api-secret-token": "s3cret-webhook-token" } }, "seen");
    expect(output()).not.toMatch(/riêng tư|12 hồ sơ|s3cret-webhook-token/);
    expect(output()).toContain("[redacted]");
  });
});

describe("configuration errors", () => {
  const secretCases: [string, Record<string, string>, string][] = [
    ["BOT_TOKEN", { BOT_TOKEN: "123456789:AAH secret with a space" }, "secret with a space"],
    ["DATABASE_URL", { BOT_TOKEN: TOKEN, DATABASE_URL: "postgresql://tonghop:Pa55word-xyz@db:notaport/tonghop" }, "Pa55word-xyz"],
    ["REDIS_URL", { BOT_TOKEN: TOKEN, REDIS_URL: "http://:Redis-Pa55@cache:6379" }, "Redis-Pa55"],
    ["WEBHOOK_SECRET", { BOT_TOKEN: TOKEN, WEBHOOK_URL: "https://bot.example.gov.vn", WEBHOOK_SECRET: "short$ecret" }, "short$ecret"],
  ];
  it.each(secretCases)("name %s and never print its value", (variable, env, secret) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    try {
      parseConfig(env);
    } catch (error) {
      expect((error as Error).message.startsWith(variable)).toBe(true);
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it("print the rejected value of a variable that holds no secret", () => {
    expect(() => parseConfig({ BOT_TOKEN: TOKEN, PORT: "http" })).toThrow('PORT must be a port number from 0 to 65535 (got "http")');
  });
});

describe("the process's own output", () => {
  let db: TestDatabase;
  let api: FakeBotApi;
  let proxy: TcpProxy;
  let app: Spawned | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = new FakeBotApi();
    await api.start();
    proxy = await TcpProxy.start({ host: "127.0.0.1", port: Number(new URL(api.apiRoot).port) });
  });
  afterAll(async () => {
    if (app) await killApp(app);
    await proxy?.stop();
    await api?.stop();
    await db?.drop();
  });

  it.concurrent.each([
    ["a bad DATABASE_URL with a password", { BOT_TOKEN: TOKEN, DATABASE_URL: "postgresql://tonghop:Pa55word-xyz@db:notaport/tonghop" }, /^DATABASE_URL must be a URL/],
    ["an unreachable database with a password", { BOT_TOKEN: TOKEN, DATABASE_URL: "postgresql://tonghop:Pa55word-xyz@127.0.0.1:1/tonghop" }, /^PostgreSQL at postgresql:\/\/tonghop:\*\*\*@127\.0\.0\.1:1\/tonghop cannot be reached/],
    ["an unreachable Bot API", { BOT_TOKEN: TOKEN, BOT_API_ROOT: "http://127.0.0.1:1", REDIS_URL, PORT: "0" }, /^the Bot API at http:\/\/127\.0\.0\.1:1\/ cannot be reached \(ECONNREFUSED\): check BOT_API_ROOT/],
  ])("start with %s: one line, no token and no password", { timeout: 120_000 }, async (_name, env, expected) => {
    const withDb = "DATABASE_URL" in env ? env : { ...env, DATABASE_URL: db.url };
    const failed = spawnApp(withDb);
    expect(await failed.exited).toBe(1);
    const lines = failed.output().trim().split("\n");
    expect(lines).toEqual([expect.stringMatching(expected)]);
    expect(failed.output()).not.toContain(TOKEN_SECRET);
    expect(failed.output()).not.toContain("Pa55word-xyz");
  });

  it("while running: a rejected reply and a lost Bot API leave no token and no reply text in the log", { timeout: 120_000 }, async () => {
    app = await startAppProcess(api, { BOT_TOKEN: TOKEN, BOT_API_ROOT: `http://127.0.0.1:${proxy.port}`, DATABASE_URL: db.url, REDIS_URL, PORT: "0", LOG_LEVEL: "info" }, "bot");
    const running = app;
    const logged = (text: string, timeoutMs = 30_000) =>
      new Promise<void>((resolve, reject) => {
        const end = Date.now() + timeoutMs;
        const poll = () => (running.output().includes(text) ? resolve() : Date.now() > end ? reject(new Error(`no "${text}" in:\n${running.output()}`)) : setTimeout(poll, 50));
        poll();
      });

    // Telegram refuses the reply: the error is logged, the text it carried is not.
    api.respond = (call) => (call.method === "sendMessage" ? { ok: false, error_code: 400, description: "Bad Request: chat not found" } : undefined);
    api.pushUpdate({
      message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: 801, type: "private" }, from: { id: 801, is_bot: false, first_name: "Lan" }, text: "/start", entities: [{ type: "bot_command", offset: 0, length: 6 }] },
    });
    await logged("chat not found");
    api.respond = undefined;

    // The Bot API goes away: the failed polls are logged with the URL, the token taken out.
    await proxy.cut();
    await logged("could not fetch updates");
    await logged("bot<redacted>");
    await proxy.restore();

    const output = running.output();
    expect(output).toContain("update failed");
    expect(output).not.toContain(TOKEN_SECRET);
    expect(output).not.toContain("trợ lý Tổng hợp");
    expect(output).not.toContain("[grammY runner]");
  });
});
