import type { Api } from "grammy";
import type { Document } from "grammy/types";
import { boundedDownload } from "../../inbound/bounded-download.ts";
import type { InboundFile } from "../../messaging/inbound-file.ts";

/** Telegram's own server; a self-hosted Bot API server or a local fake serves files under its root too. */
export const TELEGRAM_API_ROOT = "https://api.telegram.org";

/**
 * A document sent to the bot, fetched only when asked: getFile gives its path (and size, checked again), then
 * the bytes come from `<root>/file/bot<token>/<path>`, stopping past the limit. The address holds the token, so
 * it is never put in a failure's detail.
 */
export function telegramFile(api: Api, apiRoot: string, document: Document): InboundFile {
  return {
    fileName: document.file_name ?? "",
    size: document.file_size ?? null,
    async download(maxBytes) {
      let file;
      try {
        file = await api.getFile(document.file_id);
      } catch (error) {
        return { ok: false, reason: "failed", detail: `getFile failed (${(error as Error).name})` };
      }
      if (file.file_size !== undefined && file.file_size > maxBytes) return { ok: false, reason: "too-large", detail: `${file.file_size} bytes` };
      if (!file.file_path) return { ok: false, reason: "failed", detail: "getFile gave no file_path" };
      return boundedDownload(`${apiRoot}/file/bot${api.token}/${file.file_path}`, maxBytes);
    },
  };
}
