import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";
import type { Action } from "../src/messaging/action.ts";
import type { Reply } from "../src/messaging/reply.ts";
import { createNotifier } from "../src/queue/notifier.ts";
import { makeContext, type UseCaseDeps } from "../src/use-cases/context.ts";
import { dispatch, runAction } from "../src/use-cases/dispatch.ts";
import { identify } from "../src/use-cases/identify.ts";
import { botDeps, TEST_KEYRING } from "./support/bot-deps.ts";
import { TEST_ORGANISATION } from "./support/test-organisation.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const UNITS = 60;
const REPORTERS_PER_UNIT = 2;

type TextReply = Extract<Reply, { kind: "text" }>;

/** What Zalo shows of a screen with more than five choices: the text, then one numbered line per choice. */
function zaloLength(reply: TextReply): number {
  const choices = (reply.choices ?? []).flat();
  return reply.text.length + choices.reduce((sum, c, i) => sum + `\n${i + 1}. ${c.label}`.length, 0);
}

describe("/people and /units in a large organisation: paged within each channel's message", () => {
  let db: TestDatabase;
  let deps: UseCaseDeps;
  const unitNames: string[] = [];
  const reporterNames: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    deps = {
      ...botDeps(db.prisma, { links: { zaloOaId: "4321987654321" } }),
      notifier: createNotifier({ prisma: db.prisma, senders: [], keyring: TEST_KEYRING, defaultLocale: "vi", windows: {}, logger: createLogger("silent") }),
    };
    const org = await db.prisma.organisation.create({ data: TEST_ORGANISATION });
    for (let u = 1; u <= UNITS; u++) {
      const name = `Phòng Quản lý chuyên ngành số ${u} thuộc Sở Khoa học và Công nghệ tỉnh Hưng Yên`;
      unitNames.push(name);
      const unit = await db.prisma.unit.create({ data: { organisationId: org.id, code: `phong-${u}`, name, kind: "department", order: u } });
      for (let r = 1; r <= REPORTERS_PER_UNIT; r++) {
        const person = `Nguyễn Thị Thanh Hương Phương ${u}.${r}`;
        reporterNames.push(person);
        await db.prisma.person.create({ data: { name: person, memberships: { create: { role: "REPORTER", unitId: unit.id } } } });
      }
    }
    for (const channel of ["telegram", "zalo"] as const) {
      await db.prisma.person.create({
        data: { name: `Quản trị ${channel}`, accounts: { create: { channel: channel === "zalo" ? "ZALO" : "TELEGRAM", externalId: `admin-${channel}` } }, memberships: { create: { role: "ADMIN" } } },
      });
    }
  }, 120_000);
  afterAll(async () => {
    await db?.drop();
  });

  /** Every page of a screen, following its "next page" choice. */
  async function pages(channel: "telegram" | "zalo", command: string, next: Action["op"]): Promise<TextReply[]> {
    const ctx = makeContext(deps, await identify(deps, { channel, externalId: `admin-${channel}`, address: `admin-${channel}` }));
    const seen: TextReply[] = [(await dispatch(ctx, { kind: "command", name: command, args: "" })).replies[0] as TextReply];
    for (;;) {
      const forward = (seen.at(-1)!.choices ?? []).flat().find((c) => c.action.op === next && c.label.startsWith("Trang sau"));
      if (!forward) return seen;
      seen.push((await runAction(ctx, forward.action)).replies[0] as TextReply);
      expect(seen.length).toBeLessThan(100);
    }
  }

  for (const [channel, limit] of [
    ["telegram", 4096],
    ["zalo", 2000],
  ] as const) {
    it(`${channel}: /people lists every role once, each page within ${limit} characters with its choices`, async () => {
      const screens = await pages(channel, "people", "people.list");
      expect(screens.length).toBeGreaterThan(1);
      const lines = screens.flatMap((s) => s.text.split("\n"));
      for (const name of reporterNames) expect(lines.filter((line) => line === ` • ${name}`), name).toHaveLength(1);
      for (const name of unitNames) expect(lines.filter((line) => line === `${name}:`), name).toHaveLength(1);
      const revokes = screens.flatMap((s) => (s.choices ?? []).flat().filter((c) => c.action.op === "people.revoke"));
      expect(revokes).toHaveLength(UNITS * REPORTERS_PER_UNIT + 2);
      expect(new Set(revokes.map((c) => (c.action as { membership: number }).membership)).size).toBe(revokes.length);
      for (const screen of screens) {
        expect(screen.text.length).toBeLessThanOrEqual(limit);
        if (channel === "zalo") expect(zaloLength(screen)).toBeLessThanOrEqual(limit);
        for (const choice of (screen.choices ?? []).flat()) expect(choice.label.length).toBeLessThanOrEqual(100);
      }
    });

    it(`${channel}: /units names every unit once with its reporters, each page within ${limit} characters`, async () => {
      const screens = await pages(channel, "units", "units.list");
      expect(screens.length).toBeGreaterThan(channel === "zalo" ? 2 : 1);
      const text = screens.map((s) => s.text).join("\n");
      unitNames.forEach((name, i) => expect(text).toContain(`${i + 1}. ${name} — phòng chuyên môn · mã phong-${i + 1}\n   Người báo cáo: ${reporterNames[2 * i]}, ${reporterNames[2 * i + 1]}`));
      for (const screen of screens) {
        expect(screen.text.length).toBeLessThanOrEqual(limit);
        // Add, rename, deactivate and the pages: buttons even on Zalo.
        expect((screen.choices ?? []).flat().length).toBeLessThanOrEqual(5);
      }
    });
  }
});
