/** What fetching a sent file gave: its bytes, or why not. */
export type FileDownload = { ok: true; bytes: Uint8Array } | { ok: false; reason: "too-large" | "failed"; detail: string };

/**
 * A document a person sent, as a channel parsed it: its name, its size when the messenger tells it (null
 * otherwise), and a way to fetch its bytes that stops past `maxBytes`. Nothing is fetched until a use case asks.
 */
export type InboundFile = { fileName: string; size: number | null; download(maxBytes: number): Promise<FileDownload> };
