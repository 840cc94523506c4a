import type { FloodVerdict } from "./sender-rate-limit.ts";

export type ChatQueueCapOptions = {
  /** Events of one chat in this process at once: the one being handled and those waiting behind it. */
  maxQueued?: number;
  /** At most one "slow down" notice per chat per this long. */
  noticeEveryMs?: number;
  now?: () => number;
};

/**
 * One chat may not hold more than a few of this process's event slots: events beyond the cap are dropped,
 * so a flood from one chat cannot delay everyone else's answers.
 */
export class ChatQueueCap {
  readonly maxQueued: number;
  private readonly noticeEveryMs: number;
  private readonly now: () => number;
  private readonly queued = new Map<string, number>();
  private readonly lastNotice = new Map<string, number>();

  constructor(options: ChatQueueCapOptions = {}) {
    this.maxQueued = options.maxQueued ?? 10;
    this.noticeEveryMs = options.noticeEveryMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Takes a slot for the chat's event; on "pass" the caller must call leave() when the event is done. */
  enter(chatKey: string): FloodVerdict {
    const count = this.queued.get(chatKey) ?? 0;
    if (count < this.maxQueued) {
      this.queued.set(chatKey, count + 1);
      return "pass";
    }
    const now = this.now();
    const last = this.lastNotice.get(chatKey);
    if (last !== undefined && now - last < this.noticeEveryMs) return "drop";
    this.lastNotice.set(chatKey, now);
    // Old notice times are forgotten, so the map stays as small as the set of recent floods.
    for (const [key, at] of this.lastNotice) if (now - at >= this.noticeEveryMs) this.lastNotice.delete(key);
    return "drop-and-warn";
  }

  leave(chatKey: string): void {
    const count = (this.queued.get(chatKey) ?? 1) - 1;
    if (count <= 0) this.queued.delete(chatKey);
    else this.queued.set(chatKey, count);
  }

  /** Events this chat holds now. */
  size(chatKey: string): number {
    return this.queued.get(chatKey) ?? 0;
  }
}
