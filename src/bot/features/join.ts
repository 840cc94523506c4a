import { Composer } from "grammy";
import type { Actor } from "../../domain/permissions.ts";
import { redeemInvite } from "../../invites/invite-service.ts";
import { syncCommandsMenu } from "../commands-menu.ts";
import type { BotContext } from "../context.ts";
import { formatDateTime } from "../../conversation/format-time.ts";

export const joinFeature = new Composer<BotContext>();

/** /start <code>: the invite link. Binds the person to the invite's role and unit, or says why not. */
joinFeature.chatType("private").command("start", async (ctx, next) => {
  const code = ctx.match.trim();
  if (code === "") return next();
  const { prisma, timezone } = ctx.deps;
  const from = ctx.from;
  const result = await redeemInvite(prisma, code, { id: from.id, firstName: from.first_name, lastName: from.last_name, username: from.username });
  if (!result.ok) {
    const vars: Record<string, string | number> =
      result.reason === "rate-limited"
        ? { minutes: result.retryAfterMinutes }
        : result.reason === "expired"
          ? { time: formatDateTime(result.expiredAt, timezone, ctx.locale) }
          : {};
    await ctx.reply(ctx.t(`join-refused-${result.reason}`, vars));
    return;
  }

  const person = await prisma.person.findUniqueOrThrow({
    where: { id: result.personId },
    select: { name: true, memberships: { where: { revokedAt: null }, select: { role: true, unitId: true } } },
  });
  const actor: Actor = { personId: result.personId, grants: person.memberships };
  ctx.person = { id: result.personId, telegramId: BigInt(from.id), name: person.name, locale: ctx.person?.locale ?? null };
  ctx.actor = actor;
  const organisation = await prisma.organisation.findFirst({ orderBy: { id: "asc" }, select: { shortName: true } });
  const org = organisation?.shortName ?? ctx.t("start-org-fallback");

  const lines: string[] = [];
  if (result.alreadyMember) lines.push(ctx.t("join-already-member"));
  if (result.role === "REPORTER") {
    lines.push(ctx.t("join-welcome-reporter", { name: person.name, unit: result.unit?.name ?? "—", org }));
    const open = await prisma.round.count({ where: { status: "OPEN" } });
    lines.push(ctx.t(open > 0 ? "join-next-open-round" : "join-next-wait"));
  } else if (result.role === "SECRETARY") {
    lines.push(ctx.t("join-welcome-secretary", { name: person.name, org }));
  } else {
    lines.push(ctx.t("join-welcome-admin", { name: person.name, org }));
  }
  lines.push(ctx.t("start-help-hint"));
  await ctx.reply(lines.join("\n\n"));
  // The menu follows the new role; failing to set it must not undo the join.
  await syncCommandsMenu(ctx.api, ctx.chat.id, actor, ctx.locale).catch((error) => ctx.logger.warn({ err: error }, "could not set the commands menu"));
});
