import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callbackUpdate, textUpdate } from "./support/bot-harness.ts";
import { bodyParagraphs } from "./support/docx-xml.ts";
import {
  answer,
  button,
  buildOfficeBot,
  departmentAnswers,
  documentOf,
  documentsTo,
  eventually,
  lastTextTo,
  messagesTo,
  seedOfficeWorld,
  submit,
  who,
  type OfficeWorld,
} from "./support/office-world.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

async function docText(bytes: Uint8Array): Promise<string> {
  return (await bodyParagraphs(bytes)).join("\n");
}

// The secretary's pen in chat: /rewrite (or the choice under a compiled draft) → a section → the new text as
// the next message; used by every later compile, marked in /status, dropped to return to the generated text.
describe("the secretary rewrites a section in chat", () => {
  let db: TestDatabase;
  let world: OfficeWorld;
  let bot: ReturnType<typeof buildOfficeBot>["bot"];
  let rec: ReturnType<typeof buildOfficeBot>["rec"];
  const OWN = "Sở công khai kế hoạch công tác năm của các đơn vị trên Cổng thông tin điện tử của Sở.";

  beforeAll(async () => {
    db = await createTestDatabase();
    world = await seedOfficeWorld(db.prisma, { units: ["Văn phòng Sở", "Thanh tra Sở"] });
    for (const unit of world.units) {
      await answer(db.prisma, unit, { ...departmentAnswers(unit.name), self_assessment: "fair" });
      await submit(db.prisma, unit);
    }
    ({ bot, rec } = buildOfficeBot(db.prisma));
  });
  afterAll(async () => {
    await db?.drop();
  });

  const secretary = () => who(world.secretaries[0]!.telegramId, "Thư ký");
  const reporter = () => who(world.units[0]!.reporterTelegramId, "Báo cáo viên");
  const press = (label: RegExp | string) => bot.handleUpdate(callbackUpdate(secretary(), button(rec, secretary().id, label)));
  const lastDocument = () => documentOf(documentsTo(rec, secretary().id).at(-1)!);

  it("offers the sections under a compiled draft, shows the text now, and saves the next message as the section's text", async () => {
    await bot.handleUpdate(textUpdate(secretary(), "/compile"));
    const first = await docText(lastDocument().bytes);
    expect(first).toContain("Văn phòng Sở công khai kế hoạch công tác năm");
    expect(first).not.toContain("PHỤ LỤC");

    await press(/Viết lại lời văn một mục/);
    expect(lastTextTo(rec, secretary().id)).toContain("Anh/Chị chọn mục cần viết lại");
    await press(/^3\. Kết quả thực hiện dân chủ/);
    const screen = lastTextTo(rec, secretary().id);
    expect(screen).toContain("Đang dùng lời văn tổng hợp tự động");
    expect(screen).toContain("- Văn phòng Sở công khai kế hoạch công tác năm trên Cổng thông tin điện tử;");
    expect(screen).toContain("thay thế toàn bộ lời văn của mục");

    await bot.handleUpdate(textUpdate(secretary(), OWN));
    expect(lastTextTo(rec, secretary().id)).toContain("✅ Đã lưu lời văn mục");
    expect(await db.prisma.auditEvent.count({ where: { action: "report.override.set" } })).toBe(1);

    await press("📄 Tổng hợp lại");
    const doc = lastDocument();
    const text = await docText(doc.bytes);
    expect(text).toContain(OWN);
    expect(text).not.toContain("Văn phòng Sở công khai kế hoạch công tác năm");
    expect(doc.caption).toContain("1 mục dùng lời văn Văn phòng tự viết");
  });

  it("after saving, typing is not taken for the section; “rewrite” replaces the text, “continue” adds to it", async () => {
    await bot.handleUpdate(textUpdate(secretary(), "một câu gõ nhầm vào cuộc trò chuyện"));
    expect(await db.prisma.reportOverride.count()).toBe(1);
    await press(/Viết lại mục này/);
    await bot.handleUpdate(textUpdate(secretary(), "Dòng thay thế."));
    expect(lastTextTo(rec, secretary().id)).toContain("(lần 2,");
    await press(/Viết tiếp/);
    await bot.handleUpdate(textUpdate(secretary(), "Dòng viết tiếp."));
    expect(lastTextTo(rec, secretary().id)).toContain("(lần 3,");
    const latest = await db.prisma.reportOverride.findFirst({ orderBy: { version: "desc" } });
    expect(latest?.text).toBe("Dòng thay thế.\nDòng viết tiếp.");
    await press("✅ Xong");
    // Typed text no longer goes to the section.
    await bot.handleUpdate(textUpdate(secretary(), "một câu bất kỳ"));
    expect(await db.prisma.reportOverride.count()).toBe(3);
  });

  it("/status marks the section the office wrote and shows the office-only answers", async () => {
    await bot.handleUpdate(textUpdate(secretary(), "/status"));
    const texts = messagesTo(rec, secretary().id).slice(-3).map((m) => String(m.payload.text));
    const notes = texts.find((t) => t.includes("Mục Văn phòng đã tự viết lại"));
    expect(notes).toBeDefined();
    expect(notes).toContain("(lần 3)");
    const only = texts.find((t) => t.includes("Thông tin chỉ dành cho Văn phòng"));
    expect(only).toContain("• Văn phòng Sở — Đơn vị tự đánh giá kết quả thực hiện dân chủ ở cơ sở ở mức nào?: khá");
    expect(only).toContain("• Thanh tra Sở —");
  });

  it("tells the secretary when a unit changes an answer the rewritten section is built from", async () => {
    const before = messagesTo(rec, secretary().id).length;
    await bot.handleUpdate(textUpdate(reporter(), "/report"));
    const pressAsReporter = (label: RegExp | string) => bot.handleUpdate(callbackUpdate(reporter(), button(rec, reporter().id, label)));
    await pressAsReporter("✏️ 5");
    await bot.handleUpdate(textUpdate(reporter(), "Văn phòng Sở lấy ý kiến công chức về quy chế chi tiêu nội bộ"));
    expect(lastTextTo(rec, reporter().id)).toContain("Thêm các mục mới vào danh sách, hay thay cả danh sách");
    await pressAsReporter(/^➕/);
    const notice = await eventually(() => messagesTo(rec, secretary().id).slice(before).find((m) => String(m.payload.text).includes("vừa sửa câu trả lời")));
    expect(String(notice.payload.text)).toContain("Văn phòng Sở");
  });

  it("drops the office's text: the generated text comes back, the history stays", async () => {
    await bot.handleUpdate(textUpdate(secretary(), "/rewrite"));
    await press(/^✏️ 3\. Kết quả thực hiện dân chủ/);
    expect(lastTextTo(rec, secretary().id)).toContain("Đang dùng lời văn Văn phòng viết");
    await press(/Dùng lại lời văn tổng hợp tự động/);
    expect(lastTextTo(rec, secretary().id)).toContain("đã dùng lại lời văn tổng hợp tự động");
    expect(await db.prisma.reportOverride.count()).toBe(4);
    await bot.handleUpdate(textUpdate(secretary(), "/cancel"));
    await bot.handleUpdate(textUpdate(secretary(), "/compile"));
    expect(await docText(lastDocument().bytes)).toContain("Văn phòng Sở công khai kế hoạch công tác năm");
  });

  it("the appendix is a compile option; a reporter may not rewrite", async () => {
    await press(/kèm phụ lục/);
    expect(await docText(lastDocument().bytes)).toContain("PHỤ LỤC");
    expect(lastDocument().caption).toContain("có phụ lục tình hình nộp báo cáo");
    await bot.handleUpdate(textUpdate(reporter(), "/rewrite"));
    expect(lastTextTo(rec, reporter().id)).not.toContain("Anh/Chị chọn mục cần viết lại");
    expect(await db.prisma.reportOverride.count()).toBe(4);
  });
});
