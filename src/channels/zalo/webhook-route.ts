import { Hono } from "hono";
import { checkZaloSignature, DEFAULT_MAX_SKEW_MS } from "./webhook-signature.ts";
import { parseZaloEvent, type ZaloEvent } from "./zalo-event.ts";

export const ZALO_WEBHOOK_PATH = "/zalo/webhook";

/** Zalo's events are small JSON objects; anything near this is not one of them. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

type LogFn = (obj: Record<string, unknown>, msg: string) => void;
export type WebhookLogger = { info: LogFn; warn: LogFn; error: LogFn };

export type ZaloWebhookOptions = {
  appId: string;
  /** The OA secret key (not the app secret): Zalo signs events with it. */
  oaSecretKey: string;
  /** Stores the event for handling (the inbound queue); the delivery is acknowledged when it resolves. */
  accept: (event: ZaloEvent) => Promise<void>;
  maxBodyBytes?: number;
  /** Events further than this from the clock are refused as replays. */
  maxSkewMs?: number;
  logger?: WebhookLogger;
  now?: () => number;
};

/** Reads at most `limit` bytes of a body; null when it is longer. */
async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * POST /zalo/webhook as a Hono app, to mount on the server's (`app.route("/", zaloWebhookRoute(…))`).
 * A delivery is read raw (capped), its signature checked against the raw bytes, then parsed; a genuine event
 * is handed to `accept` and answered 200 as soon as it is stored. An unsigned, forged, replayed or malformed
 * delivery gets a 4xx and reaches nothing. Receipts and unknown events are answered 200 and dropped. Bodies
 * and texts are never logged.
 */
export function zaloWebhookRoute(options: ZaloWebhookOptions): Hono {
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const now = options.now ?? Date.now;
  const refuse = (reason: string) => options.logger?.warn({ channel: "zalo", reason }, "Zalo webhook delivery refused");
  const app = new Hono();

  app.post(ZALO_WEBHOOK_PATH, async (c) => {
    const declared = Number(c.req.header("content-length") ?? 0);
    if (declared > limit) {
      refuse("too large");
      return c.body(null, 413);
    }
    const signature = c.req.header("x-zevent-signature");
    if (!signature?.trim()) {
      refuse("unsigned");
      return c.body(null, 401);
    }
    const raw = await readCapped(c.req.raw.body, limit);
    if (raw === null) {
      refuse("too large");
      return c.body(null, 413);
    }
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(raw).toString("utf8"));
    } catch {
      refuse("not JSON");
      return c.body(null, 400);
    }
    const timestamp = (json as { timestamp?: unknown } | null)?.timestamp;
    if (typeof timestamp !== "string" && typeof timestamp !== "number") {
      refuse("no timestamp");
      return c.body(null, 400);
    }
    const check = checkZaloSignature({
      appId: options.appId,
      oaSecretKey: options.oaSecretKey,
      rawBody: raw,
      timestamp: String(timestamp),
      header: signature,
      now: now(),
      maxSkewMs: options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS,
    });
    if (!check.ok) {
      refuse(check.reason);
      return c.body(null, 401);
    }
    const event = parseZaloEvent(json);
    if (!event) {
      refuse("malformed event");
      return c.body(null, 400);
    }
    if (event.kind === "ignored") return c.body(null, 200);
    try {
      await options.accept(event);
    } catch (error) {
      // 5xx: Zalo delivers it again later.
      options.logger?.error({ channel: "zalo", err: error, event: event.kind }, "Zalo event could not be stored");
      return c.body(null, 503);
    }
    return c.body(null, 200);
  });

  app.on(["GET", "PUT", "DELETE", "PATCH"], ZALO_WEBHOOK_PATH, (c) => c.body(null, 405, { allow: "POST" }));
  return app;
}
