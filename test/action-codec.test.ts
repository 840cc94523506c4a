import { describe, expect, it } from "vitest";
import { MAX_PAYLOAD_BYTES, signPayload } from "../src/domain/signed-payload.ts";
import { ACTIONS, type Action, type ActionOp } from "../src/messaging/action.ts";
import { decodeAction, encodeAction, looksLikeActionPayload, signingKey, type ActionKeyring } from "../src/messaging/action-codec.ts";

const keyring: ActionKeyring = { current: signingKey("current-secret-0123456789abcdefghij") };

/** Every operation of the table with large numbers in every field. */
function everyAction(value: number): Action[] {
  return (Object.keys(ACTIONS) as ActionOp[]).map((op) => {
    const action: Record<string, unknown> = { op };
    for (const field of ACTIONS[op].fields) action[field] = value;
    return action as Action;
  });
}

describe("action payloads", () => {
  it("round-trips every action of the table within Telegram's 64 bytes, even with large ids", () => {
    const codes = new Set(Object.values(ACTIONS).map((spec) => spec.code));
    expect(codes.size).toBe(Object.keys(ACTIONS).length);
    for (const action of [...everyAction(0), ...everyAction(2_000_000_000)]) {
      const data = encodeAction(action, keyring);
      expect(Buffer.byteLength(data), action.op).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
      expect(looksLikeActionPayload(data)).toBe(true);
      expect(decodeAction(data, keyring)).toEqual({ kind: "ok", action });
    }
  });

  it("calls tampered or unsigned data forged, and data of an old layout or unknown operation stale", () => {
    const data = encodeAction({ op: "skip", sid: 10, q: 2 }, keyring);
    expect(decodeAction(data.replace(":s:", ":b:"), keyring)).toEqual({ kind: "forged" });
    expect(decodeAction(data.slice(0, -1) + (data.endsWith("A") ? "B" : "A"), keyring)).toEqual({ kind: "forged" });
    expect(decodeAction("hello", keyring)).toEqual({ kind: "forged" });
    expect(decodeAction(signPayload(["r1", "o", "a"], "the old token-derived key"), keyring)).toEqual({ kind: "stale" });
    expect(decodeAction(signPayload([`a1${keyring.current.id}`, "?", "a"], keyring.current.secret), keyring)).toEqual({ kind: "stale" });
    expect(decodeAction(signPayload([`a1${keyring.current.id}`, "s", "a"], keyring.current.secret), keyring)).toEqual({ kind: "stale" });
    expect(() => encodeAction({ op: "skip", sid: -1, q: 0 }, keyring)).toThrow(/whole number/);
  });

  it("accepts a rotated key's buttons during the grace period, then calls them stale, not forged", () => {
    const old = signingKey("previous-secret-0123456789abcdefghij");
    const data = encodeAction({ op: "open", sid: 7 }, { current: old });
    const rotated: ActionKeyring = { current: keyring.current, previous: { ...old, until: new Date("2026-12-31T00:00:00Z") } };
    expect(decodeAction(data, rotated, new Date("2026-12-01T00:00:00Z"))).toEqual({ kind: "ok", action: { op: "open", sid: 7 } });
    expect(decodeAction(data, rotated, new Date("2027-01-02T00:00:00Z"))).toEqual({ kind: "stale" });
    expect(decodeAction(data, keyring)).toEqual({ kind: "stale" });
  });
});
