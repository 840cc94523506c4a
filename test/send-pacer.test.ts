import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { SendPacer } from "../src/queue/send-pacer.ts";
import { createTestRedis, deleteKeys } from "./support/reminder-fixtures.ts";

describe("a channel's send budget", () => {
  const redis = createTestRedis();
  const prefix = `test-pacer-${randomUUID()}`;
  afterAll(async () => {
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  it("spaces bulk sends at the rate and one per chat, and lets a reply go ahead of the queued bulk sends", async () => {
    const pacer = new SendPacer({ redis, keyPrefix: `${prefix}:a`, perSecond: 20, perChatMs: 1000 });
    const done: string[] = [];
    const started = Date.now();
    // Twelve bulk sends to twelve chats reserve their slots 50 ms apart (about 600 ms in all).
    const bulk = Array.from({ length: 12 }, (_, i) => pacer.take(`chat-${i}`).then(() => done.push(`bulk-${i}`)));
    await new Promise((resolve) => setTimeout(resolve, 30));
    await pacer.take("someone-waiting", "reply");
    done.push("reply");
    await Promise.all(bulk);
    const elapsed = Date.now() - started;
    // The reply went before most of the bulk sends that were already waiting.
    expect(done.indexOf("reply")).toBeLessThan(6);
    // The bulk sends were spread out, not burst: 12 sends plus the reply's slot at 20/s.
    expect(elapsed).toBeGreaterThanOrEqual(550);
  });

  it("keeps bulk sends to one chat apart; a reply to that chat does not wait for it", async () => {
    const pacer = new SendPacer({ redis, keyPrefix: `${prefix}:b`, perSecond: 100, perChatMs: 1500 });
    const started = Date.now();
    await pacer.take("chat-1");
    await pacer.take("chat-1");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1480);
    // A third bulk send would wait another 1.5 s; the reply does not.
    const reply = Date.now();
    await pacer.take("chat-1", "reply");
    expect(Date.now() - reply).toBeLessThan(1200);
  });

  it("a lone bulk send is not starved by a steady stream of replies to others", async () => {
    const pacer = new SendPacer({ redis, keyPrefix: `${prefix}:c`, perSecond: 30, perChatMs: 1000 });
    let replying = true;
    // Replies to someone else twice a second, as a busy bot answers while the last notice waits.
    const replies = (async () => {
      while (replying) {
        await pacer.take("someone-waiting", "reply");
        await new Promise((resolve) => setTimeout(resolve, 400));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 900));
    const started = Date.now();
    const gone = await Promise.race([pacer.take("last-reporter").then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000))]);
    replying = false;
    await replies;
    expect(gone).toBe(true);
    // It gives up a slot for each recent reply, then goes: well within a second or two, not never.
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 20_000);
});
