// A transaction has one connection, and pg runs one statement at a time on it: statements sent side by side
// queue up, pg 8 warns and pg 9 refuses. Prisma queues a transaction's own calls (Promise.all over them
// included), but a nested read with several relations is sent as parallel relation queries. Every test
// database checks that it saw none (test/support/test-database.ts); here the check itself is shown to catch
// one, and the services that write in transactions are run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptSubmission, returnSubmission } from "../src/office/review-service.ts";
import { loadBundledTemplate } from "../src/report/bundled-templates.ts";
import { openRound } from "../src/rounds/open-round.ts";
import { closeRound, moveDeadline, reopenRound } from "../src/rounds/round-lifecycle.ts";
import { answer, departmentAnswers, seedOfficeWorld, submit, type OfficeWorld } from "./support/office-world.ts";
import { takeOverlappingQueries } from "./support/overlapping-queries.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

describe("statements on a transaction's connection", () => {
  let db: TestDatabase;
  let world: OfficeWorld;

  beforeAll(async () => {
    db = await createTestDatabase();
    world = await seedOfficeWorld(db.prisma, { units: ["Thanh tra Sở", "Văn phòng Sở"] });
    takeOverlappingQueries();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("the check sees a nested read whose relation queries go side by side in one transaction", async () => {
    await db.prisma.$transaction((tx) =>
      tx.submission.findUniqueOrThrow({
        where: { id: world.units[0]!.submissionId },
        select: { unit: { select: { kind: true } }, round: { select: { status: true } }, answers: { select: { questionKey: true } } },
      }),
    );
    expect(takeOverlappingQueries().length).toBeGreaterThan(0);
  });

  it("answering, submitting, returning, accepting, opening, closing, reopening and moving a round send one at a time", async () => {
    const [thanhTra, vanPhong] = world.units;
    const office = world.secretaries[0]!.id;
    await answer(db.prisma, thanhTra!, departmentAnswers("Thanh tra Sở"));
    await submit(db.prisma, thanhTra!);
    await answer(db.prisma, thanhTra!, { complaints_count: 2 });
    await submit(db.prisma, thanhTra!);
    expect(await returnSubmission(db.prisma, { submissionId: thanhTra!.submissionId, actorId: office, questionKeys: ["results"], comment: "Bổ sung." })).toMatchObject({ ok: true });
    await answer(db.prisma, thanhTra!, { results: ["Kết quả mới"] });
    await submit(db.prisma, thanhTra!);
    expect(await acceptSubmission(db.prisma, { submissionId: thanhTra!.submissionId, actorId: office })).toMatchObject({ ok: true });
    await answer(db.prisma, vanPhong!, departmentAnswers("Văn phòng Sở"));
    const opened = await db.prisma.$transaction((tx) =>
      openRound(tx, {
        organisationId: world.orgId,
        templateId: world.templateId,
        template: loadBundledTemplate("dan-chu-co-so"),
        period: { kind: "YEAR", year: 2024, number: 1 },
        deadline: new Date(Date.now() + 24 * 3600_000),
        requestDocument: null,
        recipients: [],
        actorId: office,
        now: new Date(),
      }),
    );
    expect(opened.ok).toBe(true);
    const change = { actorId: office, now: new Date() };
    expect(await moveDeadline(db.prisma, world.roundId, new Date(Date.now() + 48 * 3600_000), change)).toMatchObject({ ok: true });
    expect(await closeRound(db.prisma, world.roundId, change)).toMatchObject({ ok: true });
    expect(await reopenRound(db.prisma, world.roundId, change)).toMatchObject({ ok: true });
    expect(takeOverlappingQueries()).toEqual([]);
  });
});
