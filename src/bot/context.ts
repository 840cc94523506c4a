import type { Context } from "grammy";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { SubmittedEvent } from "../conversation/conversation-service.ts";
import type { Actor } from "../domain/permissions.ts";
import type { Locale } from "../i18n.ts";
import type { Logger } from "../logger.ts";
import type { ReminderQueue } from "../queue/reminder-queue.ts";
import type { FloodControl } from "../inbound/flood-control.ts";
import type { HandledEvents } from "../inbound/handled-events.ts";

export type PersonRecord = { id: number; telegramId: bigint; name: string; locale: string | null };

/** A unit's report the office has just accepted or returned. */
export type ReviewedEvent = { submissionId: number; roundId: number; unitId: number; change: "accepted" | "returned" };

/** What every handler may use; built once per process in createBot(). */
export type BotDependencies = {
  prisma: PrismaClient;
  logger: Logger;
  defaultLocale: Locale;
  timezone: string;
  /** Shared record of handled update ids; absent in single-process tests. */
  updateLog?: HandledEvents;
  /** Per-sender, per-chat and stranger limits; absent in single-process tests. */
  floodControl?: FloodControl;
  /** Called after a unit's report is submitted (or resubmitted), e.g. to tell the office. */
  onSubmitted?: (event: SubmittedEvent) => Promise<void>;
  /** Called after the office accepted or returned a unit's report, e.g. to re-plan its reminders. */
  onReviewed?: (event: ReviewedEvent) => Promise<void>;
  /** The reminder queue, for reminding units now (/remind, /status buttons); absent when Redis is not used. */
  reminderQueue?: ReminderQueue;
  /** The clock of the office's actions (reminders are not sent at night); tests fix it. */
  now?: () => Date;
};

type BotExtras = {
  deps: BotDependencies;
  /** The registered person behind this update, or null for a stranger. */
  person: PersonRecord | null;
  /** The person's current grants; null for a stranger. */
  actor: Actor | null;
  locale: Locale;
  logger: Logger;
};

export type BotContext = Context & I18nFlavor & BotExtras;
