/**
 * What a failed Zalo call means for the bot. Zalo answers `{error, message, data}` with HTTP 200 even when
 * it fails, so the `error` number decides.
 *
 * - token-invalid: the access token is invalid or expired; refresh once and send again.
 * - window-closed: the free messaging window after the person's last message is over; not retried.
 * - unreachable: the person does not follow the OA (never did, unfollowed, blocked); not retried.
 * - rate-limited: too many calls, or the quota is used; wait and send again.
 * - invalid-request: the request itself is wrong (a bug or a limit); sending it again cannot help.
 * - refused: the OA or app cannot use this API (deleted, not registered, disabled): an administrator's matter.
 * - too-large: a file over Zalo's size limit, refused before any request.
 * - token-unavailable: no access token could be had now (Zalo's OAuth unreachable); may be retried.
 * - token-chain-broken: Zalo refused the refresh token; nothing works until an administrator authorises again.
 * - transient: a 5xx, a timeout, a broken connection or an unreadable answer; may be retried.
 * - unknown: a code not in the table; not retried (a send has no idempotency key, a retry may repeat it).
 */
export type ZaloFailureKind =
  | "token-invalid"
  | "window-closed"
  | "unreachable"
  | "rate-limited"
  | "invalid-request"
  | "refused"
  | "too-large"
  | "token-unavailable"
  | "token-chain-broken"
  | "transient"
  | "unknown";

export type ZaloFailure = { kind: ZaloFailureKind; code?: number; detail: string; retryAfterMs?: number };

type Entry = { kind: ZaloFailureKind; meaning: string; retryAfterMs?: number };

/**
 * Zalo OA error codes. The numbers come from Zalo's OA error table (docs.zaloplatforms.com/docs/OA/phu-luc/ma-loi,
 * formerly developers.zalo.me …/official-account-api/phu-luc/ma-loi-post-3234) as published integrations quote
 * and use it:
 * - chatwoot/chatwoot (app/services/zalo/send_on_zalo_service.rb): on -216 it refreshes the token and sends again;
 * - a published CRM integration's table of facts checked against the official hub (2026-09): -216 invalid token,
 *   -220 expired or removed, -204/-205/-212/-219 terminal, -32 the rate limit, -213 "not a follower",
 *   -230/-232 seven days without an interaction;
 * - khoicodedao/Poto_platform (lib/constants/zalo.ts, docs/FIX_ERROR_230.md): -230 returned in practice for
 *   "not interacted in the past 7 days"; -124 for an expired token.
 *
 * Sources disagree on some numbers: Poto_platform reads -213 as "no interaction in 48 h", -201 as "not
 * following" and -216 as "quota exceeded"; CareSoft's table (doc.caresoft.vn, "Bảng mã khi gửi tin nhắn theo
 * Zalo ID") numbers its codes differently (-201 invalid access token, -203 invalid parameter). The table below
 * follows the official table where they differ, and the tests check the kinds, not the numbers.
 */
export const ZALO_ERRORS: ReadonlyMap<number, Entry> = new Map<number, Entry>([
  [-216, { kind: "token-invalid", meaning: "access token is invalid" }],
  [-220, { kind: "token-invalid", meaning: "access token has expired or was removed" }],
  [-124, { kind: "token-invalid", meaning: "access token has expired" }],
  [-230, { kind: "window-closed", meaning: "the person has not interacted with the OA recently" }],
  [-232, { kind: "window-closed", meaning: "no interaction with the OA within the allowed window" }],
  [-213, { kind: "unreachable", meaning: "the person does not follow the OA" }],
  [-32, { kind: "rate-limited", meaning: "request limit exceeded", retryAfterMs: 60_000 }],
  // Unconfirmed (one source): the OA's sending quota is used up.
  [-211, { kind: "rate-limited", meaning: "out of quota", retryAfterMs: 3600_000 }],
  [-201, { kind: "invalid-request", meaning: "parameters are invalid" }],
  [-210, { kind: "invalid-request", meaning: "a parameter exceeds its limit" }],
  [-204, { kind: "refused", meaning: "the OA has been deleted" }],
  [-205, { kind: "refused", meaning: "the OA does not exist" }],
  [-212, { kind: "refused", meaning: "the OA has not registered this API" }],
  [-219, { kind: "refused", meaning: "the app has been removed or disabled" }],
]);

/** The failure an answer's `error` code stands for. Zalo's own message is kept short and never holds a person's text. */
export function classifyZaloError(code: number, message: unknown): ZaloFailure {
  const entry = ZALO_ERRORS.get(code);
  const said = typeof message === "string" ? message.slice(0, 200) : "";
  const detail = `Zalo error ${code}: ${entry?.meaning ?? "unknown error"}${said ? ` (${said})` : ""}`;
  if (!entry) return { kind: "unknown", code, detail };
  return { kind: entry.kind, code, detail, ...(entry.retryAfterMs !== undefined ? { retryAfterMs: entry.retryAfterMs } : {}) };
}

/** The failure an HTTP status other than 200 stands for. */
export function classifyHttpStatus(status: number): ZaloFailure {
  if (status === 429) return { kind: "rate-limited", detail: "HTTP 429 from Zalo", retryAfterMs: 60_000 };
  if (status >= 500) return { kind: "transient", detail: `HTTP ${status} from Zalo` };
  return { kind: "invalid-request", detail: `HTTP ${status} from Zalo` };
}
