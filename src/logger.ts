import pino from "pino";
import { redactLogValue, serializeError } from "./logging/redact-log-value.ts";
import { redactText } from "./logging/redact-text.ts";

export type Logger = pino.Logger;

/**
 * Every line passes through redaction: errors keep only known fields (no Bot API payloads), strings lose
 * tokens, passwords and invite codes, and fields that carry what people wrote are replaced.
 */
export function createLogger(level: string, base: Record<string, unknown> = {}, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "tong-hop", ...base },
    formatters: { log: (object) => redactLogValue(object) as Record<string, unknown> },
    serializers: { err: serializeError, error: serializeError, msg: (msg: unknown) => (typeof msg === "string" ? redactText(msg) : msg) },
  };
  return destination ? pino(options, destination) : pino(options);
}
