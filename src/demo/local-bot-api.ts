import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedCall = { method: string; payload: Record<string, unknown>; at: number };

/** A reply the fake gives instead of the default: a Bot API error or a custom result. */
export type FakeReply =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } };

export type FakeBotApiOptions = {
  botInfo?: { id: number; username: string; first_name: string };
  /** Decides per call; return undefined for the default answer. */
  respond?: (call: RecordedCall) => FakeReply | undefined | Promise<FakeReply | undefined>;
};

async function readPayload(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers["content-type"] ?? "";
  if (body.length === 0) return {};
  if (type.includes("application/json")) return JSON.parse(body.toString("utf8"));
  if (type.includes("multipart/form-data")) {
    // Files are kept as their byte length and name; other fields as text.
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
    const marker = `--${boundary?.[1] ?? boundary?.[2]}`;
    const payload: Record<string, unknown> = {};
    for (const part of body.toString("latin1").split(marker)) {
      // grammY writes `;filename=name.docx` without quotes or spaces; browsers quote it.
      const match = /name="([^"]+)"(?:;\s*filename="?([^"\r\n]*)"?)?\r\n(?:[^\r\n]*\r\n)*?\r\n([\s\S]*)\r\n$/.exec(part);
      if (!match) continue;
      const [, name, filename, content] = match;
      if (filename !== undefined) payload[name!] = { filename, bytes: Buffer.from(content!, "latin1") };
      else payload[name!] = Buffer.from(content!, "latin1").toString("utf8");
    }
    return payload;
  }
  return Object.fromEntries(new URLSearchParams(body.toString("utf8")));
}

/** A file people "sent" to the bot: getFile tells its path, the file route serves its bytes. */
type HostedFile = { fileId: string; path: string; bytes: Uint8Array; size: number };

/**
 * A local stand-in for api.telegram.org, for tests and the demo: records every call, answers getMe/sendMessage/…,
 * serves queued updates to getUpdates (long polling included), and files sent to the bot (getFile and
 * /file/bot<token>/<path>).
 */
export class FakeBotApi {
  readonly calls: RecordedCall[] = [];
  readonly botInfo;
  private server: Server;
  private updates: Record<string, unknown>[] = [];
  // Like Telegram's, update ids never repeat across runs (bots remember handled ids in Redis).
  private nextUpdateId = Date.now() % 1_000_000_000;
  private nextMessageId = 1000;
  private waiters: (() => void)[] = [];
  private callWaiters: { predicate: (call: RecordedCall) => boolean; resolve: (call: RecordedCall) => void }[] = [];
  private files = new Map<string, HostedFile>();
  /** Paths of the files downloaded, in order. */
  readonly downloads: string[] = [];
  respond: FakeBotApiOptions["respond"];
  /** Told of every recorded call with the result the bot received (the demo prints them). */
  onCall?: (call: RecordedCall, reply: FakeReply) => void;

  constructor(options: FakeBotApiOptions = {}) {
    this.botInfo = options.botInfo ?? { id: 42, username: "tong_hop_test_bot", first_name: "Tổng hợp" };
    this.respond = options.respond;
    this.server = createServer((req, res) => {
      if (req.url?.startsWith("/file/")) {
        this.serveFile(req.url, res);
        return;
      }
      this.handle(req)
        .then((reply) => {
          res.writeHead(reply.ok ? 200 : reply.error_code, { "content-type": "application/json" });
          res.end(JSON.stringify(reply));
        })
        .catch((error) => {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ ok: false, error_code: 500, description: String(error) }));
        });
    });
  }

  async start(port = 0): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(port, "127.0.0.1", resolve));
    return this.apiRoot;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const wake of this.waiters.splice(0)) wake();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Queues an update for getUpdates; returns its update_id. */
  pushUpdate(update: Record<string, unknown>): number {
    const update_id = this.nextUpdateId++;
    this.updates.push({ update_id, ...update });
    for (const wake of this.waiters.splice(0)) wake();
    return update_id;
  }

  /**
   * Keeps a file as if a person had sent it; the `document` of a message update. `size` is what the update and
   * getFile tell (by default the real one), so a test can announce a size the bytes do not have.
   */
  addFile(bytes: Uint8Array, options: { fileName: string; mimeType?: string; size?: number }): Record<string, unknown> {
    const n = this.files.size + 1;
    const file: HostedFile = { fileId: `file-${n}-${Date.now().toString(36)}`, path: `documents/file_${n}.${options.fileName.split(".").pop()}`, bytes, size: options.size ?? bytes.byteLength };
    this.files.set(file.fileId, file);
    return { file_id: file.fileId, file_unique_id: `u${file.fileId}`, file_name: options.fileName, mime_type: options.mimeType ?? "application/octet-stream", file_size: file.size };
  }

  private serveFile(url: string, res: ServerResponse): void {
    const match = /^\/file\/bot[^/]+\/(.+)$/.exec(url);
    const file = match ? [...this.files.values()].find((f) => f.path === decodeURIComponent(match[1]!)) : undefined;
    if (!file) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error_code: 404, description: "Not Found" }));
      return;
    }
    this.downloads.push(file.path);
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(file.bytes.byteLength) });
    res.end(file.bytes);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves with the first call (past or future) that matches. */
  waitForCall(predicate: (call: RecordedCall) => boolean, timeoutMs = 10_000): Promise<RecordedCall> {
    const seen = this.calls.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching Bot API call within ${timeoutMs} ms`)), timeoutMs);
      this.callWaiters.push({
        predicate,
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      });
    });
  }

  private async handle(req: IncomingMessage): Promise<FakeReply> {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)/.exec(req.url ?? "");
    if (!match) return { ok: false, error_code: 404, description: "Not Found" };
    const call: RecordedCall = { method: match[2]!, payload: await readPayload(req), at: Date.now() };
    if (call.method !== "getUpdates") {
      this.calls.push(call);
      for (const waiter of this.callWaiters.splice(0)) {
        if (waiter.predicate(call)) waiter.resolve(call);
        else this.callWaiters.push(waiter);
      }
    }
    const custom = (await this.respond?.(call)) ?? this.fileReply(call);
    const reply: FakeReply = custom ?? { ok: true, result: await this.defaultResult(call) };
    if (call.method !== "getUpdates") this.onCall?.(call, reply);
    return reply;
  }

  /** getFile: where a kept file can be downloaded, as Telegram answers it. */
  private fileReply(call: RecordedCall): FakeReply | undefined {
    if (call.method !== "getFile") return undefined;
    const file = this.files.get(String(call.payload.file_id));
    if (!file) return { ok: false, error_code: 400, description: "Bad Request: invalid file_id" };
    return { ok: true, result: { file_id: file.fileId, file_unique_id: `u${file.fileId}`, file_size: file.size, file_path: file.path } };
  }

  private async defaultResult(call: RecordedCall): Promise<unknown> {
    const { method, payload } = call;
    switch (method) {
      case "getMe":
        return { ...this.botInfo, is_bot: true, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
      case "getUpdates": {
        const offset = Number(payload.offset ?? 0);
        this.updates = this.updates.filter((u) => Number(u.update_id) >= offset);
        if (this.updates.length === 0 && Number(payload.timeout ?? 0) > 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, Math.min(Number(payload.timeout) * 1000, 1000));
            this.waiters.push(() => {
              clearTimeout(timer);
              resolve();
            });
          });
        }
        // At most `limit` (Telegram: 1–100, default 100) per call, like Telegram.
        const limit = Math.min(100, Math.max(1, Number(payload.limit ?? 100)));
        return this.updates.filter((u) => Number(u.update_id) >= offset).slice(0, limit);
      }
      case "sendMessage":
      case "sendDocument":
      case "editMessageText":
        return {
          // An edit keeps the message's id, as Telegram does.
          message_id: method === "editMessageText" && payload.message_id !== undefined ? Number(payload.message_id) : this.nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(payload.chat_id), type: "private" },
          text: payload.text,
        };
      default:
        return true;
    }
  }
}
