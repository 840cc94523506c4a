import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono, type Context } from "hono";
import { zaloSignature } from "../channels/zalo/webhook-signature.ts";
import { fileExtension, ZALO_FILE_TYPES, ZALO_LIMITS } from "../channels/zalo/zalo-message.ts";

/**
 * The error codes this stand-in answers with, from Zalo's OA error table as integrations quote it (see
 * zalo-errors.ts). Clients are tested on the kind of failure, not on these numbers.
 */
export const LOCAL_ZALO_ERRORS = {
  invalidParameters: { error: -201, message: "Parameters are invalid" },
  parameterTooLong: { error: -210, message: "Parameter exceeds allowed limit" },
  notFollower: { error: -213, message: "User has not followed OA" },
  accessTokenInvalid: { error: -216, message: "Access token is invalid" },
  accessTokenExpired: { error: -220, message: "Access token has expired or removed" },
  windowClosed: { error: -230, message: "User has not interacted with the OA in the past 7 days" },
  windowQuotaUsed: { error: -232, message: "User has reached the limit of consultation messages in this interaction window" },
  rateLimited: { error: -32, message: "Exceeded the request limit" },
} as const;

/** Zalo's OAuth answer to a refresh token it does not take (any non-zero `error`). */
export const LOCAL_OAUTH_REFUSAL = { error: -14014, error_name: "Invalid refresh token", error_reason: "refresh token is invalid or used", ref_doc: "" };

export type ZaloEndpoint = "message" | "upload" | "oauth" | "zns";

/** A paid template message (ZNS) the stand-in accepted: it reaches a phone, not a follower, and needs no window. */
export type TemplateDelivery = { phone: string; templateId: string; params: Record<string, string>; trackingId: string; at: number };

export type ZaloCall = {
  endpoint: ZaloEndpoint;
  at: number;
  /** The access token (API) or the refresh token (OAuth) the call carried. */
  token: string | undefined;
  /** The JSON body, the form fields, or for an upload the file's name and size. */
  body: Record<string, unknown>;
  answer: Record<string, unknown>;
};

/** A message the OA delivered to a person. */
export type DeliveredMessage = { userId: string; messageId: string; message: Record<string, unknown>; at: number };

export type WebhookDelivery = { body: string; headers: Record<string, string>; status: number; ms: number };

export type LocalZaloOaOptions = {
  appId?: string;
  oaId?: string;
  appSecret?: string;
  oaSecretKey?: string;
  /** Access token lifetime given in `expires_in` (Zalo reports about 25 h). */
  accessTokenSeconds?: number;
  /** Zalo sends `expires_in` sometimes as a string; the stand-in does so unless told otherwise. */
  expiresInAsNumber?: boolean;
  /** The free messaging window after a person's last message, and how many messages it allows (both unconfirmed). */
  windowMs?: number;
  windowMessages?: number;
  /** Spending a refresh token twice revokes the whole chain, as Zalo's is reported to do. */
  reuseBreaksChain?: boolean;
  /** Where the stand-in posts signed events, as the OA's webhook setting. */
  webhookUrl?: string;
  /** `mac=<hex>` (default) or the bare hex: sources show both forms of the header. */
  signatureStyle?: "mac" | "bare";
  /** Answers instead of the default for a call (faults); undefined keeps the default. */
  respond?: (call: Omit<ZaloCall, "answer">) => Record<string, unknown> | { status: number } | undefined;
  now?: () => number;
};

type UserState = { userIdByApp: string; follower: boolean; lastInboundAt: number | null; sentInWindow: number };
type AccessToken = { expiresAt: number; revoked: boolean; chain: number };
type RefreshToken = { chain: number; uses: number };

const randomId = (bytes = 16) => randomBytes(bytes).toString("hex");
const digits = (count: number) => Array.from(randomBytes(count), (b) => String(b % 10)).join("").replace(/^0/, "1");

/**
 * A local stand-in for Zalo's OA API (openapi.zalo.me) and OAuth (oauth.zaloapp.com), for tests, benches
 * and the demo. It enforces what the bot must respect: access tokens that expire or are invalidated,
 * refresh tokens that work once, 2,000-character texts, 5 buttons, the 5 MB and pdf/doc/docx file limits,
 * followers, and a messaging window per person. It records every call. It also plays the people: it sends
 * signed webhook events (text, button taps, stickers, images, follows) to the configured URL, and can
 * deliver one again.
 */
export class LocalZaloOa {
  readonly appId: string;
  readonly oaId: string;
  readonly appSecret: string;
  readonly oaSecretKey: string;
  readonly calls: ZaloCall[] = [];
  readonly delivered: DeliveredMessage[] = [];
  readonly deliveries: WebhookDelivery[] = [];
  readonly templateMessages: TemplateDelivery[] = [];
  webhookUrl: string | undefined;
  windowMs: number;
  windowMessages: number;
  accessTokenSeconds: number;
  respond: LocalZaloOaOptions["respond"];
  /** Told of every recorded call (the demo prints them). */
  onCall?: (call: ZaloCall) => void;

  private readonly options: LocalZaloOaOptions;
  private readonly now: () => number;
  private readonly users = new Map<string, UserState>();
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly refreshTokens = new Map<string, RefreshToken>();
  private readonly revokedChains = new Set<number>();
  private readonly uploads = new Map<string, { fileName: string; size: number; bytes: Buffer }>();
  /** Files people sent to the OA, served at /files/<id>/<name> as Zalo's storage serves them. */
  private readonly sentFiles = new Map<string, Uint8Array>();
  /** Ids of the sent files the bot downloaded, in order. */
  readonly fileDownloads: string[] = [];
  private nextChain = 1;
  private server: Server | undefined;

  constructor(options: LocalZaloOaOptions = {}) {
    this.options = options;
    this.appId = options.appId ?? "4291763606161179100";
    this.oaId = options.oaId ?? "2840918271937460123";
    this.appSecret = options.appSecret ?? "local-app-secret";
    this.oaSecretKey = options.oaSecretKey ?? "local-oa-secret-key";
    this.accessTokenSeconds = options.accessTokenSeconds ?? 25 * 3600;
    this.windowMs = options.windowMs ?? 48 * 3600_000;
    this.windowMessages = options.windowMessages ?? 8;
    this.webhookUrl = options.webhookUrl;
    this.respond = options.respond;
    this.now = options.now ?? Date.now;
  }

  async start(port = 0): Promise<string> {
    const app = new Hono();
    app.post("/v3.0/oa/message/cs", (c) => this.handleMessage(c));
    app.post("/v2.0/oa/upload/file", (c) => this.handleUpload(c));
    app.post("/v4/oa/access_token", (c) => this.handleOAuth(c));
    app.get("/files/:id/:name", (c) => {
      const bytes = this.sentFiles.get(c.req.param("id"));
      if (!bytes) return c.text("Not Found", 404);
      this.fileDownloads.push(c.req.param("id"));
      return c.body(new Uint8Array(bytes), 200, { "content-type": "application/octet-stream" });
    });
    // ZNS lives on business.openapi.zalo.me; tests point ZALO_ZNS_API_ROOT here too.
    app.post("/message/template", (c) => this.handleTemplate(c));
    app.notFound((c) => c.json({ error: 404, message: "Not Found" }, 404));
    await new Promise<void>((resolve) => {
      this.server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, () => resolve()) as Server;
    });
    return this.root;
  }

  /** The root of both the API and OAuth (ZALO_API_ROOT and ZALO_OAUTH_ROOT). */
  get root(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  // ——— OAuth: what the administrator does in Zalo's console, and the token chain ———

  /** The administrator authorises the app: a new refresh token starts a new chain. */
  authorise(): string {
    const token = `rt-${randomId(24)}`;
    this.refreshTokens.set(token, { chain: this.nextChain++, uses: 0 });
    return token;
  }

  /** How many times each refresh token was presented. */
  refreshTokenUses(): Map<string, number> {
    return new Map([...this.refreshTokens].map(([token, state]) => [token, state.uses]));
  }

  /** Every access token issued so far stops working (Zalo revoked or rotated them). */
  invalidateAccessTokens(): void {
    for (const token of this.accessTokens.values()) token.revoked = true;
  }

  /** Every refresh token issued so far stops working: only a new authorisation helps. */
  revokeRefreshTokens(): void {
    for (const token of this.refreshTokens.values()) this.revokedChains.add(token.chain);
  }

  isAccessTokenValid(token: string): boolean {
    const state = this.accessTokens.get(token);
    return !!state && !state.revoked && !this.revokedChains.has(state.chain) && state.expiresAt > this.now();
  }

  // ——— The people ———

  /** A person follows the OA (without a webhook event; see follow() for the event). */
  addFollower(userId: string): void {
    this.user(userId).follower = true;
  }

  /** A person follows the OA and writes to it, without a webhook event: the window opens. */
  personWrote(userId: string): void {
    const user = this.user(userId);
    user.follower = true;
    this.interacted(user);
  }

  /** The messages the OA delivered to one person, in order. */
  messagesTo(userId: string): DeliveredMessage[] {
    return this.delivered.filter((m) => m.userId === userId);
  }


  /** A person sends a text: the window opens, and a signed user_send_text goes to the webhook. */
  sendText(userId: string, text: string, options: { timestamp?: number } = {}) {
    return this.userMessage(userId, "user_send_text", { text }, options);
  }

  /** A person taps an oa.query.hide button: its payload comes back as their (hidden) text, or as its own event. */
  tapButton(userId: string, payload: string, options: { as?: "user_send_text" | "user_click_button"; timestamp?: number } = {}) {
    return this.userMessage(userId, options.as ?? "user_send_text", { text: payload }, options);
  }

  sendSticker(userId: string) {
    return this.userMessage(userId, "user_send_sticker", {
      attachments: [{ type: "sticker", payload: { id: randomId(4), url: "https://zalo-api.zadn.vn/api/emoticon/sticker/webpc?eid=1" } }],
    });
  }

  sendImage(userId: string) {
    return this.userMessage(userId, "user_send_image", {
      attachments: [{ type: "image", payload: { thumbnail: "https://photo-zmp3.zadn.vn/t.jpg", url: "https://photo-zmp3.zadn.vn/i.jpg" } }],
    });
  }

  /**
   * A person sends a file: it is kept at an address of the stand-in and a signed user_send_file event carries that
   * address, the name and the size (`size` may announce another size than the bytes have).
   */
  sendFile(userId: string, file: { fileName: string; bytes: Uint8Array; size?: number }) {
    const id = randomId(8);
    this.sentFiles.set(id, file.bytes);
    const url = `${this.root}/files/${id}/${encodeURIComponent(file.fileName)}`;
    const size = String(file.size ?? file.bytes.byteLength);
    const type = fileExtension(file.fileName);
    return this.userMessage(userId, "user_send_file", { attachments: [{ type: "file", payload: { url, name: file.fileName, size, type, checksum: randomId(16) } }] });
  }

  /**
   * A file the bot uploaded, by the token the upload answered with or by the message that sent it (its
   * attachment's token): what a person who got it would open.
   */
  uploadedFile(ref: string | DeliveredMessage): { fileName: string; bytes: Buffer } | undefined {
    const token = typeof ref === "string" ? ref : (ref.message as { attachment?: { type?: string; payload?: { token?: unknown } } }).attachment?.payload?.token;
    const upload = typeof token === "string" ? this.uploads.get(token) : undefined;
    return upload && { fileName: upload.fileName, bytes: upload.bytes };
  }

  /** A person follows the OA; following counts as an interaction (the window opens). */
  async follow(userId: string, options: { timestamp?: number } = {}) {
    const user = this.user(userId);
    user.follower = true;
    this.interacted(user);
    const timestamp = String(options.timestamp ?? this.now());
    return this.deliver({ app_id: this.appId, oa_id: this.oaId, user_id_by_app: user.userIdByApp, event_name: "follow", timestamp, source: "oa_profile", follower: { id: userId } });
  }

  async unfollow(userId: string) {
    const user = this.user(userId);
    user.follower = false;
    const timestamp = String(this.now());
    return this.deliver({ app_id: this.appId, oa_id: this.oaId, user_id_by_app: user.userIdByApp, event_name: "unfollow", timestamp, source: "oa_profile", follower: { id: userId } });
  }

  /** The body and signature header of an event, without sending it (tests tamper with them). */
  signedEvent(event: Record<string, unknown>): { body: string; headers: Record<string, string> } {
    const body = JSON.stringify(event);
    const hex = zaloSignature(this.appId, Buffer.from(body, "utf8"), String(event.timestamp), this.oaSecretKey);
    const signature = this.options.signatureStyle === "bare" ? hex : `mac=${hex}`;
    return { body, headers: { "content-type": "application/json", "x-zevent-signature": signature } };
  }

  /** Posts a body with headers to the webhook, as Zalo does, and records how it was answered. */
  async post(body: string, headers: Record<string, string>): Promise<WebhookDelivery> {
    if (!this.webhookUrl) throw new Error("no webhook URL is set");
    const started = performance.now();
    const response = await fetch(this.webhookUrl, { method: "POST", headers, body });
    await response.arrayBuffer();
    const delivery = { body, headers, status: response.status, ms: performance.now() - started };
    this.deliveries.push(delivery);
    return delivery;
  }

  /** Delivers an earlier event again, byte for byte (Zalo retries a delivery it thinks failed). */
  redeliver(delivery: WebhookDelivery): Promise<WebhookDelivery> {
    return this.post(delivery.body, delivery.headers);
  }

  private async deliver(event: Record<string, unknown>): Promise<WebhookDelivery> {
    const { body, headers } = this.signedEvent(event);
    return this.post(body, headers);
  }

  private async userMessage(userId: string, eventName: string, message: Record<string, unknown>, options: { timestamp?: number } = {}) {
    const user = this.user(userId);
    this.interacted(user);
    const timestamp = String(options.timestamp ?? this.now());
    const msgId = randomId(16);
    const delivery = await this.deliver(
      {
        app_id: this.appId,
        user_id_by_app: user.userIdByApp,
        event_name: eventName,
        timestamp,
        sender: { id: userId },
        recipient: { id: this.oaId },
        message: { msg_id: msgId, ...message },
      },
    );
    return { ...delivery, msgId };
  }

  private user(userId: string): UserState {
    let user = this.users.get(userId);
    if (!user) {
      user = { userIdByApp: digits(19), follower: false, lastInboundAt: null, sentInWindow: 0 };
      this.users.set(userId, user);
    }
    return user;
  }

  private interacted(user: UserState): void {
    user.lastInboundAt = this.now();
    user.sentInWindow = 0;
  }

  // ——— The HTTP side ———

  private record(call: Omit<ZaloCall, "answer">, answer: Record<string, unknown>): Record<string, unknown> {
    const recorded = { ...call, answer };
    this.calls.push(recorded);
    this.onCall?.(recorded);
    return answer;
  }

  /** A fault the test asked for, as an HTTP status or a Zalo answer. */
  private fault(c: Context, call: Omit<ZaloCall, "answer">): Response | undefined {
    const custom = this.respond?.(call);
    if (!custom) return undefined;
    if ("status" in custom && typeof custom.status === "number" && Object.keys(custom).length === 1) {
      this.record(call, { httpStatus: custom.status });
      return c.text("upstream error", custom.status as 500);
    }
    return c.json(this.record(call, custom as Record<string, unknown>));
  }

  private tokenProblem(token: string | undefined) {
    const state = token ? this.accessTokens.get(token) : undefined;
    if (!state || state.revoked || this.revokedChains.has(state.chain)) return LOCAL_ZALO_ERRORS.accessTokenInvalid;
    if (state.expiresAt <= this.now()) return LOCAL_ZALO_ERRORS.accessTokenExpired;
    return undefined;
  }

  /**
   * What a JSON call with an access token goes through first: recorded, an injected fault, a bad token. Either
   * the response already decided, or the body and how to answer it.
   */
  private async tokenCall(c: Context, endpoint: "message" | "zns"): Promise<{ done: Response } | { body: Record<string, unknown>; answer: (value: Record<string, unknown>) => Response }> {
    const token = c.req.header("access_token");
    let body: Record<string, unknown>;
    try {
      body = (await c.req.json()) as Record<string, unknown>;
    } catch {
      body = {};
    }
    const call = { endpoint, at: this.now(), token, body };
    const fault = this.fault(c, call);
    if (fault) return { done: fault };
    const answer = (value: Record<string, unknown>) => c.json(this.record(call, value));
    const tokenProblem = this.tokenProblem(token);
    if (tokenProblem) return { done: answer({ ...tokenProblem }) };
    return { body, answer };
  }

  private async handleMessage(c: Context): Promise<Response> {
    const opened = await this.tokenCall(c, "message");
    if ("done" in opened) return opened.done;
    const { body, answer } = opened;
    const recipient = body.recipient as { user_id?: unknown } | undefined;
    const message = body.message as Record<string, unknown> | undefined;
    const userId = typeof recipient?.user_id === "string" ? recipient.user_id : undefined;
    if (!userId || !message || typeof message !== "object") return answer({ ...LOCAL_ZALO_ERRORS.invalidParameters });
    const invalid = this.messageProblem(message);
    if (invalid) return answer({ ...invalid });

    const user = this.users.get(userId);
    if (!user || !user.follower) return answer({ ...LOCAL_ZALO_ERRORS.notFollower });
    if (user.lastInboundAt === null || this.now() - user.lastInboundAt > this.windowMs) return answer({ ...LOCAL_ZALO_ERRORS.windowClosed });
    if (user.sentInWindow >= this.windowMessages) return answer({ ...LOCAL_ZALO_ERRORS.windowQuotaUsed });
    user.sentInWindow++;
    const messageId = randomId(16);
    this.delivered.push({ userId, messageId, message, at: this.now() });
    return answer({ error: 0, message: "Success", data: { message_id: messageId, user_id: userId, sent_time: String(this.now()) } });
  }

  private messageProblem(message: Record<string, unknown>) {
    const text = message.text;
    const attachment = message.attachment as { type?: unknown; payload?: Record<string, unknown> } | undefined;
    if (text === undefined && attachment === undefined) return LOCAL_ZALO_ERRORS.invalidParameters;
    if (text !== undefined && (typeof text !== "string" || text.length === 0)) return LOCAL_ZALO_ERRORS.invalidParameters;
    if (typeof text === "string" && text.length > ZALO_LIMITS.text) return LOCAL_ZALO_ERRORS.parameterTooLong;
    if (!attachment) return undefined;
    if (attachment.type === "file") {
      const fileToken = attachment.payload?.token;
      return typeof fileToken === "string" && this.uploads.has(fileToken) ? undefined : LOCAL_ZALO_ERRORS.invalidParameters;
    }
    if (attachment.type !== "template") return LOCAL_ZALO_ERRORS.invalidParameters;
    const buttons = attachment.payload?.buttons;
    if (!Array.isArray(buttons) || buttons.length === 0) return LOCAL_ZALO_ERRORS.invalidParameters;
    if (buttons.length > ZALO_LIMITS.buttons) return LOCAL_ZALO_ERRORS.parameterTooLong;
    for (const button of buttons as { title?: unknown; type?: unknown; payload?: unknown }[]) {
      if (typeof button.title !== "string" || button.title.length === 0) return LOCAL_ZALO_ERRORS.invalidParameters;
      if (button.title.length > ZALO_LIMITS.buttonTitle) return LOCAL_ZALO_ERRORS.parameterTooLong;
      if (button.type === "oa.query.hide" || button.type === "oa.query.show") {
        if (typeof button.payload !== "string" || button.payload.length === 0) return LOCAL_ZALO_ERRORS.invalidParameters;
        if (button.payload.length > ZALO_LIMITS.buttonPayload) return LOCAL_ZALO_ERRORS.parameterTooLong;
      } else if (button.type === "oa.open.url") {
        const url = (button.payload as { url?: unknown } | undefined)?.url;
        if (typeof url !== "string" || !/^https?:\/\//.test(url)) return LOCAL_ZALO_ERRORS.invalidParameters;
      } else {
        return LOCAL_ZALO_ERRORS.invalidParameters;
      }
    }
    return undefined;
  }

  private async handleTemplate(c: Context): Promise<Response> {
    const opened = await this.tokenCall(c, "zns");
    if ("done" in opened) return opened.done;
    const { body, answer } = opened;
    const { phone, template_id: templateId, template_data: params, tracking_id: trackingId } = body as Record<string, unknown>;
    const validParams = typeof params === "object" && params !== null && Object.values(params).every((v) => typeof v === "string");
    if (typeof phone !== "string" || !/^84\d{9,10}$/.test(phone) || typeof templateId !== "string" || !templateId || !validParams || typeof trackingId !== "string") {
      return answer({ ...LOCAL_ZALO_ERRORS.invalidParameters });
    }
    this.templateMessages.push({ phone, templateId, params: params as Record<string, string>, trackingId, at: this.now() });
    return answer({ error: 0, message: "Success", data: { msg_id: randomId(16), sent_time: String(this.now()), quota: { dailyQuota: "500", remainingQuota: "499" } } });
  }

  private async handleUpload(c: Context): Promise<Response> {
    const token = c.req.header("access_token");
    let file: File | undefined;
    try {
      const form = await c.req.formData();
      const value = form.get("file");
      if (value instanceof File) file = value;
    } catch {
      file = undefined;
    }
    const call = { endpoint: "upload" as const, at: this.now(), token, body: file ? { fileName: file.name, size: file.size } : {} };
    const fault = this.fault(c, call);
    if (fault) return fault;
    const answer = (value: Record<string, unknown>) => c.json(this.record(call, value));
    const tokenProblem = this.tokenProblem(token);
    if (tokenProblem) return answer({ ...tokenProblem });
    if (!file) return answer({ ...LOCAL_ZALO_ERRORS.invalidParameters });
    if (!(fileExtension(file.name) in ZALO_FILE_TYPES)) return answer({ ...LOCAL_ZALO_ERRORS.invalidParameters });
    if (file.size > ZALO_LIMITS.fileBytes) return answer({ ...LOCAL_ZALO_ERRORS.parameterTooLong });
    const fileToken = `file-${randomId(20)}`;
    this.uploads.set(fileToken, { fileName: file.name, size: file.size, bytes: Buffer.from(await file.arrayBuffer()) });
    return answer({ error: 0, message: "Success", data: { token: fileToken } });
  }

  private async handleOAuth(c: Context): Promise<Response> {
    let form: Record<string, string> = {};
    try {
      form = Object.fromEntries(new URLSearchParams(await c.req.text()));
    } catch {
      form = {};
    }
    const refreshToken = form.refresh_token;
    const call = { endpoint: "oauth" as const, at: this.now(), token: refreshToken, body: { ...form, refresh_token: refreshToken ? "…" : undefined } };
    const state = refreshToken ? this.refreshTokens.get(refreshToken) : undefined;
    // Counted before any fault: a refresh token presented is a refresh token possibly spent.
    if (state) state.uses++;
    const fault = this.fault(c, call);
    if (fault) return fault;
    const answer = (value: Record<string, unknown>) => c.json(this.record(call, value));
    if (c.req.header("secret_key") !== this.appSecret || form.app_id !== this.appId || form.grant_type !== "refresh_token") {
      return answer({ error: -14002, error_name: "Invalid app", error_reason: "app_id or secret_key is invalid", ref_doc: "" });
    }
    if (!state || this.revokedChains.has(state.chain)) return answer({ ...LOCAL_OAUTH_REFUSAL });
    if (state.uses > 1) {
      // A second use of one refresh token: the chain is broken for everyone holding it.
      if (this.options.reuseBreaksChain !== false) this.revokedChains.add(state.chain);
      return answer({ ...LOCAL_OAUTH_REFUSAL });
    }
    const accessToken = `at-${randomId(24)}`;
    this.accessTokens.set(accessToken, { expiresAt: this.now() + this.accessTokenSeconds * 1000, revoked: false, chain: state.chain });
    const nextRefresh = `rt-${randomId(24)}`;
    this.refreshTokens.set(nextRefresh, { chain: state.chain, uses: 0 });
    const expiresIn = this.options.expiresInAsNumber ? this.accessTokenSeconds : String(this.accessTokenSeconds);
    return answer({ access_token: accessToken, refresh_token: nextRefresh, expires_in: expiresIn });
  }
}
