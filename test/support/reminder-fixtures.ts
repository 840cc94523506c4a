import { Redis } from "ioredis";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { seedHolidays } from "../../src/queue/holidays.ts";
import { TEST_ORGANISATION } from "./test-organisation.ts";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

export function createTestRedis(): Redis {
  return new Redis(REDIS_URL, { maxRetriesPerRequest: null });
}

/** Deletes only the keys under this prefix (never FLUSHALL: other test files share the Redis). */
export async function deleteKeys(redis: Redis, prefix: string): Promise<number> {
  let cursor = "0";
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    cursor = next;
    if (keys.length) deleted += await redis.del(...keys);
  } while (cursor !== "0");
  return deleted;
}

export type ReminderWorld = {
  organisationId: number;
  templateId: number;
  unitIds: number[];
  /** Reporters per unit id. */
  reporters: Map<number, { id: number; telegramId: bigint }[]>;
  secretaries: { id: number; telegramId: bigint }[];
};

let telegramIds = 7_000_000_000n;

/** An organisation with units, one or more reporters each, and secretaries; the shipped holidays. */
export async function seedReminderWorld(
  prisma: PrismaClient,
  options: { units?: number; reportersPerUnit?: number; secretaries?: number; timezone?: string } = {},
): Promise<ReminderWorld> {
  await seedHolidays(prisma);
  const organisation = await prisma.organisation.create({
    data: { ...TEST_ORGANISATION, timezone: options.timezone ?? TEST_ORGANISATION.timezone },
  });
  const template = await prisma.template.create({
    data: { key: `dan-chu-co-so-${organisation.id}`, version: 1, name: "Kết quả thực hiện Quy chế dân chủ ở cơ sở", definition: {} },
  });
  const unitIds: number[] = [];
  const reporters = new Map<number, { id: number; telegramId: bigint }[]>();
  for (let i = 1; i <= (options.units ?? 3); i++) {
    const unit = await prisma.unit.create({
      data: { organisationId: organisation.id, code: `unit-${i}`, name: `Phòng ${i}`, kind: "department", order: i },
    });
    unitIds.push(unit.id);
    const people = [];
    for (let j = 0; j < (options.reportersPerUnit ?? 1); j++) {
      const telegramId = telegramIds++;
      const person = await prisma.person.create({ data: { accounts: { create: { channel: "TELEGRAM", externalId: String(telegramId) } }, name: `Người báo cáo ${i}.${j + 1}` } });
      await prisma.membership.create({ data: { personId: person.id, role: "REPORTER", unitId: unit.id } });
      people.push({ id: person.id, telegramId });
    }
    reporters.set(unit.id, people);
  }
  const secretaries = [];
  for (let k = 0; k < (options.secretaries ?? 1); k++) {
    const telegramId = telegramIds++;
    const person = await prisma.person.create({ data: { accounts: { create: { channel: "TELEGRAM", externalId: String(telegramId) } }, name: `Văn phòng ${k + 1}` } });
    await prisma.membership.create({ data: { personId: person.id, role: "SECRETARY" } });
    secretaries.push({ id: person.id, telegramId });
  }
  return { organisationId: organisation.id, templateId: template.id, unitIds, reporters, secretaries };
}

/**
 * An open 9-month round with a submission for every unit: of 2024, or of the latest year before it that
 * has no open round yet (one open round per report and period).
 */
export async function createRound(
  prisma: PrismaClient,
  world: ReminderWorld,
  options: { deadline: Date; status?: "DRAFT" | "OPEN" | "CLOSED"; reminderSettings?: object; year?: number },
): Promise<number> {
  let year = options.year ?? 2024;
  const status = options.status ?? "OPEN";
  const open = (y: number) => prisma.round.count({ where: { organisationId: world.organisationId, templateId: world.templateId, periodKind: "NINE_MONTHS", periodYear: y, status: "OPEN" } });
  if (options.year === undefined && status === "OPEN") while ((await open(year)) > 0) year--;
  const round = await prisma.round.create({
    data: {
      organisationId: world.organisationId,
      templateId: world.templateId,
      periodKind: "NINE_MONTHS",
      periodYear: year,
      periodNumber: 1,
      deadline: options.deadline,
      status,
      reminderSettings: options.reminderSettings,
      submissions: { create: world.unitIds.map((unitId) => ({ unitId })) },
    },
  });
  return round.id;
}
