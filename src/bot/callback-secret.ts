import { createHash } from "node:crypto";

/** Key for signing button data, derived from the bot token: every instance of one bot agrees on it. */
export function callbackSecret(token: string): string {
  return createHash("sha256").update(`tong-hop/buttons/${token}`).digest("base64url");
}
