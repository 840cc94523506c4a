import type { Locale, Translate } from "../i18n.ts";
import type { ChannelName } from "./channel-sender.ts";
import type { Reply } from "./reply.ts";

/** A message for one person, worded when it is sent, in the language chosen for them. */
export type PersonMessage = (t: Translate, locale: Locale) => Reply[];

/** sent; the person cannot be reached on any channel (and why); or the send failed for now. */
export type NoticeOutcome = "sent" | "unreachable" | "window-closed" | "failed";

/**
 * The one way to message a person other than the one acting: it picks the person's channel (the one they
 * wrote from last, among those that can reach them) and their language, and records a channel that refused
 * for good.
 */
export interface Notifier {
  /** `only`: this channel and no other (a notice that belongs there, such as "your accounts were linked"). */
  tell(personId: number, message: PersonMessage, options?: { only?: ChannelName }): Promise<NoticeOutcome>;
}
