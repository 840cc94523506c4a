// The Bot API fails: 500s, gateway timeouts, dropped connections, and updates delivered twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { killApp, startAppProcess } from "./support/app-process.ts";
import { FakeBotApi, type RecordedCall } from "./support/fake-bot-api.ts";
import { OwnRedis } from "./support/own-redis.ts";
import { seedReporterWorld, type ReporterWorld } from "./support/reporter-world.ts";
import type { Spawned } from "./support/spawn-app.ts";
import { TcpProxy } from "./support/tcp-proxy.ts";
import { TelegramChats } from "./support/telegram-chats.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

let db: TestDatabase;
let redis: OwnRedis;
let api: FakeBotApi;
let proxy: TcpProxy;
let chats: TelegramChats;
let world: ReporterWorld;
let app: Spawned | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
  redis = await OwnRedis.start();
  api = new FakeBotApi();
  await api.start();
  // The bot reaches the Bot API through a relay the test can cut.
  proxy = await TcpProxy.start({ host: "127.0.0.1", port: Number(new URL(api.apiRoot).port) });
  chats = new TelegramChats(api);
  world = await seedReporterWorld(db.prisma, { units: 1 });
});

afterAll(async () => {
  if (app) await killApp(app);
  await proxy?.stop();
  await api?.stop();
  await redis?.stop();
  await db?.drop();
});

const attempts = (text: string) => api.calls.filter((c) => c.method === "sendMessage" && String(c.payload.text).startsWith(text));
const gaps = (calls: RecordedCall[]) => calls.slice(1).map((call, i) => call.at - calls[i]!.at);

describe("the Bot API answering 500s and timeouts", () => {
  it("calls are retried with growing pauses, and no update is handled twice", { timeout: 240_000 }, async () => {
    const reporter = world.reporters[0]!;
    app = await startAppProcess(
      api,
      { BOT_TOKEN: "123:faults", BOT_API_ROOT: `http://127.0.0.1:${proxy.port}`, DATABASE_URL: db.url, REDIS_URL: redis.url, PORT: "0" },
      "bot",
    );
    await chats.step(reporter, { kind: "text", text: "/report" });

    // Two 500s, then success: the confirmation arrives once, after pauses of about 0.5 s and then 1 s.
    let failures = 2;
    api.respond = (call) =>
      call.method === "sendMessage" && String(call.payload.text).startsWith("✅ Đã lưu câu 1:") && failures-- > 0
        ? { ok: false, error_code: 500, description: "Internal Server Error" }
        : undefined;
    // A keep-alive connection the server closed meanwhile can fail one more attempt: then the pause doubles again.
    const contact = await chats.step(reporter, { kind: "text", text: "Nguyễn Văn An" }, { timeoutMs: 60_000 });
    expect(contact.reply).toMatch(/^✅ Đã lưu câu 1: Nguyễn Văn An\n/);
    const first = attempts("✅ Đã lưu câu 1:");
    expect(first).toHaveLength(3);
    const [pause1, pause2] = gaps(first) as [number, number];
    expect(pause1).toBeGreaterThanOrEqual(450);
    expect(pause2).toBeGreaterThanOrEqual(950);

    // The connection drops while the answer is on its way: sent again over a new one.
    let dropped = false;
    api.respond = async (call) => {
      if (call.method === "sendMessage" && String(call.payload.text).startsWith("✅ Đã lưu câu 2.") && !dropped) {
        dropped = true;
        await proxy.cut();
        setTimeout(() => void proxy.restore(), 500);
        return { ok: false, error_code: 502, description: "connection dropped" };
      }
      return undefined;
    };
    const summary = await chats.step(reporter, { kind: "text", text: "Đoạn thứ nhất.\nĐoạn thứ hai." }, { timeoutMs: 60_000 });
    expect(summary.reply).toMatch(/^✅ Đã lưu câu 2\./);
    expect(attempts("✅ Đã lưu câu 2.")).toHaveLength(2);

    // getUpdates times out at the gateway twice: the update waits, then arrives once.
    let timeouts = 2;
    api.respond = (call) => (call.method === "getUpdates" && timeouts-- > 0 ? { ok: false, error_code: 504, description: "Gateway Timeout" } : undefined);
    // The poll in flight ends first; the update is sent once the bot polls into the timeouts.
    while (timeouts > 1) await new Promise((r) => setTimeout(r, 20));
    const list = await chats.step(reporter, { kind: "text", text: "- Họp giao ban" }, { timeoutMs: 60_000 });
    expect(list.reply).toMatch(/^✅ Đã lưu câu 3 \(1 mục\)\./);
    expect(timeouts).toBeLessThan(0);

    // Telegram delivers both earlier updates again (their confirmation was lost): both are ignored.
    const again = [
      { update_id: contact.updateId, ...contact.update },
      { update_id: list.updateId, ...list.update },
    ];
    let redelivered = false;
    api.respond = (call) => {
      if (call.method !== "getUpdates" || redelivered) return undefined;
      redelivered = true;
      return { ok: true, result: again };
    };
    while (!redelivered) await new Promise((r) => setTimeout(r, 20));
    expect((await chats.step(reporter, { kind: "text", text: "12" }, { timeoutMs: 60_000 })).reply).toMatch(/^✅ Đã lưu câu 4: 12\n\nCâu 5\/10/);
    api.respond = undefined;
    expect(redelivered).toBe(true);

    expect(chats.count(reporter.id, /^✅ Đã lưu câu 1:/)).toBe(1);
    expect(chats.count(reporter.id, /^✅ Đã lưu câu 3 /)).toBe(1);
    const answers = await db.prisma.answer.findMany({ orderBy: { questionKey: "asc" }, include: { revisions: true } });
    expect(answers.map((a) => ({ key: a.questionKey, value: a.value, revisions: a.revisions.length }))).toEqual([
      { key: "activities", value: ["Họp giao ban"], revisions: 1 },
      { key: "complaints", value: 12, revisions: 1 },
      { key: "contact", value: "Nguyễn Văn An", revisions: 1 },
      { key: "summary", value: "Đoạn thứ nhất.\nĐoạn thứ hai.", revisions: 1 },
    ]);
    expect(app.child.exitCode).toBeNull();
  });
});
