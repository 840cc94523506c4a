/**
 * One chat may not hold more than a few of this process's event slots (the one being handled and those
 * waiting behind it): events beyond the cap are dropped, so a flood from one chat cannot delay everyone
 * else's answers. Counted per process, since each process has its own slots.
 */
export class ChatQueueCap {
  private readonly queued = new Map<string, number>();

  constructor(readonly maxQueued = 10) {}

  /** Takes a slot for the chat's event, or refuses; after true the caller must call leave(). */
  enter(chatKey: string): boolean {
    const count = this.queued.get(chatKey) ?? 0;
    if (count >= this.maxQueued) return false;
    this.queued.set(chatKey, count + 1);
    return true;
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
