import type { Redis } from "ioredis";

/**
 * Spaces Telegram messages for every worker sharing one Redis: at most `perSecond` overall and
 * one per chat per `perChatMs`. Each send reserves the next free overall slot atomically (Redis
 * clock, so workers on several machines agree) and waits for it; nothing bursts.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local g = tonumber(redis.call('GET', KEYS[1]) or '0')
local c = tonumber(redis.call('GET', KEYS[2]) or '0')
local slot = math.max(now, g)
if c > slot then return {0, c - now} end
local gi = tonumber(ARGV[1])
local ci = tonumber(ARGV[2])
redis.call('SET', KEYS[1], slot + gi, 'PX', slot + gi - now + 1000)
redis.call('SET', KEYS[2], slot + ci, 'PX', slot + ci - now + 1000)
return {1, slot - now}
`;

// Pushes the shared clock forward after Telegram said "retry after".
const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local g = tonumber(redis.call('GET', KEYS[1]) or '0')
local until_ = now + tonumber(ARGV[1])
if until_ > g then redis.call('SET', KEYS[1], until_, 'PX', tonumber(ARGV[1]) + 1000) end
return until_ - now
`;

export type SendPacerOptions = { redis: Redis; keyPrefix: string; perSecond?: number; perChatMs?: number };

export class SendPacer {
  private readonly redis: Redis;
  private readonly keyPrefix: string;
  readonly globalIntervalMs: number;
  readonly perChatMs: number;

  constructor(options: SendPacerOptions) {
    this.redis = options.redis;
    this.keyPrefix = options.keyPrefix;
    this.globalIntervalMs = Math.ceil(1000 / (options.perSecond ?? 25));
    this.perChatMs = options.perChatMs ?? 1000;
  }

  /** Waits until this chat may get its next message. */
  async take(chatId: string): Promise<void> {
    for (;;) {
      // A chat that is not free yet takes no overall slot, so it holds back no other chat.
      const [reserved, wait] = (await this.redis.eval(
        RESERVE,
        2,
        `${this.keyPrefix}:global`,
        `${this.keyPrefix}:chat:${chatId}`,
        this.globalIntervalMs,
        this.perChatMs,
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
