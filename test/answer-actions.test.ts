// How many times a reporter has to act to answer the default template for one unit: every message sent
// and every button pressed counts. One message per question is the aim: start, one action per question,
// submit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBundledTemplate } from "../src/report/bundled-templates.ts";
import { questionsForUnitKind, type Question } from "../src/domain/template/template-schema.ts";
import type { UnitKind } from "../src/domain/unit-kind.ts";
import { callbackUpdate, textUpdate } from "./support/bot-harness.ts";
import { button, buildOfficeBot, lastTextTo, seedOfficeWorld, who, type OfficeWorld } from "./support/office-world.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const template = loadBundledTemplate("dan-chu-co-so");
const KINDS: { name: string; kind: UnitKind }[] = [
  { name: "Thanh tra Sở", kind: "department" },
  { name: "Trung tâm Thông tin và Thống kê", kind: "affiliated" },
  { name: "Công đoàn Sở", kind: "trade_union" },
  { name: "Đoàn Thanh niên Sở", kind: "youth_union" },
  { name: "Chi bộ Văn phòng", kind: "party_cell" },
  { name: "Tổ công nghệ thông tin", kind: "other" },
  { name: "Văn phòng Sở", kind: "office" },
];
// One unit of every kind the template asks anything of.
const UNITS = KINDS.filter((unit) => questionsForUnitKind(template, unit.kind).length > 0);

/** What a person types (or presses) for a question of this type, in one action. */
function reply(question: Question): { text: string } | { press: string } {
  switch (question.type) {
    case "long_text":
      return { text: `Đơn vị đã thực hiện tốt nội dung “${question.key}” trong kỳ.\nCó kế hoạch và kiểm tra định kỳ.` };
    case "list":
      return { text: `- Hoạt động thứ nhất (${question.key})\n- Hoạt động thứ hai (${question.key})` };
    case "short_text":
      return { text: "Ông Nguyễn Văn Đạt, Chánh Thanh tra" };
    case "number":
      return { text: "3" };
    case "multiple_choice":
      return { text: "1, 3" };
    case "single_choice":
      return { press: `1. ${question.options![0]!.label.vi}` };
    case "yes_no":
      return { press: "Có" };
    case "date":
      return { text: "15/03/2024" };
    case "document_ref":
      return { text: "Quyết định số 12/QĐ-SKHCN ngày 05/3/2024 của Giám đốc Sở" };
  }
}

describe("actions to answer a unit's report", () => {
  let db: TestDatabase;
  let world: OfficeWorld;

  beforeAll(async () => {
    db = await createTestDatabase();
    world = await seedOfficeWorld(db.prisma, { units: UNITS });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("the default template asks a department 10 questions, and more than two kinds of unit something", () => {
    expect(questionsForUnitKind(template, "department")).toHaveLength(10);
    expect(UNITS.length).toBeGreaterThan(2);
  });

  it.each(UNITS.map((unit, i) => [unit.kind, unit.name, i] as const))("the default template for a unit of kind %s: start, one action per question, submit", async (kind, name, i) => {
    const questions = questionsForUnitKind(template, kind);
    const { bot, rec } = buildOfficeBot(db.prisma);
    const unit = world.units[i]!;
    const person = who(unit.reporterTelegramId, "Đạt");
    let actions = 0;
    const say = async (text: string) => {
      actions++;
      await bot.handleUpdate(textUpdate(person, text));
    };
    const press = async (label: string) => {
      actions++;
      await bot.handleUpdate(callbackUpdate(person, button(rec, person.id, label)));
    };

    await say("/report");
    for (let guard = 0; guard < questions.length * 2; guard++) {
      const shown = /Câu (\d+)\/(\d+) · /.exec(lastTextTo(rec, person.id));
      if (!shown) break;
      const action = reply(questions[Number(shown[1]) - 1]!);
      if ("text" in action) await say(action.text);
      else await press(action.press);
    }
    expect(lastTextTo(rec, person.id)).toContain(`📋 Xem lại báo cáo của ${name}`);
    await press("📤 Nộp báo cáo");
    expect(lastTextTo(rec, person.id)).toMatch(new RegExp(`^✅ Đã nộp báo cáo của ${name}`));

    const submission = await db.prisma.submission.findUniqueOrThrow({ where: { id: unit.submissionId }, include: { answers: true } });
    expect(submission.status).toBe("SUBMITTED");
    expect(submission.answers).toHaveLength(questions.length);
    // /report, one answer per question, submit.
    expect(actions).toBe(questions.length + 2);
  });
});
