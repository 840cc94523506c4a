import { redactText } from "./redact-text.ts";

/**
 * Keys whose values are never logged, at any depth: what a person wrote or is sent (Telegram's
 * `payload`, `text`, `caption`, request bodies, answers) and credentials.
 */
const HIDDEN_KEYS = new Set(
  [
    "payload",
    "text",
    "caption",
    "body",
    "rawBody",
    "answer",
    "answers",
    "value",
    "password",
    "token",
    "botToken",
    "secret",
    "secretToken",
    "secret_token",
    "access_token",
    "refresh_token",
    "secret_key",
    "authorization",
    "cookie",
    "x-telegram-bot-api-secret-token",
    "x-zevent-signature",
    "inviteCode",
    "initData",
  ].map((key) => key.toLowerCase()),
);

export const HIDDEN = "[redacted]";

const MAX_DEPTH = 6;
const MAX_ITEMS = 50;

// Fields of an error worth keeping; anything else (a GrammyError's payload, a request's body) is dropped.
const ERROR_FIELDS = ["code", "errno", "syscall", "address", "port", "error_code", "method", "status", "statusCode"] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** An error as a plain object with only known, redacted fields, its causes included. */
export function serializeError(value: unknown, depth = 0): unknown {
  if (!(value instanceof Error)) return redactLogValue(value, depth);
  const error = value as Error & Record<string, unknown>;
  const out: Record<string, unknown> = { type: error.name, message: redactText(error.message ?? "") };
  if (typeof error.stack === "string") out.stack = redactText(error.stack);
  for (const field of ERROR_FIELDS) {
    const v = error[field];
    if (typeof v === "number") out[field] = v;
    else if (typeof v === "string") out[field] = redactText(v);
  }
  if (typeof error.description === "string") out.description = redactText(error.description);
  const retryAfter = (error.parameters as { retry_after?: unknown } | undefined)?.retry_after;
  if (typeof retryAfter === "number") out.retryAfter = retryAfter;
  if (depth < 3) {
    // grammY's HttpError keeps the network failure in `error`; standard errors use `cause`.
    if (error.cause !== undefined) out.cause = serializeError(error.cause, depth + 1);
    if (error.error !== undefined) out.error = serializeError(error.error, depth + 1);
    if (Array.isArray(error.errors)) out.errors = error.errors.slice(0, 5).map((e) => serializeError(e, depth + 1));
  }
  return out;
}

/** A log field with secrets, invite codes and people's words taken out. */
export function redactLogValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (value instanceof Error) return serializeError(value, depth);
  if (depth >= MAX_DEPTH) return typeof value === "object" && value !== null ? "[…]" : value;
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((item) => redactLogValue(item, depth + 1));
  if (value instanceof URL) return redactText(value.toString());
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = HIDDEN_KEYS.has(key.toLowerCase()) ? HIDDEN : redactLogValue(item, depth + 1);
  }
  return out;
}
