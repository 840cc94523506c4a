import { preferredAccount, reachOf, WINDOW_CLOSED, type MessagingWindows } from "../domain/reachability.ts";
import { recipientLocale } from "../domain/recipient-locale.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { translatorFor, type Locale } from "../i18n.ts";
import type { Logger } from "../logger.ts";
import { currentOrganisation } from "../organisation/current-organisation.ts";
import type { ActionKeyring } from "../messaging/action-codec.ts";
import type { ChannelName, ChannelSender, SendResult } from "../messaging/channel-sender.ts";
import { encodeReplies } from "../messaging/encode-replies.ts";
import type { NoticeOutcome, Notifier, PersonMessage } from "../messaging/notifier.ts";

export type NotifierOptions = {
  prisma: PrismaClient;
  /** The channels this process can send on. */
  senders: readonly ChannelSender[];
  keyring: ActionKeyring;
  defaultLocale: Locale;
  windows: MessagingWindows;
  logger: Logger;
  now?: () => Date;
};

export const CHANNEL_OF = { TELEGRAM: "telegram", ZALO: "zalo" } as const satisfies Record<string, ChannelName>;
export const CHANNEL_ENUM = { telegram: "TELEGRAM", zalo: "ZALO" } as const satisfies Record<ChannelName, keyof typeof CHANNEL_OF>;

export type Recipient = {
  personId: number;
  locale: Locale;
  accounts: { id: number; channel: ChannelName; externalId: string; lastInboundAt: Date | null; unreachableAt: Date | null; unreachableError: string | null }[];
};

/** The person's accounts and language, read in one statement. */
export async function loadRecipient(prisma: PrismaClient, personId: number, defaultLocale: Locale): Promise<Recipient | null> {
  const person = await prisma.person.findUnique({
    where: { id: personId },
    select: {
      id: true,
      locale: true,
      accounts: { select: { id: true, channel: true, externalId: true, lastInboundAt: true, unreachableAt: true, unreachableError: true } },
    },
  });
  if (!person) return null;
  const orgLocale = person.locale ? null : (await currentOrganisation(prisma))?.locale;
  return {
    personId: person.id,
    locale: recipientLocale({ person: person.locale, organisation: orgLocale, fallback: defaultLocale }),
    accounts: person.accounts.map((a) => ({ ...a, channel: CHANNEL_OF[a.channel] })),
  };
}

/** Records that a channel refused a person for good, so senders stop trying it and the office sees it. */
export async function markAccountUnreachable(prisma: PrismaClient, accountId: number, detail: string, at: Date): Promise<void> {
  await prisma.channelAccount.update({ where: { id: accountId }, data: { unreachableAt: at, unreachableError: detail.slice(0, 500) } });
}

/**
 * The one outbound path for messages to people other than the one acting (and for the queue's notices):
 * preferred channel, language, unreachable accounts recorded. A channel that refuses falls back to the
 * person's next reachable account.
 */
export function createNotifier(options: NotifierOptions): Notifier & { send(recipient: Recipient, message: PersonMessage): Promise<{ outcome: NoticeOutcome; result?: SendResult }> } {
  const senders = new Map(options.senders.map((s) => [s.channel, s]));
  const now = options.now ?? (() => new Date());

  async function send(recipient: Recipient, message: PersonMessage): Promise<{ outcome: NoticeOutcome; result?: SendResult }> {
    const tried = new Set<number>();
    let last: NoticeOutcome = "unreachable";
    let lastResult: SendResult | undefined;
    for (;;) {
      const candidates = recipient.accounts.filter((a) => !tried.has(a.id) && senders.has(a.channel));
      const account = preferredAccount(candidates, now(), options.windows);
      if (!account) {
        if (tried.size === 0) {
          const closed = candidates.some((a) => reachOf(a, now(), options.windows) === "window-closed");
          return { outcome: closed ? "window-closed" : "unreachable" };
        }
        return { outcome: last, result: lastResult };
      }
      tried.add(account.id);
      const replies = encodeReplies(message(translatorFor(recipient.locale), recipient.locale), options.keyring);
      const result = await senders.get(account.channel)!.send(account.externalId, replies);
      lastResult = result;
      if (result.ok) return { outcome: "sent", result };
      if (result.reason === "unreachable") {
        await markAccountUnreachable(options.prisma, account.id, result.detail, now());
        account.unreachableAt = now();
        last = "unreachable";
      } else if (result.reason === "window-closed") {
        // Refused until the person writes again (identify clears it then); the office sees why.
        await markAccountUnreachable(options.prisma, account.id, `${WINDOW_CLOSED}: ${result.detail}`, now());
        account.unreachableAt = now();
        last = "window-closed";
      } else {
        // Slow down or a passing failure: the caller decides whether to try again later.
        options.logger.warn({ personId: recipient.personId, channel: account.channel, reason: result.reason }, "a notice could not be sent");
        return { outcome: "failed", result };
      }
    }
  }

  return {
    send,
    async tell(personId, message, { only } = {}) {
      const recipient = await loadRecipient(options.prisma, personId, options.defaultLocale);
      if (!recipient) return "unreachable";
      if (only) recipient.accounts = recipient.accounts.filter((a) => a.channel === only);
      return (await send(recipient, message)).outcome;
    },
  };
}
