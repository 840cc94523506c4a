import { describe, expect, it } from "vitest";
import { pageLines } from "../src/domain/office/page-lines.ts";
import { sortByLag, statusCounts, statusLine, statusPages, type StatusFormat, type UnitProgress } from "../src/domain/office/status-table.ts";
import { i18n } from "../src/i18n.ts";

const fmt: StatusFormat = { t: (key, vars) => i18n.t("vi", key, vars), time: (d) => d.toISOString().slice(11, 16) };

function unit(id: number, status: UnitProgress["status"], extra: Partial<UnitProgress> = {}): UnitProgress {
  return {
    unitId: id,
    name: `Phòng ${id}`,
    order: id,
    status,
    answered: 0,
    total: 10,
    lastActivityAt: null,
    submittedAt: null,
    editedAfterSubmitAt: null,
    returnedAt: null,
    acceptedAt: null,
    returnedCount: 0,
    reporters: 1,
    unreachable: [],
    ...extra,
  };
}

describe("the office's progress table", () => {
  it("puts the laggards first: not started, returned, least answered, then submitted and accepted", () => {
    const units = [
      unit(1, "ACCEPTED", { acceptedAt: new Date("2024-09-19T03:00:00Z") }),
      unit(2, "SUBMITTED", { submittedAt: new Date("2024-09-18T03:00:00Z") }),
      unit(3, "IN_PROGRESS", { answered: 8 }),
      unit(4, "IN_PROGRESS", { answered: 2 }),
      unit(5, "NOT_STARTED"),
      unit(6, "RETURNED", { returnedCount: 2 }),
      unit(7, "NOT_STARTED", { reporters: 0 }),
    ];
    expect(sortByLag(units).map((u) => u.unitId)).toEqual([7, 5, 6, 4, 3, 2, 1]);
    expect(statusCounts(units)).toEqual({ total: 7, submitted: 2, accepted: 1, inProgress: 2, notStarted: 2, returned: 1, unreachable: 1 });
  });

  it("writes each state in a line of its own, with times and unreachable reporters", () => {
    const at = new Date("2024-09-18T03:15:00Z");
    expect(statusLine(unit(1, "NOT_STARTED"), 1, fmt)).toBe("1. ⏳ Phòng 1 — chưa bắt đầu");
    expect(statusLine(unit(2, "IN_PROGRESS", { answered: 4, total: 13, lastActivityAt: at }), 2, fmt)).toBe(
      "2. ✍️ Phòng 2 — đang trả lời 4/13 câu, lần cuối 03:15",
    );
    expect(statusLine(unit(3, "SUBMITTED", { submittedAt: at }), 3, fmt)).toBe("3. ✅ Phòng 3 — đã nộp 03:15");
    expect(statusLine(unit(4, "RETURNED", { returnedAt: at, returnedCount: 2 }), 4, fmt)).toBe("4. 🔁 Phòng 4 — được trả lại 03:15 (2 câu), chờ bổ sung");
    expect(statusLine(unit(5, "NOT_STARTED", { unreachable: [{ name: "Trần Bình", reach: "unreachable" }] }), 5, fmt)).toBe(
      "5. ⏳ Phòng 5 — chưa bắt đầu\n   ⚠️ không nhắn được cho: Trần Bình (đã chặn hoặc bỏ quan tâm)",
    );
    // Each person with their own reason: a blocked account, or Zalo's messaging window closed.
    expect(
      statusLine(unit(8, "IN_PROGRESS", { reporters: 2, unreachable: [{ name: "Lê An", reach: "window-closed" }, { name: "Trần Bình", reach: "unreachable" }] }), 8, fmt),
    ).toContain("⚠️ không nhắn được cho: Lê An (quá thời hạn Zalo cho phép nhắn tin), Trần Bình (đã chặn hoặc bỏ quan tâm)");
    expect(statusLine(unit(6, "NOT_STARTED", { reporters: 0 }), 6, fmt)).toContain("chưa có người báo cáo");
    // Changed after submitting: still submitted (the office keeps that version), said so.
    const editing = unit(8, "SUBMITTED", { submittedAt: at, editedAfterSubmitAt: new Date("2024-09-19T01:00:00Z") });
    expect(statusLine(editing, 8, fmt)).toBe("8. ✏️ Phòng 8 — đang sửa (đã nộp lúc 03:15)");
    expect(statusCounts([editing])).toMatchObject({ submitted: 1, inProgress: 0 });
    // A submitted unit's unreachable reporter does not matter any more.
    expect(statusLine(unit(7, "SUBMITTED", { submittedAt: at, unreachable: [{ name: "X", reach: "unreachable" }] }), 7, fmt)).not.toContain("⚠️");
  });

  it("pages a long table within the limit, numbering across pages, every unit exactly once", () => {
    const units = Array.from({ length: 60 }, (_, i) => unit(i + 1, i % 3 === 0 ? "SUBMITTED" : "NOT_STARTED", { name: `Trung tâm số ${i + 1} ${"rất dài ".repeat(12)}` }));
    const pages = statusPages({ title: "📊 Tiến độ", units, fmt, limit: 4096, unitsPerPage: 25 });
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      expect(page.text.length).toBeLessThanOrEqual(4096);
      expect(page.text).toContain("Đã nộp 20/60 đơn vị");
    }
    expect(pages[0]!.text).toContain(`Trang 1/${pages.length}`);
    const numbers = pages.flatMap((p) => p.units.map((u) => u.number));
    expect(numbers).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(new Set(pages.flatMap((p) => p.units.map((u) => u.unitId))).size).toBe(60);
    // Late units come first, so the first page is all late.
    expect(pages[0]!.units.every((u) => u.late)).toBe(true);
    expect(pages.at(-1)!.units.every((u) => !u.late)).toBe(true);
  });

  it("respects a tight character limit even when the line count would allow more", () => {
    const lines = Array.from({ length: 10 }, (_, i) => `${i}`.repeat(30));
    const pages = pageLines(lines, { limit: 100, maxLines: 50 });
    for (const page of pages) expect(page.join("\n").length).toBeLessThanOrEqual(100);
    expect(pages.flat()).toEqual(lines);
    expect(pageLines(["x".repeat(500)], { limit: 100, maxLines: 5 })[0]![0]!.length).toBe(100);
  });

  it("says so when the round has no unit", () => {
    const pages = statusPages({ title: "T", units: [], fmt, limit: 4096, unitsPerPage: 25 });
    expect(pages).toHaveLength(1);
    expect(pages[0]!.text).toContain("Chưa có đơn vị nào");
  });
});
