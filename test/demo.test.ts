import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { ROOT } from "./support/spawn-app.ts";

// A demo that runs longer than this is stopped and the test fails (it takes about a minute under load).
const DEMO_LIMIT_MS = 240_000;

/** Runs `npm run demo` with these arguments; the exit code, everything it printed and the report's text. */
async function runDemo(args: string[]): Promise<{ code: number | null; output: string; text: () => Promise<string> }> {
  const out = join(mkdtempSync(join(tmpdir(), "tong-hop-demo-out-")), "demo-report.docx");
  const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), join(ROOT, "src/demo/run-demo.ts"), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DEMO_OUT: out },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill("SIGKILL"), DEMO_LIMIT_MS);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearTimeout(timer);
  return {
    code,
    output,
    text: async () => {
      // The file opens as a .docx (a zip with the document part), and reads as the report.
      const zip = await JSZip.loadAsync(readFileSync(out));
      return (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
    },
  };
}

describe("npm run demo", () => {
  it("plays a whole round and writes the compiled report", async () => {
    const { code, output, text: readText } = await runDemo([]);
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

    const text = await readText();
    expect(text).toContain("Kết quả thực hiện Quy chế dân chủ ở cơ sở 9 tháng đầu năm");
    expect(text).toContain("Trong kỳ, Sở tổ chức 02 hội nghị giao ban");
    // Units' answers as units write them, consolidated in the agency's voice: no filler, no appendix.
    expect(text).not.toContain("Đơn vị thực hiện đầy đủ");
    expect(text).not.toContain("PHỤ LỤC");
    expect(text).toContain("Sở đã cử công chức phụ trách công tác tiếp công dân theo quy định. Trong kỳ báo cáo, tính đến hiện tại, Sở nhận được 1 đơn thư");
    expect(text.match(/Tổ chức tổng kết, đánh giá, báo cáo kết quả thực hiện Quy chế dân chủ ở cơ sở năm \d{4}/g)).toHaveLength(1);
    expect(text).not.toMatch(/Không\.|tự đánh giá/);
  }, 300_000);

  it("plays the same round on Zalo against the local Official Account; the report is uploaded and sent as a file", async () => {
    const { code, output, text: readText } = await runDemo(["--channel", "zalo"]);
    expect(code, output.slice(-2000)).toBe(0);

    // People follow the OA and join with a short code; the same round follows.
    expect(output).toMatch(/--channel zalo → https:\/\/zalo\.me\/\d+, code: [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}/);
    expect(output).toContain("quan tâm Official Account");
    expect(output).toContain("/newround");
    expect(output).toMatch(/Nhắc việc: .*Chi đoàn Sở/);
    expect(output).toContain("Đã nộp lại báo cáo của Văn phòng Sở");
    expect(output).toMatch(/📎 BC-dan-chu-co-so-9-thang-\d{4}-v1\.docx/);
    // Zalo's messaging window (48 hours by default) keeps later reminders and the return notice back: said, not hidden.
    expect(output).toContain("lời nhắc không gửi: người nhận chưa nhắn cho Official Account");
    expect(output).toContain("người báo cáo nhắn /report cho Official Account");

    const text = await readText();
    expect(text).toContain("Kết quả thực hiện Quy chế dân chủ ở cơ sở 9 tháng đầu năm");
    expect(text).toContain("Trong kỳ, Sở tổ chức 02 hội nghị giao ban");
    expect(text).toContain("Sở đã cử công chức phụ trách công tác tiếp công dân theo quy định. Trong kỳ báo cáo, tính đến hiện tại, Sở nhận được 1 đơn thư");
  }, 300_000);
});
