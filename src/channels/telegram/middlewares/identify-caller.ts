import type { MiddlewareFn } from "grammy";
import { suggestFullName } from "../../../domain/display-name.ts";
import { localeFromTelegram } from "../../../i18n.ts";
import { makeContext } from "../../../use-cases/context.ts";
import { identify } from "../../../use-cases/identify.ts";
import type { BotContext } from "../context.ts";

/** Who sent the update, their grants and language, as the use cases know them; before any feature runs. */
export const identifyCaller: MiddlewareFn<BotContext> = async (ctx, next) => {
  const from = ctx.from;
  const hint = from?.language_code ? localeFromTelegram(from.language_code, ctx.deps.defaultLocale) : null;
  // Set first, so that even a database failure is answered in the person's language.
  ctx.locale = hint ?? ctx.deps.defaultLocale;
  ctx.person = null;
  ctx.actor = null;
  if (!from || from.is_bot) return next();
  const caller = await identify(ctx.deps, {
    channel: "telegram",
    externalId: String(from.id),
    address: String(ctx.chat?.id ?? from.id),
    languageHint: hint,
    profile: { suggestedName: suggestFullName({ firstName: from.first_name, lastName: from.last_name, username: from.username }), username: from.username ?? null },
  });
  ctx.caller = caller;
  ctx.useCase = makeContext(ctx.deps, caller);
  ctx.person = caller.person;
  ctx.actor = caller.actor;
  ctx.locale = caller.locale;
  await next();
};
