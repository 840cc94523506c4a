// Names of people and units are cleaned like answers where they are stored, and again where they are
// shown, so bidi overrides and control characters never reach the office's screens or the CSV.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanDisplayName, DISPLAY_NAME_MAX } from "../src/domain/display-name.ts";
import { createInvite, redeemInvite } from "../src/invites/invite-service.ts";
import { exportRoundAnswers } from "../src/office/answers-export.ts";
import { loadRoundProgress } from "../src/office/round-progress.ts";
import { addUnit, renameUnit } from "../src/organisation/unit-service.ts";
import { answer, seedOfficeWorld, type OfficeWorld } from "./support/office-world.ts";
import { parseCsv } from "./support/parse-csv.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { addressedName, suggestFullName } from "../src/domain/display-name.ts";
import { markTelegramUnreachable, personByTelegramId } from "./support/people.ts";

// Right-to-left override, a zero-width space, an escape, a bell and an isolate, with line breaks
// (PostgreSQL itself refuses NUL, and stores a lone surrogate as U+FFFD).
const DIRTY = "Phòng\u202E Pháp\u200B chế\u001B\u0007\n  và Tổng hợp\u2066";
const CLEAN = "Phòng Pháp chế và Tổng hợp";

describe("addressedName", () => {
  it("drops a title typed before the name, since the bot already writes Anh/Chị", () => {
    expect(addressedName("Chị Lan")).toBe("Lan");
    expect(addressedName("  anh   Nguyễn Văn Minh ")).toBe("Nguyễn Văn Minh");
    expect(addressedName("Đồng chí Trần Văn Bình")).toBe("Trần Văn Bình");
    expect(addressedName("Nguyễn Thị Lan, Chánh Văn phòng")).toBe("Nguyễn Thị Lan, Chánh Văn phòng");
    // A title alone, or a name that only starts like one, stays as it is.
    expect(addressedName("Chị")).toBe("Chị");
    expect(addressedName("Anhđào")).toBe("Anhđào");
  });
});

describe("cleanDisplayName", () => {
  it("removes bidi and control characters, joins lines, caps the length", () => {
    expect(cleanDisplayName(DIRTY)).toBe(CLEAN);
    expect(cleanDisplayName("Tie\u0302\u0301n")).toBe("Tiến");
    expect(cleanDisplayName("Nguyễn ".repeat(100)).length).toBeLessThanOrEqual(DISPLAY_NAME_MAX);
    expect(cleanDisplayName("\u202E\u0000")).toBe("");
    expect(cleanDisplayName("A\u0000B\uD800")).toBe("AB");
  });
});

describe("names stored and shown", () => {
  let db: TestDatabase;
  let world: OfficeWorld;
  beforeAll(async () => {
    db = await createTestDatabase();
    world = await seedOfficeWorld(db.prisma, { units: ["Thanh tra Sở", "Văn phòng Sở"] });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("a person joining with such a name is stored cleaned", async () => {
    const invite = await createInvite(db.prisma, { role: "REPORTER", unitId: world.units[0]!.id });
    const result = await redeemInvite(db.prisma, invite.code, { channel: "telegram", externalId: "9900001", name: suggestFullName({ firstName: "Bình\u0007\u200F", lastName: "Trần\u202E" }) });
    expect(result.ok).toBe(true);
    expect((await personByTelegramId(db.prisma, 9_900_001))!.name).toBe("Trần Bình");
    const nameless = await createInvite(db.prisma, { role: "REPORTER", unitId: world.units[0]!.id });
    await redeemInvite(db.prisma, nameless.code, { channel: "telegram", externalId: "9900002", name: suggestFullName({ firstName: "\u202E\u0000", username: "lan_nguyen" }) });
    expect((await personByTelegramId(db.prisma, 9_900_002))!.name).toBe("lan_nguyen");
  });

  it("a unit added or renamed with such a name is stored cleaned", async () => {
    const added = await addUnit(db.prisma, { name: DIRTY, kind: "department", actorId: world.secretaries[0]!.id });
    expect(added.ok && added.unit.name).toBe(CLEAN);
    const renamed = await renameUnit(db.prisma, { unitId: world.units[1]!.id, name: `Văn phòng\u202E Sở\u0007`, actorId: world.secretaries[0]!.id });
    expect(renamed?.name).toBe("Văn phòng Sở");
  });

  it("rows stored before the rule are shown cleaned in the status table and the CSV", async () => {
    const [unit] = world.units;
    await db.prisma.unit.update({ where: { id: unit!.id }, data: { name: DIRTY } });
    await db.prisma.person.update({ where: { id: unit!.reporterId }, data: { name: "Lê\u202E Văn\u0007 Nam" } });
    await markTelegramUnreachable(db.prisma, unit!.reporterId);
    await answer(db.prisma, unit!, { complaints_count: 3 });

    const progress = await loadRoundProgress(db.prisma, world.roundId);
    const shown = progress.find((p) => p.unitId === unit!.id)!;
    expect(shown.name).toBe(CLEAN);
    expect(shown.unreachable).toEqual([{ name: "Lê Văn Nam", reach: "unreachable" }]);

    const csv = await exportRoundAnswers(db.prisma, world.roundId, "vi", (key) => key);
    const rows = parseCsv(csv!.csv.replace(/^\uFEFF/, ""));
    const answered = rows.find((row) => row.includes("complaints_count") && row.includes(CLEAN));
    expect(answered).toBeDefined();
    expect(answered).toContain("Lê Văn Nam");
    expect(csv!.csv).not.toMatch(/[\u202E\u200B\u001B\u0007\u2066]/);
  });
});
