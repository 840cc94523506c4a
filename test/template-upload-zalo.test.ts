import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { LocalZaloOa, type DeliveredMessage } from "../src/demo/local-zalo-oa.ts";
import type { Role } from "../src/domain/permissions.ts";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import { storeTemplateUpload } from "../src/report/template-upload.ts";
import { bodyParagraphs } from "./support/docx-xml.ts";
import { createTestRedis } from "./support/reminder-fixtures.ts";
import { ROOT, seedOrganisation } from "./support/report-world.ts";
import { startAppOnZalo, stopAppOnZalo } from "./support/zalo-app.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { textOf, ZaloPerson } from "./support/zalo-person.ts";

const REFORM = readFileSync(join(ROOT, "templates/cai-cach-hanh-chinh.yaml"), "utf8");
const EDITED = REFORM.replace("Tồn tại, hạn chế\n", "Tồn tại, hạn chế và nguyên nhân\n");
const KEY = "cai-cach-hanh-chinh";
const utf8 = (text: string) => new TextEncoder().encode(text);

async function zaloPerson(prisma: PrismaClient, userId: string, name: string, grants: { role: Role; unitId?: number }[]): Promise<void> {
  await prisma.person.create({
    data: { name, accounts: { create: { channel: "ZALO", externalId: userId } }, memberships: { create: grants.map((g) => ({ role: g.role, unitId: g.unitId ?? null })) } },
  });
}

const isFile = (message: DeliveredMessage) => (message.message as { attachment?: { type?: string } }).attachment?.type === "file";

describe("an administrator sends a template .yaml file to the Zalo Official Account", () => {
  const oa = new LocalZaloOa();
  const prefix = `test-zalo-template-${randomUUID()}`;
  const redis = createTestRedis();
  let db: TestDatabase;
  let app: App;
  const admin = new ZaloPerson(oa, "8200000000000000001");
  const reporter = new ZaloPerson(oa, "8200000000000000002");
  const versions = async () => (await db.prisma.template.findMany({ where: { key: KEY }, orderBy: { version: "asc" } })).map((t) => t.version);

  /** Sends a file as the person; the messages before it, to read what came after. */
  async function sendFile(person: ZaloPerson, file: { fileName: string; bytes: Uint8Array; size?: number }): Promise<number> {
    const before = person.messages().length;
    await person.sendFile(file);
    return before;
  }

  beforeAll(async () => {
    await oa.start();
    db = await createTestDatabase();
    const { units } = await seedOrganisation(db.prisma);
    await zaloPerson(db.prisma, admin.userId, "Quản", [{ role: "ADMIN" }]);
    await zaloPerson(db.prisma, reporter.userId, "Yến", [{ role: "REPORTER", unitId: units["van-phong"]! }]);
    for (const person of [admin, reporter]) oa.addFollower(person.userId);
    expect(await storeTemplateUpload(db.prisma, { source: REFORM, fileName: "cai-cach-hanh-chinh.yaml", actorId: null })).toMatchObject({ ok: true, version: 2 });
    app = await startAppOnZalo(oa, db, prefix);
  }, 90_000);

  afterAll(() => stopAppOnZalo({ app, oa, redis, prefix, db }));

  it("a good file: the summary within Zalo's limits, the preview .docx uploaded and sent, two buttons; storing makes version 3; a second tap changes nothing", async () => {
    const before = await sendFile(admin, { fileName: "cchc-moi.yaml", bytes: utf8(EDITED) });
    const summary = await admin.reply(/Lưu “cchc-moi\.yaml” thành phiên bản 3/, 60_000);
    expect(summary).toMatch(/^✅ Mẫu “Công tác cải cách hành chính” \(cai-cach-hanh-chinh\) hợp lệ: 8 mục, 10 câu hỏi/);
    expect(summary).toContain("Ai được hỏi gì:\n• Văn phòng (office): 10 câu — direction,");
    expect(oa.fileDownloads).toHaveLength(1);
    // The file follows its caption and buttons.
    await until(() => admin.messages().slice(before).some(isFile));
    const fresh = admin.messages().slice(before);
    for (const message of fresh) expect(textOf(message).length).toBeLessThanOrEqual(2000);
    expect(admin.buttons()).toEqual([]);
    const captioned = fresh.find((m) => textOf(m).includes("thành phiên bản 3"))!;
    const buttons = ((captioned.message as { attachment: { payload: { buttons: { title: string }[] } } }).attachment.payload.buttons).map((b) => b.title);
    expect(buttons).toEqual(["💾 Lưu thành phiên bản 3", "✖️ Không lưu"]);
    const preview = oa.uploadedFile(fresh.find(isFile)!)!;
    expect(preview.fileName).toBe("XEM-TRUOC-cai-cach-hanh-chinh.docx");
    const body = (await bodyParagraphs(preview.bytes)).join("\n");
    expect(body).toContain("III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN");
    expect(await versions()).toEqual([2]);

    await admin.tap("💾 Lưu thành phiên bản 3");
    expect(await admin.reply(/Đã lưu/)).toBe("💾 Đã lưu mẫu “Công tác cải cách hành chính”, phiên bản 3. Kỳ báo cáo mới có thể dùng mẫu này.");
    expect(await versions()).toEqual([2, 3]);
    expect(await db.prisma.auditEvent.count({ where: { action: "template.added" } })).toBe(2);

    await admin.tap("💾 Lưu thành phiên bản 3");
    expect(await admin.reply(/không còn chờ xác nhận/)).toMatch(/^Tệp mẫu này không còn chờ xác nhận/);
    expect(await versions()).toEqual([2, 3]);
  }, 120_000);

  it("a bad file: the problems with their lines, nothing stored", async () => {
    const broken = EDITED.replace("subject: Kết quả", "subject: Kết quả {period.label}");
    await sendFile(admin, { fileName: "hong.yaml", bytes: utf8(broken) });
    const reply = await admin.reply(/lỗi/, 60_000);
    const line = broken.slice(0, broken.indexOf("subject:")).split("\n").length;
    expect(reply).toMatch(/^❌ Mẫu báo cáo “hong\.yaml” có 1 lỗi; chưa lưu gì:\n/);
    expect(reply).toContain(`• Dòng ${line}: subject: {period.label} is not a placeholder`);
    expect(await versions()).toEqual([2, 3]);
  }, 60_000);

  it("a file too large is never downloaded; a reporter's file is not read; a photo is told apart", async () => {
    const downloads = oa.fileDownloads.length;
    await sendFile(admin, { fileName: "lon.yaml", bytes: utf8("key: x\n"), size: 3 * 1024 * 1024 });
    expect(await admin.reply(/KB/)).toBe("Tệp “lon.yaml” nặng 3.072 KB, quá giới hạn 512 KB của một tệp mẫu báo cáo; tôi không tải tệp này về. Anh/Chị kiểm tra lại tệp (mẫu báo cáo thường chỉ vài chục KB).");

    await sendFile(reporter, { fileName: "cchc.yaml", bytes: utf8(EDITED) });
    expect(await reporter.reply(/quản trị viên/)).toBe("Chỉ quản trị viên mới thêm được mẫu báo cáo; tệp “cchc.yaml” không được đọc.");
    expect(oa.fileDownloads.length).toBe(downloads);

    await sendFile(admin, { fileName: "bao-cao.docx", bytes: utf8("PK") });
    expect(await admin.reply(/\.yaml/)).toMatch(/^Tôi chỉ đọc tệp mẫu báo cáo có đuôi \.yaml hoặc \.yml; tệp “bao-cao\.docx” không được đọc\./);
    await oa.sendImage(admin.userId);
    expect((await admin.reply(/tin nhắn chữ/)).split("\n---\n").at(-1)).toMatch(/^Tôi chỉ đọc được tin nhắn chữ và tệp mẫu báo cáo \(\.yaml\)\./);
    expect(oa.fileDownloads.length).toBe(downloads);
    expect(await versions()).toEqual([2, 3]);
  }, 60_000);
});

async function until(probe: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
