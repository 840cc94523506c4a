import type { Redis } from "ioredis";

/**
 * One channel's send budget, shared by every process on one Redis: at most `perSecond` messages overall
 * and, for bulk sends, one per chat per `perChatMs`. Each send reserves a slot atomically on the Redis clock
 * (so processes on several machines agree) and waits for it. Bulk sends (notices, reminders) take the next
 * free slot; a reply to someone who is waiting may go up to `replyHeadStartMs` ahead of the bulk schedule,
 * which then moves back by one slot: replies come first, and the rate over time stays the same.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local g = tonumber(redis.call('GET', KEYS[1]) or '0')
local c = tonumber(redis.call('GET', KEYS[2]) or '0')
local interval = tonumber(ARGV[1])
local chatInterval = tonumber(ARGV[2])
local headStart = tonumber(ARGV[3])
local slot = math.max(now, g - headStart)
if tonumber(ARGV[4]) == 1 and c > slot then return {0, math.ceil(c - now)} end
local nextGlobal = math.max(g, slot) + interval
redis.call('SET', KEYS[1], tostring(nextGlobal), 'PX', math.ceil(nextGlobal - now) + 1000)
local nextChat = math.max(c, slot) + chatInterval
redis.call('SET', KEYS[2], tostring(nextChat), 'PX', math.ceil(nextChat - now) + 1000)
return {1, math.ceil(slot - now)}
`;

// Pushes the shared clock forward after the channel said "retry after".
const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local g = tonumber(redis.call('GET', KEYS[1]) or '0')
local until_ = now + tonumber(ARGV[1])
if until_ > g then redis.call('SET', KEYS[1], tostring(until_), 'PX', tonumber(ARGV[1]) + 1000) end
return math.ceil(until_ - now)
`;

export type SendPacerOptions = { redis: Redis; keyPrefix: string; perSecond?: number; perChatMs?: number; replyHeadStartMs?: number };

/** Bulk: notices and reminders, paced and spaced per chat. Reply: an answer to someone waiting for it. */
export type SendPriority = "bulk" | "reply";

export class SendPacer {
  private readonly redis: Redis;
  private readonly keyPrefix: string;
  readonly intervalMs: number;
  readonly perChatMs: number;
  readonly replyHeadStartMs: number;

  constructor(options: SendPacerOptions) {
    this.redis = options.redis;
    this.keyPrefix = options.keyPrefix;
    this.intervalMs = 1000 / (options.perSecond ?? 25);
    this.perChatMs = options.perChatMs ?? 1000;
    this.replyHeadStartMs = options.replyHeadStartMs ?? 1000;
  }

  /** Waits until this chat may get its next message. */
  async take(chatId: string, priority: SendPriority = "bulk"): Promise<void> {
    const reply = priority === "reply";
    for (;;) {
      // A chat that is not free yet takes no overall slot, so it holds back no other chat.
      const [reserved, wait] = (await this.redis.eval(
        RESERVE,
        2,
        `${this.keyPrefix}:global`,
        `${this.keyPrefix}:chat:${chatId}`,
        this.intervalMs,
        this.perChatMs,
        reply ? this.replyHeadStartMs : 0,
        reply ? 0 : 1,
      )) as [number, number];
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (reserved === 1) return;
    }
  }

  /** Holds every sender back for ms (after a 429). */
  async pause(ms: number): Promise<void> {
    await this.redis.eval(PAUSE, 1, `${this.keyPrefix}:global`, Math.max(0, Math.round(ms)));
  }
}
