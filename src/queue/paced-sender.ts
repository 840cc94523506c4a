import type { ChannelSender } from "../messaging/channel-sender.ts";
import type { OutReply } from "../messaging/out-reply.ts";
import type { SendPacer, SendPriority } from "./send-pacer.ts";

/** Messages a reply becomes: one, plus one per further piece of a long text. */
function messagesOf(reply: OutReply, textLimit: number): number {
  if (reply.kind === "document") return reply.caption && reply.caption.length > 1024 ? 2 : 1;
  return Math.max(1, Math.ceil(reply.text.length / textLimit));
}

/** A channel's sender that waits for its share of the channel's send budget before each message. */
export function pacedSender(sender: ChannelSender, pacer: SendPacer, textLimit: number, priority: SendPriority = "bulk"): ChannelSender {
  return {
    channel: sender.channel,
    async send(address, replies) {
      const count = replies.reduce((n, reply) => n + messagesOf(reply, textLimit), 0);
      for (let i = 0; i < count; i++) await pacer.take(address, priority);
      return sender.send(address, replies);
    },
  };
}
