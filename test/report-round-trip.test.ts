import { describe, expect, it } from "vitest";
import { compileSample } from "../src/report/compile-sample.ts";
import { bodyParagraphs } from "./support/docx-xml.ts";

/** Section headings of the reference report (shared/reference/sample-report.md), in order, as printed there. */
const REFERENCE_HEADINGS = [
  "1. Khái quát đặc điểm tình hình",
  "2. Công tác lãnh đạo, chỉ đạo của cấp ủy, tổ chức đảng, chính quyền",
  "a) Việc tổ chức quán triệt, triển khai thực hiện các quan điểm, chủ trương của Đảng, chính sách, pháp luật của Nhà nước về thực hiện dân chủ ở cơ sở",
  "b) Công tác tuyên truyền nâng cao nhận thức của cấp ủy, chính quyền, các tổ chức chính trị - xã hội và của cán bộ, đảng viên, đoàn viên, người lao động về dân chủ và thực hiện dân chủ ở cơ sở",
  "3. Kết quả thực hiện dân chủ ở cơ sở",
  "4. Đánh giá chung",
  "4.1. Những kết quả đạt được và nguyên nhân",
  "a) Những kết quả đạt được",
  "b) Nguyên nhân đạt được",
  "4.2. Những hạn chế, yếu kém và nguyên nhân",
  "5. Nhiệm vụ trọng tâm quý IV 2024",
];

/** Case and spacing aside; the reference's "quý IV 2024" is the period label "Quý IV năm 2024" in short. */
const normalise = (text: string) => text.toLocaleLowerCase("vi").replace(/\s+/g, " ").replace(/ năm (\d{4})/g, " $1").trim();

describe("sample report round trip", () => {
  it("the .docx text holds every reference heading, in order, between the opening and the signature", async () => {
    const { bytes } = await compileSample();
    const paragraphs = (await bodyParagraphs(bytes)).map(normalise);
    const at = (text: string) => paragraphs.indexOf(normalise(text));

    const headingPositions = REFERENCE_HEADINGS.map(at);
    expect(headingPositions.filter((p) => p < 0), "missing headings").toEqual([]);
    expect([...headingPositions].sort((a, b) => a - b)).toEqual(headingPositions);

    const landmarks = [
      at("BÁO CÁO"),
      at("Kết quả thực hiện Quy chế dân chủ ở cơ sở 9 tháng đầu năm, nhiệm vụ trọng tâm Quý IV năm 2024"),
      paragraphs.findIndex((p) => p.startsWith("kính gửi:")),
      paragraphs.findIndex((p) => p.startsWith(normalise("Thực hiện Công văn số 09-CV/BCĐ ngày 10/9/2024"))),
      ...headingPositions,
      paragraphs.findIndex((p) => p.startsWith("trên đây là báo cáo") && p.endsWith("./.")),
      at("Nơi nhận:"),
      at("Nguyễn Thái Kiều Ngân"),
    ];
    expect(landmarks.filter((p) => p < 0), "missing landmarks").toEqual([]);
    expect([...landmarks].sort((a, b) => a - b)).toEqual(landmarks);
  });

  it("carries the trade union's own item and the numbered tasks of several units", async () => {
    const { bytes } = await compileSample();
    const text = await bodyParagraphs(bytes);
    expect(text).toContainEqual(expect.stringMatching(/^- Ban Chấp hành Công đoàn Sở phối hợp với chính quyền.*vướng mắc phát sinh\.$/));
    const tasks = text.filter((p) => /^\d+\. (Tiếp tục|Tăng cường|Tổ chức|Đẩy mạnh|Phối hợp|Thực hiện)/.test(p));
    expect(tasks.map((p) => Number(p.split(".")[0]))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(tasks.at(-1)).toMatch(/^7\. Tổ chức tổng kết/);
  });
});
