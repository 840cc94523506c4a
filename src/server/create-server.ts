import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { webhookCallback, type Bot } from "grammy";
import type { BotContext } from "../channels/telegram/context.ts";
import type { Logger } from "../logger.ts";
import { checkHealth, type HealthCheck } from "./health.ts";

export const WEBHOOK_PATH = "/telegram/webhook";

export type HttpServerOptions = {
  logger: Logger;
  healthChecks: Record<string, HealthCheck>;
  /** Webhook mode: updates arrive by POST and must carry X-Telegram-Bot-Api-Secret-Token. */
  webhook?: { bot: Bot<BotContext>; secretToken: string };
};

export type HttpServer = { server: Server; listen(port: number): Promise<number>; close(): Promise<void> };

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { logger, healthChecks, webhook } = options;
  // grammY answers 401 itself when the secret token header is missing or wrong.
  const handleUpdate = webhook
    ? webhookCallback(webhook.bot, "http", { secretToken: webhook.secretToken, onTimeout: "return", timeoutMilliseconds: 55_000 })
    : undefined;

  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && (path === "/healthz" || path === "/health")) {
      checkHealth(healthChecks).then((report) => {
        res.writeHead(report.status === "ok" ? 200 : 503, { "content-type": "application/json" });
        res.end(JSON.stringify(report));
      });
      return;
    }
    if (handleUpdate && path === WEBHOOK_PATH) {
      if (req.method !== "POST") {
        res.writeHead(405, { allow: "POST" }).end();
        return;
      }
      handleUpdate(req, res).catch((error: unknown) => {
        logger.error({ err: error }, "webhook update failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });

  return {
    server,
    listen(port) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, () => resolve((server.address() as AddressInfo).port));
      });
    },
    close() {
      server.closeIdleConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
