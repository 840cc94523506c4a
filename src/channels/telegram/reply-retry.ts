import { HttpError, type Transformer } from "grammy";

export type ReplyRetryOptions = {
  /** All pauses of one call together stay within this. */
  maxWaitMs?: number;
  /** First pause after a 5xx or a network failure; each next one doubles. */
  firstDelayMs?: number;
};

type Signal = { addEventListener(type: "abort", listener: () => void, options?: { once: boolean }): void; removeEventListener(type: "abort", listener: () => void): void };

function sleep(ms: number, signal?: Signal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error("request aborted while waiting to retry"));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Retries the Bot API calls of an update a person waits on: a 429 whose retry_after fits, 5xx answers and
 * network failures, with doubling pauses, but waits no more than a few seconds in all. A reply that cannot
 * go out soon is not worth sending minutes later: the call fails, and the person is told to try again.
 */
export function replyRetry(options: ReplyRetryOptions = {}): Transformer {
  const maxWaitMs = options.maxWaitMs ?? 5000;
  const firstDelayMs = options.firstDelayMs ?? 500;
  return async (prev, method, payload, signal) => {
    let waited = 0;
    let backoff = firstDelayMs;
    const pause = async (ms: number) => {
      await sleep(ms, signal);
      waited += ms;
    };
    for (;;) {
      let result;
      try {
        result = await prev(method, payload, signal);
      } catch (error) {
        if (!(error instanceof HttpError) || signal?.aborted || waited + backoff > maxWaitMs) throw error;
        await pause(backoff);
        backoff *= 2;
        continue;
      }
      if (result.ok) return result;
      const retryAfter = result.parameters?.retry_after;
      if (typeof retryAfter === "number") {
        if (waited + retryAfter * 1000 > maxWaitMs) return result;
        await pause(retryAfter * 1000);
        continue;
      }
      if (result.error_code < 500 || waited + backoff > maxWaitMs) return result;
      await pause(backoff);
      backoff *= 2;
    }
  };
}
