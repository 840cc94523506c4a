import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callbackUpdate, textUpdate } from "./support/bot-harness.ts";
import { answer, button, buildOfficeBot, buttonsOf, departmentAnswers, messagesTo, seedOfficeWorld, submit, who, type OfficeWorld } from "./support/office-world.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const squeeze = (text: string) => text.replace(/\s+/g, "");

describe("/review of a long submission", () => {
  let db: TestDatabase;
  let world: OfficeWorld;
  const long = (topic: string) => Array.from({ length: 160 }, (_, i) => `${topic} câu ${i + 1} về thực hiện dân chủ ở cơ sở.`).join(" ").slice(0, 5900);
  const texts = { leadership_direction: long("Lãnh đạo"), dissemination: long("Quán triệt"), awareness_plans: long("Kế hoạch"), shortcomings: long("Hạn chế") };

  beforeAll(async () => {
    db = await createTestDatabase();
    world = await seedOfficeWorld(db.prisma, { units: [{ name: "Văn phòng Sở", kind: "office" }] });
    await answer(db.prisma, world.units[0]!, { ...departmentAnswers("Văn phòng Sở"), regulation_issued: true, conference_held: true, ...texts });
    await submit(db.prisma, world.units[0]!);
    // A long comment from an earlier return is shown above the answers on every page.
    await db.prisma.submission.update({ where: { id: world.units[0]!.submissionId }, data: { returnComment: "Đề nghị bổ sung. ".repeat(58), returnedAt: new Date() } });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("pages the answers within Telegram's limit, nothing cut", async () => {
    const { bot, rec } = buildOfficeBot(db.prisma);
    const s = who(world.secretaries[0]!.telegramId);
    await bot.handleUpdate(textUpdate(s, "/review"));
    await bot.handleUpdate(callbackUpdate(s, button(rec, s.id, /Văn phòng Sở/)));
    const pages: string[] = [];
    for (;;) {
      const message = messagesTo(rec, s.id).at(-1)!;
      pages.push(String(message.payload.text));
      const next = buttonsOf(message).find((b) => b.text === "Trang sau ▶️");
      if (!next) break;
      await bot.handleUpdate(callbackUpdate(s, next.data));
    }
    expect(pages.length).toBeGreaterThanOrEqual(6);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(4096);
    expect(pages.every((p) => p.includes("Lần trả lại gần nhất"))).toBe(true);
    // Without the heading (first paragraph) and the page line (last), the pages read as the whole answers.
    const bodies = pages.map((p) => p.split("\n\n").slice(1, -1).join("\n\n"));
    const all = squeeze(bodies.join(""));
    for (const text of Object.values(texts)) expect(all).toContain(squeeze(text));
    expect(buttonsOf(messagesTo(rec, s.id).at(-1)!).map((b) => b.text)).toEqual(expect.arrayContaining(["◀️ Trang trước", "✅ Tiếp nhận"]));
  });
});
