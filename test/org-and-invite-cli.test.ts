import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashInviteCode } from "../src/invites/invite-code.ts";
import { FakeBotApi } from "./support/fake-bot-api.ts";
import { ROOT } from "./support/report-world.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const run = promisify(execFile);

type Result = { code: number; stdout: string; stderr: string };

describe("npm run import and npm run invite", () => {
  let db: TestDatabase;
  const api = new FakeBotApi();
  let env: Record<string, string>;

  /** Runs a command-line script as `npm run` does, with only the given environment. */
  async function cli(script: string, ...args: string[]): Promise<Result> {
    try {
      const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", join(ROOT, "src/cli", script), ...args], { cwd: ROOT, env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: db.url, BOT_TOKEN: "123:abc", BOT_API_ROOT: await api.start(), LOG_LEVEL: "warn" };
  });
  afterAll(async () => {
    await api.stop();
    await db?.drop();
  });

  it("imports examples/org.yaml, and again as an update", async () => {
    const first = await cli("import-org.ts", "examples/org.yaml");
    expect(first).toMatchObject({ code: 0, stdout: 'created organisation "Sở Khoa học và Công nghệ"\nunits: 9 created, 0 updated\n' });
    const second = await cli("import-org.ts", "examples/org.yaml");
    expect(second.stdout).toBe('updated organisation "Sở Khoa học và Công nghệ"\nunits: 0 created, 9 updated\n');
    expect(await db.prisma.organisation.count()).toBe(1);
    // The organisation's own kinds, short form and drafting unit are stored with it.
    const org = await db.prisma.organisation.findFirstOrThrow();
    expect(org).toMatchObject({ shortForm: "Sở", drafterUnit: "VP" });
    expect((org.unitKinds as { key: string }[]).map((k) => k.key)).toEqual(["office", "department", "affiliated", "trade_union", "youth_union", "party_cell"]);
    // Current administrative names: two-level local government since 1 July 2025, no district or provincial city.
    expect(org.profileText).toContain("phường Phố Hiến, tỉnh Hưng Yên");
    expect(org.profileText).not.toMatch(/thành phố Hưng Yên|huyện|quận/);
    const units = await db.prisma.unit.findMany({ orderBy: { order: "asc" } });
    expect(units.map((u) => u.name)).toEqual([
      "Văn phòng Sở",
      "Thanh tra Sở",
      "Phòng Kế hoạch - Tài chính",
      "Phòng Quản lý khoa học",
      "Phòng Quản lý công nghệ và Đổi mới sáng tạo",
      "Phòng Tiêu chuẩn - Đo lường - Chất lượng",
      "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
      "Công đoàn cơ sở Sở",
      "Chi đoàn Sở",
    ]);
  });

  it("refuses an invalid file before touching the database, naming each problem by path and line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tong-hop-org-"));
    const file = join(dir, "bad.yaml");
    writeFileSync(
      file,
      [
        "organisation:",
        "  name: SỞ X",
        "  shortName: Sở X",
        "  parentName: UBND",
        "  symbol: SX",
        "  place: Hà Nội",
        "  signerTitle: GIÁM ĐỐC",
        "  signerName: A",
        "  timezone: Mars/Base",
        "  colour: blue",
        "units:",
        "  - code: phong-a",
        "    name: Phòng A",
        "    kind: department",
        "  - code: phong-a",
        "    name: Phòng B",
        "    kind: ministry",
        "",
      ].join("\n"),
    );
    const result = await cli("import-org.ts", file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("bad.yaml: invalid organisation file");
    expect(result.stderr).toContain("line 9: organisation.timezone: must be an IANA time zone such as Asia/Ho_Chi_Minh");
    expect(result.stderr).toContain("line 10: organisation.colour: unknown field (check the spelling)");
    expect(result.stderr).toContain('line 15: units[1].code: duplicate unit code "phong-a" (also units[0])');
    expect(result.stderr).toMatch(/line 17: units\[1\]\.kind: must be one of office, department, affiliated, trade_union, youth_union, party_cell, other \(or define the organisation's own under unitKinds\)/);
    expect(await db.prisma.unit.count({ where: { code: "phong-a" } })).toBe(0);
    expect((await cli("import-org.ts", join(dir, "missing.yaml"))).stderr).toContain("no such file");
  });

  it("prints a one-time admin link with the bot's username from getMe; the code is stored only as a hash", async () => {
    const result = await cli("invite.ts", "--role", "admin");
    expect(result.code).toBe(0);
    const link = /^https:\/\/t\.me\/tong_hop_test_bot\?start=([A-Za-z0-9_-]{24})$/m.exec(result.stdout);
    expect(link, result.stdout + result.stderr).not.toBeNull();
    const code = link![1]!;
    expect(result.stdout).toContain(`code: ${code}`);
    expect(api.callsOf("getMe").length).toBeGreaterThan(0);
    const invite = await db.prisma.invite.findUniqueOrThrow({ where: { codeHash: hashInviteCode(code) } });
    expect(invite).toMatchObject({ role: "ADMIN", unitId: null, usedAt: null });

    const revoked = await cli("invite.ts", "--revoke", code);
    expect(revoked).toMatchObject({ code: 0, stdout: "invite revoked: the link no longer works\n" });
    expect((await db.prisma.invite.findUniqueOrThrow({ where: { id: invite.id } })).revokedAt).not.toBeNull();
  });

  it("makes a reporter link for a unit with a chosen validity; refuses a missing or unknown unit", async () => {
    const result = await cli("invite.ts", "--role", "reporter", "--unit", "thanh-tra", "--days", "3");
    expect(result.stdout).toContain("One-time invite for the reporter of Thanh tra Sở (thanh-tra)");
    const code = /start=([A-Za-z0-9_-]+)/.exec(result.stdout)![1]!;
    const invite = await db.prisma.invite.findUniqueOrThrow({ where: { codeHash: hashInviteCode(code) }, include: { unit: true } });
    expect(invite.unit?.code).toBe("thanh-tra");
    const days = (invite.expiresAt.getTime() - invite.createdAt.getTime()) / (24 * 3600 * 1000);
    expect(days).toBeCloseTo(3, 3);

    const [missing, unknown, badRole] = await Promise.all([
      cli("invite.ts", "--role", "reporter"),
      cli("invite.ts", "--role", "reporter", "--unit", "khong-co"),
      cli("invite.ts", "--role", "boss"),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--role reporter needs --unit <unit code>");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no unit has the code "khong-co"');
    expect(badRole.stderr).toContain("--role must be admin, secretary or reporter");
  });
});
