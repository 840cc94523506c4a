import { Api } from "grammy";
import { telegramSender } from "./channels/telegram/telegram-sender.ts";
import { ZaloAccessTokenManager } from "./channels/zalo/access-token.ts";
import { ZaloApi } from "./channels/zalo/zalo-api.ts";
import { ZaloSender } from "./channels/zalo/zalo-sender.ts";
import { ZnsSender } from "./channels/zalo/zns-sender.ts";
import { zaloConfig, type Config } from "./config.ts";
import { createPrismaZaloTokenStore } from "./db/zalo-token-store.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";
import type { Logger } from "./logger.ts";
import type { ChannelSender } from "./messaging/channel-sender.ts";
import type { TemplateSender } from "./messaging/template-sender.ts";

export type ConfiguredSenders = {
  senders: ChannelSender[];
  /** Paid Zalo template messages, when an administrator configured a template for them. */
  templateSender?: TemplateSender;
  /** Zalo's access tokens; the long-running process keeps them fresh, a command fetches one when it sends. */
  zaloTokens?: ZaloAccessTokenManager;
};

/** A sender for every configured channel: the app and the command-line tools reach people the same way. */
export function configuredSenders(config: Config, prisma: PrismaClient, logger: Logger): ConfiguredSenders {
  const zalo = zaloConfig(config);
  const senders: ChannelSender[] = [];
  if (config.BOT_TOKEN) senders.push(telegramSender(new Api(config.BOT_TOKEN, { apiRoot: config.BOT_API_ROOT })));
  if (!zalo) return { senders };
  const zaloTokens = new ZaloAccessTokenManager({
    appId: zalo.appId,
    oaId: zalo.oaId,
    appSecret: zalo.appSecret,
    oauthRoot: zalo.oauthRoot,
    seedRefreshToken: zalo.refreshToken,
    store: createPrismaZaloTokenStore(prisma),
    logger: logger.child({ part: "zalo-tokens" }),
  });
  const api = new ZaloApi({ apiRoot: zalo.apiRoot, tokens: zaloTokens });
  senders.push(new ZaloSender(api));
  const templateSender = zalo.zns ? new ZnsSender(api, { znsRoot: zalo.zns.apiRoot, templateId: zalo.zns.templateId }) : undefined;
  return { senders, templateSender, zaloTokens };
}
