import { describe, expect, it } from "vitest";
import { sendZaloReplies } from "../src/channels/zalo/zalo-inbound.ts";
import { translatorFor } from "../src/i18n.ts";
import type { Reply } from "../src/messaging/reply.ts";
import { TEST_KEYRING } from "./support/bot-deps.ts";
import { useLocalZaloSender } from "./support/local-zalo-sender.ts";

const USER = "8460000000000000301";
const OVER_LIMIT = 5 * 1024 * 1024 + 1;

type Sent = { text?: string; attachment?: { type: string; payload: { buttons?: { title: string; type: string; payload: unknown }[]; token?: string } } };

/** A compiled report as the compile use case answers it: the file, its caption, and the choices to compile again. */
function compiledReport(bytes: number, downloadUrl?: string): Reply {
  return {
    kind: "document",
    fileName: "BC-dan-chu-co-so-9-thang-2026-v3.docx",
    bytes: new Uint8Array(bytes).fill(65),
    caption: "📄 Dự thảo báo cáo tổng hợp, phiên bản 3.",
    choices: [[{ label: "📝 Tổng hợp lại, chỉ bản đã nộp", action: { op: "compile.run", round: 7, flags: 0 } }]],
    ...(downloadUrl ? { downloadUrl } : {}),
  };
}

describe("a compiled report over Zalo's 5 MB limit", () => {
  const local = useLocalZaloSender();
  async function start() {
    await local.start();
    local.zalo.personWrote(USER);
  }

  const sent = () => local.zalo.messagesTo(USER).map((m) => m.message as Sent);

  it("is not uploaded; the person reads why and how to get it, in Vietnamese, and can compile again without drafts", async () => {
    await start();
    const result = await sendZaloReplies(local.sender, USER, [compiledReport(OVER_LIMIT)], translatorFor("vi"), TEST_KEYRING);
    expect(result).toEqual({ ok: true });
    expect(local.zalo.calls.filter((c) => c.endpoint === "upload")).toEqual([]);
    const [message, ...more] = sent();
    expect(more).toEqual([]);
    expect(message!.text).toContain("📄 Dự thảo báo cáo tổng hợp, phiên bản 3.");
    expect(message!.text).toContain("Tệp BC-dan-chu-co-so-9-thang-2026-v3.docx lớn hơn 5 MB, quá giới hạn gửi tệp của Zalo");
    expect(message!.text).toContain("tổng hợp lại không kèm bản nháp");
    expect(message!.text).toContain("quản trị viên");
    const buttons = message!.attachment!.payload.buttons!;
    expect(buttons.map((b) => [b.title, b.type])).toEqual([["📝 Tổng hợp lại, chỉ bản đã nộp", "oa.query.hide"]]);
  });

  it("with a download link, the message carries it as an oa.open.url button, in the person's language", async () => {
    await start();
    const url = "https://tonghop.example.gov.vn/desk/reports/42";
    const result = await sendZaloReplies(local.sender, USER, [compiledReport(OVER_LIMIT, url)], translatorFor("en"), TEST_KEYRING);
    expect(result).toEqual({ ok: true });
    expect(local.zalo.calls.filter((c) => c.endpoint === "upload")).toEqual([]);
    const [message] = sent();
    expect(message!.text).toContain("is over 5 MB, more than Zalo can send");
    expect(message!.text).not.toContain("administrator");
    const buttons = message!.attachment!.payload.buttons!;
    expect(buttons.find((b) => b.type === "oa.open.url")).toEqual({ title: "📥 Download", type: "oa.open.url", payload: { url } });
    expect(buttons.some((b) => b.type === "oa.query.hide")).toBe(true);
  });

  it("a report within the limit is still uploaded and sent as a file", async () => {
    await start();
    const result = await sendZaloReplies(local.sender, USER, [compiledReport(200_000, "https://tonghop.example.gov.vn/desk/reports/42")], translatorFor("vi"), TEST_KEYRING);
    expect(result).toEqual({ ok: true });
    expect(local.zalo.calls.filter((c) => c.endpoint === "upload")).toHaveLength(1);
    expect(sent().some((m) => m.attachment?.type === "file")).toBe(true);
  });

  it("a CSV export, a type Zalo does not take, is not uploaded: the person is told why, with the desk's link when there is one", async () => {
    await start();
    const csv: Reply = { kind: "document", fileName: "tra-loi-9-thang-2026.csv", bytes: new TextEncoder().encode("a,b\n1,2\n"), caption: "📊 12 dòng" };
    expect(await sendZaloReplies(local.sender, USER, [csv], translatorFor("vi"), TEST_KEYRING)).toEqual({ ok: true });
    expect(await sendZaloReplies(local.sender, USER, [{ ...csv, downloadUrl: "https://tonghop.example.gov.vn/desk/x" }], translatorFor("vi"), TEST_KEYRING)).toEqual({ ok: true });
    expect(local.zalo.calls.filter((c) => c.endpoint === "upload")).toEqual([]);
    const [plain, linked] = sent();
    expect(plain!.text).toContain("Zalo chỉ nhận tệp PDF, DOC và DOCX");
    expect(plain!.text).toContain("trang làm việc của Văn phòng");
    expect(linked!.attachment!.payload.buttons!.find((b) => b.type === "oa.open.url")).toMatchObject({ payload: { url: "https://tonghop.example.gov.vn/desk/x" } });
  });
});
