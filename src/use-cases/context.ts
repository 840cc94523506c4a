import type { SubmittedEvent } from "../conversation/conversation-service.ts";
import type { SessionData } from "../conversation/session-store.ts";
import { formatDateTime } from "../conversation/format-time.ts";
import type { Actor } from "../domain/permissions.ts";
import type { MessagingWindows } from "../domain/reachability.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { translatorFor, type Locale, type Translate } from "../i18n.ts";
import type { Logger } from "../logger.ts";
import type { ActionKeyring } from "../messaging/action-codec.ts";
import type { ChannelName } from "../messaging/channel-sender.ts";
import { currentOrganisation, type OrganisationFacts } from "../organisation/current-organisation.ts";
import type { NoticeQueue } from "../queue/notice-queue.ts";
import type { ReminderQueue } from "../queue/reminder-queue.ts";
import type { Notifier } from "../messaging/notifier.ts";

/** Addresses people are sent to: the bot's Telegram name, the Zalo OA, the web pages. */
export type PublicLinks = {
  telegramBot?: string;
  zaloOaId?: string;
  publicUrl?: string;
};

/** What every use case may use; built once per process. */
export type UseCaseDeps = {
  prisma: PrismaClient;
  logger: Logger;
  /** DEFAULT_LOCALE. */
  defaultLocale: Locale;
  /** TZ_REPORTS: the time zone when no organisation is stored yet (a new organisation starts with it). */
  defaultTimeZone: string;
  /** The clock of every flow; tests and the demo fix or shift it. */
  now?: () => Date;
  /** Reminders; absent when Redis is not used (some tests, the CLI). */
  reminderQueue?: ReminderQueue;
  /** Signs and checks the choices people press or type. */
  keyring: ActionKeyring;
  /** Messages to people other than the one acting. */
  notifier: Notifier;
  /** Notices to many people (a round opened, a deadline moved), sent through the queue; absent without Redis. */
  notices?: NoticeQueue;
  /** Tells the office, in batches, that units submitted. */
  officeNotices?: { onSubmitted(event: SubmittedEvent): Promise<void> };
  links: PublicLinks;
  /** How long after a person's last message each channel lets us write. */
  windows: MessagingWindows;
};

/** The registered person behind an inbound event. */
export type PersonRecord = { id: number; name: string; locale: string | null };

/** Who acts, through which channel, and what that channel can show. */
export type Caller = {
  channel: ChannelName | "web" | "cli";
  /** Where replies go on that channel (Telegram chat id, Zalo user id). */
  address: string;
  /** The chat's stored state (ChatSession key); null where there is none (the web, the CLI). */
  sessionKey: string | null;
  person: PersonRecord | null;
  actor: Actor | null;
  locale: Locale;
  /** The channel's longest message, for paging long screens. */
  textLimit: number;
  /** How many choices fit under one message. */
  maxChoices: number;
  /** The files the channel carries: at most so many bytes, of these extensions (null: any). */
  files: { maxBytes: number; extensions: readonly string[] | null };
  /** What the messenger tells about the sender (a name to suggest on joining, a username). */
  profile?: SenderProfile;
  /** The current organisation when it was read along with the caller (undefined: not read yet). */
  organisation?: OrganisationFacts | null;
  /**
   * The chat's stored state as it was when the event came in, read along with the caller so that routing the
   * event costs no statement of its own (undefined: not read). Flows that change it read it under their lock.
   */
  session?: SessionData;
};

export type SenderProfile = { suggestedName?: string; username?: string | null };

/** One use case call: its dependencies, its caller, and the shared facts read at most once. */
export type UseCaseContext = {
  deps: UseCaseDeps;
  caller: Caller;
  t: Translate;
  now(): Date;
  organisation(): Promise<OrganisationFacts | null>;
  /** The organisation's time zone: deadlines and reminders are in it. */
  timeZone(): Promise<string>;
  /** "10:32 ngày 14/10/2024" in the organisation's time zone and the caller's language. */
  formatTime(instant: Date): Promise<string>;
};

export function makeContext(deps: UseCaseDeps, caller: Caller): UseCaseContext {
  let organisation: Promise<OrganisationFacts | null> | undefined;
  const translate = translatorFor(caller.locale);
  const ctx: UseCaseContext = {
    deps,
    caller,
    // Texts for people who have not joined say how to join on the channel they wrote from.
    t: (key, vars) => translate(key, { channel: caller.channel, ...vars }),
    now: () => deps.now?.() ?? new Date(),
    organisation: () => (organisation ??= caller.organisation !== undefined ? Promise.resolve(caller.organisation) : currentOrganisation(deps.prisma)),
    timeZone: async () => (await ctx.organisation())?.timezone ?? deps.defaultTimeZone,
    formatTime: async (instant) => formatDateTime(instant, await ctx.timeZone(), caller.locale),
  };
  return ctx;
}

/** The caller's person; use cases call it after the permission check, where a person is certain. */
export function personOf(ctx: UseCaseContext): PersonRecord {
  if (!ctx.caller.person) throw new Error("this use case needs a registered person");
  return ctx.caller.person;
}
