import { createHash, randomBytes } from "node:crypto";

/** 18 random bytes: 144 bits, 24 base64url characters, within Telegram's 64-character start parameter. */
const CODE_BYTES = 18;

export function generateInviteCode(): string {
  return randomBytes(CODE_BYTES).toString("base64url");
}

/** Only the hash is stored, so a database leak does not leak usable codes. */
export function hashInviteCode(code: string): string {
  return createHash("sha256").update(code, "utf8").digest("hex");
}

/** Codes this bot makes; anything else is rejected before touching the database (still counted as a failure). */
export function isWellFormedInviteCode(code: string): boolean {
  return /^[A-Za-z0-9_-]{24}$/.test(code);
}

export function inviteLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=${code}`;
}

/** Where a person follows the Zalo Official Account before sending it a short invite code. */
export function zaloFollowLink(oaId: string): string {
  return `https://zalo.me/${encodeURIComponent(oaId)}`;
}
