import { describe, expect, it } from "vitest";
import { choiceKeys, renderZalo, type ZaloOutbound } from "../src/channels/zalo/render-zalo.ts";
import type { ZaloButton, ZaloMessage } from "../src/channels/zalo/zalo-message.ts";
import type { OutChoice } from "../src/messaging/out-reply.ts";

const texts = (steps: ZaloOutbound[]) => steps.map((step) => (step.kind === "message" && "text" in step.message ? step.message.text : null));
const buttonsOf = (message: ZaloMessage): ZaloButton[] => ("text" in message && message.attachment ? message.attachment.payload.buttons : []);
const messageAt = (steps: ZaloOutbound[], i: number): ZaloMessage => {
  const step = steps[i]!;
  if (step.kind !== "message") throw new Error(`step ${i} is a ${step.kind}`);
  return step.message;
};
const choice = (label: string, typed?: string): OutChoice => ({ label, payload: `p:${label.length}:sig`, ...(typed ? { typed } : {}) });

describe("rendering replies for Zalo", () => {
  it("splits a 3,000-character text at a paragraph break into pieces of at most 2,000, buttons under the last", () => {
    const paragraph = (n: number) => `Đoạn ${n}: ${"Các phòng đã thực hiện tốt quy chế dân chủ ở cơ sở. ".repeat(9).trim()}`;
    const paragraphs = Array.from({ length: 7 }, (_, i) => paragraph(i + 1));
    const text = paragraphs.join("\n\n");
    expect(text.length).toBeGreaterThan(3000);
    expect(text.length).toBeLessThan(3600);

    const steps = renderZalo([{ kind: "text", text, choices: [[choice("Gửi"), choice("Sửa")]] }]);
    const pieces = texts(steps) as string[];
    expect(pieces).toHaveLength(2);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(2000);
    // Each piece is whole paragraphs: the cut fell on a blank line, and nothing was lost or repeated.
    expect(pieces.join("\n\n")).toBe(text);
    for (const piece of pieces) expect(piece.startsWith("Đoạn ")).toBe(true);
    expect(buttonsOf(messageAt(steps, 0))).toEqual([]);
    expect(buttonsOf(messageAt(steps, 1)).map((b) => b.title)).toEqual(["Gửi", "Sửa"]);
  });

  it("never cuts inside a surrogate pair when a long line has no break", () => {
    const text = `${"a".repeat(1999)}😀${"b".repeat(1500)}`;
    const pieces = texts(renderZalo([{ kind: "text", text }])) as string[];
    expect(pieces.join("")).toBe(text);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(2000);
      expect(piece).not.toMatch(/[\ud800-\udbff]$/);
      expect(piece).not.toMatch(/^[\udc00-\udfff]/);
    }
  });

  it("renders up to five choices as hidden-query buttons with their payloads, titles cut to Zalo's limit", () => {
    const long = `${"Ý kiến ".repeat(14)}😀 thêm`;
    const choices = [[choice("Có"), choice("Không")], [choice(long)]];
    const [step] = renderZalo([{ kind: "text", text: "Đơn vị có tổ chức hội nghị cán bộ không?", choices }]);
    const buttons = buttonsOf((step as { message: ZaloMessage }).message);
    expect(buttons).toEqual([
      { title: "Có", type: "oa.query.hide", payload: choices[0]![0]!.payload },
      { title: "Không", type: "oa.query.hide", payload: choices[0]![1]!.payload },
      { title: expect.any(String), type: "oa.query.hide", payload: choices[1]![0]!.payload },
    ]);
    const title = buttons[2]!.title;
    expect(title.length).toBeLessThanOrEqual(100);
    expect(long.startsWith(title)).toBe(true);
    expect(title).not.toMatch(/[\ud800-\udbff]$/);
  });

  it("renders eight choices as a numbered list: keywords as typed, the others numbered 1, 2, 3… in order", () => {
    const choices = [
      [choice("Quý I năm 2024"), choice("Quý II năm 2024"), choice("Quý III năm 2024")],
      [choice("Quý IV năm 2024"), choice("6 tháng đầu năm 2024"), choice("9 tháng đầu năm 2024")],
      [choice("Quay lại", "lại"), choice("Hủy", "hủy")],
    ];
    const links = [{ label: "Mở biểu mẫu", url: "https://tonghop.example.gov.vn/f/abc" }];
    const steps = renderZalo([{ kind: "text", text: "Anh/Chị chọn kỳ báo cáo:", choices, links }], { listHint: "Anh/Chị gõ số hoặc từ khóa." });
    expect(steps).toHaveLength(1);
    const message = messageAt(steps, 0);
    expect("text" in message && message.text).toBe(
      [
        "Anh/Chị chọn kỳ báo cáo:",
        "",
        "Anh/Chị gõ số hoặc từ khóa.",
        "1. Quý I năm 2024",
        "2. Quý II năm 2024",
        "3. Quý III năm 2024",
        "4. Quý IV năm 2024",
        "5. 6 tháng đầu năm 2024",
        "6. 9 tháng đầu năm 2024",
        "lại. Quay lại",
        "hủy. Hủy",
      ].join("\n"),
    );
    // No hidden-query button; the link still goes as a button.
    expect(buttonsOf(message)).toEqual([{ title: "Mở biểu mẫu", type: "oa.open.url", payload: { url: links[0]!.url } }]);
    expect(choiceKeys(choices.flat())).toEqual(["1", "2", "3", "4", "5", "6", "lại", "hủy"]);
  });

  it("a question's seven options become lines to type by number (once, even when the label has it); its few other choices stay buttons", () => {
    const options = ["Hành chính", "Tài chính", "Khoa học", "Công nghệ", "Thanh tra", "Tiêu chuẩn đo lường", "Đoàn thể"].map((label, i) => [choice(`${i + 1}. ${label}`, String(i + 1))]);
    const steps = renderZalo([{ kind: "text", text: "Lĩnh vực chính của đơn vị?", choices: [...options, [choice("⬅️ Câu trước"), choice("📋 Xem lại")]] }]);
    const message = messageAt(steps, 0);
    expect("text" in message && message.text).toBe(["Lĩnh vực chính của đơn vị?", "", "1. Hành chính", "2. Tài chính", "3. Khoa học", "4. Công nghệ", "5. Thanh tra", "6. Tiêu chuẩn đo lường", "7. Đoàn thể"].join("\n"));
    expect(buttonsOf(message).map((b) => b.title)).toEqual(["⬅️ Câu trước", "📋 Xem lại"]);
  });

  it("counts links in the five buttons; a link that does not fit goes as a line of text", () => {
    const steps = renderZalo([
      {
        kind: "text",
        text: "Báo cáo đã sẵn sàng.",
        choices: [[choice("A"), choice("B"), choice("C"), choice("D")]],
        links: [
          { label: "Xem", url: "https://x.example/1" },
          { label: "Tải", url: "https://x.example/2" },
        ],
      },
    ]);
    const message = messageAt(steps, 0);
    expect(buttonsOf(message).map((b) => `${b.type} ${b.title}`)).toEqual([
      "oa.query.hide A",
      "oa.query.hide B",
      "oa.query.hide C",
      "oa.query.hide D",
      "oa.open.url Xem",
    ]);
    expect("text" in message && message.text).toBe("Báo cáo đã sẵn sàng.\n\nTải: https://x.example/2");
  });

  it("sends a document's caption (with its choices) as a text before the file; `replace` becomes a new message", () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const steps = renderZalo([
      { kind: "text", text: "Đã chọn.", replace: true },
      { kind: "document", fileName: "bao-cao.docx", bytes, caption: "Bản tổng hợp lần 2", choices: [[choice("Tổng hợp lại")]] },
      { kind: "document", fileName: "phu-luc.pdf", bytes },
    ]);
    expect(steps.map((s) => s.kind)).toEqual(["message", "message", "file", "file"]);
    expect(texts(steps).slice(0, 2)).toEqual(["Đã chọn.", "Bản tổng hợp lần 2"]);
    expect(buttonsOf(messageAt(steps, 1)).map((b) => b.title)).toEqual(["Tổng hợp lại"]);
    expect(steps[2]).toEqual({ kind: "file", fileName: "bao-cao.docx", bytes });
  });
});
