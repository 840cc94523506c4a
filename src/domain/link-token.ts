import { createHmac, timingSafeEqual } from "node:crypto";

/** What a personal web link opens: a reporter's form or the office's desk. */
export type LinkKind = "form" | "desk";

/** A key of the signing keyring, as this module needs it. */
export type LinkKey = { id: string; secret: string };

const VERSION = "w1";
const KIND_CODE: Record<LinkKind, string> = { form: "f", desk: "d" };
// 128 bits of HMAC-SHA-256: a link is a bearer credential, unlike a button's short MAC.
const MAC_LENGTH = 22;
const MAX_TOKEN_LENGTH = 80;

export type DecodedLinkToken =
  | { kind: "ok"; linkKind: LinkKind; linkId: number; keyId: string }
  /** Made with a key that is no longer held (rotated past its grace time): the link is old. */
  | { kind: "unknown-key" }
  /** Not a token this server made. */
  | { kind: "forged" };

function mac(body: string, secret: string): string {
  // A purpose of its own, so no button payload can be replayed as a link.
  return createHmac("sha256", `tong-hop/web-link/${secret}`).update(body).digest("base64url").slice(0, MAC_LENGTH);
}

/** "w1<key id>.<f|d><link id in base 36>.<MAC>": URL-safe, names the link row, signed. */
export function signLinkToken(linkKind: LinkKind, linkId: number, key: LinkKey): string {
  if (!Number.isSafeInteger(linkId) || linkId <= 0) throw new Error("link id must be a whole number > 0");
  const body = `${VERSION}${key.id}.${KIND_CODE[linkKind]}${linkId.toString(36)}`;
  return `${body}.${mac(body, key.secret)}`;
}

/** The link a token names, when one of `keys` signed it; `keys` are the keyring's keys still accepted. */
export function verifyLinkToken(token: string, keys: readonly LinkKey[]): DecodedLinkToken {
  if (token.length > MAX_TOKEN_LENGTH || !token.startsWith(VERSION)) return { kind: "forged" };
  const parts = token.split(".");
  if (parts.length !== 3) return { kind: "forged" };
  const [head, named, given] = parts as [string, string, string];
  const keyId = head.slice(VERSION.length);
  const linkKind = named[0] === "f" ? "form" : named[0] === "d" ? "desk" : null;
  const digits = named.slice(1);
  if (!linkKind || !/^[0-9a-z]{1,10}$/.test(digits)) return { kind: "forged" };
  const key = keys.find((k) => k.id === keyId);
  if (!key) return { kind: "unknown-key" };
  const expected = Buffer.from(mac(`${head}.${named}`, key.secret));
  const got = Buffer.from(given);
  if (got.length !== expected.length || !timingSafeEqual(got, expected)) return { kind: "forged" };
  return { kind: "ok", linkKind, linkId: parseInt(digits, 36), keyId };
}

/** How long a link keeps working after its round closes. */
export const LINK_AFTER_CLOSE_MS = 7 * 24 * 3600_000;

/** Whether a link of a round in this state still opens: while the round is not closed, and 7 days after. */
export function linkOpen(round: { status: string; closedAt: Date | null }, revokedAt: Date | null, now: Date): boolean {
  if (revokedAt !== null && revokedAt.getTime() <= now.getTime()) return false;
  if (round.status !== "CLOSED") return true;
  return round.closedAt !== null && now.getTime() <= round.closedAt.getTime() + LINK_AFTER_CLOSE_MS;
}
