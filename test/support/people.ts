import type { Prisma, PrismaClient } from "../../src/generated/prisma/client.ts";

type Db = PrismaClient | Prisma.TransactionClient;

/** A person with a Telegram account (user id = private chat id), as joining creates them. */
export async function createTelegramPerson(db: Db, input: { telegramId: number | bigint; name: string; locale?: string | null }): Promise<{ id: number; name: string }> {
  return db.person.create({
    data: { name: input.name, locale: input.locale ?? null, accounts: { create: { channel: "TELEGRAM", externalId: String(input.telegramId) } } },
    select: { id: true, name: true },
  });
}

/** The person behind a Telegram user id, with their Telegram account. */
export async function personByTelegramId(db: Db, telegramId: number | bigint) {
  const account = await db.channelAccount.findUnique({
    where: { channel_externalId: { channel: "TELEGRAM", externalId: String(telegramId) } },
    select: { id: true, unreachableAt: true, unreachableError: true, person: { select: { id: true, name: true, locale: true, memberships: true } } },
  });
  return account ? { ...account.person, accountId: account.id, unreachableAt: account.unreachableAt, unreachableError: account.unreachableError } : null;
}

/** Marks a person's Telegram account as refused for good (blocked bot). */
export async function markTelegramUnreachable(db: Db, personId: number, at = new Date(), error = "403 Forbidden: bot was blocked by the user"): Promise<void> {
  await db.channelAccount.updateMany({ where: { personId, channel: "TELEGRAM" }, data: { unreachableAt: at, unreachableError: error } });
}
