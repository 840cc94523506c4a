import type { ChannelSender, SendResult } from "../../messaging/channel-sender.ts";
import type { OutReply } from "../../messaging/out-reply.ts";
import { renderZalo, type ZaloRenderOptions } from "./render-zalo.ts";
import type { ZaloApi } from "./zalo-api.ts";
import type { ZaloFailure } from "./zalo-errors.ts";
import { fileExtension, ZALO_FILE_TYPES, ZALO_LIMITS } from "./zalo-message.ts";

/** What a failed Zalo call means to the notifier and the queue. */
export function sendResultOf(failure: ZaloFailure, progress = ""): SendResult {
  const detail = `${failure.detail}${progress}`;
  switch (failure.kind) {
    case "window-closed":
      return { ok: false, reason: "window-closed", detail };
    case "unreachable":
      return { ok: false, reason: "unreachable", detail };
    case "rate-limited":
      return { ok: false, reason: "rate-limited", retryAfterMs: failure.retryAfterMs ?? 60_000 };
    case "too-large":
      return { ok: false, reason: "too-large", detail };
    case "transient":
    case "token-unavailable":
      return { ok: false, reason: "failed", detail, retryable: true };
    case "token-invalid":
    case "token-chain-broken":
    case "invalid-request":
    case "refused":
    case "unknown":
      return { ok: false, reason: "failed", detail, retryable: false };
  }
}

/**
 * The Zalo side of the notifier: renders the replies and sends them in order to one Zalo user id. It stops
 * at the first refusal and says why; a closed window or an unreachable person is a fact to report, so
 * nothing is retried here beyond the one refresh of an invalid access token. Documents Zalo cannot take
 * (over 5 MB, or not pdf/doc/docx) are refused before anything is sent, so the caller can send a link instead.
 */
export class ZaloSender implements ChannelSender {
  readonly channel = "zalo" as const;

  constructor(
    private readonly api: ZaloApi,
    private readonly renderOptions: ZaloRenderOptions = {},
  ) {}

  async send(address: string, replies: readonly OutReply[]): Promise<SendResult> {
    for (const reply of replies) {
      if (reply.kind !== "document") continue;
      if (reply.bytes.byteLength > ZALO_LIMITS.fileBytes) {
        return { ok: false, reason: "too-large", detail: `${reply.fileName} has ${reply.bytes.byteLength} bytes; Zalo takes at most ${ZALO_LIMITS.fileBytes}` };
      }
      if (!ZALO_FILE_TYPES[fileExtension(reply.fileName)]) {
        return { ok: false, reason: "failed", detail: `Zalo takes only pdf, doc and docx files, not ${reply.fileName}`, retryable: false };
      }
    }
    const steps = renderZalo(replies, this.renderOptions);
    for (const [i, step] of steps.entries()) {
      const progress = i > 0 ? ` (after ${i} of ${steps.length} messages were delivered)` : "";
      if (step.kind === "message") {
        const sent = await this.api.sendMessage(address, step.message);
        if (!sent.ok) return sendResultOf(sent.failure, progress);
        continue;
      }
      const uploaded = await this.api.uploadFile(step.fileName, step.bytes);
      if (!uploaded.ok) return sendResultOf(uploaded.failure, progress);
      const sent = await this.api.sendMessage(address, { attachment: { type: "file", payload: { token: uploaded.data.token } } });
      if (!sent.ok) return sendResultOf(sent.failure, progress);
    }
    return { ok: true };
  }
}
