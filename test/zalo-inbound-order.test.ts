import { randomUUID } from "node:crypto";
import { UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { LocalZaloOa } from "../src/demo/local-zalo-oa.ts";
import { INBOUND_QUEUE_NAME } from "../src/queue/inbound-events.ts";
import { createTestRedis, deleteKeys } from "./support/reminder-fixtures.ts";
import { startZaloInstance, until, type HandledEvent, type ZaloInstance } from "./support/zalo-instance.ts";

describe("Zalo inbound events: one person's events are handled in the order they arrived", () => {
  let redis: Redis;
  let zalo: LocalZaloOa;
  const prefix = `test-zalo-order-${randomUUID()}`;
  const instances: ZaloInstance[] = [];

  beforeAll(async () => {
    redis = createTestRedis();
    zalo = new LocalZaloOa();
    await zalo.start();
  });
  afterEach(async () => {
    for (const instance of instances.splice(0)) await instance.close();
    await deleteKeys(redis, prefix);
  });
  afterAll(async () => {
    await zalo?.stop();
    redis?.disconnect();
  });

  it("with two instances of ten workers each, handlers that take varying time, and a handler that fails once", async () => {
    const people = ["8460000000000000101", "8460000000000000102", "8460000000000000103"];
    const perPerson = 15;
    const handled = new Map<string, string[]>(people.map((p) => [p, []]));
    const inFlight = new Map<string, number>();
    let overlaps = 0;
    let failedOnce = false;
    const handler = async (event: HandledEvent) => {
      const data = event.data;
      if (data.kind !== "text") return;
      const busy = inFlight.get(event.sender) ?? 0;
      if (busy > 0) overlaps++;
      inFlight.set(event.sender, busy + 1);
      try {
        // Later messages are quicker to handle than earlier ones: unordered workers would overtake.
        const n = Number(data.text.split(" ")[1]);
        await new Promise((r) => setTimeout(r, Math.max(0, 40 - 2 * n) + Math.random() * 10));
        if (event.sender === people[1] && data.text === "tin 4" && !failedOnce) {
          failedOnce = true;
          throw new Error("the database was away for a moment");
        }
        handled.get(event.sender)!.push(data.text);
      } finally {
        inFlight.set(event.sender, (inFlight.get(event.sender) ?? 1) - 1);
      }
    };
    const options = { appId: zalo.appId, oaSecretKey: zalo.oaSecretKey, prefix, handler: handler as (e: unknown) => Promise<void>, queue: { backoffMs: 100 } };
    const [a, b] = [await startZaloInstance(options), await startZaloInstance(options)];
    instances.push(a, b);
    for (const person of people) zalo.addFollower(person);

    // Each person writes messages one after another; Zalo's deliveries alternate between the two instances.
    const urls = [a.url, b.url];
    await Promise.all(
      people.map(async (person, p) => {
        // One stand-in per person plays that person's phone (the stand-in needs no server to send events).
        const own = new LocalZaloOa({ appId: zalo.appId, oaSecretKey: zalo.oaSecretKey });
        for (let i = 1; i <= perPerson; i++) {
          own.webhookUrl = urls[(i + p) % 2];
          const delivery = await own.sendText(person, `tin ${i}`);
          expect(delivery.status).toBe(200);
        }
      }),
    );

    await until(() => [...handled.values()].every((texts) => texts.length === perPerson), 30_000, "every message handled");
    const expected = Array.from({ length: perPerson }, (_, i) => `tin ${i + 1}`);
    for (const person of people) expect(handled.get(person)).toEqual(expected);
    expect(overlaps).toBe(0);
    expect(failedOnce).toBe(true);
  });

  it("an event that fails on every try is given up, and the person's next events go on", async () => {
    const person = "8460000000000000104";
    const handled: string[] = [];
    const tries = new Map<string, number>();
    const handler = async (event: HandledEvent) => {
      if (event.data.kind !== "text") return;
      const text = event.data.text;
      tries.set(text, (tries.get(text) ?? 0) + 1);
      if (text === "tin 2") throw new Error("always fails");
      handled.push(text);
    };
    const one = await startZaloInstance({ appId: zalo.appId, oaSecretKey: zalo.oaSecretKey, prefix, handler: handler as (e: unknown) => Promise<void>, queue: { attempts: 3, backoffMs: 50 } });
    instances.push(one);
    zalo.webhookUrl = one.url;
    for (const text of ["tin 1", "tin 2", "tin 3"]) expect((await zalo.sendText(person, text)).status).toBe(200);
    await until(() => handled.length === 2, 15_000, "the other two handled");
    expect(handled).toEqual(["tin 1", "tin 3"]);
    expect(tries.get("tin 2")).toBe(3);
    expect(one.logged.filter((line) => line.level === "error").map((line) => line.msg)).toEqual(["an inbound event failed on every try and was given up"]);
  });

  it("a number whose job never reached the queue holds the person's events only until the gap timeout", async () => {
    const person = "8460000000000000105";
    const handled: string[] = [];
    const handler = async (event: HandledEvent) => {
      if (event.data.kind === "text") handled.push(event.data.text);
    };
    const one = await startZaloInstance({ appId: zalo.appId, oaSecretKey: zalo.oaSecretKey, prefix, handler: handler as (e: unknown) => Promise<void>, queue: { gapTimeoutMs: 800 } });
    instances.push(one);
    zalo.webhookUrl = one.url;
    // As if a process died between numbering an event and adding its job: number 1 has no job.
    await redis.incr(`${prefix}:inbound-order:seq:zalo:${person}`);
    const started = Date.now();
    expect((await zalo.sendText(person, "tin 2")).status).toBe(200);
    await until(() => handled.length === 1, 15_000, "the next event handled");
    expect(handled).toEqual(["tin 2"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    expect(one.logged.some((line) => line.level === "warn" && /never reached the queue/.test(line.msg))).toBe(true);
  });

  it("a predecessor that BullMQ itself failed holds the person's events only until the gap timeout", async () => {
    const person = "8460000000000000106";
    const first = await startZaloInstance({ appId: zalo.appId, oaSecretKey: zalo.oaSecretKey, prefix, queue: { gapTimeoutMs: 800 } });
    instances.push(first);
    zalo.webhookUrl = first.url;
    expect((await zalo.sendText(person, "tin 1")).status).toBe(200);
    // As if BullMQ gave the job up on its own (stalled too often): it ends failed, outside the handler's care.
    const breaker = new Worker(INBOUND_QUEUE_NAME, async () => {
      throw new UnrecoverableError("stalled more than allowable limit");
    }, { connection: redis, prefix });
    await until(async () => (await first.inbound.queue.getJobCounts("failed")).failed === 1, 15_000, "the job failed");
    await breaker.close();

    const handled: string[] = [];
    const handler = async (event: HandledEvent) => {
      if (event.data.kind === "text") handled.push(event.data.text);
    };
    const second = await startZaloInstance({ appId: zalo.appId, oaSecretKey: zalo.oaSecretKey, prefix, handler: handler as (e: unknown) => Promise<void>, queue: { gapTimeoutMs: 800 } });
    instances.push(second);
    zalo.webhookUrl = second.url;
    expect((await zalo.sendText(person, "tin 2")).status).toBe(200);
    await until(() => handled.length === 1, 15_000, "the next event handled");
    expect(handled).toEqual(["tin 2"]);
  });
});
