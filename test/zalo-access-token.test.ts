import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TokenLogger } from "../src/channels/zalo/access-token.ts";
import { ZaloTokenError } from "../src/channels/zalo/zalo-api.ts";
import { createDatabase, type Database } from "../src/db/create-prisma.ts";
import { LocalZaloOa } from "../src/demo/local-zalo-oa.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { until } from "./support/zalo-instance.ts";
import { localZaloTokens } from "./support/zalo-tokens.ts";

type Line = { level: "info" | "warn" | "error"; obj: Record<string, unknown>; msg: string };

function recordingLogger(lines: Line[]): TokenLogger {
  const at = (level: Line["level"]) => (obj: Record<string, unknown>, msg: string) => lines.push({ level, obj, msg });
  return { info: at("info"), warn: at("warn"), error: at("error") };
}

describe("Zalo access tokens: one refresh token spent once, across processes and restarts", () => {
  let db: TestDatabase;
  let zalo: LocalZaloOa;
  const extraDatabases: Database[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await zalo?.stop();
    for (const extra of extraDatabases.splice(0)) await extra.close();
    await db.prisma.zaloToken.deleteMany();
  });
  afterAll(async () => {
    await db?.drop();
  });

  /** One process's view: its own PostgreSQL pool and Prisma client, as a separate instance of the bot has. */
  function instance(seedRefreshToken: string, lines: Line[] = [], now?: () => number) {
    const own = createDatabase({ databaseUrl: db.url, dataDir: "" });
    extraDatabases.push(own);
    return localZaloTokens(zalo, own.prisma, seedRefreshToken, { logger: recordingLogger(lines), now });
  }

  const oauthCalls = () => zalo.calls.filter((call) => call.endpoint === "oauth");
  const usedMoreThanOnce = () => [...zalo.refreshTokenUses().values()].filter((uses) => uses > 1);

  it("two instances starting at once refresh once: each refresh token is spent once and both use the same pair", async () => {
    zalo = new LocalZaloOa();
    await zalo.start();
    const seed = zalo.authorise();
    const [a, b] = [instance(seed), instance(seed)];
    const tokens = await Promise.all([a.accessToken(), b.accessToken(), a.accessToken(), b.accessToken()]);
    expect(new Set(tokens).size).toBe(1);
    expect(zalo.isAccessTokenValid(tokens[0]!)).toBe(true);
    expect(oauthCalls()).toHaveLength(1);
    expect(usedMoreThanOnce()).toEqual([]);

    // Zalo calls the token invalid to both at once, several times over: every refresh token is still spent once.
    for (let round = 0; round < 5; round++) {
      const refused = await a.accessToken();
      zalo.invalidateAccessTokens();
      const fresh = await Promise.all([a.replaceRefused(refused), b.replaceRefused(refused), b.replaceRefused(refused), a.replaceRefused(refused)]);
      expect(new Set(fresh).size).toBe(1);
      expect(fresh[0]).not.toBe(refused);
      expect(zalo.isAccessTokenValid(fresh[0]!)).toBe(true);
    }
    expect(oauthCalls()).toHaveLength(6);
    expect(usedMoreThanOnce()).toEqual([]);
    expect(a.health()).toEqual({ status: "ok" });
    expect(b.health()).toEqual({ status: "ok" });
  });

  it("refreshes before the access token runs out (expires_in read as a string), and only once for both instances", async () => {
    let clock = Date.now();
    const now = () => clock;
    zalo = new LocalZaloOa({ accessTokenSeconds: 3600, now });
    await zalo.start();
    const seed = zalo.authorise();
    const [a, b] = [instance(seed, [], now), instance(seed, [], now)];
    const first = await a.accessToken();
    expect(await b.accessToken()).toBe(first);
    clock += 29 * 60_000;
    expect(await a.accessToken()).toBe(first);
    // Within the last half hour of its hour, the token is renewed while Zalo would still take it.
    clock += 2 * 60_000;
    expect(zalo.isAccessTokenValid(first)).toBe(true);
    const [x, y] = await Promise.all([a.accessToken(), b.accessToken()]);
    expect(x).toBe(y);
    expect(x).not.toBe(first);
    expect(oauthCalls()).toHaveLength(2);
    expect(usedMoreThanOnce()).toEqual([]);
  });

  it("after a restart the stored rotated pair is used, not ZALO_REFRESH_TOKEN (already spent)", async () => {
    zalo = new LocalZaloOa();
    await zalo.start();
    const seed = zalo.authorise();
    const before = instance(seed);
    const token = await before.accessToken();
    zalo.invalidateAccessTokens();
    const rotated = await before.replaceRefused(token);
    expect(oauthCalls()).toHaveLength(2);

    // A new process with the same environment: it takes the stored access token without calling OAuth...
    const after = instance(seed);
    expect(await after.accessToken()).toBe(rotated);
    expect(oauthCalls()).toHaveLength(2);
    // ...and when that one is refused, it spends the stored refresh token, never the seed again.
    zalo.invalidateAccessTokens();
    const next = await after.replaceRefused(rotated);
    expect(zalo.isAccessTokenValid(next)).toBe(true);
    expect(zalo.refreshTokenUses().get(seed)).toBe(1);
    expect(usedMoreThanOnce()).toEqual([]);
    const stored = await db.prisma.zaloToken.findUniqueOrThrow({ where: { oaId: zalo.oaId } });
    expect(stored.accessToken).toBe(next);
    expect(stored.brokenAt).toBeNull();
  });

  it("a broken chain: one clear log line, degraded health, no more refreshes, repaired by a new ZALO_REFRESH_TOKEN", async () => {
    zalo = new LocalZaloOa();
    await zalo.start();
    const seed = zalo.authorise();
    const lines: Line[] = [];
    const a = instance(seed, lines);
    const token = await a.accessToken();
    // The chain is broken at Zalo's end (the refresh token was spent elsewhere, or revoked).
    zalo.revokeRefreshTokens();
    zalo.invalidateAccessTokens();

    const refusal = await a.replaceRefused(token).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ZaloTokenError);
    expect((refusal as ZaloTokenError).retryable).toBe(false);
    const errors = lines.filter((line) => line.level === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.msg).toMatch(/authorise the app .* again.*ZALO_REFRESH_TOKEN/);
    for (const line of lines) expect(JSON.stringify(line)).not.toMatch(/rt-|at-|local-app-secret/);
    expect(a.health()).toMatchObject({ status: "degraded", reason: expect.stringMatching(/ZALO_REFRESH_TOKEN/) });
    expect((await db.prisma.zaloToken.findUniqueOrThrow({ where: { oaId: zalo.oaId } })).brokenAt).not.toBeNull();

    // Every later use fails at once, without another OAuth call or another log line.
    const calls = oauthCalls().length;
    for (let i = 0; i < 3; i++) await expect(a.accessToken()).rejects.toBeInstanceOf(ZaloTokenError);
    await expect(a.replaceRefused(token)).rejects.toBeInstanceOf(ZaloTokenError);
    expect(oauthCalls()).toHaveLength(calls);
    expect(lines.filter((line) => line.level === "error")).toHaveLength(1);

    // A restart with the same (refused) environment tries the stored token once, then stays quiet.
    const sameEnv = instance(seed, lines);
    await expect(sameEnv.accessToken()).rejects.toBeInstanceOf(ZaloTokenError);
    await expect(sameEnv.accessToken()).rejects.toBeInstanceOf(ZaloTokenError);
    expect(oauthCalls()).toHaveLength(calls + 1);
    expect(sameEnv.health().status).toBe("degraded");

    // The administrator authorises again and restarts with the new token: the chain is replaced...
    const newSeed = zalo.authorise();
    const repaired = instance(newSeed);
    const fresh = await repaired.accessToken();
    expect(zalo.isAccessTokenValid(fresh)).toBe(true);
    expect(repaired.health()).toEqual({ status: "ok" });
    expect((await db.prisma.zaloToken.findUniqueOrThrow({ where: { oaId: zalo.oaId } })).brokenAt).toBeNull();
    // ...and the instance that was still running picks the repaired chain up from the store.
    expect(await a.accessToken()).toBe(fresh);
    expect(a.health()).toEqual({ status: "ok" });
  });

  it("an unreachable OAuth server is a failure worth retrying, not a broken chain", async () => {
    zalo = new LocalZaloOa({ respond: (call) => (call.endpoint === "oauth" ? { status: 502 } : undefined) });
    await zalo.start();
    const seed = zalo.authorise();
    const a = instance(seed);
    const error = await a.accessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloTokenError);
    expect((error as ZaloTokenError).retryable).toBe(true);
    expect(a.health()).toMatchObject({ status: "degraded", reason: expect.stringMatching(/OAuth unavailable/) });
    expect(await db.prisma.zaloToken.count()).toBe(0);
  });

  it("keepFresh renews a token that is due without any message being sent", async () => {
    let clock = Date.now();
    const now = () => clock;
    zalo = new LocalZaloOa({ accessTokenSeconds: 3600, now });
    await zalo.start();
    const a = instance(zalo.authorise(), [], now);
    const first = await a.accessToken();
    const stop = a.keepFresh(50);
    try {
      clock += 45 * 60_000;
      // Stored once the refresh's transaction commits (Zalo has answered a moment before).
      await until(async () => (await db.prisma.zaloToken.findUniqueOrThrow({ where: { oaId: zalo.oaId } })).accessToken !== first, 15_000, "a background refresh");
    } finally {
      stop();
    }
    const stored = await db.prisma.zaloToken.findUniqueOrThrow({ where: { oaId: zalo.oaId } });
    expect(oauthCalls()).toHaveLength(2);
    expect(zalo.isAccessTokenValid(stored.accessToken)).toBe(true);
    expect(usedMoreThanOnce()).toEqual([]);
  });
});
