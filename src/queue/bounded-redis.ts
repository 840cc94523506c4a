/**
 * The shared Redis connection has BullMQ's settings (maxRetriesPerRequest: null and an offline queue):
 * a command issued while Redis is away waits until it is back. Work done while a person waits for an
 * answer must not wait with it; these helpers bound that wait.
 */

export class RedisUnavailableError extends Error {
  override name = "RedisUnavailableError";
}

/** ioredis' connection state ("ready", "connecting", "reconnecting", …). */
export type RedisState = { status: string };

/** The state of the connection a BullMQ queue was given; assumed up when it made its own. */
export function queueConnectionState(queue: { opts: { connection?: unknown } }): RedisState {
  const connection = queue.opts.connection;
  return connection !== null && typeof connection === "object" && "status" in connection ? (connection as RedisState) : { status: "ready" };
}

// ioredis states of a connection that was lost: commands would wait in the offline queue.
const LOST = new Set(["reconnecting", "close", "end"]);

/** Refuses `work` at once while the connection is lost, and gives up waiting for it after `timeoutMs`. */
export async function boundedRedisCall<T>(client: RedisState, work: () => Promise<T>, timeoutMs: number): Promise<T> {
  if (LOST.has(client.status)) throw new RedisUnavailableError(`Redis is not connected (${client.status})`);
  const result = await waitAtMost(work(), timeoutMs);
  if (!result.settled) throw new RedisUnavailableError(`Redis did not answer within ${timeoutMs} ms`);
  return result.value;
}

/**
 * Waits for work already started at most `timeoutMs`; after that the work goes on by itself (queued
 * commands run when Redis is back) and a late failure goes to `onLateError`.
 */
export async function waitAtMost<T>(
  work: Promise<T>,
  timeoutMs: number,
  onLateError: (error: unknown) => void = () => {},
): Promise<{ settled: true; value: T } | { settled: false }> {
  let timer: NodeJS.Timeout | undefined;
  let late = false;
  const timeout = new Promise<{ settled: false }>((resolve) => {
    timer = setTimeout(() => {
      late = true;
      resolve({ settled: false });
    }, timeoutMs);
  });
  const done = work.then(
    (value) => ({ settled: true as const, value }),
    (error: unknown) => {
      if (late) {
        onLateError(error);
        return { settled: false as const };
      }
      throw error;
    },
  );
  try {
    return await Promise.race([done, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
