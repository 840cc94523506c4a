// Two connections racing on one round: closing it waits for a save in flight (and a save after the close is
// refused), and two confirms of the same new round open it once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../src/db/create-prisma.ts";
import type { Prisma } from "../src/generated/prisma/client.ts";
import { loadBundledTemplate } from "../src/report/bundled-templates.ts";
import { openRound, type OpenRoundResult } from "../src/rounds/open-round.ts";
import { closeRound } from "../src/rounds/round-lifecycle.ts";
import { saveAnswer } from "../src/submissions/save-answer.ts";
import { submitSubmission } from "../src/submissions/submit-submission.ts";
import { answer, departmentAnswers, eventually, seedOfficeWorld, type OfficeWorld } from "./support/office-world.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

/** A promise and the function that settles it. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

describe("one round, two connections", () => {
  let db: TestDatabase;
  let other: Database;
  let world: OfficeWorld;

  beforeAll(async () => {
    db = await createTestDatabase();
    other = createDatabase({ databaseUrl: db.url, dataDir: "" });
    world = await seedOfficeWorld(db.prisma, { units: ["Thanh tra Sở", "Văn phòng Sở"] });
  });
  afterAll(async () => {
    await other?.close();
    await db?.drop();
  });

  /** Whether a session of the database waits for a lock now, running a statement that contains `text`. */
  async function waitingOnLock(text: string): Promise<boolean> {
    const rows = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE ${`%${text}%`}`;
    return rows[0]!.n > 0;
  }

  /**
   * Runs `work` in a transaction on connection 1 and holds it open; on connection 2 the office closes the round
   * meanwhile, which must wait on the round's row until the work is let go. Then both finish.
   */
  async function closeWhileHeld<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<{ held: T; closed: Awaited<ReturnType<typeof closeRound>> }> {
    const done = gate();
    const release = gate();
    const holding = db.prisma.$transaction(
      async (tx) => {
        const result = await work(tx);
        done.open();
        await release.wait;
        return result;
      },
      { timeout: 30_000 },
    );
    await done.wait;
    let closedYet = false;
    const close = closeRound(other.prisma, world.roundId, { actorId: world.secretaries[0]!.id, now: new Date() }).then((result) => {
      closedYet = true;
      return result;
    });
    await eventually(async () => ((await waitingOnLock(`FROM "Round" WHERE id =`)) ? true : undefined), 15_000);
    expect(closedYet).toBe(false);
    release.open();
    return { held: await holding, closed: await close };
  }

  it("closing waits for a save holding the round, which commits before; a save after the close is refused", async () => {
    const [thanhTra, vanPhong] = world.units;
    // Connection 1: a save that has read the round as open and holds it until released.
    const { held, closed } = await closeWhileHeld((tx) =>
      saveAnswer(tx, { submissionId: thanhTra!.submissionId, questionKey: "complaints_count", value: 7, skipped: false, authorId: thanhTra!.reporterId, source: "typed" }),
    );
    expect(held).toMatchObject({ ok: true });
    expect(closed).toEqual({ ok: true, roundId: world.roundId });

    // The save is in: a compile after the close has it.
    const stored = await db.prisma.answer.findUniqueOrThrow({ where: { submissionId_questionKey: { submissionId: thanhTra!.submissionId, questionKey: "complaints_count" } } });
    expect(stored.value).toBe(7);
    // After the close nothing is saved or submitted.
    expect(await saveAnswer(db.prisma, { submissionId: vanPhong!.submissionId, questionKey: "complaints_count", value: 1, skipped: false, authorId: vanPhong!.reporterId, source: "typed" })).toEqual({
      ok: false,
      reason: "round-closed",
    });
    expect(await submitSubmission(db.prisma, { submissionId: thanhTra!.submissionId, personId: thanhTra!.reporterId })).toEqual({ ok: false, reason: "round-closed" });
  });

  it("a submit holding the round makes the close wait too", async () => {
    const unit = world.units[1]!;
    await db.prisma.round.update({ where: { id: world.roundId }, data: { status: "OPEN", closedAt: null } });
    await answer(db.prisma, unit, departmentAnswers("Văn phòng Sở"));
    const { held, closed } = await closeWhileHeld((tx) => submitSubmission(tx, { submissionId: unit.submissionId, personId: unit.reporterId }));
    expect(held).toMatchObject({ ok: true });
    expect(closed).toMatchObject({ ok: true });
    expect((await db.prisma.submission.findUniqueOrThrow({ where: { id: unit.submissionId } })).status).toBe("SUBMITTED");
  });

  it("two confirms of the same new round at once open it once; the second is told it is open already", async () => {
    const template = loadBundledTemplate("dan-chu-co-so");
    const input = {
      organisationId: world.orgId,
      templateId: world.templateId,
      template,
      period: { kind: "QUARTER" as const, year: 2024, number: 4 },
      deadline: new Date(Date.now() + 7 * 24 * 3600_000),
      requestDocument: null,
      recipients: [],
      actorId: world.secretaries[0]!.id,
      now: new Date(),
    };
    const opened = gate();
    const release = gate();
    // Connection 1 opens the round and holds its transaction open.
    const first = db.prisma.$transaction(
      async (tx) => {
        const result = await openRound(tx, input);
        opened.open();
        await release.wait;
        return result;
      },
      { timeout: 30_000 },
    );
    await opened.wait;
    // Connection 2 confirms the same round meanwhile: it cannot see the first one yet, so it tries too.
    let second: OpenRoundResult | undefined;
    const racing = other.prisma.$transaction((tx) => openRound(tx, input), { timeout: 30_000 }).then((result) => (second = result));
    await eventually(async () => ((await waitingOnLock(`INSERT INTO "public"."Round"`)) ? true : undefined), 15_000);
    expect(second).toBeUndefined();
    release.open();
    const firstResult = await first;
    await racing;
    expect(firstResult.ok).toBe(true);
    expect(second).toEqual({ ok: false, reason: "duplicate", roundId: (firstResult as { roundId: number }).roundId });
    const open = await db.prisma.round.findMany({ where: { organisationId: world.orgId, periodKind: "QUARTER", periodYear: 2024, periodNumber: 4 } });
    expect(open).toHaveLength(1);
    expect(await db.prisma.submission.count({ where: { roundId: open[0]!.id } })).toBe(2);
  });
});
