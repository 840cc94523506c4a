import type { Redis } from "ioredis";

/** Jobs queued together for one request; the person who asked hears how they went once all are done. */
export type BatchRef = { id: string; total: number; requesterId: number | null };

/** How a finished batch went: a count per outcome, and the notes recorded with them ("unreachable:12"). */
export type BatchTotals = { counts: Record<string, number>; notes: string[] };

const TTL_SECONDS = 7 * 24 * 3600;

// One job is counted once, even when it runs again after a crash: its id joins the batch's set first.
const RECORD = `
if redis.call('SADD', KEYS[2], ARGV[1]) == 0 then return -1 end
redis.call('HINCRBY', KEYS[1], ARGV[2], 1)
if ARGV[3] ~= '' then redis.call('RPUSH', KEYS[3], ARGV[3]) end
local done = redis.call('HINCRBY', KEYS[1], 'done', 1)
for i = 1, 3 do redis.call('EXPIRE', KEYS[i], ${TTL_SECONDS}) end
return done`;

/**
 * Counts the outcomes of a batch's jobs in Redis (shared by every worker process). `record` answers the
 * batch's totals exactly once: to the call that counts its last job.
 */
export function createBatchTally(connection: Redis, keyPrefix: string) {
  const keys = (id: string) => [`${keyPrefix}:batch:${id}`, `${keyPrefix}:batch:${id}:jobs`, `${keyPrefix}:batch:${id}:notes`];
  return {
    async record(batch: BatchRef, jobId: string, outcome: string, note?: string): Promise<BatchTotals | null> {
      const [counts, jobs, notes] = keys(batch.id);
      const done = Number(await connection.eval(RECORD, 3, counts!, jobs!, notes!, jobId, outcome, note ?? ""));
      if (done !== batch.total) return null;
      const [all, noted] = await Promise.all([connection.hgetall(counts!), connection.lrange(notes!, 0, -1)]);
      return { counts: Object.fromEntries(Object.entries(all).map(([key, value]) => [key, Number(value)])), notes: noted };
    },
  };
}
