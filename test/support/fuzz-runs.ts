import type fc from "fast-check";
import { onTestFailed } from "vitest";

/**
 * fast-check parameters for one property, called inside the test: a seed chosen here (FC_SEED replays one),
 * printed whenever the test fails — a failed property (fast-check's own report names it too) or a timeout
 * (which fast-check never sees) — and a time budget after which no new run starts, so a loaded machine runs
 * fewer cases rather than hitting the test's timeout.
 */
export function fuzzParameters<T>(numRuns: number, budgetMs: number): fc.Parameters<T> {
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31);
  onTestFailed(() => {
    console.error(`fast-check seed ${seed}: replay with FC_SEED=${seed}`);
  });
  return { numRuns, seed, interruptAfterTimeLimit: budgetMs, markInterruptAsFailure: false };
}
