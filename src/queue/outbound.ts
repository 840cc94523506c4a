import type { Redis } from "ioredis";
import type { MessagingWindows } from "../domain/reachability.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Locale } from "../i18n.ts";
import type { Logger } from "../logger.ts";
import type { ActionKeyring } from "../messaging/action-codec.ts";
import type { ChannelName, ChannelSender } from "../messaging/channel-sender.ts";
import { NOTICE_BUILDERS, reportNoticeBatch } from "./notice-builders.ts";
import { createNoticeQueue, createNoticeWorker, type FormLink, type NoticeQueue } from "./notice-queue.ts";
import { createNotifier } from "./notifier.ts";
import { pacedSender } from "./paced-sender.ts";
import type { SendToPerson } from "./reminder-delivery.ts";
import { SendPacer } from "./send-pacer.ts";

/** A channel's limits for bulk sends: messages per second overall and the spacing within one chat. */
export type ChannelPace = { perSecond: number; perChatMs: number; textLimit: number };

/** Telegram allows about 30 messages a second overall and about one a second per chat. */
export const DEFAULT_PACE: Record<ChannelName, ChannelPace> = {
  // A little under 30, so that a reply slipped in before a bulk sender gives up its slot stays within 30 in any second.
  telegram: { perSecond: 29, perChatMs: 1000, textLimit: 4096 },
  zalo: { perSecond: 20, perChatMs: 1000, textLimit: 2000 },
};

export type OutboundOptions = {
  prisma: PrismaClient;
  redis: Redis;
  prefix?: string;
  logger: Logger;
  defaultLocale: Locale;
  windows: MessagingWindows;
  keyring: ActionKeyring;
  /** The channels this process sends on, unpaced. */
  senders: readonly ChannelSender[];
  pace?: Partial<Record<ChannelName, Partial<ChannelPace>>>;
  now?: () => Date;
};

export type Outbound = {
  notifier: ReturnType<typeof createNotifier>;
  /** Sends to a person through the paced senders (reminders, digests, notices). */
  send: SendToPerson;
  pacers: SendPacer[];
  /** Each channel's budget, for the adapters' own replies (they go first). */
  budgets: Partial<Record<ChannelName, SendPacer>>;
  /** Each channel's sender for replies: it takes its slot ahead of bulk sends. */
  replySenders: Partial<Record<ChannelName, ChannelSender>>;
  notices: NoticeQueue;
  /** Starts sending queued notices in this process; notices asking for answers carry the form link. */
  startNoticeWorker(options?: { formLink?: FormLink }): void;
  close(): Promise<void>;
};

/**
 * Everything that sends to people, in one place: each channel's sender paced by its shared budget (Redis,
 * across instances), the notifier that picks a person's channel and language, and the queue of bulk notices.
 */
export function createOutbound(options: OutboundOptions): Outbound {
  const prefix = options.prefix ?? "bull";
  const pacers: SendPacer[] = [];
  const budgets: Partial<Record<ChannelName, SendPacer>> = {};
  const immediate: ChannelSender[] = [];
  const replySenders: Partial<Record<ChannelName, ChannelSender>> = {};
  const paced = options.senders.map((sender) => {
    const pace = { ...DEFAULT_PACE[sender.channel], ...options.pace?.[sender.channel] };
    const pacer = new SendPacer({ redis: options.redis, keyPrefix: `${prefix}:pace:${sender.channel}`, perSecond: pace.perSecond, perChatMs: pace.perChatMs });
    pacers.push(pacer);
    budgets[sender.channel] = pacer;
    const reply = pacedSender(sender, pacer, pace.textLimit, "reply");
    immediate.push(reply);
    replySenders[sender.channel] = reply;
    return pacedSender(sender, pacer, pace.textLimit);
  });
  const notifierOptions = { prisma: options.prisma, keyring: options.keyring, defaultLocale: options.defaultLocale, windows: options.windows, logger: options.logger, now: options.now };
  // Messages to someone other than the person acting go out at once, ahead of bulk ones.
  const notifier = createNotifier({ ...notifierOptions, senders: immediate });
  const pacedNotifier = createNotifier({ ...notifierOptions, senders: paced });
  const notices = createNoticeQueue({ connection: options.redis, prefix: options.prefix });
  let worker: ReturnType<typeof createNoticeWorker> | undefined;
  return {
    notifier,
    send: (recipient, message) => pacedNotifier.send(recipient, message),
    pacers,
    budgets,
    replySenders,
    notices,
    startNoticeWorker(workerOptions) {
      worker ??= createNoticeWorker({
        connection: options.redis,
        prefix: options.prefix,
        prisma: options.prisma,
        send: (recipient, message) => pacedNotifier.send(recipient, message),
        pacers,
        defaultLocale: options.defaultLocale,
        builders: NOTICE_BUILDERS,
        formLink: workerOptions?.formLink,
        reportBatch: reportNoticeBatch,
        logger: options.logger,
      });
    },
    async close() {
      await worker?.close();
      await notices.close();
    },
  };
}
