import type { Redis } from "ioredis";
import { boundedRedisCall } from "./bounded-redis.ts";

/**
 * One channel's send budget, shared by every process on one Redis (its clock, so processes on several
 * machines agree).
 *
 * Bulk sends (notices, reminders) reserve slots `1000 / perSecond` ms apart and, per chat, `perChatMs` apart;
 * a slot is reserved at most `lookaheadMs` ahead, so the schedule stays short. A reply to someone who is
 * waiting goes at once and leaves a debt: the next bulk sender to reach its slot gives it up and queues
 * again. Replies come first, and bulk plus replies stay within the rate.
 */
const RESERVE_BULK = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local g = tonumber(redis.call('GET', KEYS[1]) or '0')
local c = tonumber(redis.call('GET', KEYS[2]) or '0')
local interval = tonumber(ARGV[1])
local chatInterval = tonumber(ARGV[2])
local lookahead = tonumber(ARGV[3])
local slot = math.max(now, g)
if c > slot then return {0, math.ceil(c - now)} end
if slot - now > lookahead then return {0, math.ceil(slot - now - lookahead)} end
redis.call('SET', KEYS[1], tostring(slot + interval), 'PX', math.ceil(slot + interval - now) + 1000)
redis.call('SET', KEYS[2], tostring(slot + chatInterval), 'PX', math.ceil(slot + chatInterval - now) + 1000)
return {1, math.ceil(slot - now), tostring(c)}
`;

// At the reserved slot: a reply sent meanwhile has taken it (debt), or it is this sender's. A slot given up
// gives the chat back its turn too (ARGV[1], what the chat's key held before): nothing was sent to it, and
// keeping it would make a lone sender wait a whole chat interval per reply, for ever under steady replies.
const CLAIM_BULK = `
local debt = tonumber(redis.call('GET', KEYS[1]) or '0')
if debt > 0 then
  redis.call('DECR', KEYS[1])
  local before = tonumber(ARGV[1])
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
  if before > now then redis.call('SET', KEYS[2], ARGV[1], 'PX', math.ceil(before - now) + 1000) else redis.call('DEL', KEYS[2]) end
  return 0
end
return 1
`;

// A reply: no wait; a debt for the bulk schedule, forgotten after a second (replies long past owe nothing).
const RESERVE_REPLY = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], 1000)
local c = tonumber(redis.call('GET', KEYS[2]) or '0')
local nextChat = math.max(c, now) + tonumber(ARGV[1])
redis.call('SET', KEYS[2], tostring(nextChat), 'PX', math.ceil(nextChat - now) + 1000)
return 1
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

/** How long a reply waits for Redis to count it before it goes anyway. */
const REPLY_BUDGET_WAIT_MS = 300;

export type SendPacerOptions = { redis: Redis; keyPrefix: string; perSecond?: number; perChatMs?: number; lookaheadMs?: number };

/** Bulk: notices and reminders, paced and spaced per chat. Reply: an answer to someone waiting for it. */
export type SendPriority = "bulk" | "reply";

export class SendPacer {
  private readonly redis: Redis;
  private readonly keyPrefix: string;
  readonly intervalMs: number;
  readonly perChatMs: number;
  readonly lookaheadMs: number;

  constructor(options: SendPacerOptions) {
    this.redis = options.redis;
    this.keyPrefix = options.keyPrefix;
    this.intervalMs = 1000 / (options.perSecond ?? 25);
    this.perChatMs = options.perChatMs ?? 1000;
    this.lookaheadMs = options.lookaheadMs ?? 150;
  }

  /** Waits until this chat may get its next message. */
  async take(chatId: string, priority: SendPriority = "bulk"): Promise<void> {
    const chatKey = `${this.keyPrefix}:chat:${chatId}`;
    if (priority === "reply") {
      // Someone is waiting: while Redis is away the reply goes without its share of the budget.
      await boundedRedisCall(this.redis, () => this.redis.eval(RESERVE_REPLY, 2, `${this.keyPrefix}:debt`, chatKey, this.perChatMs), REPLY_BUDGET_WAIT_MS).catch(() => {});
      return;
    }
    for (;;) {
      // A chat that is not free yet takes no overall slot, so it holds back no other chat.
      const [reserved, wait, chatBefore] = (await this.redis.eval(RESERVE_BULK, 2, `${this.keyPrefix}:global`, chatKey, this.intervalMs, this.perChatMs, this.lookaheadMs)) as [number, number, string?];
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (reserved !== 1) continue;
      if ((await this.redis.eval(CLAIM_BULK, 2, `${this.keyPrefix}:debt`, chatKey, chatBefore ?? "0")) === 1) return;
    }
  }

  /** Holds every sender back for ms (after a 429). */
  async pause(ms: number): Promise<void> {
    await this.redis.eval(PAUSE, 1, `${this.keyPrefix}:global`, Math.max(0, Math.round(ms)));
  }
}
