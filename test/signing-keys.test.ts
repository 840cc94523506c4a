// The key that signs buttons lives in the database, apart from BOT_TOKEN: rotating a leaked bot token keeps
// every button working, and a rotated CALLBACK_SECRET keeps the old buttons for a grace period, then calls
// them stale, never forged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEY_GRACE_MS, loadKeyring } from "../src/db/signing-keys.ts";
import { decodeAction, encodeAction, keyIdOf } from "../src/messaging/action-codec.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const STATUS = { op: "status.page", round: 7, page: 2 } as const;

describe("the key that signs buttons", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("without CALLBACK_SECRET, is made once and kept: instances starting together share it, and a new BOT_TOKEN keeps it", async () => {
    const [first, second] = await Promise.all([loadKeyring(db.prisma, undefined, "111:old-token"), loadKeyring(db.prisma, undefined, "111:old-token")]);
    expect(second.current).toEqual(first.current);
    expect(first.current.secret).not.toContain("old-token");
    expect(await db.prisma.signingKey.count()).toBe(1);

    const button = encodeAction(STATUS, first);
    const afterRotation = await loadKeyring(db.prisma, undefined, "111:new-token");
    expect(afterRotation.current).toEqual(first.current);
    expect(decodeAction(button, afterRotation)).toEqual({ kind: "ok", action: STATUS });
  });

  it("a new CALLBACK_SECRET signs from then on; the old key's buttons work for the grace period, then are stale", async () => {
    const before = await loadKeyring(db.prisma, undefined);
    const oldButton = encodeAction(STATUS, before);
    const now = new Date();
    const rotated = await loadKeyring(db.prisma, "a-configured-secret-of-at-least-32-chars", undefined, now);
    expect(rotated.current.secret).toBe("a-configured-secret-of-at-least-32-chars");
    expect(rotated.previous).toMatchObject({ id: before.current.id, until: new Date(now.getTime() + KEY_GRACE_MS) });
    expect(decodeAction(encodeAction(STATUS, rotated), rotated)).toEqual({ kind: "ok", action: STATUS });
    expect(decodeAction(oldButton, rotated, new Date(now.getTime() + KEY_GRACE_MS - 60_000))).toEqual({ kind: "ok", action: STATUS });
    expect(decodeAction(oldButton, rotated, new Date(now.getTime() + KEY_GRACE_MS + 60_000))).toEqual({ kind: "stale" });

    // Loading again with the same secret changes nothing; a tampered button is still forged.
    const again = await loadKeyring(db.prisma, "a-configured-secret-of-at-least-32-chars");
    expect(again.current).toEqual(rotated.current);
    expect(again.previous?.id).toBe(before.current.id);
    const tampered = `${oldButton.slice(0, -1)}${oldButton.endsWith("A") ? "B" : "A"}`;
    expect(decodeAction(tampered, rotated)).toEqual({ kind: "forged" });
  });

  it("a new CALLBACK_SECRET whose two-character id is the current key's still replaces it, under an id of its own", async () => {
    const current = (await loadKeyring(db.prisma, undefined)).current;
    // One secret in 256 has a given id: search until one collides with the current key's.
    let colliding = "";
    for (let n = 0; !colliding; n++) {
      const candidate = `another-configured-secret-of-32-chars-${n}`;
      if (keyIdOf(candidate) === current.id && candidate !== current.secret) colliding = candidate;
    }
    const oldButton = encodeAction(STATUS, { current });
    const rotated = await loadKeyring(db.prisma, colliding);
    expect(rotated.current.secret).toBe(colliding);
    expect(rotated.current.id).not.toBe(current.id);
    expect(rotated.previous).toMatchObject({ id: current.id, secret: current.secret });
    expect(decodeAction(encodeAction(STATUS, rotated), rotated)).toEqual({ kind: "ok", action: STATUS });
    expect(decodeAction(oldButton, rotated)).toEqual({ kind: "ok", action: STATUS });
    // Every instance that starts with the same secret finds the key already there.
    const again = await loadKeyring(db.prisma, colliding);
    expect(again.current).toEqual(rotated.current);
    expect(await db.prisma.signingKey.count({ where: { retiredAt: null } })).toBe(1);
  });
});
