import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeAction } from "../src/messaging/action-codec.ts";
import type { Action } from "../src/messaging/action.ts";
import { createReminderQueue, type ReminderQueue } from "../src/queue/reminder-queue.ts";
import { callbackUpdate, textUpdate } from "./support/bot-harness.ts";
import { TEST_KEYRING } from "./support/bot-deps.ts";
import { answer, button, buildOfficeBot, departmentAnswers, lastTextTo, seedOfficeWorld, submit, who, type OfficeWorld } from "./support/office-world.ts";
import { createTestRedis, deleteKeys } from "./support/reminder-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const PREFIX = `test-office-access-${process.pid}`;
const MORNING = new Date("2024-09-20T03:00:00Z");

describe("a secretary whose role was removed", () => {
  let db: TestDatabase;
  let world: OfficeWorld;
  let queue: ReminderQueue;
  const redis = createTestRedis();

  beforeAll(async () => {
    db = await createTestDatabase();
    world = await seedOfficeWorld(db.prisma, { units: ["Văn phòng Sở", "Thanh tra Sở", "Phòng Quản lý khoa học"] });
    await answer(db.prisma, world.units[0]!, departmentAnswers("Văn phòng Sở"));
    await submit(db.prisma, world.units[0]!);
    queue = createReminderQueue({ connection: redis, prefix: PREFIX });
  });
  afterAll(async () => {
    await queue?.close();
    await deleteKeys(redis, PREFIX);
    redis.disconnect();
    await db?.drop();
  });

  it("is refused by every office choice still on their screen, and by the comment they were typing; nothing changes", { timeout: 30_000 }, async () => {
    const { bot, rec } = buildOfficeBot(db.prisma, { reminderQueue: queue, now: () => MORNING });
    const s = who(world.secretaries[0]!.telegramId, "Hà");
    const press = (data: string) => bot.handleUpdate(callbackUpdate(s, data));
    // The screens the secretary had open: the progress table, a unit's report, a compiled draft, a return half done.
    await bot.handleUpdate(textUpdate(s, "/status"));
    const old: Record<string, string> = {
      "remind one": button(rec, s.id, "🔔 1"),
      "remind all": button(rec, s.id, /Nhắc tất cả/),
      refresh: button(rec, s.id, "🔄 Cập nhật"),
      "review list": button(rec, s.id, "🔍 Duyệt báo cáo"),
    };
    await press(old["review list"]!);
    await press(button(rec, s.id, /Văn phòng Sở/));
    old.accept = button(rec, s.id, "✅ Tiếp nhận");
    old.return = button(rec, s.id, "🔁 Trả lại để bổ sung…");
    await bot.handleUpdate(textUpdate(s, "/compile"));
    old.compile = button(rec, s.id, "📝 Tổng hợp lại, kèm bản nháp");
    // The choices of the office's notices and digests.
    const signed = (action: Action) => encodeAction(action, TEST_KEYRING);
    old["notice: progress"] = signed({ op: "status.page", round: world.roundId, page: 0 });
    old["notice: review"] = signed({ op: "review.open", sid: world.units[0]!.submissionId, page: 0 });
    old["other round"] = signed({ op: "round.pick", purpose: 0 });
    old.export = signed({ op: "export.run", round: world.roundId });
    old["remind pick"] = signed({ op: "remind.pick", round: world.roundId, page: 0 });
    old["return: continue"] = signed({ op: "review.continue", sid: world.units[0]!.submissionId });
    old["return: cancel"] = signed({ op: "review.cancel", sid: world.units[0]!.submissionId });
    await press(old.return!);
    await press(button(rec, s.id, /^⬜ 7\. /));
    old.toggle = button(rec, s.id, /^☑️ 7\. /);
    await press(button(rec, s.id, /Tiếp tục \(1 câu\)/));
    expect(lastTextTo(rec, s.id)).toContain("Anh/Chị nhập ý kiến gửi Văn phòng Sở");
    const compiled = await db.prisma.compiledReport.count();

    await db.prisma.membership.updateMany({ where: { personId: world.secretaries[0]!.id }, data: { revokedAt: new Date() } });
    rec.clear();
    for (const [what, data] of Object.entries(old)) {
      await press(data);
      const toast = rec.calls.filter((c) => c.method === "answerCallbackQuery").at(-1)?.payload;
      expect(toast, what).toMatchObject({ show_alert: true, text: expect.stringContaining("Chức năng này dành cho Văn phòng") });
    }
    expect(rec.calls.filter((c) => c.method !== "answerCallbackQuery")).toEqual([]);

    await bot.handleUpdate(textUpdate(s, "Đề nghị ghi rõ số đơn thư."));
    expect(lastTextTo(rec, s.id)).toContain("Chức năng này dành cho Văn phòng");
    const submission = await db.prisma.submission.findUniqueOrThrow({ where: { id: world.units[0]!.submissionId } });
    expect(submission.status).toBe("SUBMITTED");
    expect(await queue.getJobs(["waiting", "delayed", "prioritized"])).toEqual([]);
    expect(await db.prisma.compiledReport.count()).toBe(compiled);
    expect(await db.prisma.auditEvent.count({ where: { action: { in: ["reminders.requested", "submission.accepted", "submission.returned", "answers.exported"] } } })).toBe(0);
  });
});
