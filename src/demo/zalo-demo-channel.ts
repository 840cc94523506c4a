import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import type { Redis } from "ioredis";
import { ZaloAccessTokenManager } from "../channels/zalo/access-token.ts";
import { ZALO_WEBHOOK_PATH, zaloWebhookRoute } from "../channels/zalo/webhook-route.ts";
import { ZaloApi } from "../channels/zalo/zalo-api.ts";
import { zaloInboundEvent } from "../channels/zalo/zalo-event.ts";
import { zaloEventHandler } from "../channels/zalo/zalo-inbound.ts";
import { ZaloSender } from "../channels/zalo/zalo-sender.ts";
import { createPrismaZaloTokenStore } from "../db/zalo-token-store.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { zaloFollowLink } from "../invites/invite-code.ts";
import type { Logger } from "../logger.ts";
import { createInboundEvents, type InboundEvents } from "../queue/inbound-events.ts";
import type { UseCaseDeps } from "../use-cases/context.ts";
import type { DemoChannel } from "./demo-channel.ts";
import type { DemoConversation, DemoPerson } from "./demo-conversation.ts";
import { LocalZaloOa } from "./local-zalo-oa.ts";
import { ZaloDemoChat } from "./zalo-demo-chat.ts";

export type ZaloDemoOptions = {
  prisma: PrismaClient;
  redis: Redis;
  prefix: string;
  logger: Logger;
  /** The demo clock in epoch ms: the stand-in's messaging window and token lifetimes run on it. */
  now: () => number;
  /** ZALO_WINDOW_HOURS in ms, for the bot's estimate and the stand-in alike. */
  windowMs: number;
};

/**
 * The demo on Zalo: the project's local Official Account stand-in plays Zalo's API, OAuth and the people;
 * their signed events reach the bot's webhook, which queues them for the same use cases. People follow the
 * OA, then send their invite code and their name. The compiled .docx is uploaded and sent as a file.
 */
export function zaloDemoChannel(say: (person: DemoPerson, text: string) => void, options: ZaloDemoOptions): DemoChannel & { oa: LocalZaloOa } {
  const oa = new LocalZaloOa({ now: options.now, windowMs: options.windowMs });
  const chats = new Map<string, ZaloDemoChat>();
  let server: Server | undefined;
  let inbound: InboundEvents | undefined;
  let sender: ZaloSender | undefined;

  const channel: DemoChannel & { oa: LocalZaloOa } = {
    name: "zalo",
    oa,
    inviteKind: "short",
    windowMs: options.windowMs,
    pace: { perChatMs: 50 },
    get describe() {
      return `Official Account Zalo cục bộ ${oa.root}`;
    },
    async start() {
      await oa.start();
      const tokens = new ZaloAccessTokenManager({
        appId: oa.appId,
        oaId: oa.oaId,
        appSecret: oa.appSecret,
        oauthRoot: oa.root,
        seedRefreshToken: oa.authorise(),
        store: createPrismaZaloTokenStore(options.prisma),
        logger: options.logger,
        now: options.now,
      });
      sender = new ZaloSender(new ZaloApi({ apiRoot: oa.root, tokens }));
      oa.onCall = (call) => {
        const userId = (call.body.recipient as { user_id?: unknown } | undefined)?.user_id;
        const chat = typeof userId === "string" ? chats.get(userId) : undefined;
        const shown = chat?.observe(call);
        if (chat && shown) channel.onShown?.({ chat, message: shown, edited: false });
      };
    },
    senders: () => [sender!],
    async startBot(deps: UseCaseDeps, outbound) {
      inbound = createInboundEvents({ connection: options.redis, prefix: options.prefix, logger: options.logger });
      const queue = inbound;
      inbound.startWorker(zaloEventHandler({ deps, sender: outbound.replySenders.zalo!, logger: options.logger }));
      const app = new Hono();
      app.route(
        "/",
        zaloWebhookRoute({
          appId: oa.appId,
          oaSecretKey: oa.oaSecretKey,
          logger: options.logger,
          accept: async (event) => {
            const queued = zaloInboundEvent(event);
            if (queued) await queue.accept(queued);
          },
        }),
      );
      server = await new Promise<Server>((resolve) => {
        const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s as Server)) as Server;
      });
      oa.webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${ZALO_WEBHOOK_PATH}`;
    },
    chat(person: DemoPerson): DemoConversation {
      const chat = new ZaloDemoChat(oa, person, say, async () => {
        if (!inbound) return false;
        const counts = await inbound.queue.getJobCounts("waiting", "active", "delayed", "prioritized");
        return Object.values(counts).some((count) => count > 0);
      });
      chats.set(chat.userId, chat);
      return chat;
    },
    inviteNote: (role, code) => `npm run invite -- --role ${role} --channel zalo → ${zaloFollowLink(oa.oaId)}, code: ${code}`,
    async join(chat, code) {
      const zaloChat = chat as ZaloDemoChat;
      say(chat.person, "(bấm “Quan tâm” Official Account)");
      await zaloChat.follow();
      await chat.send(code);
      // Zalo tells the bot no name: the person types theirs.
      if (chat.recent.some((message) => /họ và tên/.test(message.text))) await chat.send([chat.person.lastName, chat.person.firstName].filter(Boolean).join(" "));
    },
    messagesSent: () => oa.delivered.length,
    async stop() {
      const running = server;
      if (running) {
        running.closeAllConnections();
        await new Promise<void>((resolve) => running.close(() => resolve()));
      }
      await inbound?.close();
      await oa.stop();
    },
  };
  return channel;
}
