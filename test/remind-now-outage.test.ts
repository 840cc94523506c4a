import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisUnavailableError } from "../src/queue/bounded-redis.ts";
import { remindNow } from "../src/queue/remind-now.ts";
import { createReminderQueue, type ReminderQueue } from "../src/queue/reminder-queue.ts";
import { createRound, createTestRedis, deleteKeys, REDIS_URL, seedReminderWorld, type ReminderWorld } from "./support/reminder-fixtures.ts";
import { TcpProxy } from "./support/tcp-proxy.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const PREFIX = `test-remind-outage-${process.pid}`;

async function until(probe: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("/remind while Redis does not answer", () => {
  let db: TestDatabase;
  let world: ReminderWorld;
  let proxy: TcpProxy;
  let viaProxy: Redis;
  let queue: ReminderQueue;
  const direct = createTestRedis();

  beforeAll(async () => {
    db = await createTestDatabase();
    world = await seedReminderWorld(db.prisma, { units: 2 });
    const target = new URL(REDIS_URL);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 6379) });
    viaProxy = new Redis(proxy.port, "127.0.0.1", { maxRetriesPerRequest: null });
    // Resets are the point of the exercise.
    viaProxy.on("error", () => {});
    queue = createReminderQueue({ connection: viaProxy, prefix: PREFIX });
    queue.on("error", () => {});
  });
  afterAll(async () => {
    await queue?.close();
    viaProxy?.disconnect();
    await proxy?.stop();
    await deleteKeys(direct, PREFIX);
    direct.disconnect();
    await db?.drop();
  });

  it("the office is told to try again, and nothing it was told about goes out once Redis is back", { timeout: 40_000 }, async () => {
    const roundId = await createRound(db.prisma, world, { deadline: new Date("2024-10-10T10:00:00Z") });
    await queue.waitUntilReady();
    // Redis stops answering: the connection comes back up at the TCP level and waits for Redis' reply.
    await proxy.stall();
    await until(() => viaProxy.status === "connect" || viaProxy.status === "connecting");
    const pressed = remindNow(db.prisma, queue, roundId, world.secretaries[0]!.id, new Date("2024-10-03T07:15:00Z"));
    await expect(pressed).rejects.toBeInstanceOf(RedisUnavailableError);

    // Redis answers again: the commands that waited meanwhile run, and must queue nothing.
    await proxy.restore();
    await until(() => viaProxy.status === "ready");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await direct.keys(`${PREFIX}:reminders:r${roundId}_*`)).toEqual([]);
    expect(await queue.getJobCounts("waiting", "delayed", "prioritized")).toEqual({ waiting: 0, delayed: 0, prioritized: 0 });
  });
});
