import { GrammyError, HttpError, type Api } from "grammy";
import type { ChannelSender, SendResult } from "../../messaging/channel-sender.ts";
import type { OutReply } from "../../messaging/out-reply.ts";
import { sendReplies } from "./send-replies.ts";

/** 403 (blocked, deactivated) and "chat not found": the person cannot be reached until they write again. */
export function isUnreachableError(error: unknown): error is GrammyError {
  return error instanceof GrammyError && (error.error_code === 403 || (error.error_code === 400 && /chat not found/i.test(error.description)));
}

/** What a failed Bot API call means for a sender. */
export function sendResultOf(error: unknown): SendResult {
  if (isUnreachableError(error)) return { ok: false, reason: "unreachable", detail: `${error.error_code} ${error.description}` };
  if (error instanceof GrammyError && error.error_code === 429) return { ok: false, reason: "rate-limited", retryAfterMs: (error.parameters.retry_after ?? 1) * 1000 };
  if (error instanceof GrammyError && error.error_code === 413) return { ok: false, reason: "too-large", detail: error.description };
  if (error instanceof GrammyError && error.error_code === 400) return { ok: false, reason: "failed", detail: `400 ${error.description}`, retryable: false };
  if (error instanceof GrammyError) return { ok: false, reason: "failed", detail: `${error.error_code} ${error.description}`, retryable: error.error_code >= 500 };
  if (error instanceof HttpError) return { ok: false, reason: "failed", detail: "network error", retryable: true };
  return { ok: false, reason: "failed", detail: (error as Error).message, retryable: true };
}

/** Telegram as a channel the notifier and the queue send through. */
export function telegramSender(api: Api): ChannelSender {
  return {
    channel: "telegram",
    async send(address: string, replies: readonly OutReply[]): Promise<SendResult> {
      try {
        // Chat ids are numbers on Telegram; stored addresses are their decimal text.
        await sendReplies(api, /^-?\d+$/.test(address) ? Number(address) : address, replies);
        return { ok: true };
      } catch (error) {
        return sendResultOf(error);
      }
    },
  };
}
