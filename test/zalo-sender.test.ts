import { describe, expect, it } from "vitest";
import { ZaloApi } from "../src/channels/zalo/zalo-api.ts";
import { ZaloSender } from "../src/channels/zalo/zalo-sender.ts";
import { createDatabase } from "../src/db/create-prisma.ts";
import type { OutChoice } from "../src/messaging/out-reply.ts";
import { localZaloTokens } from "./support/zalo-tokens.ts";
import { useLocalZaloSender } from "./support/local-zalo-sender.ts";

const USER = "8460000000000000201";

describe("sending to Zalo: limits respected, refusals classified, nothing retried that cannot succeed", () => {
  const local = useLocalZaloSender({ listHint: "Anh/Chị gõ số hoặc từ khóa." });
  const start = local.start;

  /** The person follows the OA and writes to it, which opens the free messaging window. */
  const personWrote = async (userId = USER) => local.zalo.personWrote(userId);

  const messageCalls = () => local.zalo.calls.filter((call) => call.endpoint === "message");
  const choice = (label: string, typed?: string): OutChoice => ({ label, payload: `c:${label}:Ab12Cd34`.replaceAll(" ", "_"), ...(typed ? { typed } : {}) });

  it("a 3,000-character text with seven choices arrives as two messages within 2,000 characters, the list in the text", async () => {
    await start();
    await personWrote();
    const paragraphs = Array.from({ length: 7 }, (_, i) => `Mục ${i + 1}. ${"Đơn vị đã tổ chức hội nghị cán bộ, công chức, viên chức năm 2024. ".repeat(7).trim()}`);
    const text = paragraphs.join("\n\n");
    expect(text.length).toBeGreaterThan(3000);
    const choices = [[choice("Quý I"), choice("Quý II"), choice("Quý III"), choice("Quý IV")], [choice("6 tháng"), choice("9 tháng")], [choice("Hủy", "hủy")]];
    const result = await local.sender.send(USER, [{ kind: "text", text, choices, links: [{ label: "Mở biểu mẫu", url: "https://tonghop.example.gov.vn/f/1" }] }]);
    expect(result).toEqual({ ok: true });

    const delivered = local.zalo.messagesTo(USER).map((m) => m.message as { text: string; attachment?: { payload: { buttons: { type: string }[] } } });
    expect(delivered).toHaveLength(2);
    for (const message of delivered) expect(message.text.length).toBeLessThanOrEqual(2000);
    expect(delivered[0]!.attachment).toBeUndefined();
    expect(delivered[1]!.text.endsWith("Anh/Chị gõ số hoặc từ khóa.\n1. Quý I\n2. Quý II\n3. Quý III\n4. Quý IV\n5. 6 tháng\n6. 9 tháng\nhủy. Hủy")).toBe(true);
    expect(delivered[1]!.attachment!.payload.buttons.map((b) => b.type)).toEqual(["oa.open.url"]);
    expect(`${delivered[0]!.text}\n\n${delivered[1]!.text}`.startsWith(text)).toBe(true);
  });

  it("outside the messaging window the refusal is 'window-closed', after one call and no retry", async () => {
    // The stand-in's clock: 48 hours pass without the person writing.
    let skew = 0;
    await start({ now: () => Date.now() + skew });
    await personWrote();
    expect(await local.sender.send(USER, [{ kind: "text", text: "Nhắc: hạn nộp báo cáo là ngày 10/10." }])).toEqual({ ok: true });
    skew = 48 * 3600_000 + 60_000;
    const before = messageCalls().length;
    const result = await local.sender.send(USER, [{ kind: "text", text: "Nhắc lần 2." }, { kind: "text", text: "Bấm để mở báo cáo." }]);
    expect(result).toMatchObject({ ok: false, reason: "window-closed" });
    // One refused call: the expired access token (25 h) was refreshed first, and nothing was sent again.
    expect(messageCalls().slice(before).map((call) => call.answer.error)).toEqual([-220, -230]);
    expect(local.zalo.messagesTo(USER)).toHaveLength(1);
  });

  it("the window's message allowance used up is 'window-closed' too; the person writing again reopens it", async () => {
    await start({ windowMessages: 2 });
    await personWrote();
    for (const text of ["một", "hai"]) expect(await local.sender.send(USER, [{ kind: "text", text }])).toEqual({ ok: true });
    expect(await local.sender.send(USER, [{ kind: "text", text: "ba" }])).toMatchObject({ ok: false, reason: "window-closed" });
    await personWrote();
    expect(await local.sender.send(USER, [{ kind: "text", text: "ba" }])).toEqual({ ok: true });
  });

  it("a person who does not follow the OA (or unfollowed) is 'unreachable'", async () => {
    await start();
    expect(await local.sender.send("8460000000000000299", [{ kind: "text", text: "Chào Anh/Chị." }])).toMatchObject({ ok: false, reason: "unreachable" });
    expect(messageCalls()).toHaveLength(1);
  });

  it("a .docx over 5 MB is refused as 'too-large' before anything is sent", async () => {
    await start();
    await personWrote();
    const bytes = new Uint8Array(5 * 1024 * 1024 + 1);
    const result = await local.sender.send(USER, [{ kind: "document", fileName: "bao-cao-tong-hop.docx", bytes, caption: "Bản tổng hợp" }]);
    expect(result).toMatchObject({ ok: false, reason: "too-large" });
    expect(local.zalo.calls).toEqual([]);
  });

  it("a document is uploaded and sent by its token, after its caption", async () => {
    await start();
    await personWrote();
    const bytes = new Uint8Array(300_000).fill(7);
    const result = await local.sender.send(USER, [{ kind: "document", fileName: "bao-cao-tong-hop.docx", bytes, caption: "Bản tổng hợp lần 1" }]);
    expect(result).toEqual({ ok: true });
    expect(local.zalo.calls.filter((c) => c.endpoint !== "oauth").map((c) => c.endpoint)).toEqual(["message", "upload", "message"]);
    expect(local.zalo.calls.find((c) => c.endpoint === "upload")!.body).toEqual({ fileName: "bao-cao-tong-hop.docx", size: 300_000 });
    const [caption, file] = local.zalo.messagesTo(USER).map((m) => m.message);
    expect(caption).toEqual({ text: "Bản tổng hợp lần 1" });
    expect(file).toEqual({ attachment: { type: "file", payload: { token: expect.stringMatching(/^file-/) } } });
  });

  it("an access token Zalo calls invalid is refreshed once and the message sent again", async () => {
    await start();
    await personWrote();
    expect(await local.sender.send(USER, [{ kind: "text", text: "một" }])).toEqual({ ok: true });
    local.zalo.invalidateAccessTokens();
    expect(await local.sender.send(USER, [{ kind: "text", text: "hai" }])).toEqual({ ok: true });
    expect(local.zalo.calls.map((c) => `${c.endpoint}:${String(c.answer.error ?? (c.answer.access_token ? "token" : "?"))}`)).toEqual([
      "oauth:token",
      "message:0",
      "message:-216",
      "oauth:token",
      "message:0",
    ]);
  });

  it("rate limits, Zalo's server errors and invalid requests are told apart", async () => {
    let fault: Record<string, unknown> | { status: number } | undefined;
    await start({ respond: (call) => (call.endpoint === "message" ? fault : undefined) });
    await personWrote();
    fault = { error: -32, message: "Exceeded the request limit" };
    expect(await local.sender.send(USER, [{ kind: "text", text: "x" }])).toEqual({ ok: false, reason: "rate-limited", retryAfterMs: 60_000 });
    fault = { status: 502 };
    expect(await local.sender.send(USER, [{ kind: "text", text: "x" }])).toMatchObject({ ok: false, reason: "failed", retryable: true });
    fault = { error: -201, message: "Parameters are invalid" };
    expect(await local.sender.send(USER, [{ kind: "text", text: "x" }])).toMatchObject({ ok: false, reason: "failed", retryable: false });
    fault = { error: -999, message: "Something new" };
    expect(await local.sender.send(USER, [{ kind: "text", text: "x" }])).toMatchObject({ ok: false, reason: "failed", retryable: false });
    // One call each: none of them was retried by the local.sender.
    expect(messageCalls()).toHaveLength(4);
  });

  it("the stand-in refuses what Zalo refuses: six buttons, 2,001 characters, a file type Zalo does not take", async () => {
    await start();
    await personWrote();
    const tokens = localZaloTokens(local.zalo, local.db.prisma, "unused: the stored pair is used");
    await local.sender.send(USER, [{ kind: "text", text: "mở đầu" }]);
    const api = new ZaloApi({ apiRoot: local.zalo.root, tokens });
    const buttons = Array.from({ length: 6 }, (_, i) => ({ title: `Nút ${i + 1}`, type: "oa.query.hide" as const, payload: `p${i}` }));
    const six = await api.sendMessage(USER, { text: "sáu nút", attachment: { type: "template", payload: { buttons } } });
    expect(six).toMatchObject({ ok: false, failure: { kind: "invalid-request" } });
    expect(await api.sendMessage(USER, { text: "x".repeat(2001) })).toMatchObject({ ok: false, failure: { kind: "invalid-request" } });
    expect(await api.sendMessage(USER, { text: "x".repeat(2000) })).toMatchObject({ ok: true });
    // Refused by the client before any request: Zalo takes only pdf, doc and docx.
    const calls = local.zalo.calls.length;
    expect(await api.uploadFile("bang-so-lieu.xlsx", new Uint8Array(10))).toMatchObject({ ok: false, failure: { kind: "invalid-request" } });
    expect(await local.sender.send(USER, [{ kind: "document", fileName: "bang-so-lieu.xlsx", bytes: new Uint8Array(10) }])).toMatchObject({ ok: false, reason: "failed", retryable: false });
    expect(local.zalo.calls).toHaveLength(calls);
  });

  it("a token store that cannot be reached is a failure worth retrying, not an exception", async () => {
    await start();
    await personWrote();
    const gone = createDatabase({ databaseUrl: local.db.url, dataDir: "" });
    await gone.close();
    const tokens = localZaloTokens(local.zalo, gone.prisma);
    const offline = new ZaloSender(new ZaloApi({ apiRoot: local.zalo.root, tokens }));
    expect(await offline.send(USER, [{ kind: "text", text: "x" }])).toMatchObject({ ok: false, reason: "failed", retryable: true });
    expect(local.zalo.calls).toEqual([]);
  });
});
