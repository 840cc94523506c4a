import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { webhookCallback, type Bot } from "grammy";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { BotContext } from "../channels/telegram/context.ts";
import type { Logger } from "../logger.ts";
import { checkHealth, publicHealth, type HealthCheck } from "./health.ts";

export const WEBHOOK_PATH = "/telegram/webhook";

/** Mounts another part's routes (a channel's webhook, a web form) on the shared server. */
export type HttpRoutes = (app: Hono) => void;

export type HttpServerOptions = {
  logger: Logger;
  healthChecks: Record<string, HealthCheck>;
  /** Webhook mode: updates arrive by POST and must carry X-Telegram-Bot-Api-Secret-Token. */
  webhook?: { bot: Bot<BotContext>; secretToken: string };
  routes?: HttpRoutes[];
};

export type HttpServer = {
  app: Hono;
  server: Server;
  /** Resolves with the port it listens on (useful with 0); rejects with the listen error (EADDRINUSE …). */
  listen(port: number, host?: string): Promise<number>;
  /** Stops taking connections and waits for the requests in hand. */
  close(): Promise<void>;
};

// A Telegram update is a few kilobytes; anything far larger is not one.
const MAX_UPDATE_BYTES = 1024 * 1024;

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { logger, healthChecks, webhook } = options;
  const app = new Hono();

  // Public: up or down per dependency; the reasons go to the log only.
  const health = async (c: Context) => {
    const report = await checkHealth(healthChecks);
    if (report.status !== "ok") logger.warn({ checks: report.checks }, "health check failed");
    c.header("cache-control", "no-store");
    return c.json(publicHealth(report), report.status === "ok" ? 200 : 503);
  };
  app.get("/healthz", health);
  app.get("/health", health);

  if (webhook) {
    // grammY answers 401 itself when the secret token header is missing or wrong.
    const handleUpdate = webhookCallback(webhook.bot, "hono", {
      secretToken: webhook.secretToken,
      onTimeout: "return",
      timeoutMilliseconds: 55_000,
    });
    app.post(WEBHOOK_PATH, bodyLimit({ maxSize: MAX_UPDATE_BYTES, onError: (c) => c.body(null, 413) }), async (c) => {
      try {
        return await handleUpdate(c);
      } catch (error) {
        // A failure the bot did not answer itself: 500, so Telegram delivers the update again.
        logger.error({ err: error }, "webhook update failed");
        return c.body(null, 500);
      }
    });
    app.all(WEBHOOK_PATH, (c) => c.body(null, 405, { allow: "POST" }));
  }

  for (const mount of options.routes ?? []) mount(app);

  app.notFound((c) => c.text("not found", 404));
  // Nothing about a failure is shown to whoever asked; the log has it.
  app.onError((error, c) => {
    logger.error({ err: error, path: c.req.path }, "HTTP request failed");
    return c.text("internal error", 500);
  });

  const server = createServer(
    getRequestListener(app.fetch, {
      errorHandler: (error) => {
        logger.warn({ err: error }, "unreadable HTTP request");
        return new Response(null, { status: 400 });
      },
    }),
  );

  return {
    app,
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        const fail = (error: Error) => reject(error);
        server.once("error", fail);
        server.listen(port, host, () => {
          server.off("error", fail);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    close() {
      if (!server.listening) return Promise.resolve();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}
