import { ConfigError } from "../config.ts";
import { MigrationError } from "../db/migrate.ts";
import { ServiceUnreachableError } from "./service-checks.ts";

/** Start-up failures the operator can fix end the process with one line, not a stack trace. */
export function failAndExit(error: unknown): never {
  if (error instanceof ConfigError || error instanceof ServiceUnreachableError || error instanceof MigrationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
}
