import { describe, expect, it } from "vitest";
import { LINK_AFTER_CLOSE_MS, linkOpen, signLinkToken, verifyLinkToken } from "../src/domain/link-token.ts";
import { redactText } from "../src/logging/redact-text.ts";

const current = { id: "k1", secret: "a-secret-of-the-current-key-0123456789" };
const previous = { id: "k0", secret: "a-secret-of-the-previous-key-012345678" };

describe("personal web link tokens", () => {
  it("name the link and its kind, signed with a key of the keyring (a retired key still accepted while held)", () => {
    const token = signLinkToken("form", 12345, current);
    expect(token).toMatch(/^w1k1\.f[0-9a-z]+\.[A-Za-z0-9_-]{22}$/);
    expect(verifyLinkToken(token, [current])).toEqual({ kind: "ok", linkKind: "form", linkId: 12345, keyId: "k1" });
    const old = signLinkToken("desk", 7, previous);
    expect(verifyLinkToken(old, [current, previous])).toMatchObject({ kind: "ok", linkKind: "desk", linkId: 7 });
    expect(verifyLinkToken(old, [current])).toEqual({ kind: "unknown-key" });
  });

  it("refuse any change: another link id, kind, key id or MAC, and anything not shaped like a token", () => {
    const token = signLinkToken("form", 42, current);
    const [head, named, mac] = token.split(".") as [string, string, string];
    for (const forged of [`${head}.f43.${mac}`, `${head}.d${named.slice(1)}.${mac}`, `${head}.${named}.${mac.slice(0, -1)}A`, `${head}.${named}`, "", "w1k1..", "x".repeat(200), `${token}.x`]) {
      expect(verifyLinkToken(forged, [current]).kind, forged).not.toBe("ok");
    }
    // A button payload's key cannot sign a link: the MAC has a purpose of its own.
    expect(verifyLinkToken(signLinkToken("form", 42, { id: "k1", secret: "other" }), [current]).kind).toBe("forged");
  });

  it("open while the round is not closed and for 7 days after it closes, never once revoked", () => {
    const now = new Date("2026-12-01T02:00:00Z");
    expect(linkOpen({ status: "OPEN", closedAt: null }, null, now)).toBe(true);
    expect(linkOpen({ status: "CLOSED", closedAt: new Date(now.getTime() - LINK_AFTER_CLOSE_MS + 1000) }, null, now)).toBe(true);
    expect(linkOpen({ status: "CLOSED", closedAt: new Date(now.getTime() - LINK_AFTER_CLOSE_MS - 1000) }, null, now)).toBe(false);
    expect(linkOpen({ status: "OPEN", closedAt: null }, new Date(now.getTime() - 1), now)).toBe(false);
  });

  it("never reach a log", () => {
    const token = signLinkToken("form", 9, current);
    expect(redactText(`GET https://bao-cao.example.gov.vn/form/${token}/s/3/answer failed`)).toBe("GET https://bao-cao.example.gov.vn/form/<redacted>/s/3/answer failed");
    expect(redactText(`/desk/${token}`)).toBe("/desk/<redacted>");
  });
});
