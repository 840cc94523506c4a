import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { Redis } from "ioredis";
import { ZALO_WEBHOOK_PATH, zaloWebhookRoute, type WebhookLogger } from "../../src/channels/zalo/webhook-route.ts";
import { zaloInboundEvent, type ZaloEvent } from "../../src/channels/zalo/zalo-event.ts";
import { createInboundEvents, type InboundEvent, type InboundEventsOptions, type InboundHandler } from "../../src/queue/inbound-events.ts";
import { REDIS_URL } from "./reminder-fixtures.ts";

export type ZaloInstance = {
  url: string;
  inbound: ReturnType<typeof createInboundEvents>;
  /** Events the webhook stored, in the order it stored them. */
  accepted: ZaloEvent[];
  logged: { level: string; obj: Record<string, unknown>; msg: string }[];
  close(): Promise<void>;
};

/**
 * One instance of the bot's Zalo side as the server runs it: the webhook route mounted on a Hono app,
 * listening on a port, storing events in the inbound queue on the shared Redis (under the test's prefix),
 * with a worker that hands them to `handler` when one is given.
 */
export async function startZaloInstance(options: {
  appId: string;
  oaSecretKey: string;
  prefix: string;
  handler?: InboundHandler;
  queue?: Partial<InboundEventsOptions>;
  concurrency?: number;
  now?: () => number;
  /** Acknowledge without storing (the bench's baseline: the route's own cost). */
  store?: boolean;
}): Promise<ZaloInstance> {
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const logged: ZaloInstance["logged"] = [];
  const logger: WebhookLogger = {
    info: (obj, msg) => logged.push({ level: "info", obj, msg }),
    warn: (obj, msg) => logged.push({ level: "warn", obj, msg }),
    error: (obj, msg) => logged.push({ level: "error", obj, msg }),
  };
  const inbound = createInboundEvents({ connection, prefix: options.prefix, logger, ...options.queue });
  const worker = options.handler ? inbound.startWorker(options.handler, { concurrency: options.concurrency ?? 10 }) : undefined;
  const accepted: ZaloEvent[] = [];
  const app = new Hono();
  app.route(
    "/",
    zaloWebhookRoute({
      appId: options.appId,
      oaSecretKey: options.oaSecretKey,
      logger,
      now: options.now,
      accept: async (event) => {
        const inboundEvent = zaloInboundEvent(event);
        if (inboundEvent && options.store !== false) await inbound.accept(inboundEvent);
        accepted.push(event);
      },
    }),
  );
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s as Server)) as Server;
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${ZALO_WEBHOOK_PATH}`,
    inbound,
    accepted,
    logged,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker?.close();
      await inbound.close();
      connection.disconnect();
    },
  };
}

/** Waits until `probe` holds, or fails after `timeoutMs`. */
export async function until(probe: () => boolean | Promise<boolean>, timeoutMs = 15_000, what = "condition"): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export type HandledEvent = InboundEvent<ZaloEvent>;
