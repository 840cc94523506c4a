import type { Translate } from "../../i18n.ts";
import type { Reply } from "../../messaging/reply.ts";
import { fileExtension, ZALO_FILE_TYPES, ZALO_LIMITS } from "./zalo-message.ts";

/**
 * Replies as Zalo can carry them: a document over Zalo's 5 MB upload limit, or of a type Zalo does not take (a
 * CSV export), is not uploaded; in its place
 * comes its caption and a message in the person's language, with a button to download the file where the
 * reply gives a link (the office's web desk), else how to get it another way. The document's choices stay
 * (compiling again without drafts makes a smaller file).
 */
export function withinZaloFileLimit(replies: readonly Reply[], t: Translate, limitBytes: number = ZALO_LIMITS.fileBytes): Reply[] {
  return replies.map((reply): Reply => {
    if (reply.kind !== "document") return reply;
    const typeTaken = fileExtension(reply.fileName) in ZALO_FILE_TYPES;
    if (typeTaken && reply.bytes.byteLength <= limitBytes) return reply;
    const megabytes = Math.floor(limitBytes / (1024 * 1024));
    const vars = { file: reply.fileName, megabytes };
    const key = typeTaken ? "zalo-file-too-large" : "zalo-file-type-refused";
    const notice = t(reply.downloadUrl ? `${key}-link` : key, vars);
    const text = [reply.caption?.trimEnd(), notice].filter(Boolean).join("\n\n");
    return {
      kind: "text",
      text,
      ...(reply.choices ? { choices: reply.choices } : {}),
      ...(reply.downloadUrl ? { links: [{ label: t("zalo-file-download-button"), url: reply.downloadUrl }] } : {}),
    };
  });
}
