import { describe, expect, it } from "vitest";
import { boundedRedisCall, RedisUnavailableError, waitAtMost } from "../src/queue/bounded-redis.ts";

const never = () => new Promise<never>(() => {});

describe("Redis work someone waits for", () => {
  it("is refused at once while the connection is lost, without starting it", async () => {
    let started = false;
    for (const status of ["reconnecting", "close", "end"]) {
      await expect(boundedRedisCall({ status }, async () => void (started = true), 10_000)).rejects.toBeInstanceOf(RedisUnavailableError);
    }
    expect(started).toBe(false);
  });

  it("runs while the connection is up or still coming up, and gives up when Redis does not answer", async () => {
    await expect(boundedRedisCall({ status: "ready" }, async () => "OK", 1000)).resolves.toBe("OK");
    await expect(boundedRedisCall({ status: "connecting" }, async () => "OK", 1000)).resolves.toBe("OK");
    await expect(boundedRedisCall({ status: "ready" }, never, 20)).rejects.toThrow("did not answer within 20 ms");
    await expect(boundedRedisCall({ status: "ready" }, async () => Promise.reject(new Error("WRONGTYPE")), 1000)).rejects.toThrow("WRONGTYPE");
  });

  it("waitAtMost stops waiting but lets the work finish, and reports a late failure", async () => {
    let fail!: (error: Error) => void;
    const work = new Promise<string>((_, reject) => (fail = reject));
    const late: unknown[] = [];
    expect(await waitAtMost(work, 20, (error) => late.push(error))).toEqual({ settled: false });
    fail(new Error("lost"));
    await new Promise((r) => setTimeout(r, 0));
    expect(late).toEqual([new Error("lost")]);
    expect(await waitAtMost(Promise.resolve(3), 1000)).toEqual({ settled: true, value: 3 });
    await expect(waitAtMost(Promise.reject(new Error("early")), 1000)).rejects.toThrow("early");
  });
});
