import type { ChannelName } from "../messaging/channel-sender.ts";

/** A person's account on one messenger, as far as reaching them goes. */
export type AccountReach = {
  channel: ChannelName;
  lastInboundAt: Date | null;
  unreachableAt: Date | null;
  /** Why the channel refused; a refusal for the messaging window starts with WINDOW_CLOSED. */
  unreachableError?: string | null;
};

/** How a channel's refusal for the messaging window is recorded on the account (until the person writes again). */
export const WINDOW_CLOSED = "window-closed";

/** How long after a person's last message a channel lets us write freely; absent means no limit. */
export type MessagingWindows = Partial<Record<ChannelName, number>>;

export type Reach = "reachable" | "unreachable" | "window-closed";

/**
 * The one rule for "unreachable": the channel refused for good (blocked bot, unfollowed OA), or, on a
 * channel with a messaging window (Zalo), the person has not written within it.
 */
export function reachOf(account: AccountReach, now: Date, windows: MessagingWindows): Reach {
  if (account.unreachableAt) return account.unreachableError?.startsWith(WINDOW_CLOSED) ? "window-closed" : "unreachable";
  const window = windows[account.channel];
  if (window !== undefined && (!account.lastInboundAt || now.getTime() - account.lastInboundAt.getTime() > window)) return "window-closed";
  return "reachable";
}

/**
 * Where a notice goes: the reachable account the person wrote from last (an account never written from
 * counts as oldest). Null when none is reachable.
 */
export function preferredAccount<A extends AccountReach>(accounts: readonly A[], now: Date, windows: MessagingWindows): A | null {
  const reachable = accounts.filter((a) => reachOf(a, now, windows) === "reachable");
  reachable.sort((a, b) => (b.lastInboundAt?.getTime() ?? 0) - (a.lastInboundAt?.getTime() ?? 0));
  return reachable[0] ?? null;
}

/** The person as the office sees them: reachable on some channel, or not (and why, for the first account). */
export function personReach(accounts: readonly AccountReach[], now: Date, windows: MessagingWindows): Reach {
  if (accounts.length === 0) return "unreachable";
  if (accounts.some((a) => reachOf(a, now, windows) === "reachable")) return "reachable";
  return accounts.some((a) => reachOf(a, now, windows) === "window-closed") ? "window-closed" : "unreachable";
}
