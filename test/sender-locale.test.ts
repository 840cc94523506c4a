// The language of a notice sent before any work (a flood warning): the one rule, person → messenger →
// organisation → DEFAULT_LOCALE, with the organisation read only when the first two say nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { senderLocale } from "../src/use-cases/identify.ts";
import type { UseCaseDeps } from "../src/use-cases/context.ts";
import { TEST_ORGANISATION } from "./support/test-organisation.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

describe("the language a sender is warned in", () => {
  let db: TestDatabase;
  let deps: UseCaseDeps;
  beforeAll(async () => {
    db = await createTestDatabase();
    deps = { prisma: db.prisma, defaultLocale: "vi" } as UseCaseDeps;
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("a stranger on Zalo (no language sent) gets the organisation's; a person's own choice and Telegram's language come first", async () => {
    expect(await senderLocale(deps, { channel: "zalo", externalId: "z-1" })).toBe("vi");
    await db.prisma.organisation.create({ data: { ...TEST_ORGANISATION, locale: "en" } });
    expect(await senderLocale(deps, { channel: "zalo", externalId: "z-1" })).toBe("en");
    expect(await senderLocale(deps, { channel: "telegram", externalId: "1", languageHint: "vi" })).toBe("vi");
    const person = await db.prisma.person.create({ data: { name: "Lan", locale: "vi" } });
    await db.prisma.channelAccount.create({ data: { personId: person.id, channel: "ZALO", externalId: "z-2" } });
    expect(await senderLocale(deps, { channel: "zalo", externalId: "z-2" })).toBe("vi");
  });
});
