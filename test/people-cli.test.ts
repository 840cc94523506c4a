import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKeyring } from "../src/db/signing-keys.ts";
import type { ActionKeyring } from "../src/messaging/action-codec.ts";
import { checkLink, issueLink } from "../src/web-links/web-links.ts";
import { FakeBotApi } from "./support/fake-bot-api.ts";
import { createRound, createTestRedis, deleteKeys, REDIS_URL, seedReminderWorld, type ReminderWorld } from "./support/reminder-fixtures.ts";
import { ROOT } from "./support/report-world.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const run = promisify(execFile);
type Result = { code: number; stdout: string; stderr: string };

describe("npm run people: removing a role and ending web links go through the chat's use cases", () => {
  let db: TestDatabase;
  const api = new FakeBotApi();
  const redis = createTestRedis();
  const prefix = `test-people-cli-${randomUUID()}`;
  let env: Record<string, string>;
  let world: ReminderWorld;
  let roundId: number;
  let keyring: ActionKeyring;

  async function people(environment: Record<string, string>, ...args: string[]): Promise<Result> {
    try {
      const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/people.ts"), ...args], { cwd: ROOT, env: environment });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }
  const opens = async (token: string) => (await checkLink(db.prisma, keyring, token, new Date())).ok;

  beforeAll(async () => {
    db = await createTestDatabase();
    world = await seedReminderWorld(db.prisma, { units: 2, reportersPerUnit: 1, secretaries: 1 });
    roundId = await createRound(db.prisma, world, { deadline: new Date(Date.now() + 20 * 86_400_000) });
    // The command signs with the keys stored in the database, as the app does.
    keyring = await loadKeyring(db.prisma, undefined, "123:abc");
    env = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      DATABASE_URL: db.url,
      BOT_TOKEN: "123:abc",
      BOT_API_ROOT: await api.start(),
      REDIS_URL,
      REDIS_PREFIX: prefix,
      LOG_LEVEL: "warn",
    };
  });
  afterAll(async () => {
    await api.stop();
    await deleteKeys(redis, prefix);
    redis.disconnect();
    await db?.drop();
  });

  it("revoke: audited, the reminders re-planned, the person told, and their form links ended", { timeout: 120_000 }, async () => {
    const unit = world.unitIds[0]!;
    const reporter = world.reporters.get(unit)![0]!;
    const link = await issueLink(db.prisma, keyring, { personId: reporter.id, roundId, kind: "form" });
    expect(await opens(link)).toBe(true);
    expect(await redis.keys(`${prefix}:*`)).toEqual([]);

    const removed = await people(env, "revoke", "--person", String(reporter.id), "--role", "reporter", "--unit", "unit-1");
    expect(removed, removed.stderr).toMatchObject({ code: 0, stdout: `removed: Người báo cáo 1.1 (person ${reporter.id}) is no longer reporter of Phòng 1 (unit-1); 1 web link(s) no longer open\n` });
    expect(await opens(link)).toBe(false);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "membership.revoked" } });
    expect(audit).toMatchObject({ actorId: null, data: { personId: reporter.id, role: "REPORTER", unitId: unit, via: "cli", linksRevoked: 1 } });
    // Told on their channel, as when an administrator removes the role in the chat.
    const told = api.callsOf("sendMessage").filter((c) => String(c.payload.chat_id) === String(reporter.telegramId));
    expect(told.map((c) => c.payload.text)).toEqual([
      "Anh/Chị không còn là người báo cáo của Phòng 1 trong hệ thống báo cáo Tổng hợp: quản trị viên đã gỡ vai trò này. Nếu có nhầm lẫn, Anh/Chị liên hệ quản trị viên.",
    ]);
    // The round's reminders were planned again (for the unit that still has a reporter).
    expect((await redis.keys(`${prefix}:*`)).length).toBeGreaterThan(0);
  });

  it("revoke-links: ends a person's links (one round's, or all), audited without a token", { timeout: 120_000 }, async () => {
    const secretary = world.secretaries[0]!;
    const other = await createRound(db.prisma, world, { deadline: new Date(Date.now() + 30 * 86_400_000) });
    const desk = await issueLink(db.prisma, keyring, { personId: secretary.id, roundId, kind: "desk" });
    const otherDesk = await issueLink(db.prisma, keyring, { personId: secretary.id, roundId: other, kind: "desk" });

    const one = await people(env, "revoke-links", "--person", String(secretary.id), "--round", String(roundId));
    expect(one, one.stderr).toMatchObject({ code: 0, stdout: `person ${secretary.id}: 1 web link(s) of round ${roundId} no longer open; their next link will be a new one\n` });
    expect([await opens(desk), await opens(otherDesk)]).toEqual([false, true]);

    const all = await people(env, "revoke-links", "--person", String(secretary.id));
    expect(all.stdout).toBe(`person ${secretary.id}: 1 web link(s) no longer open; their next link will be a new one\n`);
    expect(await opens(otherDesk)).toBe(false);
    const again = await people(env, "revoke-links", "--person", String(secretary.id));
    expect(again.stdout).toBe(`person ${secretary.id} had no working web link; nothing changed\n`);

    const audit = await db.prisma.auditEvent.findMany({ where: { action: "web-links.revoked" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.actorId, a.entityId, a.data])).toEqual([
      [null, String(secretary.id), { roundId, count: 1, via: "cli" }],
      [null, String(secretary.id), { roundId: null, count: 1, via: "cli" }],
      [null, String(secretary.id), { roundId: null, count: 0, via: "cli" }],
    ]);
    // Still the secretary: the next link is a new one, and it opens.
    const next = await issueLink(db.prisma, keyring, { personId: secretary.id, roundId, kind: "desk" });
    expect(next).not.toBe(desk);
    expect(await opens(next)).toBe(true);

    const [unknown, badRound] = await Promise.all([people(env, "revoke-links", "--person", "999999"), people(env, "revoke-links", "--person", "1", "--round", "x")]);
    expect(unknown).toMatchObject({ code: 2, stderr: "no person has the id 999999 (see: npm run people -- list)\n" });
    expect(badRound.code).toBe(2);
    expect(badRound.stderr).toContain("--round must be a round's id");
  });

  it("link: prints a person's own form or desk address for e-mail or SMS, the chat's link, never in a log; refused without PUBLIC_URL", { timeout: 120_000 }, async () => {
    const base = "https://baocao.example.gov.vn";
    const withUrl = { ...env, PUBLIC_URL: `${base}/`, LOG_LEVEL: "trace" };
    const unit2 = world.unitIds[1]!;
    const reporter = world.reporters.get(unit2)![0]!;
    const secretary = world.secretaries[0]!;
    // An open round due earlier that does not ask unit 2: the reporter's link is for their own round.
    const earlier = await createRound(db.prisma, { ...world, unitIds: [world.unitIds[0]!] }, { deadline: new Date(Date.now() + 86_400_000), year: 2019 });
    const own = await createRound(db.prisma, { ...world, unitIds: [unit2] }, { deadline: new Date(Date.now() + 2 * 86_400_000), year: 2018 });

    const form = await people(withUrl, "link", "--person", String(reporter.id));
    expect(form.code, form.stderr).toBe(0);
    expect(form.stdout).toMatch(new RegExp(`^${base}/form/[A-Za-z0-9._~-]+\n$`));
    const token = form.stdout.trim().split("/").at(-1)!;
    expect(await checkLink(db.prisma, keyring, token, new Date())).toMatchObject({ ok: true, link: { kind: "form", personId: reporter.id, roundId: own } });
    expect(form.stderr).toContain(`the report form of Người báo cáo 2.1 (person ${reporter.id}), round ${own}`);
    expect(form.stderr).not.toContain(token);
    // The same link the chat gives while it works.
    expect((await people(withUrl, "link", "--person", String(reporter.id))).stdout).toBe(form.stdout);

    const desk = await people(withUrl, "link", "--person", String(secretary.id), "--desk", "--round", String(earlier));
    expect(desk.code, desk.stderr).toBe(0);
    const deskToken = desk.stdout.trim().split("/").at(-1)!;
    expect(desk.stdout.startsWith(`${base}/desk/`)).toBe(true);
    expect(await checkLink(db.prisma, keyring, deskToken, new Date())).toMatchObject({ ok: true, link: { kind: "desk", personId: secretary.id, roundId: earlier } });
    expect(desk.stderr).not.toContain(deskToken);

    const [noUrl, notHis, notOffice, stranger] = await Promise.all([
      people(env, "link", "--person", String(reporter.id)),
      people(withUrl, "link", "--person", String(reporter.id), "--round", String(earlier)),
      people(withUrl, "link", "--person", String(reporter.id), "--desk"),
      people(withUrl, "link", "--person", "999999"),
    ]);
    expect(noUrl).toMatchObject({ code: 2, stdout: "" });
    expect(noUrl.stderr).toContain("PUBLIC_URL is not set");
    expect(notHis).toMatchObject({ code: 1, stdout: "", stderr: `round ${earlier} asks none of this person's units\n` });
    expect(notOffice).toMatchObject({ code: 1, stdout: "" });
    expect(notOffice.stderr).toContain("is not in the office");
    expect(stranger).toMatchObject({ code: 1, stderr: "no person has the id 999999 (see: npm run people -- list)\n" });
  });
});
