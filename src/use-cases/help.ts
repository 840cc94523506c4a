import { cancelConversation } from "../conversation/conversation-service.ts";
import { FOCUS, patchSession, readSession } from "../conversation/session-store.ts";
import { primaryRole, reportingUnitIds } from "../domain/permissions.ts";
import { isLocale, LOCALES, translatorFor, type Locale } from "../i18n.ts";
import type { ActionOf } from "../messaging/action.ts";
import type { Answer } from "../messaging/reply.ts";
import { commandsFor } from "./commands.ts";
import type { UseCaseContext } from "./context.ts";

/** Session parts that hold something a person is in the middle of (besides the report conversation). */
export const PENDING_PARTS = ["admin", "office", "rounds", "join", "people", "invite", "newround", "rewrite", "template"] as const;

function say(text: string): Answer {
  return { replies: [{ kind: "text", text }] };
}

async function reportingUnitNames(ctx: UseCaseContext): Promise<string[]> {
  const unitIds = reportingUnitIds(ctx.caller.actor);
  if (unitIds.length === 0) return [];
  const units = await ctx.deps.prisma.unit.findMany({ where: { id: { in: unitIds } }, orderBy: { order: "asc" }, select: { name: true } });
  return units.map((u) => u.name);
}

/** /start without a code: what the bot is and what this person can do with it. */
export async function start(ctx: UseCaseContext): Promise<Answer> {
  const { t, caller } = ctx;
  const org = (await ctx.organisation())?.shortName ?? t("start-org-fallback");
  const role = primaryRole(caller.actor);
  const lines = [t("start-intro", { org })];
  if (role === null) {
    lines.push(t("start-no-role", { channel: caller.channel }));
  } else {
    const units = await reportingUnitNames(ctx);
    if (units.length > 0) lines.push(t("start-reporter", { units: units.join(", ") }));
    if (role === "SECRETARY" || role === "ADMIN") lines.push(t("start-secretary"));
    if (role === "ADMIN") lines.push(t("start-admin"));
    lines.push(t("start-help-hint"));
  }
  return say(lines.join("\n\n"));
}

/** /help: the commands this person may use; on a channel without a command menu, the words that ask for them. */
export async function help(ctx: UseCaseContext): Promise<Answer> {
  const { t, caller } = ctx;
  const commands = commandsFor(caller.actor);
  const withKeywords = caller.channel === "zalo";
  const lines = [t("help-title")];
  for (const command of commands) {
    const words = withKeywords ? ` (“${command.keywords[0]}”)` : "";
    lines.push(`/${command.name}${words} — ${t(command.description)}`);
  }
  if (!caller.person || commands.every((c) => c.audience === "everyone")) {
    lines.push("", t("help-stranger", { channel: caller.channel }));
  } else {
    const units = await reportingUnitNames(ctx);
    if (units.length > 0) lines.push("", t("help-reporter", { units: units.join(", ") }));
    if (withKeywords) lines.push("", t("help-keywords"));
  }
  return say(lines.join("\n"));
}

/** /cancel: stops what the chat is in the middle of; saved answers stay. */
export async function cancel(ctx: UseCaseContext): Promise<Answer> {
  const key = ctx.caller.sessionKey;
  if (!key) return say(ctx.t("cancel-nothing"));
  const { prisma } = ctx.deps;
  const report = await cancelConversation(prisma, key);
  const data = await readSession(prisma, key);
  const hadOther = PENDING_PARTS.some((part) => data[part] !== undefined);
  await patchSession(prisma, key, {}, [...PENDING_PARTS, FOCUS]);
  if (report.droppedDraft > 0) return say(ctx.t("cancel-done-draft", { count: report.droppedDraft }));
  return say(ctx.t(report.wasActive || hadOther ? "cancel-done" : "cancel-nothing"));
}

async function setLanguage(ctx: UseCaseContext, locale: Locale): Promise<Answer> {
  const person = ctx.caller.person;
  if (!person) return say(ctx.t("lang-stranger"));
  await ctx.deps.prisma.person.update({ where: { id: person.id }, data: { locale } });
  return { replies: [{ kind: "text", text: translatorFor(locale)("lang-set") }], refreshMenu: true };
}

/** /lang, /lang vi, /lang en: the interface language, kept on the person. */
export async function language(ctx: UseCaseContext, args: string): Promise<Answer> {
  const wanted = args.trim().toLowerCase();
  if (isLocale(wanted)) return setLanguage(ctx, wanted);
  return {
    replies: [
      {
        kind: "text",
        text: ctx.t("lang-choose"),
        choices: [LOCALES.map((locale, i) => ({ label: ctx.t(`lang-name-${locale}`), action: { op: "lang.set" as const, locale: i } }))],
      },
    ],
  };
}

export async function languageChosen(ctx: UseCaseContext, action: ActionOf<"lang.set">): Promise<Answer> {
  const locale = LOCALES[action.locale];
  if (!locale) return { replies: [], toast: ctx.t("conversation-stale-button-toast") };
  return setLanguage(ctx, locale);
}
