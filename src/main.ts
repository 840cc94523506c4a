import type { AppMode } from "./app.ts";
import { loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";
import { failAndExit } from "./process/fail-and-exit.ts";

const mode = (process.argv[2] ?? "all") as AppMode;
if (!["all", "bot", "worker"].includes(mode)) {
  process.stderr.write(`unknown mode "${mode}": use all, bot or worker\n`);
  process.exit(2);
}

try {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL, { mode });
  // Loaded once the configuration is valid: a wrong setting is reported without loading the whole app.
  const { startApp } = await import("./app.ts");
  const app = await startApp(mode, config, logger);
  // Anything that escapes from now on is logged like every other line (redacted), not printed raw.
  const crash = (error: unknown) => {
    logger.fatal({ err: error }, "unexpected failure; exiting");
    process.exit(1);
  };
  process.on("uncaughtException", crash);
  process.on("unhandledRejection", crash);
  logger.info({ port: app.port ?? null }, "started");
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping: finishing the work in hand");
    await app.stop();
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
} catch (error) {
  failAndExit(error);
}
