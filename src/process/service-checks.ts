import { Redis } from "ioredis";
import type { Database } from "../db/create-prisma.ts";
import { redactUrl } from "../db/create-prisma.ts";

export class ServiceUnreachableError extends Error {
  override name = "ServiceUnreachableError";
}

function reason(error: unknown): string {
  const err = error as { code?: string; message?: string; errors?: { code?: string }[] };
  return err.code ?? err.errors?.[0]?.code ?? err.message ?? String(error);
}

export async function checkDatabase(db: Database): Promise<void> {
  try {
    await db.sql.query("SELECT 1");
  } catch (error) {
    throw new ServiceUnreachableError(
      `PostgreSQL at ${db.location} cannot be reached (${reason(error)}); start it (docker compose up -d postgres) or unset DATABASE_URL to use the embedded database`,
    );
  }
}

export function createRedisConnection(redisUrl: string): Redis {
  // BullMQ workers need maxRetriesPerRequest: null; an offline queue lets the bot keep working while Redis restarts.
  return new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
}

export async function checkRedis(redisUrl: string, timeoutMs = 3000): Promise<void> {
  const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: timeoutMs });
  probe.on("error", () => {});
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw new ServiceUnreachableError(
      `Redis at ${redactUrl(redisUrl)} cannot be reached (${reason(error)}); start it (docker compose up -d redis, or redis-server) or set REDIS_URL`,
    );
  } finally {
    probe.disconnect();
  }
}
