import { Writable } from "node:stream";
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
  let logged = "";

  beforeAll(async () => {
    db = await createTestDatabase();
    const logger = createLogger("silent");
    const serverLogger = createLogger("info", {}, new Writable({ write: (chunk, _encoding, done) => ((logged += String(chunk)), done()) }));
    bot.instance = createBot("123:abc", { botInfo: TEST_BOT_INFO, deps: botDeps(db.prisma, { logger }) });
    calls = recordApiCalls(bot.instance);
    http = createHttpServer({
      logger: serverLogger,
      healthChecks: {
        database: async () => void (await db.sql.query("SELECT 1")),
        redis: async () => Promise.reject(new Error("connect ECONNREFUSED redis://:hunter2-secret@10.0.0.5:6379")),
      },
      webhook: { bot: bot.instance, secretToken: SECRET },
      // Another part's routes, mounted on the same server.
      routes: [(app) => app.post("/zalo/webhook", (c) => c.json({ mounted: true }))],
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

  it("answers only POST on the webhook path, 404 elsewhere, and serves the routes other parts mounted", async () => {
    expect((await fetch(`${base}${WEBHOOK_PATH}`)).status).toBe(405);
    expect((await fetch(`${base}/nothing-here`)).status).toBe(404);
    const mounted = await fetch(`${base}/zalo/webhook`, { method: "POST" });
    expect(await mounted.json()).toEqual({ mounted: true });
  });

  it("tells the public only up or down on /healthz; the reason goes to the log", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ status: "degraded", checks: { database: "ok", redis: "down" } });
    expect(body).not.toMatch(/ECONNREFUSED|10\.0\.0\.5|hunter2/);
    // The operator finds the reason in the log, without the password.
    expect(logged).toContain("ECONNREFUSED");
    expect(logged).not.toContain("hunter2-secret");
  });

  it("says only ok when every check passes", async () => {
    const healthy = createHttpServer({ logger: createLogger("silent"), healthChecks: { database: async () => {} } });
    const port = await healthy.listen(0);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('{"status":"ok"}');
    } finally {
      await healthy.close();
    }
  });
});
