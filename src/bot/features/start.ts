import { Composer } from "grammy";
import { primaryRole, reportingUnitIds } from "../../domain/permissions.ts";
import type { BotContext } from "../context.ts";

export const startFeature = new Composer<BotContext>();

/** /start without an invite code: what the bot is and what this person can do with it. */
startFeature.command("start", async (ctx, next) => {
  if (ctx.match.trim() !== "") return next();
  const organisation = await ctx.deps.prisma.organisation.findFirst({ select: { shortName: true }, orderBy: { id: "asc" } });
  const org = organisation?.shortName ?? ctx.t("start-org-fallback");
  const role = primaryRole(ctx.actor);
  const lines = [ctx.t("start-intro", { org })];
  if (role === null) {
    lines.push(ctx.t("start-no-role"));
  } else {
    const unitIds = reportingUnitIds(ctx.actor);
    if (unitIds.length > 0) {
      const units = await ctx.deps.prisma.unit.findMany({ where: { id: { in: unitIds } }, orderBy: { order: "asc" }, select: { name: true } });
      lines.push(ctx.t("start-reporter", { units: units.map((u) => u.name).join(", ") }));
    }
    if (role === "SECRETARY" || role === "ADMIN") lines.push(ctx.t("start-secretary"));
    if (role === "ADMIN") lines.push(ctx.t("start-admin"));
    lines.push(ctx.t("start-help-hint"));
  }
  await ctx.reply(lines.join("\n\n"), { link_preview_options: { is_disabled: true } });
});
