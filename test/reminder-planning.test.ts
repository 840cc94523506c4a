import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseReminderJobId } from "../src/domain/reminders/reminder-job-id.ts";
import { loadWorkingCalendar, seedHolidays } from "../src/queue/holidays.ts";
import { planRoundReminders } from "../src/queue/plan-round-reminders.ts";
import { reconcileReminders, RECONCILE_SCHEDULER_ID, scheduleReconciler } from "../src/queue/reconciler.ts";
import { remindNow } from "../src/queue/remind-now.ts";
import { createReminderQueue, type ReminderQueue } from "../src/queue/reminder-queue.ts";
import { loadRoundReminderState, planForRound } from "../src/queue/round-reminder-state.ts";
import { createRound, createTestRedis, deleteKeys, seedReminderWorld, type ReminderWorld } from "./support/reminder-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

let db: TestDatabase;
let redis: Redis;
let queue: ReminderQueue;
let world: ReminderWorld;
const prefix = `test-${randomUUID()}`;

// Monday 30/09/2024 10:00 in Hà Nội; the deadline is Thursday 10/10/2024 17:00.
const NOW = new Date("2024-09-30T03:00:00Z");
const DEADLINE = new Date("2024-10-10T10:00:00Z");

async function queuedIds(roundId: number): Promise<string[]> {
  const ids = await queue.getRanges(["delayed", "waiting", "prioritized"], 0, -1);
  return [...new Set(ids.filter((id) => parseReminderJobId(id)?.roundId === roundId))].sort();
}

async function expectedIds(roundId: number, after = NOW): Promise<string[]> {
  const state = await loadRoundReminderState(db.prisma, roundId);
  return planForRound(state!, await loadWorkingCalendar(db.prisma), after)
    .map((p) => p.jobId)
    .sort();
}

beforeAll(async () => {
  db = await createTestDatabase();
  redis = createTestRedis();
  queue = createReminderQueue({ connection: redis, prefix });
  world = await seedReminderWorld(db.prisma, { units: 3 });
});

afterAll(async () => {
  await queue.close();
  await deleteKeys(redis, prefix);
  redis.disconnect();
  await db.drop();
});

describe("planning reminders into BullMQ", () => {
  it("adds the expected jobs with deterministic ids and delays; planning twice adds nothing", { timeout: 20_000 }, async () => {
    const roundId = await createRound(db.prisma, world, { deadline: DEADLINE });
    const first = await planRoundReminders(db.prisma, queue, roundId, NOW);
    // 3 units × (before-7, before-3, before-1, deadline, 5 overdue) + 2 digests
    expect(first.added).toHaveLength(29);
    expect(first.removed).toEqual([]);

    const [u1] = world.unitIds;
    const before7 = await queue.getJob(`r${roundId}_u${u1}_before-7_202410010800`);
    expect(before7?.delay).toBe(new Date("2024-10-01T01:00:00Z").getTime() - NOW.getTime());
    expect(before7?.data).toEqual({ type: "unit", roundId, unitId: u1, kind: "before-7", plannedFor: "2024-10-01T01:00:00.000Z" });
    const digest = await queue.getJob(`r${roundId}_office_digest-deadline_202410100800`);
    expect(digest?.delay).toBe(new Date("2024-10-10T01:00:00Z").getTime() - NOW.getTime());
    expect(digest?.name).toBe("office-digest");
    for (const id of first.added) {
      const job = await queue.getJob(id);
      expect(job!.delay).toBe(new Date((job!.data as { plannedFor: string }).plannedFor).getTime() - NOW.getTime());
    }
    expect(await queuedIds(roundId)).toEqual(await expectedIds(roundId));

    const second = await planRoundReminders(db.prisma, queue, roundId, NOW);
    expect(second.added).toEqual([]);
    expect(second.removed).toEqual([]);
    expect(second.kept).toHaveLength(29);
    expect(await queuedIds(roundId)).toHaveLength(29);
  });

  it("moving the deadline moves the jobs; a submission removes its unit's jobs; returning adds them back; closing removes all", { timeout: 20_000 }, async () => {
    const roundId = await createRound(db.prisma, world, { deadline: DEADLINE });
    await planRoundReminders(db.prisma, queue, roundId, NOW);
    const before = await queuedIds(roundId);

    await db.prisma.round.update({ where: { id: roundId }, data: { deadline: new Date("2024-10-17T10:00:00Z") } });
    const moved = await planRoundReminders(db.prisma, queue, roundId, NOW);
    const after = await queuedIds(roundId);
    expect(after).toEqual(await expectedIds(roundId));
    expect(after).toHaveLength(29);
    expect(after).toContain(`r${roundId}_u${world.unitIds[0]}_deadline_202410170800`);
    expect(after).not.toContain(`r${roundId}_u${world.unitIds[0]}_deadline_202410100800`);
    // Exactly the ids that changed went out and came in.
    expect(moved.removed.sort()).toEqual(before.filter((id) => !after.includes(id)));
    expect(moved.added.sort()).toEqual(after.filter((id) => !before.includes(id)));

    const [u1, u2] = world.unitIds;
    await db.prisma.submission.update({ where: { roundId_unitId: { roundId, unitId: u1! } }, data: { status: "SUBMITTED" } });
    const submitted = await planRoundReminders(db.prisma, queue, roundId, NOW);
    expect(submitted.removed).toHaveLength(9);
    expect(submitted.removed.every((id) => id.startsWith(`r${roundId}_u${u1}_`))).toBe(true);
    expect(submitted.added).toEqual([]);
    expect((await queuedIds(roundId)).filter((id) => id.includes(`_u${u1}_`))).toEqual([]);
    expect((await queuedIds(roundId)).filter((id) => id.includes(`_u${u2}_`))).toHaveLength(9);

    await db.prisma.submission.update({ where: { roundId_unitId: { roundId, unitId: u1! } }, data: { status: "RETURNED" } });
    const returned = await planRoundReminders(db.prisma, queue, roundId, NOW);
    expect(returned.added).toHaveLength(9);

    await db.prisma.round.update({ where: { id: roundId }, data: { status: "CLOSED" } });
    const closed = await planRoundReminders(db.prisma, queue, roundId, NOW);
    expect(closed.removed).toHaveLength(29);
    expect(await queuedIds(roundId)).toEqual([]);
  });

  it("skips reminders already due; a later 'now' plans only what is left", { timeout: 20_000 }, async () => {
    const roundId = await createRound(db.prisma, world, { deadline: DEADLINE });
    // Thursday 10/10 09:00 local: the deadline reminder (08:00) is past but within the grace
    // window and never ran, so it goes out now (delay 0); the before-N ones are too old.
    const late = new Date("2024-10-10T02:00:00Z");
    const result = await planRoundReminders(db.prisma, queue, roundId, late);
    const kinds = result.added.map((id) => parseReminderJobId(id)!.kind);
    expect(kinds.filter((k) => k.startsWith("before"))).toEqual([]);
    expect(kinds.filter((k) => k === "deadline")).toHaveLength(3);
    const deadlineJob = await queue.getJob(result.added.find((id) => id.includes("_deadline_"))!);
    expect(deadlineJob!.delay).toBe(0);

    // A reminder the log says has run is not queued again.
    await queue.remove(result.added.find((id) => id.includes("_office_digest-deadline_"))!);
    await db.prisma.reminderLog.create({
      data: { roundId, kind: "digest-deadline", jobId: `r${roundId}_office_digest-deadline_202410100800`, plannedFor: new Date("2024-10-10T01:00:00Z"), outcome: "SENT", sentAt: late },
    });
    const again = await planRoundReminders(db.prisma, queue, roundId, late);
    expect(again.added).toEqual([]);
    await db.prisma.round.update({ where: { id: roundId }, data: { status: "CLOSED" } });
    await planRoundReminders(db.prisma, queue, roundId, late);
  });
});

describe("reconciler", () => {
  it("restores exactly the missing jobs after Redis lost them, and removes jobs of closed rounds", { timeout: 30_000 }, async () => {
    const ownPrefix = `test-${randomUUID()}`;
    const own = createReminderQueue({ connection: redis, prefix: ownPrefix });
    try {
      const roundId = await createRound(db.prisma, world, { deadline: DEADLINE });
      const closedId = await createRound(db.prisma, world, { deadline: DEADLINE });
      await planRoundReminders(db.prisma, own, roundId, NOW);
      await planRoundReminders(db.prisma, own, closedId, NOW);
      await db.prisma.round.update({ where: { id: closedId }, data: { status: "CLOSED" } });
      const ids = async (id: number) =>
        [...new Set((await own.getRanges(["delayed", "waiting", "prioritized"], 0, -1)).filter((j) => parseReminderJobId(j)?.roundId === id))].sort();
      const complete = await ids(roundId);
      expect(complete).toHaveLength(29);

      // Lose a few jobs.
      const lost = complete.filter((_, i) => i % 7 === 0);
      for (const id of lost) await own.remove(id);
      const partial = await reconcileReminders(db.prisma, own, NOW);
      const forRound = partial.rounds.find((r) => r.roundId === roundId)!;
      expect(forRound.added.sort()).toEqual(lost);
      expect(partial.rounds.find((r) => r.roundId === closedId)!.removed).toHaveLength(29);
      expect(await ids(closedId)).toEqual([]);
      expect(await ids(roundId)).toEqual(complete);

      // Lose everything under the prefix (only our keys: other tests share this Redis).
      await scheduleReconciler(own, 60_000);
      expect((await own.getJobSchedulers()).map((s) => s.key)).toContain(RECONCILE_SCHEDULER_ID);
      expect(await deleteKeys(redis, ownPrefix)).toBeGreaterThan(0);
      expect(await ids(roundId)).toEqual([]);
      expect(await own.getJobSchedulers()).toEqual([]);

      const healed = await reconcileReminders(db.prisma, own, NOW);
      expect(healed.rounds.find((r) => r.roundId === roundId)!.added.sort()).toEqual(complete);
      expect(await ids(roundId)).toEqual(complete);
      // And once more changes nothing.
      const steady = await reconcileReminders(db.prisma, own, NOW);
      expect(steady.rounds.find((r) => r.roundId === roundId)!.added).toEqual([]);
      expect(steady.errors).toEqual([]);
      await db.prisma.round.update({ where: { id: roundId }, data: { status: "CLOSED" } });
    } finally {
      await own.close();
      await deleteKeys(redis, ownPrefix);
    }
  });

  it("reports a round with broken settings and carries on with the others", { timeout: 20_000 }, async () => {
    const ownPrefix = `test-${randomUUID()}`;
    const own = createReminderQueue({ connection: redis, prefix: ownPrefix });
    try {
      const good = await createRound(db.prisma, world, { deadline: DEADLINE });
      const bad = await createRound(db.prisma, world, { deadline: DEADLINE, reminderSettings: { hour: 2 } });
      const result = await reconcileReminders(db.prisma, own, NOW);
      expect(result.errors).toEqual([{ roundId: bad, error: expect.stringMatching(/hour/) }]);
      expect(result.rounds.find((r) => r.roundId === good)!.added).toHaveLength(29);
      await db.prisma.round.updateMany({ where: { id: { in: [good, bad] } }, data: { status: "CLOSED" } });
    } finally {
      await own.close();
      await deleteKeys(redis, ownPrefix);
    }
  });
});

describe("remindNow", () => {
  it("queues one job per unit that has not submitted, once per minute", { timeout: 20_000 }, async () => {
    const roundId = await createRound(db.prisma, world, { deadline: DEADLINE });
    const [u1, u2, u3] = world.unitIds;
    await db.prisma.submission.update({ where: { roundId_unitId: { roundId, unitId: u1! } }, data: { status: "SUBMITTED" } });
    const at = new Date("2024-10-03T07:15:20Z"); // 14:15 local
    const first = await remindNow(db.prisma, queue, roundId, world.secretaries[0]!.id, at);
    expect(first.queued).toEqual([`r${roundId}_u${u2}_manual_202410031415`, `r${roundId}_u${u3}_manual_202410031415`]);
    const job = await queue.getJob(first.queued[0]!);
    expect(job!.data).toMatchObject({ type: "manual", unitId: u2, requestedBy: world.secretaries[0]!.id });

    const pressedAgain = await remindNow(db.prisma, queue, roundId, world.secretaries[0]!.id, new Date(at.getTime() + 20_000));
    expect(pressedAgain.queued).toEqual([]);
    expect(pressedAgain.alreadyQueued).toEqual(first.queued);
    // 14:16:10 is another minute but within a minute of the first press: still once.
    const nextMinute = await remindNow(db.prisma, queue, roundId, world.secretaries[0]!.id, new Date(at.getTime() + 50_000));
    expect(nextMinute.queued).toEqual([]);
    // Two minutes later it is a new reminder.
    const later = await remindNow(db.prisma, queue, roundId, world.secretaries[0]!.id, new Date(at.getTime() + 120_000));
    expect(later.queued).toEqual([`r${roundId}_u${u2}_manual_202410031417`, `r${roundId}_u${u3}_manual_202410031417`]);
    // Planning keeps a /remind job while its unit still owes the report.
    await planRoundReminders(db.prisma, queue, roundId, at);
    expect(await queue.getJob(first.queued[0]!)).toBeTruthy();

    // 22:30 in Hà Nội: nothing goes out at night.
    expect(await remindNow(db.prisma, queue, roundId, null, new Date("2024-10-03T15:30:00Z"))).toMatchObject({ nightTime: true, queued: [] });

    await db.prisma.round.update({ where: { id: roundId }, data: { status: "CLOSED" } });
    expect(await remindNow(db.prisma, queue, roundId, null, at)).toMatchObject({ roundStatus: "CLOSED", queued: [] });
    await planRoundReminders(db.prisma, queue, roundId, at);
    expect(await queuedIds(roundId)).toEqual([]);
  });
});

describe("holiday seeding", () => {
  it("inserts the shipped days once and keeps an admin's edits unless asked to overwrite", async () => {
    const again = await seedHolidays(db.prisma);
    expect(again.inserted).toBe(0);
    const tet = await db.prisma.holiday.findUniqueOrThrow({ where: { date: new Date("2025-01-29T00:00:00Z") } });
    expect(tet).toMatchObject({ kind: "HOLIDAY", name: "Tết Nguyên đán Ất Tỵ (mùng 1)" });
    await db.prisma.holiday.update({ where: { id: tet.id }, data: { name: "Mùng 1 Tết" } });
    expect((await seedHolidays(db.prisma)).updated).toBe(0);
    expect((await db.prisma.holiday.findUniqueOrThrow({ where: { id: tet.id } })).name).toBe("Mùng 1 Tết");
    expect((await seedHolidays(db.prisma, { overwrite: true })).updated).toBe(1);
    const calendar = await loadWorkingCalendar(db.prisma);
    expect(calendar.isWorkingDay("2025-01-29")).toBe(false);
    expect(calendar.isWorkingDay("2025-04-26")).toBe(true);
  });
});
