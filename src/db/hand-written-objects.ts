/**
 * Database objects that schema.prisma cannot describe, each created by hand in one migration. The
 * migration test adds them to the database it builds from schema.prisma, and checks that each statement
 * stands in its migration as written here.
 */
export type HandWrittenObject = { name: string; migration: string; sql: string };

export const HAND_WRITTEN_OBJECTS: readonly HandWrittenObject[] = [
  {
    // Two confirms of the same new round at once must not both open it (Prisma has no partial indexes).
    name: "Round_open_period_key",
    migration: "20261130094531_submitted_version_and_open_round",
    sql: `CREATE UNIQUE INDEX "Round_open_period_key" ON "Round"("organisationId", "templateId", "periodKind", "periodYear", "periodNumber") WHERE "status" = 'OPEN';`,
  },
];
