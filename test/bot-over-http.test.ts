import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeBotApi, startCommand } from "./support/fake-bot-api.ts";
import { killIfRunning, spawnApp, stopApp } from "./support/spawn-app.ts";

describe("npm start against a Bot API server (embedded database, long polling)", () => {
  const api = new FakeBotApi();
  beforeAll(() => api.start());
  afterAll(() => api.stop());

  it("creates the data folder, answers /start in Vietnamese and English, and stops cleanly on SIGTERM", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "tong-hop-run-"));
    const app = spawnApp({ BOT_TOKEN: "123:abc", BOT_API_ROOT: api.apiRoot, PORT: "0", LOG_LEVEL: "info" }, "all", cwd);
    try {
      // Generous: the embedded database's first start is slow on a busy machine.
      await api.waitForCall((call) => call.method === "deleteWebhook", 90_000);
      api.pushUpdate(startCommand(501, "vi"));
      const vi = await api.waitForCall((call) => call.method === "sendMessage" && call.payload.chat_id === 501, 15_000);
      expect(vi.payload.text).toMatch(/^Xin chào Anh\/Chị! Tôi là trợ lý Tổng hợp/);
      expect(vi.payload.text).toContain("Anh/Chị chưa được gắn với đơn vị");

      api.pushUpdate(startCommand(502, "en-US"));
      const en = await api.waitForCall((call) => call.method === "sendMessage" && call.payload.chat_id === 502, 15_000);
      expect(en.payload.text).toMatch(/^Hello! I am the Tổng hợp assistant/);

      expect(existsSync(join(cwd, "data", "postgres", "PG_VERSION"))).toBe(true);
      const stopped = await stopApp(app);
      expect(stopped.code).toBe(0);
      expect(stopped.output).toContain('"msg":"stopped"');
    } finally {
      killIfRunning(app);
    }
  }, 150_000);
});
