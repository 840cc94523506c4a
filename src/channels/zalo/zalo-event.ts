import { z } from "zod";
import type { InboundEvent } from "../../queue/inbound-events.ts";

/** Kinds of message a person can send that are not text. */
export const NON_TEXT_TYPES = ["image", "gif", "sticker", "file", "audio", "video", "location", "link", "business_card"] as const;
export type NonTextType = (typeof NON_TEXT_TYPES)[number];

/** A webhook event as the bot cares about it. `at` is the event's time in epoch milliseconds. */
export type ZaloEvent =
  /** A typed message; a tapped oa.query.hide button may also arrive this way, its payload as the text. */
  | { kind: "text"; userId: string; msgId: string; text: string; at: number }
  /** A tapped button, where Zalo sends it as its own event (sources disagree; both forms are accepted). */
  | { kind: "button"; userId: string; msgId: string; payload: string; at: number }
  | { kind: "non-text"; userId: string; msgId: string; type: NonTextType; at: number }
  /** A file attachment (user_send_file): its name, its size when given, and where Zalo keeps it. */
  | { kind: "file"; userId: string; msgId: string; fileName: string; size: number | null; url: string; at: number }
  | { kind: "follow"; userId: string; at: number }
  | { kind: "unfollow"; userId: string; at: number }
  /** The person opened the chat with the OA. */
  | { kind: "chat-opened"; userId: string; at: number }
  /** Delivery and read receipts, anonymous visitors and events the bot does not know. */
  | { kind: "ignored"; eventName: string; at: number };

/** The person an event concerns, when it concerns one. */
export function eventUserId(event: ZaloEvent): string | undefined {
  return event.kind === "ignored" ? undefined : event.userId;
}

/**
 * A key that is the same for every delivery of one event: Zalo's msg_id for messages; for events without
 * one, the event, the person and the event's timestamp (a redelivery repeats the body as it was).
 */
export function eventKey(event: ZaloEvent): string {
  switch (event.kind) {
    case "text":
    case "button":
    case "non-text":
    case "file":
      return `msg-${event.msgId}`;
    case "ignored":
      return `${event.eventName}-${event.at}`;
    default:
      return `${event.kind}-${event.userId}-${event.at}`;
  }
}

const id = z.union([z.string().min(1).max(64), z.number().int().nonnegative()]).transform(String);
const timestamp = z.union([z.string().regex(/^\d{10,13}$/), z.number().int().nonnegative()]).transform((value) => {
  const text = String(value);
  return text.length <= 10 ? Number(text) * 1000 : Number(text);
});

const envelope = z.object({ event_name: z.string().min(1).max(100), timestamp });
const fromSender = z.object({ sender: z.object({ id }), message: z.object({ msg_id: id }) });
const textMessage = z.object({ sender: z.object({ id }), message: z.object({ msg_id: id, text: z.string().max(20_000) }) });
const follower = z.object({ follower: z.object({ id }) });
/** Zalo gives a file's size as a string of digits or a number. */
const fileSize = z.union([z.string().regex(/^\d{1,15}$/).transform(Number), z.number().int().nonnegative()]);
const fileMessage = z.object({
  sender: z.object({ id }),
  message: z.object({
    msg_id: id,
    attachments: z
      .array(z.object({ type: z.literal("file"), payload: z.object({ url: z.string().url().max(2000), name: z.string().max(500).optional(), size: fileSize.optional() }) }))
      .min(1),
  }),
});
const visitor = z.union([z.object({ user_id: id }), z.object({ sender: z.object({ id }) }), follower]);

const IGNORED = new Set(["user_received_message", "user_seen_message", "anonymous_send_text", "oa_send_text"]);

/** Event names under which a tapped button has been reported, besides user_send_text. */
const BUTTON_EVENTS = new Set(["user_click_button", "user_send_button"]);

/** Reads a verified webhook body; null when it is malformed (a known event without its fields). */
export function parseZaloEvent(body: unknown): ZaloEvent | null {
  const head = envelope.safeParse(body);
  if (!head.success) return null;
  const { event_name: name, timestamp: at } = head.data;
  if (IGNORED.has(name) || name.startsWith("oa_")) return { kind: "ignored", eventName: name, at };

  if (name === "user_send_text" || BUTTON_EVENTS.has(name)) {
    const parsed = textMessage.safeParse(body);
    if (!parsed.success) return null;
    const { sender, message } = parsed.data;
    return name === "user_send_text"
      ? { kind: "text", userId: sender.id, msgId: message.msg_id, text: message.text, at }
      : { kind: "button", userId: sender.id, msgId: message.msg_id, payload: message.text, at };
  }
  if (name === "user_send_file") {
    const parsed = fileMessage.safeParse(body);
    if (parsed.success) {
      const { sender, message } = parsed.data;
      const file = message.attachments[0]!.payload;
      return { kind: "file", userId: sender.id, msgId: message.msg_id, fileName: file.name ?? "", size: file.size ?? null, url: file.url, at };
    }
    // A file event without a usable attachment: not read, like any other message that is not text.
  }
  if (name.startsWith("user_send_")) {
    const type = name.slice("user_send_".length);
    if (!(NON_TEXT_TYPES as readonly string[]).includes(type)) return { kind: "ignored", eventName: name, at };
    const parsed = fromSender.safeParse(body);
    if (!parsed.success) return null;
    return { kind: "non-text", userId: parsed.data.sender.id, msgId: parsed.data.message.msg_id, type: type as NonTextType, at };
  }
  if (name === "follow" || name === "unfollow") {
    const parsed = follower.safeParse(body);
    if (!parsed.success) return null;
    return { kind: name, userId: parsed.data.follower.id, at };
  }
  if (name === "user_click_chatnow") {
    const parsed = visitor.safeParse(body);
    if (!parsed.success) return null;
    const data = parsed.data;
    const userId = "user_id" in data ? data.user_id : "sender" in data ? data.sender.id : data.follower.id;
    return { kind: "chat-opened", userId, at };
  }
  return { kind: "ignored", eventName: name, at };
}

/** The event as the inbound queue keeps it; null for events about no one (they are not queued). */
export function zaloInboundEvent(event: ZaloEvent): InboundEvent<ZaloEvent> | null {
  const sender = eventUserId(event);
  return sender === undefined ? null : { channel: "zalo", sender, key: eventKey(event), data: event };
}
