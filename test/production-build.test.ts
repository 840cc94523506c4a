import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeBotApi, startCommand } from "./support/fake-bot-api.ts";
import { killIfRunning, ROOT, spawnApp, stopApp } from "./support/spawn-app.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

// What production runs: src/ compiled to dist/ by `npm run build`, started with npm start's V8 flags. The tests
// run the TypeScript sources; a file the compiled code needs but tsc leaves out (the web form's assets) or an
// import that only resolves under tsx shows up here.
describe("the compiled build (npm run build, then node dist/main.js)", () => {
  const api = new FakeBotApi();
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await api.start();
    execFileSync(process.execPath, [join(ROOT, "scripts/build.mjs")], { cwd: ROOT, stdio: "pipe" });
  }, 240_000);
  afterAll(async () => {
    await api.stop();
    await db?.drop();
  });

  it("starts bot and worker with the web pages, answers /start, and stops cleanly", async () => {
    const app = spawnApp({ BOT_TOKEN: "123:abc", BOT_API_ROOT: api.apiRoot, DATABASE_URL: db.url, PORT: "0", PUBLIC_URL: "https://tonghop.example.gov.vn", LOG_LEVEL: "info" }, "all", undefined, { compiled: true });
    try {
      await api.waitForCall((call) => call.method === "deleteWebhook", 90_000);
      api.pushUpdate(startCommand(601, "vi"));
      const reply = await api.waitForCall((call) => call.method === "sendMessage" && call.payload.chat_id === 601, 20_000);
      expect(reply.payload.text).toMatch(/^Xin chào Anh\/Chị! Tôi là trợ lý Tổng hợp/);
      const stopped = await stopApp(app);
      expect(stopped.code).toBe(0);
      expect(stopped.output).toContain('"msg":"stopped"');
    } finally {
      killIfRunning(app);
    }
  }, 150_000);
});
