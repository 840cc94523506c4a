import { describe, expect, it } from "vitest";
import { CAPTION_LIMIT, compileCaption } from "../src/domain/office/compile-caption.ts";
import { i18n } from "../src/i18n.ts";

const t = (key: string, vars?: Record<string, string | number>) => i18n.t("vi", key, vars);

describe("the compiled report's caption", () => {
  it("counts the units in the report and names the missing ones", () => {
    const { caption, followUp } = compileCaption(
      {
        version: 3,
        reused: false,
        final: false,
        includeDrafts: false,
        attribution: false,
        appendix: false,
        overridden: 0,
        units: [
          { name: "Văn phòng Sở", submitted: true, included: true },
          { name: "Thanh tra Sở", submitted: false, included: false },
          { name: "Chi đoàn Sở", submitted: false, included: false },
        ],
        warnings: 0,
      },
      t,
    );
    expect(caption).toContain("phiên bản 3");
    expect(caption).toContain("Đã tổng hợp 1/3 đơn vị.");
    expect(caption).toContain("Chưa nộp (2): Thanh tra Sở, Chi đoàn Sở.");
    expect(followUp).toEqual([]);
  });

  it("moves the lists to a message of their own when they do not fit the caption", () => {
    const units = Array.from({ length: 40 }, (_, i) => ({ name: `Trung tâm Ứng dụng tiến bộ khoa học và công nghệ số ${i + 1}`, submitted: i < 5, included: i < 8 }));
    const { caption, followUp } = compileCaption({ version: 1, reused: true, final: true, includeDrafts: true, attribution: true, appendix: true, overridden: 2, units, warnings: 2 }, t);
    expect(caption.length).toBeLessThanOrEqual(CAPTION_LIMIT);
    expect(caption).toContain("bản cuối");
    expect(caption).toContain("gửi lại tệp đã lưu");
    expect(caption).toContain("phụ lục tình hình nộp báo cáo");
    expect(caption).toContain("2 mục");
    expect(caption).toContain("Danh sách ở tin nhắn sau");
    expect(followUp[0]).toContain("Các đơn vị chưa nộp (35):");
    expect(followUp[0]).toContain("35. Trung tâm Ứng dụng tiến bộ khoa học và công nghệ số 40");
    expect(followUp[1]).toContain("(3)");
  });
});
