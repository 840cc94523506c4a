import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { zaloSignature } from "../src/channels/zalo/webhook-signature.ts";
import { LocalZaloOa } from "../src/demo/local-zalo-oa.ts";
import { createTestRedis, deleteKeys } from "./support/reminder-fixtures.ts";
import { startZaloInstance, until, type HandledEvent, type ZaloInstance } from "./support/zalo-instance.ts";

describe("Zalo webhook: only genuine events get in, each handled once", () => {
  let redis: Redis;
  let zalo: LocalZaloOa;
  let prefix: string;
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

  async function instance(handler?: (event: HandledEvent) => Promise<void>) {
    const started = await startZaloInstance({
      appId: zalo.appId,
      oaSecretKey: zalo.oaSecretKey,
      prefix,
      handler: handler as ((event: unknown) => Promise<void>) | undefined,
    });
    instances.push(started);
    return started;
  }

  const jobCount = async (one: ZaloInstance) => Object.values(await one.inbound.queue.getJobCounts()).reduce((a, b) => a + b, 0);

  /** Posts a body to the webhook and answers with the status. */
  const post = async (url: string, body: string, headers: Record<string, string>) => {
    const response = await fetch(url, { method: "POST", headers, body });
    await response.arrayBuffer();
    return response.status;
  };

  const textEvent = (overrides: Record<string, unknown> = {}) => ({
    app_id: zalo.appId,
    user_id_by_app: "5520000000000000001",
    event_name: "user_send_text",
    timestamp: String(Date.now()),
    sender: { id: "8460000000000000001" },
    recipient: { id: zalo.oaId },
    message: { msg_id: randomUUID().replaceAll("-", ""), text: "báo cáo" },
    ...overrides,
  });

  it("forged, unsigned, malformed, replayed and oversized deliveries get a 4xx and change nothing", async () => {
    prefix = `test-zalo-webhook-${randomUUID()}`;
    const handled: HandledEvent[] = [];
    const one = await instance(async (event) => void handled.push(event));
    const genuine = zalo.signedEvent(textEvent());
    const refusals: [string, string, Record<string, string>][] = [];

    // Unsigned: no header at all, or an empty one.
    refusals.push(["unsigned", genuine.body, { "content-type": "application/json" }]);
    refusals.push(["empty signature", genuine.body, { "content-type": "application/json", "x-zevent-signature": "mac=" }]);
    // Forged: signed with the wrong key, with the app secret instead of the OA secret key, or the body changed after signing.
    const wrongKey = zaloSignature(zalo.appId, Buffer.from(genuine.body), JSON.parse(genuine.body).timestamp, "guessed-key");
    refusals.push(["wrong key", genuine.body, { ...genuine.headers, "x-zevent-signature": `mac=${wrongKey}` }]);
    const appSecret = zaloSignature(zalo.appId, Buffer.from(genuine.body), JSON.parse(genuine.body).timestamp, zalo.appSecret);
    refusals.push(["app secret", genuine.body, { ...genuine.headers, "x-zevent-signature": `mac=${appSecret}` }]);
    refusals.push(["body changed", genuine.body.replace("báo cáo", "xóa hết"), genuine.headers]);
    const otherApp = zaloSignature("1", Buffer.from(genuine.body), JSON.parse(genuine.body).timestamp, zalo.oaSecretKey);
    refusals.push(["another app's id", genuine.body, { ...genuine.headers, "x-zevent-signature": `mac=${otherApp}` }]);
    // Malformed, though correctly signed: not JSON, no timestamp, a text event without its sender.
    const sign = (body: string, timestamp: string) => ({ "content-type": "application/json", "x-zevent-signature": `mac=${zaloSignature(zalo.appId, Buffer.from(body), timestamp, zalo.oaSecretKey)}` });
    refusals.push(["not JSON", "{not json", sign("{not json", String(Date.now()))]);
    const noSender = JSON.stringify({ ...textEvent(), sender: undefined });
    refusals.push(["no sender", noSender, sign(noSender, JSON.parse(noSender).timestamp)]);
    // Replayed: a genuine event signed long ago (or far in the future).
    for (const [label, at] of [["an hour old", Date.now() - 3600_000], ["six minutes ahead", Date.now() + 6 * 60_000]] as const) {
      const old = zalo.signedEvent(textEvent({ timestamp: String(at) }));
      refusals.push([`replayed, ${label}`, old.body, old.headers]);
    }
    // Oversized: more than the cap, however signed.
    const big = zalo.signedEvent(textEvent({ message: { msg_id: "big", text: "x".repeat(70_000) } }));
    refusals.push(["oversized", big.body, big.headers]);

    for (const [label, body, headers] of refusals) {
      const status = await post(one.url, body, headers);
      expect(status, label).toBeGreaterThanOrEqual(400);
      expect(status, label).toBeLessThan(500);
    }
    expect(one.accepted).toEqual([]);
    expect(await jobCount(one)).toBe(0);
    // The log says why, never what the body held.
    const warnings = one.logged.filter((line) => line.level === "warn");
    expect(warnings.map((line) => line.obj.reason)).toEqual(
      expect.arrayContaining(["unsigned", "forged", "replayed", "not JSON", "malformed event", "too large"]),
    );
    expect(JSON.stringify(one.logged)).not.toMatch(/báo cáo|xóa hết/);

    // The genuine one, with or without the mac= prefix, gets in.
    expect(await post(one.url, genuine.body, genuine.headers)).toBe(200);
    const bare = zalo.signedEvent(textEvent());
    expect(await post(one.url, bare.body, { ...bare.headers, "x-zevent-signature": bare.headers["x-zevent-signature"]!.slice(4) })).toBe(200);
    await until(() => handled.length === 2, 15_000, "two genuine events handled");
    expect(handled.map((event) => event.data.kind)).toEqual(["text", "text"]);
  });

  it("a redelivered event (same msg_id) is handled once, even when the two deliveries reach two instances", async () => {
    prefix = `test-zalo-webhook-${randomUUID()}`;
    const handled: HandledEvent[] = [];
    const record = async (event: HandledEvent) => {
      // Slow enough that the redelivery arrives while the first is still being handled.
      await new Promise((r) => setTimeout(r, 50));
      handled.push(event);
    };
    const [a, b] = [await instance(record), await instance(record)];
    zalo.addFollower("8460000000000000002");

    zalo.webhookUrl = a.url;
    const first = await zalo.sendText("8460000000000000002", "K7QM-3XD9-PA");
    expect(first.status).toBe(200);
    // Zalo delivers it again (it did not see the answer in time): once to the same instance, then to the other.
    zalo.webhookUrl = b.url;
    expect((await zalo.redeliver(first)).status).toBe(200);
    zalo.webhookUrl = a.url;
    expect((await zalo.redeliver(first)).status).toBe(200);
    await until(() => handled.length >= 1, 15_000, "the event handled");
    // Give a duplicate every chance to show up.
    await new Promise((r) => setTimeout(r, 1500));
    expect(handled).toHaveLength(1);
    expect(handled[0]!.data).toMatchObject({ kind: "text", userId: "8460000000000000002", msgId: first.msgId, text: "K7QM-3XD9-PA" });
    expect(a.accepted.length + b.accepted.length).toBe(3);
    expect(await a.inbound.queue.getJobCounts("completed")).toEqual({ completed: 1 });
  });

  it("stores stickers, images, follows and both forms of a tapped button; receipts are answered and dropped", async () => {
    prefix = `test-zalo-webhook-${randomUUID()}`;
    const handled: HandledEvent[] = [];
    const one = await instance(async (event) => void handled.push(event));
    zalo.webhookUrl = one.url;
    const user = "8460000000000000003";
    expect((await zalo.follow(user)).status).toBe(200);
    expect((await zalo.sendSticker(user)).status).toBe(200);
    expect((await zalo.sendImage(user)).status).toBe(200);
    expect((await zalo.tapButton(user, "r:12:ans:3:Ab12Cd34")).status).toBe(200);
    expect((await zalo.tapButton(user, "r:12:ans:4:Ef56Gh78", { as: "user_click_button" })).status).toBe(200);
    const seen = zalo.signedEvent({ app_id: zalo.appId, event_name: "user_seen_message", timestamp: String(Date.now()), sender: { id: zalo.oaId }, recipient: { id: user }, message: { msg_ids: ["a", "b"] } });
    expect(await post(one.url, seen.body, seen.headers)).toBe(200);
    const unknown = zalo.signedEvent({ app_id: zalo.appId, event_name: "user_reacted_message", timestamp: String(Date.now()), sender: { id: user } });
    expect(await post(one.url, unknown.body, unknown.headers)).toBe(200);

    await until(() => handled.length === 5, 15_000, "five events handled");
    expect(handled.map((event) => event.data)).toEqual([
      { kind: "follow", userId: user, at: expect.any(Number) },
      { kind: "non-text", userId: user, msgId: expect.any(String), type: "sticker", at: expect.any(Number) },
      { kind: "non-text", userId: user, msgId: expect.any(String), type: "image", at: expect.any(Number) },
      { kind: "text", userId: user, msgId: expect.any(String), text: "r:12:ans:3:Ab12Cd34", at: expect.any(Number) },
      { kind: "button", userId: user, msgId: expect.any(String), payload: "r:12:ans:4:Ef56Gh78", at: expect.any(Number) },
    ]);
  });
});
