import { Composer, InlineKeyboard } from "grammy";
import { formatDateTime } from "../../../conversation/format-time.ts";
import { invitableRoles } from "../../../domain/permissions.ts";
import { inviteLink } from "../../../invites/invite-code.ts";
import { createInvite } from "../../../invites/invite-service.ts";
import { listUnits } from "../../../organisation/unit-service.ts";
import type { BotContext } from "../context.ts";
import { secretOf } from "../legacy-secret.ts";
import { adminButton, ADMIN_PREFIX, readAdminButton } from "../keyboards/admin-keyboard.ts";
import { requireAdmin } from "./units.ts";

/** /invite (admin): one-time links for a unit's reporter or for a secretary. */
export const inviteFeature = new Composer<BotContext>();
const priv = inviteFeature.chatType("private");

priv.command("invite", async (ctx) => {
  if (!(await requireAdmin(ctx, "invites.create"))) return;
  const secret = secretOf(ctx);
  const roles = invitableRoles(ctx.actor);
  const keyboard = new InlineKeyboard();
  if (roles.includes("REPORTER")) keyboard.add(adminButton(ctx.t("invite-button-reporter"), ["ir"], secret)).row();
  if (roles.includes("SECRETARY")) keyboard.add(adminButton(ctx.t("invite-button-secretary"), ["is"], secret));
  await ctx.reply(ctx.t("invite-choose-role"), { reply_markup: keyboard });
});

async function sendLink(ctx: BotContext, role: "REPORTER" | "SECRETARY", unitId: number | null): Promise<void> {
  const invite = await createInvite(ctx.deps.prisma, { role, unitId, createdById: ctx.person!.id });
  const link = inviteLink(ctx.me.username, invite.code);
  const until = formatDateTime(invite.expiresAt, ctx.deps.defaultTimeZone, ctx.locale);
  const text =
    role === "REPORTER"
      ? ctx.t("invite-link-reporter", { unit: invite.unit?.name ?? "—", link, until })
      : ctx.t("invite-link-secretary", { link, until });
  await ctx.reply(text, { link_preview_options: { is_disabled: true } });
}

priv.callbackQuery(new RegExp(`^${ADMIN_PREFIX}:i`), async (ctx) => {
  const fields = readAdminButton(ctx.callbackQuery.data, secretOf(ctx));
  if (!fields) {
    await ctx.answerCallbackQuery({ text: ctx.t("button-forged"), show_alert: true });
    return;
  }
  if (!(await requireAdmin(ctx, "invites.create"))) return;
  await ctx.answerCallbackQuery();
  const [op, arg] = fields;
  if (op === "is") return sendLink(ctx, "SECRETARY", null);
  const units = (await listUnits(ctx.deps.prisma)).filter((u) => u.active);
  if (op === "ir") {
    if (units.length === 0) {
      await ctx.reply(ctx.t("units-empty"));
      return;
    }
    const secret = secretOf(ctx);
    await ctx.reply(ctx.t("invite-pick-unit"), { reply_markup: InlineKeyboard.from(units.map((u) => [adminButton(u.name, ["iru", u.id], secret)])) });
    return;
  }
  const unit = op === "iru" ? units.find((u) => u.id === Number(arg)) : undefined;
  if (!unit) {
    await ctx.reply(ctx.t("invite-unit-unavailable"));
    return;
  }
  await sendLink(ctx, "REPORTER", unit.id);
});
