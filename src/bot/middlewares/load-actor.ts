import type { MiddlewareFn } from "grammy";
import type { Role } from "../../domain/permissions.ts";
import { isLocale, localeFromTelegram } from "../../i18n.ts";
import type { BotContext } from "../context.ts";

/** Attaches the person, their grants and their language before any feature runs. */
export const loadActor: MiddlewareFn<BotContext> = async (ctx, next) => {
  const { prisma, defaultLocale } = ctx.deps;
  ctx.person = null;
  ctx.actor = null;
  const from = ctx.from;
  // Set before the lookup so that even a database failure is reported in the person's language.
  ctx.locale = localeFromTelegram(from?.language_code, defaultLocale);
  if (from && !from.is_bot) {
    // One statement (person and live grants joined): it runs for every update.
    const rows = await prisma.$queryRaw<{ id: number; telegramId: bigint; name: string; locale: string | null; role: Role | null; unitId: number | null }[]>`
      SELECT p."id", p."telegramId", p."name", p."locale", m."role"::text AS "role", m."unitId"
      FROM "Person" p LEFT JOIN "Membership" m ON m."personId" = p."id" AND m."revokedAt" IS NULL
      WHERE p."telegramId" = ${BigInt(from.id)}
      ORDER BY m."id"`;
    const person = rows[0];
    if (person) {
      ctx.person = { id: person.id, telegramId: person.telegramId, name: person.name, locale: person.locale };
      ctx.actor = { personId: person.id, grants: rows.filter((r) => r.role !== null).map((r) => ({ role: r.role!, unitId: r.unitId })) };
    }
  }
  if (isLocale(ctx.person?.locale)) ctx.locale = ctx.person.locale;
  await next();
};
