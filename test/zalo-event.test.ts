import { describe, expect, it } from "vitest";
import { checkZaloSignature, zaloSignature } from "../src/channels/zalo/webhook-signature.ts";
import { eventKey, parseZaloEvent, zaloInboundEvent } from "../src/channels/zalo/zalo-event.ts";

const AT = 1_732_000_000_000;
const base = { app_id: "1", user_id_by_app: "2", timestamp: String(AT), recipient: { id: "oa" } };

describe("Zalo webhook events", () => {
  it("reads texts, tapped buttons (either form), non-text messages, follows and opened chats", () => {
    expect(parseZaloEvent({ ...base, event_name: "user_send_text", sender: { id: "u1" }, message: { msg_id: "m1", text: "báo cáo" } })).toEqual({
      kind: "text",
      userId: "u1",
      msgId: "m1",
      text: "báo cáo",
      at: AT,
    });
    expect(parseZaloEvent({ ...base, event_name: "user_click_button", sender: { id: "u1" }, message: { msg_id: "m2", text: "r:1:x:Ab" } })).toMatchObject({
      kind: "button",
      payload: "r:1:x:Ab",
    });
    for (const type of ["image", "gif", "sticker", "file", "audio", "video", "location", "link"]) {
      expect(parseZaloEvent({ ...base, event_name: `user_send_${type}`, sender: { id: "u1" }, message: { msg_id: `m-${type}`, attachments: [] } })).toEqual({
        kind: "non-text",
        userId: "u1",
        msgId: `m-${type}`,
        type,
        at: AT,
      });
    }
    expect(parseZaloEvent({ app_id: "1", oa_id: "oa", event_name: "follow", timestamp: String(AT), follower: { id: 846000 } })).toEqual({ kind: "follow", userId: "846000", at: AT });
    expect(parseZaloEvent({ app_id: "1", oa_id: "oa", event_name: "unfollow", timestamp: AT, follower: { id: "u1" } })).toEqual({ kind: "unfollow", userId: "u1", at: AT });
    expect(parseZaloEvent({ app_id: "1", oa_id: "oa", event_name: "user_click_chatnow", timestamp: String(AT), user_id: "u1" })).toEqual({ kind: "chat-opened", userId: "u1", at: AT });
  });

  it("reads a file attachment's address, name and size (a string or a number); a file event without an address is a non-text message", () => {
    const payload = { url: "https://f20.zdn.vn/files/abc/mau.yaml", name: "mau.yaml", size: "2048", type: "yaml", checksum: "x" };
    const file = parseZaloEvent({ ...base, event_name: "user_send_file", sender: { id: "u1" }, message: { msg_id: "m9", attachments: [{ type: "file", payload }] } });
    expect(file).toEqual({ kind: "file", userId: "u1", msgId: "m9", fileName: "mau.yaml", size: 2048, url: payload.url, at: AT });
    expect(eventKey(file!)).toBe("msg-m9");
    const numeric = parseZaloEvent({ ...base, event_name: "user_send_file", sender: { id: "u1" }, message: { msg_id: "m10", attachments: [{ type: "file", payload: { url: payload.url, size: 7 } }] } });
    expect(numeric).toMatchObject({ kind: "file", fileName: "", size: 7 });
    const noUrl = parseZaloEvent({ ...base, event_name: "user_send_file", sender: { id: "u1" }, message: { msg_id: "m11", attachments: [{ type: "file", payload: { name: "a.yaml" } }] } });
    expect(noUrl).toEqual({ kind: "non-text", userId: "u1", msgId: "m11", type: "file", at: AT });
  });

  it("ignores receipts, the OA's own messages, anonymous visitors and events it does not know", () => {
    for (const name of ["user_received_message", "user_seen_message", "oa_send_text", "anonymous_send_text", "user_reacted_message", "user_send_business_card_v9"]) {
      expect(parseZaloEvent({ ...base, event_name: name, sender: { id: "u1" } })).toEqual({ kind: "ignored", eventName: name, at: AT });
    }
  });

  it("calls a known event without its fields malformed, and a 10-digit timestamp seconds", () => {
    expect(parseZaloEvent({ ...base, event_name: "user_send_text", sender: { id: "u1" }, message: { text: "no id" } })).toBeNull();
    expect(parseZaloEvent({ ...base, event_name: "user_send_text", message: { msg_id: "m", text: "no sender" } })).toBeNull();
    expect(parseZaloEvent({ ...base, event_name: "follow" })).toBeNull();
    expect(parseZaloEvent({ event_name: "user_send_text" })).toBeNull();
    expect(parseZaloEvent(null)).toBeNull();
    expect(parseZaloEvent({ ...base, timestamp: "1732000000", event_name: "user_seen_message" })).toMatchObject({ at: AT });
  });

  it("keys an event the same on every delivery: by msg_id, or by person and time when it has none", () => {
    const text = parseZaloEvent({ ...base, event_name: "user_send_text", sender: { id: "u1" }, message: { msg_id: "m1", text: "a" } })!;
    expect(eventKey(text)).toBe("msg-m1");
    const follow = parseZaloEvent({ event_name: "follow", timestamp: String(AT), follower: { id: "u1" } })!;
    expect(eventKey(follow)).toBe(`follow-u1-${AT}`);
    expect(zaloInboundEvent(follow)).toEqual({ channel: "zalo", sender: "u1", key: `follow-u1-${AT}`, data: follow });
    expect(zaloInboundEvent(parseZaloEvent({ ...base, event_name: "user_seen_message" })!)).toBeNull();
  });
});

describe("Zalo webhook signature", () => {
  const body = Buffer.from(JSON.stringify({ ...base, event_name: "user_send_text" }));
  const hex = zaloSignature("1", body, String(AT), "oa-key");
  const check = (header: string | undefined, now = AT, timestamp = String(AT)) =>
    checkZaloSignature({ appId: "1", oaSecretKey: "oa-key", rawBody: body, timestamp, header, now });

  it("is sha256 of app id + raw body + timestamp + OA secret key, with or without mac=, in any case", () => {
    expect(hex).toMatch(/^[0-9a-f]{64}$/);
    expect(check(`mac=${hex}`)).toEqual({ ok: true });
    expect(check(hex)).toEqual({ ok: true });
    expect(check(`MAC=${hex.toUpperCase()}`)).toEqual({ ok: true });
  });

  it("refuses missing, forged and truncated signatures, and events more than five minutes off", () => {
    expect(check(undefined)).toEqual({ ok: false, reason: "unsigned" });
    expect(check("  ")).toEqual({ ok: false, reason: "unsigned" });
    expect(check(`mac=${hex.slice(0, 63)}`)).toEqual({ ok: false, reason: "forged" });
    expect(check(`mac=${"0".repeat(64)}`)).toEqual({ ok: false, reason: "forged" });
    expect(check(`mac=${hex}`, AT, String(AT + 1))).toEqual({ ok: false, reason: "forged" });
    expect(check(`mac=${hex}`, AT + 5 * 60_000)).toEqual({ ok: true });
    expect(check(`mac=${hex}`, AT + 5 * 60_000 + 1)).toEqual({ ok: false, reason: "replayed" });
    expect(check(`mac=${hex}`, AT - 5 * 60_000 - 1)).toEqual({ ok: false, reason: "replayed" });
  });
});
