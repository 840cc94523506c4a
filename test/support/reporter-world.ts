import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import type { Person } from "./reporter-script.ts";
import { seedTemplate } from "./report-world.ts";
import { TEST_ORGANISATION } from "./test-organisation.ts";
import { createTelegramPerson } from "./people.ts";

export type ReporterWorld = { organisationId: number; templateId: number; roundId: number; unitIds: number[]; reporters: (Person & { personId: number; unitId: number })[] };

/**
 * An organisation with `units` department units of one reporter each, the all-question-types template
 * and one open round: written in a few bulk statements, so thousands of reporters seed in a second.
 */
export async function seedReporterWorld(prisma: PrismaClient, options: { units: number; firstTelegramId?: number }): Promise<ReporterWorld> {
  const organisation = await prisma.organisation.create({
    data: TEST_ORGANISATION,
  });
  const templateId = await seedTemplate(prisma);
  const count = options.units;
  await prisma.unit.createMany({
    data: Array.from({ length: count }, (_, i) => ({ organisationId: organisation.id, code: `phong-${i + 1}`, name: `Phòng ${i + 1}`, kind: "department", order: i + 1 })),
  });
  const units = await prisma.unit.findMany({ where: { organisationId: organisation.id }, orderBy: { order: "asc" }, select: { id: true } });
  const firstTelegramId = options.firstTelegramId ?? 8_000_000_000 + Math.floor(Math.random() * 1_000_000) * 1000;
  const people: { id: number; telegramId: number; name: string }[] = [];
  for (const [i] of units.entries()) {
    const person = await createTelegramPerson(prisma, { telegramId: firstTelegramId + i, name: `Người báo cáo ${i + 1}` });
    people.push({ ...person, telegramId: firstTelegramId + i });
  }
  await prisma.membership.createMany({ data: people.map((p, i) => ({ personId: p.id, role: "REPORTER" as const, unitId: units[i]!.id })) });
  const round = await prisma.round.create({
    data: {
      organisationId: organisation.id,
      templateId,
      periodKind: "QUARTER",
      periodYear: 2024,
      periodNumber: 3,
      // Far ahead: the round stays open whatever day the run happens on.
      deadline: new Date(Date.now() + 30 * 24 * 3600_000),
      status: "OPEN",
      // As opening a round does: a submission for every unit asked.
      submissions: { create: units.map((unit) => ({ unitId: unit.id })) },
    },
  });
  return {
    organisationId: organisation.id,
    templateId,
    roundId: round.id,
    unitIds: units.map((u) => u.id),
    reporters: people.map((p, i) => ({ id: Number(p.telegramId), first_name: p.name, personId: p.id, unitId: units[i]!.id })),
  };
}
