import type { CreateBotOptions } from "../../src/channels/telegram/create-bot.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { createLogger } from "../../src/logger.ts";
import { legacyKeyOf, signingKey, type ActionKeyring } from "../../src/messaging/action-codec.ts";

/** The key every test bot signs its choices with. */
export const TEST_KEYRING: ActionKeyring = { current: signingKey("test-signing-secret-0123456789abcdef"), legacy: legacyKeyOf("123:abc") };

/** A bot's dependencies for tests: silent, Vietnamese, Asia/Ho_Chi_Minh, the test key; `extra` overrides. */
export function botDeps(prisma: PrismaClient, extra: Partial<CreateBotOptions["deps"]> = {}): CreateBotOptions["deps"] {
  return {
    prisma,
    logger: createLogger("silent"),
    defaultLocale: "vi",
    defaultTimeZone: "Asia/Ho_Chi_Minh",
    keyring: TEST_KEYRING,
    windows: {},
    links: {},
    ...extra,
  };
}
