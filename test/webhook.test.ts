import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../src/channels/telegram/create-bot.ts";
import { createLogger } from "../src/logger.ts";
import { createHttpServer, WEBHOOK_PATH, type HttpServer } from "../src/server/create-server.ts";
import { recordApiCalls, TEST_BOT_INFO } from "./support/bot-harness.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { botDeps } from "./support/bot-deps.ts";

const SECRET = "s3cret-token-for-tests";

describe("webhook mode and health over HTTP", () => {
  let db: TestDatabase;
  let http: HttpServer;
  let base: string;
  const bot = { instance: undefined as ReturnType<typeof createBot> | undefined };
  let calls: ReturnType<typeof recordApiCalls>;

  beforeAll(async () => {
    db = await createTestDatabase();
    const logger = createLogger("silent");
    bot.instance = createBot("123:abc", { botInfo: TEST_BOT_INFO, deps: botDeps(db.prisma, { logger }) });
    calls = recordApiCalls(bot.instance);
    http = createHttpServer({
      logger,
      healthChecks: { database: async () => void (await db.sql.query("SELECT 1")), redis: async () => Promise.reject(new Error("connection refused")) },
      webhook: { bot: bot.instance, secretToken: SECRET },
    });
    base = `http://127.0.0.1:${await http.listen(0)}`;
  });
  afterAll(async () => {
    await http?.close();
    await db?.drop();
  });

  const post = (headers: Record<string, string>) =>
    fetch(`${base}${WEBHOOK_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({
        update_id: 77,
        message: { message_id: 3, date: 1, chat: { id: 900, type: "private" }, from: { id: 900, is_bot: false, first_name: "Hà" }, text: "/start", entities: [{ type: "bot_command", offset: 0, length: 6 }] },
      }),
    });

  it("refuses an update without the secret token header (401) and handles none", async () => {
    expect((await post({})).status).toBe(401);
    expect((await post({ "X-Telegram-Bot-Api-Secret-Token": "wrong-token-wrong" })).status).toBe(401);
    expect(calls.sent()).toHaveLength(0);
  });

  it("handles an update that carries the secret token", async () => {
    const res = await post({ "X-Telegram-Bot-Api-Secret-Token": SECRET });
    expect(res.status).toBe(200);
    const replies = calls.sent().filter((c) => c.method === "sendMessage");
    expect(replies).toHaveLength(1);
    expect(replies[0]!.payload.chat_id).toBe(900);
    expect(String(replies[0]!.payload.text)).toContain("Xin chào Anh/Chị");
  });

  it("reports database and Redis reachability on /healthz", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "degraded", checks: { database: "ok", redis: "connection refused" } });
  });
});
