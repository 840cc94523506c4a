// TZ_REPORTS is only the default of a new organisation: the stored organisation's zone is the one every flow uses.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importOrganisation } from "../src/organisation/import-organisation.ts";
import { parseOrgFile } from "../src/organisation/org-file.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

const EXAMPLE = readFileSync(resolve(import.meta.dirname, "../examples/org.yaml"), "utf8");
const withoutZone = EXAMPLE.split("\n").filter((line) => !/^\s+timezone:/.test(line)).join("\n");

describe("the organisation's time zone on import", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });
  const storedZone = async () => (await db.prisma.organisation.findFirstOrThrow()).timezone;

  it("a file without one: a new organisation takes TZ_REPORTS, an existing one keeps its own; a file's zone wins", async () => {
    expect(withoutZone).not.toBe(EXAMPLE);
    await importOrganisation(db.prisma, parseOrgFile(withoutZone), { defaultTimeZone: "Asia/Bangkok" });
    expect(await storedZone()).toBe("Asia/Bangkok");
    await importOrganisation(db.prisma, parseOrgFile(withoutZone), { defaultTimeZone: "Europe/Paris" });
    expect(await storedZone()).toBe("Asia/Bangkok");
    await importOrganisation(db.prisma, parseOrgFile(EXAMPLE), { defaultTimeZone: "Europe/Paris" });
    expect(await storedZone()).toBe("Asia/Ho_Chi_Minh");
    expect(await db.prisma.organisation.count()).toBe(1);
  });
});
