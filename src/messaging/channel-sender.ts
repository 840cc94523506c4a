import type { OutReply } from "./out-reply.ts";

export type ChannelName = "telegram" | "zalo";

/** How one send ended. */
export type SendResult =
  | { ok: true }
  /** Never deliverable until the person writes again (blocked bot, unfollowed OA, deleted account). */
  | { ok: false; reason: "unreachable"; detail: string }
  /** Zalo: the free messaging window after the person's last message is closed. */
  | { ok: false; reason: "window-closed"; detail: string }
  /** The channel asked to slow down. */
  | { ok: false; reason: "rate-limited"; retryAfterMs: number }
  /** A document over the channel's size limit. */
  | { ok: false; reason: "too-large"; detail: string }
  | { ok: false; reason: "failed"; detail: string; retryable: boolean };

/** A channel's outbound side, as the notifier and the queue use it. */
export interface ChannelSender {
  readonly channel: ChannelName;
  /** Sends the replies in order to one person's address on this channel (Telegram chat id, Zalo user id). */
  send(address: string, replies: readonly OutReply[]): Promise<SendResult>;
}
