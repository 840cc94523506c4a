import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Role } from "../src/domain/permissions.ts";
import { hashShortCode } from "../src/invites/short-code.ts";
import { LINK_CODE_MINUTES } from "../src/invites/link-code.ts";
import { createLogger } from "../src/logger.ts";
import type { ChannelName, ChannelSender, SendResult } from "../src/messaging/channel-sender.ts";
import type { OutReply } from "../src/messaging/out-reply.ts";
import type { Reply } from "../src/messaging/reply.ts";
import { createNotifier } from "../src/queue/notifier.ts";
import { makeContext, type UseCaseDeps } from "../src/use-cases/context.ts";
import { dispatch, type Inbound } from "../src/use-cases/dispatch.ts";
import { identify } from "../src/use-cases/identify.ts";
import { botDeps, TEST_KEYRING } from "./support/bot-deps.ts";
import { seedOrganisation } from "./support/report-world.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const CODE = /\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2})\b/;
const ZALO_WINDOW = 48 * 3600_000;

/** A channel's outbound side that keeps what it was asked to send, by address. */
class RecordingSender implements ChannelSender {
  readonly sent: { address: string; text: string }[] = [];
  constructor(readonly channel: ChannelName) {}
  async send(address: string, replies: readonly OutReply[]): Promise<SendResult> {
    for (const reply of replies) if (reply.kind === "text") this.sent.push({ address, text: reply.text });
    return { ok: true };
  }
  to(address: string): string[] {
    return this.sent.filter((s) => s.address === address).map((s) => s.text);
  }
}

const textOf = (replies: Reply[]) => replies.map((r) => (r.kind === "text" ? r.text : (r.caption ?? ""))).join("\n");

describe("linking a person's Telegram and Zalo accounts with a one-time code (use cases, real database)", () => {
  let db: TestDatabase;
  let deps: UseCaseDeps;
  let units: Record<string, number>;
  let clock = new Date("2026-12-01T02:00:00Z");
  const telegram = new RecordingSender("telegram");
  const zalo = new RecordingSender("zalo");
  const logLines: string[] = [];

  /** Something typed by the account `externalId` on `channel` (a Zalo user is addressed by their id, a Telegram user by their private chat). */
  async function say(channel: ChannelName, externalId: string, inbound: Inbound | string, languageHint: "vi" | "en" | null = "vi") {
    const caller = await identify(deps, { channel, externalId, address: externalId, languageHint });
    const answer = await dispatch(makeContext(deps, caller), typeof inbound === "string" ? { kind: "text", text: inbound } : inbound);
    return { ...answer, text: textOf(answer.replies) };
  }
  async function linkCode(channel: ChannelName, externalId: string): Promise<string> {
    const answer = await say(channel, externalId, "/link");
    const code = CODE.exec(answer.text)?.[1];
    if (!code) throw new Error(`no code in: ${answer.text}`);
    return code;
  }
  async function person(name: string, account: { channel: "TELEGRAM" | "ZALO"; externalId: string }, grants: { role: Role; unitId?: number }[], locale: string | null = null) {
    const created = await db.prisma.person.create({
      data: { name, locale, accounts: { create: account }, memberships: { create: grants.map((g) => ({ role: g.role, unitId: g.unitId ?? null })) } },
      select: { id: true },
    });
    return created.id;
  }
  const ownerOf = async (channel: "TELEGRAM" | "ZALO", externalId: string) =>
    (await db.prisma.channelAccount.findUnique({ where: { channel_externalId: { channel, externalId } }, select: { personId: true } }))?.personId ?? null;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ units } = await seedOrganisation(db.prisma));
    const now = () => clock;
    const logger = createLogger(
      "debug",
      {},
      new Writable({
        write(chunk, _encoding, done) {
          logLines.push(String(chunk));
          done();
        },
      }),
    );
    deps = {
      ...botDeps(db.prisma, { links: { telegramBot: "tong_hop_test_bot", zaloOaId: "4321987654321" }, windows: { zalo: ZALO_WINDOW }, now, logger }),
      notifier: createNotifier({ prisma: db.prisma, senders: [telegram, zalo], keyring: TEST_KEYRING, defaultLocale: "vi", windows: { zalo: ZALO_WINDOW }, logger, now }),
    };
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
  });
  beforeEach(() => {
    clock = new Date(clock.getTime() + 60 * 60_000);
  });

  it("/link on Telegram gives a code (hashed, for 15 minutes); sent to the Zalo OA by a stranger there, it links the account: audited, told on both", async () => {
    const lan = await person("Nguyễn Thị Lan", { channel: "TELEGRAM", externalId: "7001" }, [{ role: "REPORTER", unitId: units["van-phong"] }]);
    const help = await say("telegram", "7001", "/help");
    expect(help.text).toContain("/link — Liên kết tài khoản Zalo hoặc Telegram khác của Anh/Chị");

    const issued = await say("telegram", "7001", "/link");
    const code = CODE.exec(issued.text)![1]!;
    expect(issued.text).toMatch(/^🔗 Mã liên kết của Anh\/Chị: [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}\nAnh\/Chị gửi mã này cho tôi từ Zalo trong vòng 15 phút/);
    expect(issued.text).toContain("Trên Zalo: mở https://zalo.me/4321987654321, bấm “Quan tâm”");
    const stored = await db.prisma.linkCode.findFirstOrThrow({ where: { personId: lan } });
    expect(stored.codeHash).toBe(hashShortCode(code));
    expect(stored.codeHash).not.toContain(code);
    expect(stored.expiresAt.getTime() - clock.getTime()).toBe(LINK_CODE_MINUTES * 60_000);
    expect(stored.channel).toBe("TELEGRAM");

    // A minute later, typed the way people type codes: lower case, spaces for dashes.
    clock = new Date(clock.getTime() + 60_000);
    const linked = await say("zalo", "z-lan", code.toLowerCase().replaceAll("-", " "));
    expect(linked.text).toMatch(/^🔗 Đã liên kết: tài khoản này giờ là của Anh\/Chị Nguyễn Thị Lan, cùng các vai trò Anh\/Chị có trên Telegram\./);
    expect(linked.refreshMenu).toBe(true);
    expect(await ownerOf("ZALO", "z-lan")).toBe(lan);
    // The reply went back where the message came from; the notice to the messenger the code was asked on.
    expect(telegram.to("7001")).toEqual([expect.stringMatching(/^🔗 Tài khoản Zalo đã được liên kết với Anh\/Chị Nguyễn Thị Lan\..*báo ngay cho quản trị viên\.$/)]);
    expect(zalo.to("z-lan")).toEqual([]);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "person.channel-linked", entityId: String(lan) } });
    expect(audit).toMatchObject({ actorId: lan, entityType: "Person", data: { channel: "zalo", askedOn: "telegram", movedFromPersonId: null } });
    expect((await db.prisma.linkCode.findFirstOrThrow({ where: { personId: lan } })).usedAt).toEqual(clock);

    // On Zalo the person is who they are on Telegram: their role, their commands.
    expect((await say("zalo", "z-lan", "trợ giúp")).text).toContain("/report (“báo cáo”)");
    // The code never reached the log, not even redacted from a message.
    expect(logLines.join("")).not.toContain(code);
    expect(logLines.join("")).not.toContain(code.replaceAll("-", ""));
  });

  it("a code works once: another account is refused, the linked account is told it is already theirs", async () => {
    await person("Trần Văn Hùng", { channel: "TELEGRAM", externalId: "7002" }, [{ role: "SECRETARY" }]);
    const code = await linkCode("telegram", "7002");
    expect((await say("zalo", "z-hung", code)).text).toMatch(/^🔗 Đã liên kết/);
    const again = await say("zalo", "z-hung-2", code);
    expect(again.text).toBe("Mã liên kết này đã được dùng. Anh/Chị gõ /link ở ứng dụng đã tham gia để lấy mã mới.");
    expect(await ownerOf("ZALO", "z-hung-2")).toBeNull();
    expect((await say("zalo", "z-hung", code)).text).toBe("Tài khoản này đã được liên kết với Anh/Chị rồi; không có gì thay đổi.");
    expect(await db.prisma.auditEvent.count({ where: { action: "person.channel-linked" } })).toBe(2);
  });

  it("a code past its 15 minutes is refused with its time; one just inside them works", async () => {
    const mai = await person("Lê Thị Mai", { channel: "ZALO", externalId: "z-mai" }, [{ role: "REPORTER", unitId: units["thanh-tra"] }]);
    const code = await linkCode("zalo", "z-mai");
    clock = new Date(clock.getTime() + LINK_CODE_MINUTES * 60_000);
    const late = await say("telegram", "7003", { kind: "join", code });
    expect(late.text).toMatch(/^Mã liên kết này đã hết hạn lúc \d\d:\d\d ngày \d\d\/\d\d\/2026\. Anh\/Chị gõ \/link ở ứng dụng đã tham gia để lấy mã mới\.$/);
    expect(await ownerOf("TELEGRAM", "7003")).toBeNull();

    const fresh = await linkCode("zalo", "z-mai");
    clock = new Date(clock.getTime() + LINK_CODE_MINUTES * 60_000 - 1000);
    expect((await say("telegram", "7003", { kind: "join", code: fresh })).text).toMatch(/^🔗 Đã liên kết/);
    expect(await ownerOf("TELEGRAM", "7003")).toBe(mai);
  });

  it("asking again replaces the earlier code; a code sent back on the messenger it was asked on is refused", async () => {
    await person("Phạm Văn Nam", { channel: "TELEGRAM", externalId: "7004" }, [{ role: "REPORTER", unitId: units["van-phong"] }]);
    const first = await linkCode("telegram", "7004");
    const second = await linkCode("telegram", "7004");
    expect(second).not.toBe(first);
    expect((await say("zalo", "z-nam", first)).text).toMatch(/^Mã mời này không đúng\./);
    // In the same chat, or from another Telegram account: it links the other messenger only.
    expect((await say("telegram", "7004", second)).text).toBe("Tài khoản này đã được liên kết với Anh/Chị rồi; không có gì thay đổi.");
    expect((await say("telegram", "7005", second)).text).toBe("Mã này dùng để liên kết một ứng dụng khác: Anh/Chị gửi mã từ Zalo.");
    expect(await ownerOf("TELEGRAM", "7005")).toBeNull();
    // Nothing was used up by the refusals.
    expect((await say("zalo", "z-nam", second)).text).toMatch(/^🔗 Đã liên kết/);
  });

  it("an account of another person who holds a role is refused (no silent merge); one whose person holds none is moved", async () => {
    const thu = await person("Đỗ Thu", { channel: "TELEGRAM", externalId: "7006" }, [{ role: "REPORTER", unitId: units["van-phong"] }]);
    const other = await person("Người khác", { channel: "ZALO", externalId: "z-other" }, [{ role: "REPORTER", unitId: units["thanh-tra"] }]);
    const code = await linkCode("telegram", "7006");
    const refused = await say("zalo", "z-other", code);
    expect(refused.text).toBe(
      "Tài khoản này đang thuộc về một người dùng khác có vai trò trong hệ thống, nên tôi không liên kết (không gộp hai người dùng). Anh/Chị liên hệ quản trị viên.",
    );
    expect(await ownerOf("ZALO", "z-other")).toBe(other);
    expect(telegram.to("7006")).toEqual([]);

    // Their last role removed, that person is no one any more: the account goes to the code's person.
    await db.prisma.membership.updateMany({ where: { personId: other }, data: { revokedAt: clock } });
    expect((await say("zalo", "z-other", code)).text).toMatch(/^🔗 Đã liên kết: tài khoản này giờ là của Anh\/Chị Đỗ Thu/);
    expect(await ownerOf("ZALO", "z-other")).toBe(thu);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "person.channel-linked", entityId: String(thu) } });
    expect(audit.data).toMatchObject({ channel: "zalo", movedFromPersonId: other });
  });

  it("refusals and the welcome speak the code's person's language; a stranger cannot ask for a code; an unknown code is an unknown code", async () => {
    await person("Anna Nguyen", { channel: "TELEGRAM", externalId: "7007" }, [{ role: "SECRETARY" }], "en");
    const issued = await say("telegram", "7007", "/link");
    expect(issued.text).toMatch(/^🔗 Your link code: /);
    const code = CODE.exec(issued.text)![1]!;
    // The Zalo account speaks Vietnamese as far as the bot knows; the person behind the code chose English.
    expect((await say("zalo", "z-anna", code, "vi")).text).toMatch(/^🔗 Linked: this account is now yours, Anna Nguyen/);
    expect((await say("zalo", "z-anna-2", code, "vi")).text).toBe("This link code has already been used. Type /link where you joined to get a new one.");

    expect((await say("zalo", "z-nobody", "/link")).text).toMatch(/^Xin lỗi, Anh\/Chị chưa tham gia hệ thống báo cáo/);
    expect(await db.prisma.linkCode.count({ where: { person: { accounts: { some: { externalId: "z-nobody" } } } } })).toBe(0);
    expect((await say("zalo", "z-nobody", "AB12-CD34-EF")).text).toMatch(/^Mã mời này không đúng\./);
  });

  it("guesses count against the same limit as invite codes", async () => {
    for (let i = 0; i < 5; i++) await say("zalo", "z-guess", `AB12-CD34-E${i + 2}`);
    await person("Vũ Hà", { channel: "TELEGRAM", externalId: "7008" }, [{ role: "SECRETARY" }]);
    const code = await linkCode("telegram", "7008");
    expect((await say("zalo", "z-guess", code)).text).toMatch(/^Anh\/Chị đã nhập sai mã mời quá nhiều lần/);
    expect(await ownerOf("ZALO", "z-guess")).toBeNull();
  });

  it("a person with both accounts gets notices on the one they wrote from last, and that switches when they write from the other", async () => {
    const binh = await person("Hoàng Bình", { channel: "TELEGRAM", externalId: "7009" }, [{ role: "REPORTER", unitId: units["van-phong"] }]);
    const code = await linkCode("telegram", "7009");
    clock = new Date(clock.getTime() + 60_000);
    await say("zalo", "z-binh", code);
    const notice = (n: number) => () => [{ kind: "text" as const, text: `thông báo ${n}` }];
    const tellOnce = async (n: number) => {
      expect(await deps.notifier.tell(binh, notice(n))).toBe("sent");
      return { telegram: telegram.to("7009").filter((t) => t === `thông báo ${n}`).length, zalo: zalo.to("z-binh").filter((t) => t === `thông báo ${n}`).length };
    };
    // Linking from Zalo was the last message.
    expect(await tellOnce(1)).toEqual({ telegram: 0, zalo: 1 });
    clock = new Date(clock.getTime() + 60_000);
    await say("telegram", "7009", "/help");
    expect(await tellOnce(2)).toEqual({ telegram: 1, zalo: 0 });
    clock = new Date(clock.getTime() + 60_000);
    await say("zalo", "z-binh", "trạng thái");
    expect(await tellOnce(3)).toEqual({ telegram: 0, zalo: 1 });
    // Zalo's window closes 48 hours after the last message there: the notice falls back to Telegram.
    clock = new Date(clock.getTime() + ZALO_WINDOW + 60_000);
    expect(await tellOnce(4)).toEqual({ telegram: 1, zalo: 0 });
  });
});
