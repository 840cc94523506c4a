// PostgreSQL becomes unreachable for a moment while a reporter is answering (a TCP relay in between is cut).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { i18n } from "../src/i18n.ts";
import { killApp, startAppProcess } from "./support/app-process.ts";
import { FakeBotApi } from "./support/fake-bot-api.ts";
import { OwnRedis } from "./support/own-redis.ts";
import { seedReporterWorld, type ReporterWorld } from "./support/reporter-world.ts";
import type { Spawned } from "./support/spawn-app.ts";
import { TcpProxy } from "./support/tcp-proxy.ts";
import { TelegramChats } from "./support/telegram-chats.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

let db: TestDatabase;
let redis: OwnRedis;
let proxy: TcpProxy;
let api: FakeBotApi;
let chats: TelegramChats;
let world: ReporterWorld;
let app: Spawned | undefined;

const TRY_AGAIN = i18n.t("vi", "error-try-again");

beforeAll(async () => {
  db = await createTestDatabase();
  redis = await OwnRedis.start();
  const target = new URL(db.url);
  proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
  api = new FakeBotApi();
  await api.start();
  chats = new TelegramChats(api);
  world = await seedReporterWorld(db.prisma, { units: 1 });
});

afterAll(async () => {
  if (app) await killApp(app);
  await api?.stop();
  await proxy?.stop();
  await redis?.stop();
  await db?.drop();
});

describe("PostgreSQL unreachable for a moment", () => {
  it("the reporter is told to try again (not left in silence), the process lives on, and answering works once it is back", { timeout: 120_000 }, async () => {
    const viaProxy = new URL(db.url);
    viaProxy.port = String(proxy.port);
    app = await startAppProcess(api, { BOT_TOKEN: "123:faults", BOT_API_ROOT: api.apiRoot, DATABASE_URL: viaProxy.toString(), REDIS_URL: redis.url, PORT: "0" });
    const reporter = world.reporters[0]!;
    await chats.step(reporter, { kind: "text", text: "/report" });
    expect((await chats.step(reporter, { kind: "text", text: "Nguyễn Văn An" })).reply).toMatch(/^✅ Đã lưu câu 1: Nguyễn Văn An\n/);

    await proxy.cut();
    // A typed answer, a button and a command: each is answered with the apology.
    expect((await chats.step(reporter, { kind: "text", text: "Phần bị lỡ khi mất kết nối." })).reply).toBe(TRY_AGAIN);
    expect((await chats.step(reporter, { kind: "button", label: "⬅️ Câu trước" }, { match: TRY_AGAIN })).reply).toBe(TRY_AGAIN);
    expect((await chats.step(reporter, { kind: "text", text: "/report" })).reply).toBe(TRY_AGAIN);
    expect(app.child.exitCode).toBeNull();

    await proxy.restore();
    expect((await chats.step(reporter, { kind: "text", text: "Đoạn gửi lại sau sự cố." })).reply).toMatch(/^✅ Đã lưu câu 2\.\n\nCâu 3\/10/);
    expect(app.child.exitCode).toBeNull();

    // Stalled: connections are accepted and never answered. Waiting for the database is bounded, then the apology.
    await proxy.stall();
    expect((await chats.step(reporter, { kind: "text", text: "Một phần khác khi mạng treo." }, { timeoutMs: 40_000 })).reply).toBe(TRY_AGAIN);
    expect(app.child.exitCode).toBeNull();
    await proxy.restore();
    expect((await chats.step(reporter, { kind: "text", text: "/report" })).reply).toContain("Câu 3/10");

    // Nothing of the failed attempts was stored.
    const answers = await db.prisma.answer.findMany({ orderBy: { questionKey: "asc" }, select: { questionKey: true, value: true, revision: true } });
    expect(answers).toEqual([
      { questionKey: "contact", value: "Nguyễn Văn An", revision: 1 },
      { questionKey: "summary", value: "Đoạn gửi lại sau sự cố.", revision: 1 },
    ]);
  });
});
