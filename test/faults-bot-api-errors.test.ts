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
      call.method === "sendMessage" && String(call.payload.text).startsWith("✅ Đã lưu câu 1.") && failures-- > 0
        ? { ok: false, error_code: 500, description: "Internal Server Error" }
        : undefined;
    // A keep-alive connection the server closed meanwhile can fail one more attempt: then the pause doubles again.
    const contact = await chats.step(reporter, { kind: "text", text: "Nguyễn Văn An" }, { timeoutMs: 60_000 });
    expect(contact.reply).toMatch(/^✅ Đã lưu câu 1\./);
    const first = attempts("✅ Đã lưu câu 1.");
    expect(first).toHaveLength(3);
    const [pause1, pause2] = gaps(first) as [number, number];
    expect(pause1).toBeGreaterThanOrEqual(450);
    expect(pause2).toBeGreaterThanOrEqual(950);

    // The connection drops while the answer is on its way: sent again over a new one.
    let dropped = false;
    api.respond = async (call) => {
      if (call.method === "sendMessage" && String(call.payload.text).startsWith("Đã nhận 1 phần") && !dropped) {
        dropped = true;
        await proxy.cut();
        setTimeout(() => void proxy.restore(), 500);
        return { ok: false, error_code: 502, description: "connection dropped" };
      }
      return undefined;
    };
    const part1 = await chats.step(reporter, { kind: "text", text: "Đoạn thứ nhất." }, { timeoutMs: 60_000 });
    expect(part1.reply).toMatch(/^Đã nhận 1 phần/);
    expect(attempts("Đã nhận 1 phần")).toHaveLength(2);

    // getUpdates times out at the gateway twice: the update waits, then arrives once.
    let timeouts = 2;
    api.respond = (call) => (call.method === "getUpdates" && timeouts-- > 0 ? { ok: false, error_code: 504, description: "Gateway Timeout" } : undefined);
    // The poll in flight ends first; the update is sent once the bot polls into the timeouts.
    while (timeouts > 1) await new Promise((r) => setTimeout(r, 20));
    const part2 = await chats.step(reporter, { kind: "text", text: "Đoạn thứ hai." }, { timeoutMs: 60_000 });
    expect(part2.reply).toMatch(/^Đã nhận 2 phần/);
    expect(timeouts).toBeLessThan(0);

    // Telegram delivers both earlier updates again (their confirmation was lost): both are ignored.
    const again = [
      { update_id: contact.updateId, ...contact.update },
      { update_id: part2.updateId, ...part2.update },
    ];
    let redelivered = false;
    api.respond = (call) => {
      if (call.method !== "getUpdates" || redelivered) return undefined;
      redelivered = true;
      return { ok: true, result: again };
    };
    while (!redelivered) await new Promise((r) => setTimeout(r, 20));
    expect((await chats.step(reporter, { kind: "text", text: "Xong" }, { timeoutMs: 60_000 })).reply).toMatch(/^✅ Đã lưu câu 2\.\n\nCâu 3\/10/);
    api.respond = undefined;
    expect(redelivered).toBe(true);

    expect(chats.count(reporter.id, /^✅ Đã lưu câu 1\./)).toBe(1);
    expect(chats.count(reporter.id, /^Đã nhận \d phần/)).toBe(2);
    const answers = await db.prisma.answer.findMany({ orderBy: { questionKey: "asc" }, include: { revisions: true } });
    expect(answers.map((a) => ({ key: a.questionKey, value: a.value, revisions: a.revisions.length }))).toEqual([
      { key: "contact", value: "Nguyễn Văn An", revisions: 1 },
      { key: "summary", value: "Đoạn thứ nhất.\nĐoạn thứ hai.", revisions: 1 },
    ]);
    expect(app.child.exitCode).toBeNull();
  });
});
