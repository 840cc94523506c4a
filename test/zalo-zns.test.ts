import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type App } from "../src/app.ts";
import { parseConfig } from "../src/config.ts";
import { LocalZaloOa } from "../src/demo/local-zalo-oa.ts";
import { vietnamesePhone } from "../src/domain/phone-number.ts";
import { createInvite } from "../src/invites/invite-service.ts";
import { createLogger } from "../src/logger.ts";
import { remindNow } from "../src/queue/remind-now.ts";
import { createReminderQueue } from "../src/queue/reminder-queue.ts";
import { createRound, ROOT, seedOrganisation, seedTemplate } from "./support/report-world.ts";
import { createTestRedis, deleteKeys } from "./support/reminder-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { ZaloPerson } from "./support/zalo-person.ts";

// A working morning in Hà Nội (Tuesday 09:00), whatever the hour of the run: reminders are not sent at night.
const OFFSET_MS = new Date("2026-12-01T02:00:00Z").getTime() - Date.now();
const now = () => new Date(Date.now() + OFFSET_MS);
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
    let orgId: number;
    ({ orgId, units } = await seedOrganisation(db.prisma));
    const templateId = await seedTemplate(db.prisma, resolve(ROOT, "test/fixtures/zalo-round.yaml"));
    roundId = await createRound(db.prisma, { orgId, templateId, deadline: new Date(now().getTime() + 20 * 24 * 3600_000), year: now().getFullYear() });
    const config = parseConfig({
      ZALO_APP_ID: oa.appId,
      ZALO_OA_ID: oa.oaId,
      ZALO_APP_SECRET: oa.appSecret,
      ZALO_OA_SECRET_KEY: oa.oaSecretKey,
      ZALO_REFRESH_TOKEN: oa.authorise(),
      ZALO_API_ROOT: oa.root,
      ZALO_OAUTH_ROOT: oa.root,
      ZALO_ZNS_TEMPLATE_ID: TEMPLATE_ID,
      ZALO_ZNS_API_ROOT: oa.root,
      DATABASE_URL: db.url,
      REDIS_PREFIX: prefix,
      PORT: "0",
    });
    app = await startApp("all", config, createLogger(process.env.TEST_LOG ?? "silent"), { now });
    oa.webhookUrl = `http://127.0.0.1:${app.port}/zalo/webhook`;
  }, 90_000);

  afterAll(async () => {
    await app?.stop();
    await oa.stop();
    await deleteKeys(redis, prefix);
    redis.disconnect();
    await db?.drop();
  });

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
      const sent = await waitFor(() => db.prisma.reminderLog.findFirst({ where: { personId: withPhone, outcome: "SENT", sentAt: { not: null } } }));
      expect(sent.detail).toMatch(/^zns Zalo ZNS template 318456: /);
      const closed = await waitFor(() => db.prisma.reminderLog.findFirst({ where: { personId: withoutPhone, outcome: "WINDOW_CLOSED" } }));
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

async function waitFor<T>(probe: () => Promise<T | null | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
