import { Composer, InlineKeyboard } from "grammy";
import { cancelConversation } from "../../conversation/conversation-service.ts";
import { FOCUS, patchSession, readSession } from "../../conversation/session-store.ts";
import { reportingUnitIds } from "../../domain/permissions.ts";
import { signPayload, verifyPayload } from "../../domain/signed-payload.ts";
import { isLocale, LOCALES, type Locale } from "../../i18n.ts";
import { telegramSessionKey } from "../chat-key.ts";
import { commandsFor, setDefaultCommands, syncCommandsMenu } from "../commands-menu.ts";
import type { BotContext } from "../context.ts";
import { secretOf } from "../conversation-deps.ts";
import { ADMIN_PART } from "./admin-session.ts";
import { OFFICE_PART } from "./office-session.ts";
import { ROUNDS_PART } from "./rounds-session.ts";

export const menuFeature = new Composer<BotContext>();

// The default menu is set once per bot instance (its botInfo object), on its first update.
const menusSet = new WeakSet<object>();
menuFeature.use(async (ctx, next) => {
  if (!menusSet.has(ctx.me)) {
    menusSet.add(ctx.me);
    await setDefaultCommands(ctx.api, ctx.deps.defaultLocale).catch((error) => ctx.logger.warn({ err: error }, "could not set the default commands menu"));
  }
  await next();
});

const priv = menuFeature.chatType("private");

/** /help: only the commands this person may use, and how to join for a stranger. */
priv.command("help", async (ctx) => {
  const lines = [ctx.t("help-title")];
  for (const command of commandsFor(ctx.actor)) lines.push(`/${command.command} — ${ctx.t(command.description)}`);
  if (!ctx.person || commandsFor(ctx.actor).every((c) => c.audience === "everyone")) {
    lines.push("", ctx.t("help-stranger"));
  } else {
    const unitIds = reportingUnitIds(ctx.actor);
    if (unitIds.length > 0) {
      const units = await ctx.deps.prisma.unit.findMany({ where: { id: { in: unitIds } }, orderBy: { order: "asc" }, select: { name: true } });
      lines.push("", ctx.t("help-reporter", { units: units.map((u) => u.name).join(", ") }));
    }
  }
  await ctx.reply(lines.join("\n"));
});

/** /cancel: stops what the chat is in the middle of; saved answers stay. */
priv.command("cancel", async (ctx) => {
  const key = telegramSessionKey(ctx.chat.id);
  const { prisma } = ctx.deps;
  const report = await cancelConversation(prisma, key);
  const data = await readSession(prisma, key);
  const hadAdmin = data[ADMIN_PART] !== undefined || data[OFFICE_PART] !== undefined || data[ROUNDS_PART] !== undefined;
  await patchSession(prisma, key, {}, [ADMIN_PART, OFFICE_PART, ROUNDS_PART, FOCUS]);
  if (report.droppedDraft > 0) await ctx.reply(ctx.t("cancel-done-draft", { count: report.droppedDraft }));
  else await ctx.reply(ctx.t(report.wasActive || hadAdmin ? "cancel-done" : "cancel-nothing"));
});

const LANG_PREFIX = "l1";

async function setLanguage(ctx: BotContext, locale: Locale): Promise<void> {
  if (!ctx.person) {
    await ctx.reply(ctx.t("lang-stranger"));
    return;
  }
  await ctx.deps.prisma.person.update({ where: { id: ctx.person.id }, data: { locale } });
  ctx.locale = locale;
  ctx.person.locale = locale;
  await ctx.i18n.renegotiateLocale();
  await ctx.reply(ctx.t("lang-set"));
  if (ctx.chat) await syncCommandsMenu(ctx.api, ctx.chat.id, ctx.actor, locale).catch((error) => ctx.logger.warn({ err: error }, "could not set the commands menu"));
}

/** /lang, /lang vi, /lang en: the interface language, kept on the person. */
priv.command("lang", async (ctx) => {
  const wanted = ctx.match.trim().toLowerCase();
  if (isLocale(wanted)) return setLanguage(ctx, wanted);
  const secret = secretOf(ctx);
  const keyboard = InlineKeyboard.from([LOCALES.map((locale) => InlineKeyboard.text(ctx.t(`lang-name-${locale}`), signPayload([LANG_PREFIX, locale], secret)))]);
  await ctx.reply(ctx.t("lang-choose"), { reply_markup: keyboard });
});

priv.callbackQuery(new RegExp(`^${LANG_PREFIX}:`), async (ctx) => {
  const fields = verifyPayload(ctx.callbackQuery.data, secretOf(ctx));
  const locale = fields?.[1];
  if (!fields || !isLocale(locale)) {
    await ctx.answerCallbackQuery({ text: ctx.t("button-forged"), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  await setLanguage(ctx, locale);
});
