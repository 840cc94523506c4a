import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";
import { encodeAction } from "../src/messaging/action-codec.ts";
import type { Answer, Choice, Reply } from "../src/messaging/reply.ts";
import { createNotifier } from "../src/queue/notifier.ts";
import { createReminderQueue, type ReminderQueue } from "../src/queue/reminder-queue.ts";
import { makeContext, type UseCaseDeps } from "../src/use-cases/context.ts";
import { dispatch, type Inbound } from "../src/use-cases/dispatch.ts";
import { identify } from "../src/use-cases/identify.ts";
import { botDeps, TEST_KEYRING } from "./support/bot-deps.ts";
import { answer, departmentAnswers, seedOfficeWorld, submit, type OfficeWorld } from "./support/office-world.ts";
import { createTestRedis, deleteKeys } from "./support/reminder-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const PREFIX = `test-office-zalo-${process.pid}`;
// 10:00 in Hà Nội on the deadline day.
const MORNING = new Date("2024-09-20T03:00:00Z");
const ZALO_TEXT_LIMIT = 2000;
const ZALO_BUTTONS = 5;
const LIST_HINT = "Anh/Chị gõ số thứ tự của lựa chọn (ví dụ: 1) rồi gửi:";

type Shown = { text: string; labels: string[]; numbered: boolean; choices: Choice[] };

/**
 * What a Zalo reader sees of a text reply: up to five choices as buttons under the text; more are written
 * into the text as a numbered list, numbered in reading order (the numbers the dispatcher maps back).
 */
function asZalo(reply: Reply): Shown {
  if (reply.kind !== "text") throw new Error("a text reply was expected");
  const choices = (reply.choices ?? []).flat();
  const labels = choices.map((c) => c.label);
  if (choices.length <= ZALO_BUTTONS) return { text: reply.text, labels, numbered: false, choices };
  return { text: [reply.text.trimEnd(), LIST_HINT, ...labels.map((label, i) => `${i + 1}. ${label}`)].join("\n"), labels, numbered: true, choices };
}

describe("the office's screens on Zalo: 2,000 characters, five buttons", () => {
  let db: TestDatabase;
  let world: OfficeWorld;
  let queue: ReminderQueue;
  let deps: UseCaseDeps;
  const redis = createTestRedis();
  const zaloId = "zalo-secretary-1";

  beforeAll(async () => {
    db = await createTestDatabase();
    const units = Array.from({ length: 60 }, (_, i) => `Trung tâm Ứng dụng tiến bộ khoa học và công nghệ cơ sở số ${String(i + 1).padStart(2, "0")}`);
    world = await seedOfficeWorld(db.prisma, { units });
    for (const unit of world.units.filter((_, i) => i % 4 === 0)) {
      await answer(db.prisma, unit, departmentAnswers(unit.name));
      await submit(db.prisma, unit);
    }
    // The secretary writes from Zalo.
    await db.prisma.channelAccount.create({ data: { personId: world.secretaries[0]!.id, channel: "ZALO", externalId: zaloId, lastInboundAt: MORNING } });
    queue = createReminderQueue({ connection: redis, prefix: PREFIX });
    const windows = { zalo: 48 * 3600_000 };
    const notifier = createNotifier({ prisma: db.prisma, senders: [], keyring: TEST_KEYRING, defaultLocale: "vi", windows, logger: createLogger("silent") });
    deps = { ...botDeps(db.prisma, { reminderQueue: queue, now: () => MORNING, windows }), notifier };
  });
  afterAll(async () => {
    await queue?.close();
    await deleteKeys(redis, PREFIX);
    redis.disconnect();
    await db?.drop();
  });

  async function fromZalo(inbound: Inbound): Promise<Answer> {
    const caller = await identify(deps, { channel: "zalo", externalId: zaloId, address: zaloId });
    expect(caller).toMatchObject({ textLimit: ZALO_TEXT_LIMIT, maxChoices: ZALO_BUTTONS });
    return dispatch(makeContext(deps, caller), inbound);
  }

  /** Picks a choice as a Zalo reader does: types its number from a numbered list, or taps its button. */
  async function pick(shown: Shown, label: string | RegExp): Promise<Answer> {
    const index = shown.labels.findIndex((l) => (typeof label === "string" ? l === label : label.test(l)));
    expect(index, `choice ${label} among ${shown.labels.join(" | ")}`).toBeGreaterThanOrEqual(0);
    if (shown.numbered) return fromZalo({ kind: "text", text: String(index + 1) });
    return fromZalo({ kind: "action", payload: encodeAction(shown.choices[index]!.action, TEST_KEYRING) });
  }

  it("/status pages the table so that each page and its numbered choices fit one Zalo message; the pages walk through every unit once", async () => {
    let shown = asZalo((await fromZalo({ kind: "text", text: "trạng thái" })).replies[0]!);
    expect(shown.labels).toContain("🔔 Nhắc từng đơn vị…");
    const seen: string[] = [];
    const pages: string[] = [];
    for (;;) {
      pages.push(shown.text);
      expect(shown.text.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
      seen.push(...[...shown.text.matchAll(/^\d+\. \S+ .*cơ sở số (\d\d)/gm)].map((m) => m[1]!));
      // No bare "🔔 3" choices, which would read as a second numbering of the table.
      expect(shown.labels.filter((l) => /^🔔 \d+$/.test(l))).toEqual([]);
      if (!shown.labels.includes("Trang sau ▶️")) break;
      shown = asZalo((await pick(shown, "Trang sau ▶️")).replies[0]!);
    }
    expect(pages.length).toBeGreaterThan(3);
    expect(seen.sort()).toEqual(Array.from({ length: 60 }, (_, i) => String(i + 1).padStart(2, "0")));
  });

  it("per-unit reminders stay usable as a numbered list: the list names the units, and typing a number reminds that unit", async () => {
    const table = asZalo((await fromZalo({ kind: "command", name: "status", args: "" })).replies[0]!);
    const picker = asZalo((await pick(table, "🔔 Nhắc từng đơn vị…")).replies[0]!);
    expect(picker.text.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
    expect(picker.numbered).toBe(true);
    expect(picker.labels.slice(0, 3)).toEqual([
      "🔔 Trung tâm Ứng dụng tiến bộ khoa học và công nghệ cơ sở số 02",
      "🔔 Trung tâm Ứng dụng tiến bộ khoa học và công nghệ cơ sở số 03",
      "🔔 Trung tâm Ứng dụng tiến bộ khoa học và công nghệ cơ sở số 04",
    ]);
    const told = await fromZalo({ kind: "text", text: "2" });
    expect(told.replies[0]).toMatchObject({ kind: "text", text: expect.stringContaining("🔔 Đang gửi nhắc việc tới người báo cáo của Trung tâm Ứng dụng tiến bộ khoa học và công nghệ cơ sở số 03.") });
    const jobs = await queue.getJobs(["waiting", "delayed", "prioritized"]);
    expect(jobs.map((j) => (j.data as { unitId: number }).unitId)).toEqual([world.units[2]!.id]);
  });
});
