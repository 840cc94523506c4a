import { boundedDownload } from "../../inbound/bounded-download.ts";
import type { FloodControl } from "../../inbound/flood-control.ts";
import { translatorFor, type Translate } from "../../i18n.ts";
import type { Logger } from "../../logger.ts";
import { looksLikeActionPayload } from "../../messaging/action-codec.ts";
import type { ActionKeyring } from "../../messaging/action-codec.ts";
import type { ChannelSender, SendResult } from "../../messaging/channel-sender.ts";
import { encodeReplies } from "../../messaging/encode-replies.ts";
import type { Reply } from "../../messaging/reply.ts";
import { looksLikeShortCode } from "../../invites/short-code.ts";
import type { InboundEvent } from "../../queue/inbound-events.ts";
import { accountLeft } from "../../use-cases/channel-accounts.ts";
import { makeContext, type UseCaseDeps } from "../../use-cases/context.ts";
import { dispatch, type Inbound } from "../../use-cases/dispatch.ts";
import { identify, senderLocale } from "../../use-cases/identify.ts";
import type { ZaloEvent } from "./zalo-event.ts";
import { withinZaloFileLimit } from "./zalo-large-files.ts";

export type ZaloInboundOptions = {
  deps: UseCaseDeps;
  /** Zalo's sender; replies take their slot of the channel's budget ahead of bulk sends. */
  sender: ChannelSender;
  flood?: FloodControl;
  logger: Logger;
};

/** What a Zalo event asks of the use cases; null when it asks nothing. */
export function inboundOfZalo(event: ZaloEvent): Inbound | null {
  switch (event.kind) {
    case "text":
      // A tapped oa.query.hide button arrives as the person's text: its signed payload.
      return looksLikeActionPayload(event.text) ? { kind: "action", payload: event.text } : { kind: "text", text: event.text, at: new Date(event.at) };
    case "button":
      return { kind: "action", payload: event.payload };
    case "non-text":
      return { kind: "non-text" };
    case "file":
      // Fetched from Zalo's address only if the use case reads the file (an administrator's template).
      return { kind: "file", fileName: event.fileName, size: event.size, download: (maxBytes) => boundedDownload(event.url, maxBytes) };
    case "follow":
      // A new follower is told what the bot is and how to join.
      return { kind: "command", name: "start", args: "" };
    default:
      return null;
  }
}

const senderKey = (userId: string) => `zalo:${userId}`;

/** Sends an answer's replies to a Zalo user: a document Zalo cannot take becomes a message saying how to get it. */
export function sendZaloReplies(sender: ChannelSender, userId: string, replies: readonly Reply[], t: Translate, keyring: ActionKeyring): Promise<SendResult> {
  return sender.send(userId, encodeReplies(withinZaloFileLimit(replies, t), keyring));
}

/**
 * Handles one queued Zalo event: the same use cases as every channel, then the answer sent back to the
 * person. Zalo has no toasts and cannot edit a message: a toast alone becomes a message, a redrawn screen
 * comes as a new one.
 */
export function zaloEventHandler(options: ZaloInboundOptions): (queued: InboundEvent) => Promise<void> {
  const { deps, sender, flood, logger } = options;
  return async (queued) => {
    const event = queued.data as ZaloEvent;
    if (event.kind === "unfollow") {
      await accountLeft(deps, "zalo", event.userId, "unfollowed the Official Account");
      return;
    }
    const inbound = inboundOfZalo(event);
    if (!inbound || event.kind === "ignored") return;
    const userId = event.userId;
    if (flood && !(await flood.senders.allow(senderKey(userId)))) {
      if (await flood.notices.mayNotify(senderKey(userId))) {
        const locale = await senderLocale(deps, { channel: "zalo", externalId: userId });
        await sender.send(userId, [{ kind: "text", text: translatorFor(locale)("flood-slow-down") }]);
      }
      logger.info({ channel: "zalo" }, "event dropped; the sender is over the rate limit");
      return;
    }
    const caller = await identify(deps, { channel: "zalo", externalId: userId, address: userId });
    const joining = inbound.kind === "text" && looksLikeShortCode(inbound.text);
    if (!caller.person && !joining && flood && !(await flood.strangers.mayAnswer(senderKey(userId)))) return;
    const ctx = makeContext(deps, caller);
    const answer = await dispatch(ctx, inbound);
    const replies: Reply[] = answer.replies.length === 0 && answer.toast ? [{ kind: "text", text: answer.toast }] : answer.replies;
    if (replies.length === 0) return;
    const result = await sendZaloReplies(sender, userId, replies, ctx.t, deps.keyring);
    if (!result.ok) logger.warn({ channel: "zalo", reason: result.reason }, "a reply could not be sent");
  };
}
