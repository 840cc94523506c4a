import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateInviteCode } from "../src/invites/invite-code.ts";
import { createInvite, InviteError, MAX_FAILED_ATTEMPTS, redeemInvite, revokeInvite } from "../src/invites/invite-service.ts";
import { textUpdate } from "./support/bot-harness.ts";
import { addPerson, buildBot, lastTextTo, seedOrganisation, send, user } from "./support/report-world.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { personByTelegramId } from "./support/people.ts";

describe("invite codes: single use, expiry, revocation, unknown codes, guessing", () => {
  let db: TestDatabase;
  let world: ReturnType<typeof buildBot>;
  let units: Record<string, number>;
  const start = (who: { id: number; first_name: string }, code: string) => send(world.bot, world.rec, textUpdate(who, `/start ${code}`));
  const reply = (who: { id: number }) => lastTextTo(world.rec, who.id);
  const memberships = (telegramId: number) => db.prisma.membership.count({ where: { person: { accounts: { some: { channel: "TELEGRAM", externalId: String(telegramId) } } } } });

  beforeAll(async () => {
    db = await createTestDatabase();
    world = buildBot(db.prisma);
    ({ units } = await seedOrganisation(db.prisma));
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("a code works once; used again (by someone else or by the same person) it changes nothing", async () => {
    const invite = await createInvite(db.prisma, { role: "SECRETARY" });
    const hoa = user(4001, "Hoa");
    await start(hoa, invite.code);
    expect(reply(hoa)).toMatch(/^Chào mừng Anh\/Chị Hoa! Anh\/Chị đã được ghi nhận với vai trò Văn phòng \(thư ký tổng hợp\) của Sở Khoa học và Công nghệ\./);
    expect(await memberships(hoa.id)).toBe(1);

    const other = user(4002, "Nam");
    await start(other, invite.code);
    expect(reply(other)).toBe("Mã mời này đã được sử dụng. Mỗi đường liên kết chỉ dùng được một lần; Anh/Chị đề nghị quản trị viên tạo đường liên kết mới.");
    expect(await db.prisma.channelAccount.count({ where: { channel: "TELEGRAM", externalId: String(other.id) } })).toBe(0);

    await start(hoa, invite.code);
    expect(reply(hoa)).toBe("Anh/Chị đã tham gia bằng mã mời này rồi. Gõ /help để xem các lệnh Anh/Chị được dùng.");
    expect(await memberships(hoa.id)).toBe(1);
    const stored = await db.prisma.invite.findUniqueOrThrow({ where: { id: invite.inviteId }, include: { usedBy: true } });
    expect(stored.usedById).toBe((await personByTelegramId(db.prisma, hoa.id))!.id);
  });

  it("an expired code is refused with its expiry time", async () => {
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    const invite = await createInvite(db.prisma, { role: "REPORTER", unitId: units["thanh-tra"], now: eightDaysAgo });
    const an = user(4003, "An");
    await start(an, invite.code);
    expect(reply(an)).toMatch(/^Mã mời này đã hết hạn lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}\. Anh\/Chị đề nghị quản trị viên tạo đường liên kết mới\.$/);
    expect(await db.prisma.channelAccount.count({ where: { channel: "TELEGRAM", externalId: String(an.id) } })).toBe(0);
  });

  it("a revoked code is refused; revoking twice, a used code or an unknown code says so", async () => {
    const invite = await createInvite(db.prisma, { role: "REPORTER", unitId: units["thanh-tra"] });
    expect(await revokeInvite(db.prisma, invite.code)).toBe("revoked");
    expect(await revokeInvite(db.prisma, invite.code)).toBe("already-revoked");
    expect(await revokeInvite(db.prisma, generateInviteCode())).toBe("unknown");
    const binh = user(4004, "Bình");
    await start(binh, invite.code);
    expect(reply(binh)).toBe("Mã mời này đã bị thu hồi. Anh/Chị đề nghị quản trị viên tạo đường liên kết mới.");

    const used = await createInvite(db.prisma, { role: "REPORTER", unitId: units["thanh-tra"] });
    await start(binh, used.code);
    expect(reply(binh)).toContain("người báo cáo của Thanh tra Sở");
    expect(await revokeInvite(db.prisma, used.code)).toBe("already-used");
  });

  it("unknown and malformed codes are refused", async () => {
    const chi = user(4005, "Chi");
    await start(chi, generateInviteCode());
    expect(reply(chi)).toMatch(/^Mã mời này không đúng\. Anh\/Chị kiểm tra lại đường liên kết/);
    await start(chi, "abc");
    expect(reply(chi)).toMatch(/^Mã mời này không đúng\./);
    expect(await db.prisma.channelAccount.count({ where: { channel: "TELEGRAM", externalId: String(chi.id) } })).toBe(0);
  });

  it("a deactivated unit's invite is refused; an invite cannot be made for it or without a unit", async () => {
    const invite = await createInvite(db.prisma, { role: "REPORTER", unitId: units["chi-doan"] });
    await db.prisma.unit.update({ where: { id: units["chi-doan"] }, data: { active: false } });
    const dung = user(4006, "Dũng");
    await start(dung, invite.code);
    expect(reply(dung)).toBe("Đơn vị của mã mời này đã ngừng hoạt động nên không tham gia được. Anh/Chị liên hệ quản trị viên.");
    await expect(createInvite(db.prisma, { role: "REPORTER", unitId: units["chi-doan"] })).rejects.toThrow(InviteError);
    await expect(createInvite(db.prisma, { role: "REPORTER" })).rejects.toThrow("a reporter invite needs a unit");
    await expect(createInvite(db.prisma, { role: "ADMIN", days: 0 })).rejects.toThrow("days must be between 1 and 365");
    await db.prisma.unit.update({ where: { id: units["chi-doan"] }, data: { active: true } });
  });

  it("someone who already has the role is told nothing changed", async () => {
    await addPerson(db.prisma, 4007, "Giang", [{ role: "REPORTER", unitId: units["cong-doan"] }]);
    const invite = await createInvite(db.prisma, { role: "REPORTER", unitId: units["cong-doan"] });
    const giang = user(4007, "Giang");
    await start(giang, invite.code);
    expect(reply(giang)).toMatch(/^Anh\/Chị đã có vai trò này từ trước; không có gì thay đổi\.\n\nChào mừng Anh\/Chị Giang!/);
    expect(await memberships(giang.id)).toBe(1);
  });

  it("guessing is rate-limited per Telegram user: after 5 failures in 10 minutes even a valid code waits", async () => {
    const guesser = user(4008, "Đoán");
    const valid = await createInvite(db.prisma, { role: "REPORTER", unitId: units["van-phong"] });
    for (let i = 0; i < 5; i++) {
      await start(guesser, generateInviteCode());
      expect(reply(guesser)).toMatch(/^Mã mời này không đúng/);
    }
    await start(guesser, valid.code);
    expect(reply(guesser)).toBe("Anh/Chị đã nhập sai mã mời quá nhiều lần. Để bảo vệ hệ thống, vui lòng thử lại sau 10 phút.");
    expect((await db.prisma.invite.findUniqueOrThrow({ where: { id: valid.inviteId } })).usedAt).toBeNull();
    expect(await db.prisma.inviteAttempt.count({ where: { sender: `telegram:${guesser.id}`, success: false } })).toBe(5);

    // Another person is not affected.
    const other = await createInvite(db.prisma, { role: "REPORTER", unitId: units["van-phong"] });
    const honest = user(4009, "Thật");
    await start(honest, other.code);
    expect(reply(honest)).toContain("người báo cáo của Văn phòng Sở");

    // Ten minutes later the valid code works.
    await db.prisma.inviteAttempt.updateMany({ where: { sender: `telegram:${guesser.id}` }, data: { createdAt: new Date(Date.now() - 11 * 60 * 1000) } });
    await start(guesser, valid.code);
    expect(reply(guesser)).toContain("người báo cáo của Văn phòng Sở");
    expect(await db.prisma.inviteAttempt.count({ where: { sender: `telegram:${guesser.id}`, success: true } })).toBe(1);
  });
  it("a new person is offered their full name in Vietnamese order from Telegram's first and last name, and may correct it", async () => {
    const lan = user(4011, "Lan");
    const withLastName = (text: string) => {
      const update = textUpdate(lan, text);
      Object.assign(update.message!.from!, { last_name: "Nguyễn Thị" });
      return update;
    };
    const invite = await createInvite(db.prisma, { role: "REPORTER", unitId: units["thanh-tra"] });
    await send(world.bot, world.rec, withLastName(`/start ${invite.code}`));
    const welcome = reply(lan);
    expect(welcome).toMatch(/^Chào mừng Anh\/Chị Nguyễn Thị Lan! /);
    expect(welcome).toContain("Tôi sẽ ghi tên Anh/Chị là “Nguyễn Thị Lan”.");
    expect(welcome).not.toMatch(/Anh\/Chị (?:Anh|Chị) |Lan Nguyễn/);
    await send(world.bot, world.rec, withLastName("Nguyễn Thị Lan Anh"));
    expect(reply(lan)).toBe("Cảm ơn Anh/Chị Nguyễn Thị Lan Anh. Tôi đã ghi tên này; Văn phòng sẽ thấy tên này bên cạnh các câu trả lời.");
    expect((await personByTelegramId(db.prisma, lan.id))!.name).toBe("Nguyễn Thị Lan Anh");
  });

  it("a name typed with a title (\"Chị Hoa\") is kept as typed, and the bot addresses the person without repeating the title", async () => {
    const hoa = user(4012, "Hoa");
    const invite = await createInvite(db.prisma, { role: "REPORTER", unitId: units["thanh-tra"] });
    await send(world.bot, world.rec, textUpdate(hoa, `/start ${invite.code}`));
    await send(world.bot, world.rec, textUpdate(hoa, "Chị Hoa"));
    expect(reply(hoa)).toBe("Cảm ơn Anh/Chị Hoa. Tôi đã ghi tên này; Văn phòng sẽ thấy tên này bên cạnh các câu trả lời.");
    expect((await personByTelegramId(db.prisma, hoa.id))!.name).toBe("Chị Hoa");
  });

  it("30 bad codes sent at once from one account: only the allowed number is tried, the rest are refused as rate-limited", async () => {
    const account = { channel: "telegram" as const, externalId: "4010", name: "Đoán Nhanh" };
    const results = await Promise.all(Array.from({ length: 30 }, () => redeemInvite(db.prisma, generateInviteCode(), account)));
    const reasons = results.map((r) => (r.ok ? "ok" : r.reason));
    expect(reasons.filter((r) => r === "unknown")).toHaveLength(MAX_FAILED_ATTEMPTS);
    expect(reasons.filter((r) => r === "rate-limited")).toHaveLength(30 - MAX_FAILED_ATTEMPTS);
    expect(await db.prisma.inviteAttempt.count({ where: { sender: "telegram:4010" } })).toBe(MAX_FAILED_ATTEMPTS);
    expect(await db.prisma.channelAccount.count({ where: { channel: "TELEGRAM", externalId: "4010" } })).toBe(0);
  }, 60_000);

  it("people racing for one code: one joins, the others get no person, no account and no role", async () => {
    const peopleBefore = await db.prisma.person.count();
    const rounds = 6;
    const racers = 4;
    for (let round = 0; round < rounds; round++) {
      const invite = await createInvite(db.prisma, { role: "REPORTER", unitId: units["thanh-tra"] });
      const results = await Promise.all(
        Array.from({ length: racers }, (_, i) => redeemInvite(db.prisma, invite.code, { channel: "telegram", externalId: String(4100 + round * racers + i), name: `Người ${round}-${i}` })),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.reason === "used")).toHaveLength(racers - 1);
    }
    expect(await db.prisma.person.count()).toBe(peopleBefore + rounds);
    // Nobody without a role: a person left over from a lost race would get members' replies.
    expect(await db.prisma.person.count({ where: { memberships: { none: {} } } })).toBe(0);
    expect(await db.prisma.channelAccount.count({ where: { externalId: { startsWith: "41" }, channel: "TELEGRAM" } })).toBe(rounds);
  }, 60_000);
});
