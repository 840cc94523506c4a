import type { Translate } from "../../i18n.ts";
import type { Reply } from "../../messaging/reply.ts";
import { ZALO_LIMITS } from "./zalo-message.ts";

/**
 * Replies as Zalo can carry them: a document over Zalo's 5 MB upload limit is not uploaded; in its place
 * comes its caption and a message in the person's language, with a button to download the file where the
 * reply gives a link (the office's web desk), else how to get it another way. The document's choices stay
 * (compiling again without drafts makes a smaller file).
 */
export function withinZaloFileLimit(replies: readonly Reply[], t: Translate, limitBytes: number = ZALO_LIMITS.fileBytes): Reply[] {
  return replies.map((reply): Reply => {
    if (reply.kind !== "document" || reply.bytes.byteLength <= limitBytes) return reply;
    const megabytes = Math.floor(limitBytes / (1024 * 1024));
    const notice = reply.downloadUrl
      ? t("zalo-file-too-large-link", { file: reply.fileName, megabytes })
      : t("zalo-file-too-large", { file: reply.fileName, megabytes });
    const text = [reply.caption?.trimEnd(), notice].filter(Boolean).join("\n\n");
    return {
      kind: "text",
      text,
      ...(reply.choices ? { choices: reply.choices } : {}),
      ...(reply.downloadUrl ? { links: [{ label: t("zalo-file-download-button"), url: reply.downloadUrl }] } : {}),
    };
  });
}
