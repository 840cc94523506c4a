import { createHash, timingSafeEqual } from "node:crypto";

/** Events further than this from the clock are refused as replays (a setting: Zalo retries keep the original timestamp). */
export const DEFAULT_MAX_SKEW_MS = 5 * 60_000;

/**
 * The signature Zalo puts in X-ZEvent-Signature: hex sha256 of app id + raw body + the event's `timestamp`
 * field + the OA secret key (a plain hash, not an HMAC; the OA secret key, not the app secret).
 */
export function zaloSignature(appId: string, rawBody: Uint8Array, timestamp: string, oaSecretKey: string): string {
  return createHash("sha256").update(appId, "utf8").update(rawBody).update(timestamp, "utf8").update(oaSecretKey, "utf8").digest("hex");
}

/** The event's `timestamp` as epoch milliseconds (Zalo sends 13-digit milliseconds; 10 digits are read as seconds). */
export function eventTime(timestamp: string): number | null {
  if (!/^\d{10,13}$/.test(timestamp)) return null;
  const value = Number(timestamp);
  return timestamp.length <= 10 ? value * 1000 : value;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: "unsigned" | "forged" | "replayed" };

export type SignatureInput = {
  appId: string;
  oaSecretKey: string;
  rawBody: Uint8Array;
  /** The `timestamp` field of the event, as it appears in the body. */
  timestamp: string;
  /** The X-ZEvent-Signature header: `mac=<hex>` or the bare hex. */
  header: string | undefined;
  now?: number;
  maxSkewMs?: number;
};

/** Checks a delivery's signature in constant time, then its timestamp against the clock. */
export function checkZaloSignature(input: SignatureInput): SignatureCheck {
  const header = input.header?.trim();
  if (!header) return { ok: false, reason: "unsigned" };
  const given = header.toLowerCase().startsWith("mac=") ? header.slice(4).trim() : header;
  const expected = Buffer.from(zaloSignature(input.appId, input.rawBody, input.timestamp, input.oaSecretKey), "utf8");
  const actual = Buffer.from(given.toLowerCase(), "utf8");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: "forged" };
  const at = eventTime(input.timestamp);
  const now = input.now ?? Date.now();
  if (at === null || Math.abs(now - at) > (input.maxSkewMs ?? DEFAULT_MAX_SKEW_MS)) return { ok: false, reason: "replayed" };
  return { ok: true };
}
