// One chat floods the bot while another person answers their report: the other person's answers keep
// coming promptly, the flood is mostly dropped, and its sender is told once to slow down.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { i18n } from "../src/i18n.ts";
import { killApp, startAppProcess } from "./support/app-process.ts";
import { FakeBotApi } from "./support/fake-bot-api.ts";
import { REDIS_URL } from "./support/reminder-fixtures.ts";
import { FULL_ANSWER_SET } from "./support/reporter-script.ts";
import { seedReporterWorld, type ReporterWorld } from "./support/reporter-world.ts";
import type { Spawned } from "./support/spawn-app.ts";
import { TelegramChats } from "./support/telegram-chats.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const FLOOD = 3000;
// Generous for a loaded machine: unhindered, an answer takes some tens of milliseconds; without the limits
// the first answer waits behind the flood for about 20 s here.
const PROMPT_MS = 5000;

let db: TestDatabase;
let api: FakeBotApi;
let chats: TelegramChats;
let world: ReporterWorld;
let app: Spawned | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
  api = new FakeBotApi();
  await api.start();
  chats = new TelegramChats(api);
  world = await seedReporterWorld(db.prisma, { units: 2 });
});

afterAll(async () => {
  if (app) await killApp(app);
  await api?.stop();
  await db?.drop();
});

describe("a flood from one chat", () => {
  it("does not slow down another person's answers; the flooder is told once to slow down", { timeout: 180_000 }, async () => {
    const [flooder, other] = world.reporters as [ReporterWorld["reporters"][number], ReporterWorld["reporters"][number]];
    app = await startAppProcess(api, { BOT_TOKEN: "123:flood", BOT_API_ROOT: api.apiRoot, DATABASE_URL: db.url, REDIS_URL, PORT: "0" }, "bot");
    expect((await chats.step(other, FULL_ANSWER_SET[0]!)).reply).toMatch(/^Câu 1\/10/);

    for (let i = 0; i < FLOOD; i++) api.pushUpdate(chats.update(flooder, { kind: "text", text: `tin nhắn ${i}` }));
    const latencies: number[] = [];
    for (const step of FULL_ANSWER_SET.slice(1, 8)) {
      const started = Date.now();
      await chats.step(other, step, { timeoutMs: 120_000 });
      latencies.push(Date.now() - started);
    }
    // The other person's answers went through, one screen after another.
    expect(chats.view.lastText(other.id)).toMatch(/^(✅ Đã lưu câu \d+|Câu \d+\/10)/);
    console.info(`answer times during the flood (ms): ${latencies.join(", ")}`);
    expect(Math.max(...latencies)).toBeLessThan(PROMPT_MS);

    // The flood is answered a little (within the per-sender limit), then dropped; one notice in its language.
    const slowDown = i18n.t("vi", "flood-slow-down");
    await chats.someMessage(flooder.id, new RegExp(`^${slowDown.slice(0, 30)}`), 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const toFlooder = chats.delivered.get(flooder.id) ?? [];
    expect(toFlooder.filter((text) => text === slowDown)).toHaveLength(1);
    expect(toFlooder.length).toBeLessThanOrEqual(31);
    expect(app.child.exitCode).toBeNull();
  });
});
