// The bot process dies (SIGKILL) in the middle of a reporter's answer set and is started again.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { killApp, startAppProcess } from "./support/app-process.ts";
import { FakeBotApi } from "./support/fake-bot-api.ts";
import { OwnRedis } from "./support/own-redis.ts";
import { FULL_ANSWER_SET, FULL_ANSWER_VALUES, type ReporterStep } from "./support/reporter-script.ts";
import { seedReporterWorld, type ReporterWorld } from "./support/reporter-world.ts";
import type { Spawned } from "./support/spawn-app.ts";
import { TelegramChats } from "./support/telegram-chats.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

let db: TestDatabase;
let redis: OwnRedis;
let api: FakeBotApi;
let chats: TelegramChats;
let world: ReporterWorld;
let app: Spawned | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
  redis = await OwnRedis.start();
  api = new FakeBotApi();
  await api.start();
  chats = new TelegramChats(api);
  world = await seedReporterWorld(db.prisma, { units: 1 });
});

afterAll(async () => {
  if (app) await killApp(app);
  await api?.stop();
  await redis?.stop();
  await db?.drop();
});

const start = () => startAppProcess(api, { BOT_TOKEN: "123:faults", BOT_API_ROOT: api.apiRoot, DATABASE_URL: db.url, REDIS_URL: redis.url, PORT: "0" });
const step = (index: number): ReporterStep => FULL_ANSWER_SET[index]!;

/** The stored answers and how many revisions each has. */
async function stored() {
  const answers = await db.prisma.answer.findMany({ include: { revisions: true }, orderBy: { questionKey: "asc" } });
  return answers.map((a) => ({ key: a.questionKey, value: a.value, revision: a.revision, revisions: a.revisions.length }));
}

describe("the bot killed with SIGKILL in the middle of an answer set", () => {
  it("the reporter continues at the same question after each restart; no answer is lost or stored twice", { timeout: 180_000 }, async () => {
    const reporter = world.reporters[0]!;
    app = await start();
    for (let i = 0; i <= 1; i++) await chats.step(reporter, step(i));

    // (a) Killed after a long answer was stored, while its acknowledgement is on the way.
    let killing: Promise<void> | undefined;
    api.respond = async (call) => {
      if (call.method === "sendMessage" && String(call.payload.text).startsWith("✅ Đã lưu câu 2.") && !killing) {
        killing = killApp(app!);
        await killing;
        return { ok: false, error_code: 502, description: "Bad Gateway" };
      }
      return undefined;
    };
    api.pushUpdate(chats.update(reporter, step(2)));
    await api.waitForCall((call) => call.method === "sendMessage" && String(call.payload.text).startsWith("✅ Đã lưu câu 2."), 20_000);
    await killing;
    api.respond = undefined;
    expect(app.child.signalCode).toBe("SIGKILL");

    app = await start();
    let reply = (await chats.step(reporter, { kind: "text", text: "/report" })).reply;
    expect(reply).toContain("Tiếp tục từ câu Anh/Chị đang trả lời dở.");
    expect(reply).toContain("Câu 3/10");
    await chats.step(reporter, step(3));

    // (b) Killed inside the answer's transaction, before it commits: the test holds the chat's session row,
    // so the bot waits for the lock with the answer in hand.
    const blocker = new pg.Client({ connectionString: db.url });
    await blocker.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query(`SELECT 1 FROM "ChatSession" WHERE "key" = $1 FOR UPDATE`, [`telegram:${reporter.id}`]);
      api.pushUpdate(chats.update(reporter, step(4)));
      for (;;) {
        const waiting = await blocker.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
        if (waiting.rows[0].n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await killApp(app);
      await blocker.query("ROLLBACK");
    } finally {
      await blocker.end();
    }
    expect((await stored()).map((a) => a.key)).not.toContain("complaints");

    app = await start();
    reply = (await chats.step(reporter, { kind: "text", text: "/report" })).reply;
    expect(reply).toContain("Câu 4/10");
    expect((await chats.step(reporter, step(4))).reply).toMatch(/^✅ Đã lưu câu 4: 1\.234\n\nCâu 5\/10/);

    // (c) Killed right after a pressed button's answer was stored, before the next question is shown.
    killing = undefined;
    api.respond = async (call) => {
      if (call.method === "sendMessage" && String(call.payload.text).startsWith("✅ Đã lưu câu 5: Có") && !killing) {
        killing = killApp(app!);
        await killing;
        return { ok: false, error_code: 502, description: "Bad Gateway" };
      }
      return undefined;
    };
    api.pushUpdate(chats.update(reporter, step(5)));
    await api.waitForCall((call) => call.method === "sendMessage" && String(call.payload.text).startsWith("✅ Đã lưu câu 5: Có"), 20_000);
    await killing;
    api.respond = undefined;

    app = await start();
    reply = (await chats.step(reporter, { kind: "text", text: "/report" })).reply;
    expect(reply).toContain("Câu 6/10");
    for (let i = 6; i < FULL_ANSWER_SET.length; i++) await chats.step(reporter, step(i));
    expect(chats.view.lastText(reporter.id)).toMatch(/^✅ Đã nộp báo cáo của Phòng 1/);

    const answers = await stored();
    expect(Object.fromEntries(answers.map((a) => [a.key, a.value]))).toEqual(FULL_ANSWER_VALUES);
    // Each answer stored once: first revision, one history row.
    expect(answers.filter((a) => a.revision !== 1 || a.revisions !== 1)).toEqual([]);
    const submission = await db.prisma.submission.findFirstOrThrow({ where: { roundId: world.roundId } });
    expect(submission.status).toBe("SUBMITTED");
    // No confirmation was shown twice.
    for (let n = 1; n <= 10; n++) expect(chats.count(reporter.id, new RegExp(`^✅ Đã lưu câu ${n}[.: (]`))).toBeLessThanOrEqual(1);
  });
});
