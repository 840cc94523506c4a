import type { MiddlewareFn } from "grammy";
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
    const person = await prisma.person.findUnique({
      where: { telegramId: BigInt(from.id) },
      select: {
        id: true,
        telegramId: true,
        name: true,
        locale: true,
        memberships: { where: { revokedAt: null }, select: { role: true, unitId: true } },
      },
    });
    if (person) {
      ctx.person = { id: person.id, telegramId: person.telegramId, name: person.name, locale: person.locale };
      ctx.actor = { personId: person.id, grants: person.memberships };
    }
  }
  if (isLocale(ctx.person?.locale)) ctx.locale = ctx.person.locale;
  await next();
};
