import { ZaloAccessTokenManager, type TokenLogger } from "../../src/channels/zalo/access-token.ts";
import { createPrismaZaloTokenStore } from "../../src/db/zalo-token-store.ts";
import type { LocalZaloOa } from "../../src/demo/local-zalo-oa.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";

/** Access tokens for the local Official Account, kept in `prisma`; by default from a fresh authorisation. */
export function localZaloTokens(
  zalo: LocalZaloOa,
  prisma: PrismaClient,
  seedRefreshToken = zalo.authorise(),
  more: { logger?: TokenLogger; now?: () => number } = {},
): ZaloAccessTokenManager {
  return new ZaloAccessTokenManager({
    ...more,
    appId: zalo.appId,
    oaId: zalo.oaId,
    appSecret: zalo.appSecret,
    oauthRoot: zalo.root,
    seedRefreshToken,
    store: createPrismaZaloTokenStore(prisma),
  });
}
