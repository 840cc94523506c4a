import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, requireChannel, zaloConfig } from "../src/config.ts";

const ZALO = {
  ZALO_APP_ID: "4291763606161179100",
  ZALO_OA_ID: "1234567890123456789",
  ZALO_APP_SECRET: "app-secret",
  ZALO_OA_SECRET_KEY: "oa-secret-key",
  ZALO_REFRESH_TOKEN: "first-refresh-token",
};

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
};

describe("Zalo configuration", () => {
  it("takes Zalo alone as the channel, with Zalo's public roots by default", () => {
    const config = parseConfig({ ...ZALO });
    expect(requireChannel(config)).toEqual(["zalo"]);
    expect(zaloConfig(config)).toEqual({
      appId: ZALO.ZALO_APP_ID,
      oaId: ZALO.ZALO_OA_ID,
      appSecret: "app-secret",
      oaSecretKey: "oa-secret-key",
      refreshToken: "first-refresh-token",
      apiRoot: "https://openapi.zalo.me",
      oauthRoot: "https://oauth.zaloapp.com",
    });
  });

  it("takes both channels together, and other roots without a trailing slash", () => {
    const config = parseConfig({ ...ZALO, BOT_TOKEN: "123:abc", ZALO_API_ROOT: "http://127.0.0.1:9/", ZALO_OAUTH_ROOT: "http://127.0.0.1:8" });
    expect(requireChannel(config)).toEqual(["telegram", "zalo"]);
    expect(zaloConfig(config)).toMatchObject({ apiRoot: "http://127.0.0.1:9", oauthRoot: "http://127.0.0.1:8" });
  });

  it("names the first missing variable of a partial set, and never prints a secret", () => {
    for (const missing of Object.keys(ZALO)) {
      const env: Record<string, string> = { ...ZALO };
      delete env[missing];
      const error = errorOf(() => parseConfig(env));
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message.startsWith(`${missing} is required when `)).toBe(true);
      expect(error.message).not.toContain("app-secret");
      expect(error.message).not.toContain("oa-secret-key");
    }
  });

  it("refuses ids that are not numbers", () => {
    expect(errorOf(() => parseConfig({ ...ZALO, ZALO_OA_ID: "my-oa" })).message).toMatch(/^ZALO_OA_ID must be the numeric id/);
  });

  it("without any channel, starting the bot is a clear error", () => {
    const config = parseConfig({});
    expect(zaloConfig(config)).toBeUndefined();
    expect(errorOf(() => requireChannel(config)).message).toMatch(/^BOT_TOKEN \(Telegram\) or ZALO_APP_ID, ZALO_OA_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY, ZALO_REFRESH_TOKEN \(Zalo\) must be set/);
  });
});
