import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { ROOT } from "./support/spawn-app.ts";

describe("npm run demo", () => {
  it("plays a whole round and writes the compiled report", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "tong-hop-demo-out-")), "demo-report.docx");
    const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), join(ROOT, "src/demo/run-demo.ts")], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DEMO_OUT: out },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code, output.slice(-2000)).toBe(0);

    // The story of the round, as printed.
    expect(output).toContain("/newround");
    expect(output).toMatch(/Nhắc việc: .*Chi đoàn Sở/);
    expect(output).toContain("Văn phòng đề nghị Văn phòng Sở bổ sung");
    expect(output).toContain("Đã nộp lại báo cáo của Văn phòng Sở");
    expect(output).toMatch(/📎 BC-dan-chu-co-so-9-thang-\d{4}-v1\.docx/);
    // Names in Vietnamese order, suggested from Telegram's first and last name and confirmed; "Anh/Chị" once.
    expect(output).toContain("Chào mừng Anh/Chị Nguyễn Thị Lan!");
    expect(output).toContain("Tôi sẽ ghi tên Anh/Chị là “Nguyễn Thị Lan”.");
    expect(output).toContain("Cảm ơn Anh/Chị Nguyễn Thị Lan.");
    expect(output).not.toMatch(/Anh\/Chị (?:Anh|Chị) /);

    const zip = await JSZip.loadAsync(readFileSync(out));
    const text = (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
    expect(text).toContain("Kết quả thực hiện Quy chế dân chủ ở cơ sở 9 tháng đầu năm");
    expect(text).toContain("Trong kỳ, Sở tổ chức 02 hội nghị giao ban");
    // Units' answers as units write them, consolidated in the agency's voice: no filler, no appendix.
    expect(text).not.toContain("Đơn vị thực hiện đầy đủ");
    expect(text).not.toContain("PHỤ LỤC");
    expect(text).toContain("Sở đã cử công chức phụ trách công tác tiếp công dân theo quy định. Trong kỳ báo cáo, tính đến hiện tại, Sở nhận được 1 đơn thư");
    expect(text.match(/Tổ chức tổng kết, đánh giá, báo cáo kết quả thực hiện Quy chế dân chủ ở cơ sở năm \d{4}/g)).toHaveLength(1);
    expect(text).not.toMatch(/Không\.|tự đánh giá/);
  }, 300_000);
});
