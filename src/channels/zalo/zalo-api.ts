import { classifyHttpStatus, classifyZaloError, type ZaloFailure } from "./zalo-errors.ts";
import { fileExtension, ZALO_FILE_TYPES, ZALO_LIMITS, type ZaloMessage } from "./zalo-message.ts";

export type ZaloResult<T> = { ok: true; data: T } | { ok: false; failure: ZaloFailure };

/** Raised by a token source that cannot give an access token. */
export class ZaloTokenError extends Error {
  override name = "ZaloTokenError";
  constructor(
    message: string,
    /** False when waiting cannot help (the token chain is broken until an administrator acts). */
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** Where the client takes access tokens from (the access-token manager). */
export interface ZaloAccessTokens {
  /** A usable access token; throws ZaloTokenError when none can be had. */
  accessToken(): Promise<string>;
  /** Zalo refused `token` as invalid: a newer one, refreshing unless someone already did. */
  replaceRefused(token: string): Promise<string>;
}

export type ZaloApiOptions = {
  /** ZALO_API_ROOT, e.g. https://openapi.zalo.me */
  apiRoot: string;
  tokens: ZaloAccessTokens;
  /** Per request; a send that times out may still have been delivered. */
  timeoutMs?: number;
};

type Answer = { error?: unknown; message?: unknown; data?: unknown };

/**
 * A thin client for the two OA API calls the bot makes: send a consultation message and upload a file.
 * An answer saying the access token is invalid gets one refresh and one more try.
 */
export class ZaloApi {
  private readonly apiRoot: string;
  private readonly tokens: ZaloAccessTokens;
  private readonly timeoutMs: number;

  constructor(options: ZaloApiOptions) {
    this.apiRoot = options.apiRoot.replace(/\/+$/, "");
    this.tokens = options.tokens;
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  /** POST /v3.0/oa/message/cs: text, text with buttons, or a file by its upload token. */
  async sendMessage(userId: string, message: ZaloMessage): Promise<ZaloResult<{ messageId: string }>> {
    const body = JSON.stringify({ recipient: { user_id: userId }, message });
    const result = await this.call(`${this.apiRoot}/v3.0/oa/message/cs`, () => ({ headers: { "content-type": "application/json" }, body }));
    if (!result.ok) return result;
    const data = result.data as { message_id?: unknown } | undefined;
    return { ok: true, data: { messageId: typeof data?.message_id === "string" ? data.message_id : "" } };
  }

  /** POST /v2.0/oa/upload/file: a pdf, doc or docx of at most 5 MB; anything else is refused here, before any request. */
  async uploadFile(fileName: string, bytes: Uint8Array): Promise<ZaloResult<{ token: string }>> {
    const type = ZALO_FILE_TYPES[fileExtension(fileName)];
    if (!type) return { ok: false, failure: { kind: "invalid-request", detail: `Zalo takes only pdf, doc and docx files, not ${fileName}` } };
    if (bytes.byteLength > ZALO_LIMITS.fileBytes) {
      return { ok: false, failure: { kind: "too-large", detail: `${fileName} has ${bytes.byteLength} bytes; Zalo takes at most ${ZALO_LIMITS.fileBytes}` } };
    }
    const result = await this.call(`${this.apiRoot}/v2.0/oa/upload/file`, () => {
      const form = new FormData();
      form.append("file", new Blob([bytes], { type }), fileName);
      return { body: form };
    });
    if (!result.ok) return result;
    const token = (result.data as { token?: unknown } | undefined)?.token;
    if (typeof token !== "string" || !token) return { ok: false, failure: { kind: "transient", detail: "Zalo's upload answer has no token" } };
    return { ok: true, data: { token } };
  }

  /**
   * POST {ZALO_ZNS_API_ROOT}/message/template: a paid template message (ZNS) to a phone number, by a template
   * Zalo has approved. The OA's access token authorises it.
   */
  async sendTemplate(
    znsRoot: string,
    input: { phone: string; templateId: string; params: Record<string, string>; trackingId: string },
  ): Promise<ZaloResult<{ messageId: string }>> {
    const body = JSON.stringify({ phone: input.phone, template_id: input.templateId, template_data: input.params, tracking_id: input.trackingId });
    const result = await this.call(`${znsRoot.replace(/\/+$/, "")}/message/template`, () => ({ headers: { "content-type": "application/json" }, body }));
    if (!result.ok) return result;
    const data = result.data as { msg_id?: unknown } | undefined;
    return { ok: true, data: { messageId: typeof data?.msg_id === "string" ? data.msg_id : "" } };
  }

  private async call(url: string, request: () => { headers?: Record<string, string>; body: string | FormData }): Promise<ZaloResult<unknown>> {
    let token: string;
    try {
      token = await this.tokens.accessToken();
    } catch (error) {
      return tokenUnavailable(error);
    }
    const first = await this.once(url, token, request());
    if (first.ok || first.failure.kind !== "token-invalid") return first;
    try {
      token = await this.tokens.replaceRefused(token);
    } catch (error) {
      return tokenUnavailable(error);
    }
    return this.once(url, token, request());
  }

  private async once(url: string, token: string, request: { headers?: Record<string, string>; body: string | FormData }): Promise<ZaloResult<unknown>> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { ...request.headers, access_token: token },
        body: request.body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const name = (error as Error).name;
      const detail = name === "TimeoutError" ? `no answer from Zalo within ${this.timeoutMs} ms` : `cannot reach Zalo (${(error as Error).message})`;
      return { ok: false, failure: { kind: "transient", detail } };
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      return { ok: false, failure: classifyHttpStatus(response.status) };
    }
    let answer: Answer;
    try {
      answer = (await response.json()) as Answer;
    } catch {
      return { ok: false, failure: { kind: "transient", detail: "Zalo's answer is not JSON" } };
    }
    const code = Number(answer.error ?? 0);
    if (!Number.isFinite(code)) return { ok: false, failure: { kind: "transient", detail: "Zalo's answer has no error code" } };
    if (code !== 0) return { ok: false, failure: classifyZaloError(code, answer.message) };
    return { ok: true, data: answer.data };
  }
}

/** No access token: the chain is broken (an administrator must act), or OAuth or the token store is away for now. */
function tokenUnavailable(error: unknown): { ok: false; failure: ZaloFailure } {
  if (error instanceof ZaloTokenError) return { ok: false, failure: { kind: error.retryable ? "token-unavailable" : "token-chain-broken", detail: error.message } };
  return { ok: false, failure: { kind: "token-unavailable", detail: `the Zalo token store cannot be read (${(error as Error).message})` } };
}
