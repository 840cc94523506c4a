import { ConfigError } from "../config.ts";
import { MigrationError } from "../db/migrate.ts";
import { redactText } from "../logging/redact-text.ts";
import { ServiceUnreachableError } from "./service-checks.ts";
import { StartupError } from "./startup-error.ts";

function isExplained(error: unknown): error is Error {
  return error instanceof ConfigError || error instanceof ServiceUnreachableError || error instanceof MigrationError || error instanceof StartupError;
}

/**
 * Ends a process that could not start with one line on stderr, secrets removed. A failure nobody
 * foresaw also gets one line; its stack is printed only with LOG_LEVEL=debug or trace.
 */
export function failAndExit(error: unknown, env: NodeJS.ProcessEnv = process.env): never {
  if (isExplained(error)) {
    process.stderr.write(`${redactText(error.message)}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    const verbose = env.LOG_LEVEL === "debug" || env.LOG_LEVEL === "trace";
    process.stderr.write(`could not start: ${redactText(message.split("\n")[0] ?? "")}${verbose ? "" : " (LOG_LEVEL=debug prints where it failed)"}\n`);
    if (verbose && error instanceof Error && error.stack) process.stderr.write(`${redactText(error.stack)}\n`);
  }
  process.exit(1);
}
