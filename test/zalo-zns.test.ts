import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { LocalZaloOa } from "../src/demo/local-zalo-oa.ts";
import { vietnamesePhone } from "../src/domain/phone-number.ts";
import { createInvite } from "../src/invites/invite-service.ts";
import { remindNow } from "../src/queue/remind-now.ts";
import { createReminderQueue } from "../src/queue/reminder-queue.ts";
import { eventually } from "./support/office-world.ts";
import { createTestRedis } from "./support/reminder-fixtures.ts";
import { seedZaloRound, startAppOnZalo, stopAppOnZalo, workingMorningClock } from "./support/zalo-app.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { ZaloPerson } from "./support/zalo-person.ts";

const now = workingMorningClock();
const TEMPLATE_ID = "318456";

describe("phone numbers for paid template messages", () => {
  it("takes what an administrator types and gives ZNS's form; refuses anything else", () => {
    expect(vietnamesePhone("0912 345 678")).toBe("84912345678");
    expect(vietnamesePhone("+84 912-345-678")).toBe("84912345678");
    expect(vietnamesePhone("84.387.654.321")).toBe("84387654321");
    for (const bad of ["", "12345", "0212345678", "091234567", "09123456789", "0912x45678", "++84912345678", "0".repeat(40)]) expect(vietnamesePhone(bad), bad).toBeNull();
  });
});

describe("with ZALO_ZNS_TEMPLATE_ID set, a reminder the messaging window keeps back goes as a paid template message", () => {
  const oa = new LocalZaloOa();
  const prefix = `test-zalo-zns-${randomUUID()}`;
  const redis = createTestRedis();
  let db: TestDatabase;
  let app: App;
  let roundId: number;
  let units: Record<string, number>;

  beforeAll(async () => {
    await oa.start();
    db = await createTestDatabase();
    ({ roundId, units } = await seedZaloRound(db, now));
    app = await startAppOnZalo(oa, db, prefix, { env: { ZALO_ZNS_TEMPLATE_ID: TEMPLATE_ID, ZALO_ZNS_API_ROOT: oa.root }, now });
  }, 90_000);

  afterAll(() => stopAppOnZalo({ app, oa, redis, prefix, db }));

  async function reporter(userId: string, unit: string, phone: string | null) {
    const person = new ZaloPerson(oa, userId);
    const invite = await createInvite(db.prisma, { role: "REPORTER", unitId: units[unit], kind: "short" });
    oa.addFollower(userId);
    await person.say(invite.code);
    await person.reply(/Chào mừng/);
    const account = await db.prisma.channelAccount.findUniqueOrThrow({ where: { channel_externalId: { channel: "ZALO", externalId: userId } } });
    await db.prisma.person.update({ where: { id: account.personId }, data: { phone } });
    await db.prisma.submission.create({ data: { roundId, unitId: units[unit]! } });
    return account.personId;
  }

  it("reaches the reporter with a phone once, through the ZNS endpoint; one without a phone is recorded and named as before", async () => {
    const withPhone = await reporter("8300000000000000001", "thanh-tra", "84912345678");
    const withoutPhone = await reporter("8300000000000000002", "van-phong", null);
    // Zalo's window (as the stand-in keeps it) closes at once.
    oa.windowMs = 1;
    await new Promise((r) => setTimeout(r, 20));
    const queue = createReminderQueue({ connection: redis, prefix });
    try {
      const result = await remindNow(db.prisma, queue, roundId, null, now(), [units["thanh-tra"]!, units["van-phong"]!]);
      expect(result.queued).toHaveLength(2);
      const sent = await eventually(() => db.prisma.reminderLog.findFirst({ where: { personId: withPhone, outcome: "SENT", sentAt: { not: null } } }), 20_000);
      expect(sent.detail).toMatch(/^zns Zalo ZNS template 318456: /);
      const closed = await eventually(() => db.prisma.reminderLog.findFirst({ where: { personId: withoutPhone, outcome: "WINDOW_CLOSED" } }), 20_000);
      expect(closed.detail).not.toMatch(/^zns/);
      await new Promise((r) => setTimeout(r, 1500));

      expect(oa.templateMessages).toHaveLength(1);
      const [message] = oa.templateMessages;
      expect(message).toMatchObject({ phone: "84912345678", templateId: TEMPLATE_ID });
      expect(message!.params).toMatchObject({ unit: "Thanh tra Sở", report: "Mẫu thử kênh Zalo", name: "Người dùng mới" });
      expect(message!.params.deadline).toMatch(/\d{2}\/\d{2}\/\d{4}/);
      // The call carried the OA's access token, as ZNS requires.
      const call = oa.calls.find((c) => c.endpoint === "zns")!;
      expect(oa.isAccessTokenValid(call.token!)).toBe(true);
      expect(oa.calls.filter((c) => c.endpoint === "zns")).toHaveLength(1);
    } finally {
      oa.windowMs = 48 * 3600_000;
      await queue.close();
    }
  });
});
