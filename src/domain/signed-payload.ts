import { createHmac, timingSafeEqual } from "node:crypto";

/** Telegram's limit for callback data, in bytes. */
export const MAX_PAYLOAD_BYTES = 64;

const MAC_LENGTH = 8;

function mac(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("base64url").slice(0, MAC_LENGTH);
}

/**
 * Joins short fields with ":" and appends a truncated HMAC, so button data the bot did not make
 * (edited by a modified client) is recognised and refused.
 */
export function signPayload(fields: readonly string[], secret: string): string {
  for (const field of fields) {
    if (field.includes(":")) throw new Error(`payload field must not contain ":" (${field})`);
  }
  const body = fields.join(":");
  const data = `${body}:${mac(body, secret)}`;
  if (Buffer.byteLength(data) > MAX_PAYLOAD_BYTES) throw new Error(`payload is longer than ${MAX_PAYLOAD_BYTES} bytes: ${data}`);
  return data;
}

/** The fields of a payload made by signPayload with the same secret, or null for anything else. */
export function verifyPayload(data: string, secret: string): string[] | null {
  const at = data.lastIndexOf(":");
  if (at <= 0) return null;
  const body = data.slice(0, at);
  const given = Buffer.from(data.slice(at + 1));
  const expected = Buffer.from(mac(body, secret));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return body.split(":");
}
