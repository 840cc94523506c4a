import { describe, expect, it } from "vitest";
import type { ButtonAction } from "../src/conversation/button-action.ts";
import { readConversation, type QuestionFlow } from "../src/conversation/conversation-state.ts";
import { firstOpenFlow, interpret, nextFlow, questionFlow } from "../src/conversation/engine.ts";
import { renderPreview, renderStep } from "../src/conversation/render.ts";
import { splitMessage } from "../src/conversation/split-message.ts";
import type { SubmissionSnapshot } from "../src/conversation/submission-snapshot.ts";
import { can, canAnswerForUnit, canViewUnit, inAudience, invitableRoles, type Actor } from "../src/domain/permissions.ts";

import { loadTemplateFile } from "../src/domain/template/load-template.ts";
import { questionsForUnitKind } from "../src/domain/template/template-schema.ts";
import { i18n } from "../src/i18n.ts";
import { FIXTURE_TEMPLATE } from "./support/report-world.ts";

const questions = questionsForUnitKind(loadTemplateFile(FIXTURE_TEMPLATE), "department");

function snapshot(overrides: Partial<SubmissionSnapshot> = {}): SubmissionSnapshot {
  return {
    id: 7,
    unitId: 1,
    unitName: "Văn phòng Sở",
    status: "IN_PROGRESS",
    version: 3,
    returnedQuestionKeys: [],
    returnComment: null,
    returnedAt: null,
    submittedAt: null,
    editedAfterSubmitAt: null,
    changedKeys: [],
    roundId: 2,
    roundStatus: "OPEN",
    roundHasOverrides: false,
    roundLabel: "Quý III năm 2024",
    deadline: new Date("2024-10-14T10:00:00Z"),
    questions,
    answers: {},
    lastValues: {},
    ...overrides,
  };
}

const answer = (value: unknown, revision = 1, updatedAt = new Date("2024-10-01T00:00:00Z")) => ({
  value: value as never,
  skipped: false,
  revision,
  submittedRevision: null,
  authorId: 1,
  authorName: "Lan",
  updatedAt,
});

const ctx = { t: (key: string, vars?: Record<string, string | number>) => i18n.t("vi", key, vars), locale: "vi" as const, timezone: "Asia/Ho_Chi_Minh", messageLimit: 4096 };

describe("the conversation engine (pure)", () => {
  it("starts at the first unanswered question and skips those others already answered", () => {
    const s = snapshot({ answers: { contact: answer("A"), activities: answer(["x"]) } });
    expect(firstOpenFlow(s)).toMatchObject({ kind: "question", key: "summary" });
    expect(nextFlow(s, "summary")).toMatchObject({ kind: "question", key: "complaints" });
    const all = Object.fromEntries(questions.map((q) => [q.key, answer("x")]));
    expect(firstOpenFlow(snapshot({ answers: all }))).toEqual({ kind: "preview", sid: 7 });
  });

  it("decides to store a parsed answer, and refuses a bad one without storing", () => {
    const s = snapshot();
    const flow = questionFlow(s, "complaints", "next");
    expect(interpret(s, flow, { type: "text", text: "1.234" })).toMatchObject({
      write: { kind: "answer", questionKey: "complaints", value: 1234, skipped: false, source: "typed", seenRevision: 0 },
    });
    const bad = interpret(s, flow, { type: "text", text: "nhiều" });
    expect(bad.write).toBeUndefined();
    expect(bad).toMatchObject({ flow, screen: "question", notices: [{ key: "answer-error-not-a-number" }] });
  });

  it("stores a long text or a list of lines from one message at once and goes on", () => {
    const s = snapshot();
    const at = new Date("2024-10-01T08:00:00Z");
    const text = interpret(s, questionFlow(s, "summary", "next"), { type: "text", text: "Một\nHai", at }, { now: at });
    expect(text.write).toMatchObject({ questionKey: "summary", value: "Một\nHai", report: { kind: "text", replaced: false }, recent: { key: "summary", at: at.getTime(), length: 7, savedAt: at.getTime() } });
    const list = interpret(s, questionFlow(s, "activities", "next"), { type: "text", text: "- a\n- b", at }, { now: at });
    expect(list.write).toMatchObject({ questionKey: "activities", value: ["a", "b"], report: { kind: "list", count: 2, replaced: false } });
  });

  it("asks whether lines sent for a list that has items are added or replace it, showing both lists", () => {
    const s = snapshot({ answers: { activities: answer(["Họp giao ban", "Niêm yết"]) } });
    const flow = questionFlow(s, "activities", "preview");
    const asked = interpret(s, flow, { type: "text", text: "Tập huấn" });
    expect(asked.write).toBeUndefined();
    expect(asked).toMatchObject({ screen: "choice", flow: { pending: ["Tập huấn"] } });
    const [choice] = renderStep(s, asked, ctx, true);
    expect(choice!.text).toBe("Câu 3 đang có 2 mục:\n• Họp giao ban\n• Niêm yết\n\nAnh/Chị vừa gửi 1 mục:\n• Tập huấn\n\nThêm các mục mới vào danh sách, hay thay cả danh sách bằng các mục mới?");
    expect(choice!.buttons!.flat().map((b) => b.label)).toEqual(["➕ Thêm vào (thành 3 mục)", "🔄 Thay thế (còn 1 mục)", "✖️ Bỏ các mục vừa gửi"]);
    const pending = asked.flow as QuestionFlow;
    // “xong” out of habit: nothing is stored, the choice is asked again.
    const habit = interpret(s, pending, { type: "text", text: "Xong" });
    expect(habit).toMatchObject({ screen: "choice", notices: [{ key: "conversation-choice-waiting" }] });
    expect(habit.write).toBeUndefined();
    expect(interpret(s, pending, { type: "button", action: { op: "add", sid: 7, q: 2 } }).write).toMatchObject({
      value: ["Họp giao ban", "Niêm yết", "Tập huấn"],
      report: { kind: "list-added", added: 1, count: 3 },
    });
    expect(interpret(s, pending, { type: "button", action: { op: "replace", sid: 7, q: 2 } }).write).toMatchObject({
      value: ["Tập huấn"],
      report: { kind: "list", count: 1, replaced: true },
    });
    const dropped = interpret(s, pending, { type: "button", action: { op: "clear", sid: 7, q: 2 } });
    expect(dropped.write).toBeUndefined();
    expect((dropped.flow as QuestionFlow).pending).toBeUndefined();
  });

  it("a returned list or long text is added to by default; the screen says whether a new text replaces the old one", () => {
    const returned = snapshot({
      status: "RETURNED",
      returnedQuestionKeys: ["activities", "summary"],
      returnedAt: new Date("2024-10-02T00:00:00Z"),
      answers: { activities: answer(["Họp giao ban"]), summary: answer("Đoạn cũ.") },
    });
    expect(interpret(returned, questionFlow(returned, "activities", "next"), { type: "text", text: "Tập huấn" }).write).toMatchObject({ value: ["Họp giao ban", "Tập huấn"] });
    expect(interpret(returned, questionFlow(returned, "summary", "next"), { type: "text", text: "Đoạn mới." }).write).toMatchObject({
      value: "Đoạn cũ.\nĐoạn mới.",
      report: { kind: "text-added" },
    });
    const [addScreen] = renderStep(returned, { flow: questionFlow(returned, "summary", "next"), screen: "question", notices: [] }, ctx, true);
    expect(addScreen!.text).toContain("➕ Nội dung Anh/Chị gửi sẽ được THÊM vào sau câu trả lời hiện có.");
    expect(addScreen!.buttons!.flat().map((b) => b.label)).toContain("🔄 Thay câu trả lời");

    const s = snapshot({ answers: { summary: answer("Đoạn cũ.") } });
    const [replaceScreen] = renderStep(s, { flow: questionFlow(s, "summary", "preview"), screen: "question", notices: [] }, ctx, true);
    expect(replaceScreen!.text).toContain("🔄 Nội dung Anh/Chị gửi sẽ THAY THẾ câu trả lời hiện có.");
    expect(interpret(s, questionFlow(s, "summary", "preview"), { type: "text", text: "Đoạn mới." }).write).toMatchObject({ value: "Đoạn mới.", report: { kind: "text", replaced: true } });
  });

  it("joins the next part of a long message the messenger split to the answer just stored, not to the next question", () => {
    // A part the messenger cut: about a whole message (Telegram: at most 4,096 characters).
    const first = "Nội dung dài. ".repeat(290).trim();
    const roomy = questions.map((q) => (q.key === "summary" ? { ...q, limits: { maxLength: 10_000 } } : q));
    const s = snapshot({ questions: roomy, answers: { summary: answer(first) } });
    const t0 = new Date("2024-10-01T08:00:00Z").getTime();
    const standing = questionFlow(s, "activities", "next", { key: "summary", at: t0, length: first.length, savedAt: t0 });
    const part = interpret(s, standing, { type: "text", text: "phần cuối.", at: new Date(t0 + 2000) }, { now: new Date(t0 + 2500), partMinLength: 2048 });
    expect(part.write).toMatchObject({ questionKey: "summary", value: `${first}\nphần cuối.`, report: { kind: "text-part" }, stay: { kind: "question", key: "activities" } });
    // Too late for a part, a short last answer, or no clock: the message answers the question shown.
    for (const [flow, sent] of [
      [standing, t0 + 6000],
      [questionFlow(s, "activities", "next", { key: "summary", at: t0, length: 300, savedAt: t0 }), t0 + 1000],
      // Longer than a message can be: it came whole, not cut.
      [questionFlow(s, "activities", "next", { key: "summary", at: t0, length: 5000, savedAt: t0 }), t0 + 1000],
    ] as const) {
      expect(interpret(s, flow, { type: "text", text: "Tập huấn", at: new Date(sent) }, { now: new Date(sent), partMinLength: 2048 }).write).toMatchObject({ questionKey: "activities" });
    }
    expect(interpret(s, standing, { type: "text", text: "Tập huấn" }).write).toMatchObject({ questionKey: "activities" });
  });

  it("offers to add to the last long answer for a while; pressing it goes back to that question in add mode", () => {
    const s = snapshot({ answers: { summary: answer("Đoạn một.") } });
    const t0 = new Date("2024-10-01T08:00:00Z");
    const standing = questionFlow(s, "activities", "next", { key: "summary", at: t0.getTime(), length: 9, savedAt: t0.getTime() });
    const labels = (now: Date) => renderStep(s, { flow: standing, screen: "question", notices: [] }, { ...ctx, now }, true)[0]!.buttons!.flat().map((b) => b.label);
    expect(labels(new Date(t0.getTime() + 60_000))).toContain("➕ Bổ sung câu 2");
    expect(labels(new Date(t0.getTime() + 11 * 60_000))).not.toContain("➕ Bổ sung câu 2");
    const back = interpret(s, standing, { type: "button", action: { op: "more", sid: 7, q: 1 } });
    expect(back.flow).toMatchObject({ kind: "question", key: "summary", mode: "add", then: "next" });
    expect(interpret(s, back.flow, { type: "text", text: "Đoạn hai." }).write).toMatchObject({ value: "Đoạn một.\nĐoạn hai." });
  });

  it("treats buttons of another question, another submission or an unknown option as stale", () => {
    const s = snapshot();
    const flow = questionFlow(s, "form", "next");
    for (const action of [
      { op: "skip", sid: 7, q: 0 },
      { op: "choose", sid: 8, q: 5, option: 0 },
      { op: "choose", sid: 7, q: 5, option: 9 },
    ] as ButtonAction[]) {
      const step = interpret(s, flow, { type: "button", action });
      expect(step.write, JSON.stringify(action)).toBeUndefined();
      expect(step.toast?.key).toBe("conversation-stale-button-toast");
    }
    expect(interpret(s, flow, { type: "button", action: { op: "choose", sid: 7, q: 5, option: 2 } }).write).toMatchObject({ value: "mixed" });
  });

  it("locks a closed round and an accepted report", () => {
    const flow = questionFlow(snapshot(), "contact", "next");
    expect(interpret(snapshot({ roundStatus: "CLOSED" }), flow, { type: "text", text: "A" })).toMatchObject({ flow: { kind: "idle" }, notices: [{ key: "conversation-locked-round-closed" }] });
    expect(interpret(snapshot({ status: "ACCEPTED" }), flow, { type: "text", text: "A" }).write).toBeUndefined();
  });

  it("reads an unreadable stored state as idle rather than failing", () => {
    expect(readConversation({ v: 9, flow: "?" })).toEqual({ v: 1, flow: { kind: "idle" } });
    expect(readConversation(undefined).flow.kind).toBe("idle");
  });

  it("splits a long preview to the channel's limit, buttons under the last part only", () => {
    const long = "Nội dung rất dài. ".repeat(110).trim();
    const answers = Object.fromEntries(
      questions.map((q) => [q.key, answer(q.type === "list" ? [long.slice(0, 100)] : q.type === "number" ? 1 : q.type === "yes_no" ? true : q.type === "single_choice" ? "direct" : q.type === "multiple_choice" ? ["board"] : q.type === "date" ? "2024-01-02" : q.type === "document_ref" ? { text: long } : long)]),
    );
    const messages = renderPreview(snapshot({ answers }), [], ctx, { editable: true });
    expect(messages.length).toBeGreaterThan(2);
    for (const m of messages) expect(m.text.length).toBeLessThanOrEqual(4096);
    expect(messages.slice(0, -1).every((m) => m.buttons === undefined)).toBe(true);
    expect(messages.at(-1)!.buttons![0]![0]!.label).toBe("📤 Nộp báo cáo");
    const zalo = renderPreview(snapshot({ answers }), [], { ...ctx, messageLimit: 2000 }, { editable: true });
    for (const m of zalo) expect(m.text.length).toBeLessThanOrEqual(2000);
  });

  it("renders a question with progress, help, example and the buttons that apply", () => {
    const s = snapshot({ lastValues: { proposals: "Kỳ trước" }, answers: { proposals: answer("Hiện tại") } });
    const [message] = renderStep(s, { flow: questionFlow(s, "proposals", "next"), screen: "question", notices: [] }, ctx, true);
    expect(message!.text).toMatch(/^Câu 10\/10 · Văn phòng Sở\nKiến nghị, đề xuất của đơn vị\?\n\nℹ️ Bỏ qua nếu không có\./);
    expect(message!.text).toContain("🔄 Nội dung Anh/Chị gửi sẽ THAY THẾ câu trả lời hiện có.");
    expect(message!.buttons!.flat().map((b) => b.label)).toEqual(["➕ Thêm vào câu trả lời", "🕘 Giữ như kỳ trước", "➡️ Giữ nguyên câu trả lời", "⏭ Bỏ qua", "⬅️ Câu trước", "📋 Xem lại"]);
  });
});

describe("splitMessage", () => {
  it("keeps short texts whole and cuts long ones at paragraph, line or word breaks", () => {
    expect(splitMessage("ngắn", 10)).toEqual(["ngắn"]);
    expect(splitMessage("aaaa bbbb\n\ncccc dddd", 12)).toEqual(["aaaa bbbb", "cccc dddd"]);
    expect(splitMessage("một hai ba bốn năm sáu", 10)).toEqual(["một hai ba", "bốn năm", "sáu"]);
    expect(splitMessage("x".repeat(25), 10)).toEqual(["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
  });

  it("never splits an emoji's surrogate pair", () => {
    const pieces = splitMessage("😀".repeat(7), 5);
    expect(pieces.join("")).toBe("😀".repeat(7));
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(5);
    for (const piece of pieces) expect(piece).not.toMatch(/[\uD800-\uDBFF]$/);
  });
});

describe("permissions", () => {
  const admin: Actor = { personId: 1, grants: [{ role: "ADMIN", unitId: null }] };
  const secretary: Actor = { personId: 2, grants: [{ role: "SECRETARY", unitId: null }] };
  const reporter: Actor = { personId: 3, grants: [{ role: "REPORTER", unitId: 10 }, { role: "REPORTER", unitId: 11 }] };
  const nobody: Actor = { personId: 4, grants: [] };

  it("a reporter reads and writes only their own units; the office reads every unit but writes none", () => {
    expect(canAnswerForUnit(reporter, 10)).toBe(true);
    expect(canAnswerForUnit(reporter, 11)).toBe(true);
    expect(canAnswerForUnit(reporter, 12)).toBe(false);
    expect(canViewUnit(reporter, 12)).toBe(false);
    expect(canViewUnit(secretary, 12)).toBe(true);
    expect(canAnswerForUnit(secretary, 12)).toBe(false);
    expect(canAnswerForUnit(null, 10)).toBe(false);
  });

  it("only admins manage units and invites; only the office opens rounds and compiles", () => {
    expect(can(admin, "units.manage")).toBe(true);
    expect(can(secretary, "units.manage")).toBe(false);
    expect(can(reporter, "invites.create")).toBe(false);
    expect(can(secretary, "reports.compile")).toBe(true);
    expect(can(reporter, "reports.compile")).toBe(false);
    expect(can(null, "status.all")).toBe(false);
    expect(invitableRoles(admin)).toEqual(["REPORTER", "SECRETARY"]);
    expect(invitableRoles(secretary)).toEqual([]);
  });

  it("audiences of commands", () => {
    expect(["everyone", "member", "reporter", "office", "admin"].map((a) => inAudience(reporter, a as never))).toEqual([true, true, true, false, false]);
    expect(["everyone", "member", "reporter", "office", "admin"].map((a) => inAudience(admin, a as never))).toEqual([true, true, false, true, true]);
    expect(["everyone", "member"].map((a) => inAudience(nobody, a as never))).toEqual([true, false]);
    expect(inAudience(null, "member")).toBe(false);
  });
});
