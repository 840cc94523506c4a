import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Actor } from "../../domain/permissions.ts";
import type { Locale } from "../../i18n.ts";
import type { Logger } from "../../logger.ts";
import type { Caller, PersonRecord, UseCaseContext, UseCaseDeps } from "../../use-cases/context.ts";
import type { FloodControl } from "../../inbound/flood-control.ts";
import type { HandledEvents } from "../../inbound/handled-events.ts";
import type { ReplyBudget } from "./reply-budget.ts";

export type { PersonRecord };

/** A unit's report the office has just accepted or returned. */
export type ReviewedEvent = { submissionId: number; roundId: number; unitId: number; change: "accepted" | "returned" };

/** What the Telegram adapter is built with: the use cases' dependencies and its own few. */
export type BotDependencies = UseCaseDeps & {
  /** Shared record of handled update ids; absent in single-process tests. */
  updateLog?: HandledEvents;
  /** Per-sender, per-chat and stranger limits; absent in single-process tests. */
  floodControl?: FloodControl;
  /** Telegram's send budget shared with notices and reminders; absent in tests. */
  replyBudget?: ReplyBudget;
};

type BotExtras = {
  deps: BotDependencies;
  /** Who sent this update, as the use cases know them. */
  caller: Caller;
  /** The use cases' context for this update. */
  useCase: UseCaseContext;
  /** The registered person behind this update, or null for a stranger. */
  person: PersonRecord | null;
  /** The person's current grants; null for a stranger. */
  actor: Actor | null;
  locale: Locale;
  logger: Logger;
  /** The Bot API server's root, where sent files are downloaded from. */
  apiRoot: string;
};

export type BotContext = Context & I18nFlavor & BotExtras;
