import { Composer, InlineKeyboard } from "grammy";
import { cleanDisplayName } from "../../domain/display-name.ts";
import { can } from "../../domain/permissions.ts";
import { UNIT_KINDS, type UnitKind } from "../../domain/unit-kind.ts";
import { FOCUS, patchSession, readSession } from "../../conversation/session-store.ts";
import { addUnit, listUnits, renameUnit, setUnitActive, UNIT_NAME_MAX, type UnitRow } from "../../organisation/unit-service.ts";
import { telegramSessionKey } from "../chat-key.ts";
import type { BotContext } from "../context.ts";
import { secretOf } from "../conversation-deps.ts";
import { adminButton, ADMIN_PREFIX, readAdminButton } from "../keyboards/admin-keyboard.ts";
import { ADMIN_FOCUS, ADMIN_PART, readAdminPending, type AdminPending } from "./admin-session.ts";

/** /units (admin): list the units, add one, rename one, deactivate or reactivate one. */
export const unitsFeature = new Composer<BotContext>();
const priv = unitsFeature.chatType("private");

/** Refuses anyone but an admin, politely; true when allowed. */
export async function requireAdmin(ctx: BotContext, action: "units.manage" | "invites.create"): Promise<boolean> {
  if (can(ctx.actor, action)) return true;
  const text = ctx.t(ctx.person ? "admin-only" : "stranger-refusal");
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t(ctx.person ? "admin-only" : "stranger-refusal-short"), show_alert: true });
  else await ctx.reply(text);
  return false;
}

function unitLine(ctx: BotContext, unit: UnitRow, index: number): string {
  const kind = ctx.t(`unit-kind-${unit.kind.replace("_", "-")}`);
  return ctx.t(unit.active ? "units-line" : "units-line-inactive", { number: index + 1, name: unit.name, kind, code: unit.code });
}

async function showUnits(ctx: BotContext, notice?: string): Promise<void> {
  const units = await listUnits(ctx.deps.prisma);
  const secret = secretOf(ctx);
  const body = units.length === 0 ? ctx.t("units-empty") : [ctx.t("units-title", { count: units.length }), ...units.map((u, i) => unitLine(ctx, u, i))].join("\n");
  const keyboard = new InlineKeyboard()
    .add(adminButton(ctx.t("units-button-add"), ["ua"], secret))
    .row()
    .add(adminButton(ctx.t("units-button-rename"), ["ur"], secret))
    .add(adminButton(ctx.t("units-button-toggle"), ["ut"], secret));
  await ctx.reply([notice, body].filter(Boolean).join("\n\n"), { reply_markup: keyboard });
}

async function setPending(ctx: BotContext, pending: AdminPending | null): Promise<void> {
  const key = telegramSessionKey(ctx.chat!.id);
  if (pending) await patchSession(ctx.deps.prisma, key, { [ADMIN_PART]: pending, [FOCUS]: ADMIN_FOCUS });
  else {
    const data = await readSession(ctx.deps.prisma, key);
    await patchSession(ctx.deps.prisma, key, {}, data[FOCUS] === ADMIN_FOCUS ? [ADMIN_PART, FOCUS] : [ADMIN_PART]);
  }
}

function unitPicker(ctx: BotContext, units: readonly UnitRow[], op: string): InlineKeyboard {
  const secret = secretOf(ctx);
  return InlineKeyboard.from(units.map((u) => [adminButton(`${u.active ? "" : "⏸ "}${u.name}`, [op, u.id], secret)]));
}

priv.command("units", async (ctx) => {
  if (!(await requireAdmin(ctx, "units.manage"))) return;
  await showUnits(ctx);
});

priv.callbackQuery(new RegExp(`^${ADMIN_PREFIX}:u`), async (ctx) => {
  const fields = readAdminButton(ctx.callbackQuery.data, secretOf(ctx));
  if (!fields) {
    await ctx.answerCallbackQuery({ text: ctx.t("button-forged"), show_alert: true });
    return;
  }
  if (!(await requireAdmin(ctx, "units.manage"))) return;
  const [op, arg] = fields;
  const { prisma } = ctx.deps;
  const units = await listUnits(prisma);
  const unit = arg === undefined ? undefined : units.find((u) => u.id === Number(arg));
  await ctx.answerCallbackQuery();
  switch (op) {
    case "ua":
      await setPending(ctx, { kind: "add-name" });
      await ctx.reply(ctx.t("units-ask-name", { max: UNIT_NAME_MAX }));
      return;
    case "ur":
      await ctx.reply(ctx.t("units-pick-rename"), { reply_markup: unitPicker(ctx, units, "urn") });
      return;
    case "ut":
      await ctx.reply(ctx.t("units-pick-toggle"), { reply_markup: unitPicker(ctx, units, "utn") });
      return;
    case "urn":
      if (!unit) break;
      await setPending(ctx, { kind: "rename", unitId: unit.id });
      await ctx.reply(ctx.t("units-ask-new-name", { name: unit.name, max: UNIT_NAME_MAX }));
      return;
    case "utn": {
      if (!unit) break;
      const changed = await setUnitActive(prisma, { unitId: unit.id, active: !unit.active, actorId: ctx.person!.id });
      if (!changed) break;
      await showUnits(ctx, ctx.t(changed.active ? "units-activated" : "units-deactivated", { name: changed.name }));
      return;
    }
    case "uk": {
      const pending = readAdminPending((await readSession(prisma, telegramSessionKey(ctx.chat.id)))[ADMIN_PART]);
      const kind = UNIT_KINDS[Number(arg)] as UnitKind | undefined;
      if (pending?.kind !== "add-kind" || !kind) break;
      const result = await addUnit(prisma, { name: pending.name, kind, actorId: ctx.person!.id });
      await setPending(ctx, null);
      if (!result.ok) await ctx.reply(ctx.t("units-no-organisation"));
      else await showUnits(ctx, ctx.t("units-added", { name: result.unit.name, code: result.unit.code }));
      return;
    }
  }
  // A unit that no longer exists, or a step that is no longer pending.
  await ctx.reply(ctx.t("conversation-stale-button"));
});

/** The typed name the admin was asked for. */
priv.on("message:text", async (ctx, next) => {
  if (ctx.message.text.startsWith("/")) return next();
  const data = await readSession(ctx.deps.prisma, telegramSessionKey(ctx.chat.id));
  const pending = data[FOCUS] === ADMIN_FOCUS ? readAdminPending(data[ADMIN_PART]) : null;
  if (!pending) return next();
  if (!(await requireAdmin(ctx, "units.manage"))) return setPending(ctx, null);
  const name = cleanDisplayName(ctx.message.text, Infinity);
  if (name === "" || name.length > UNIT_NAME_MAX || pending.kind === "add-kind") {
    if (pending.kind === "add-kind") await ctx.reply(ctx.t("units-pick-kind-first"));
    else await ctx.reply(ctx.t("units-name-invalid", { max: UNIT_NAME_MAX, length: name.length }));
    return;
  }
  if (pending.kind === "add-name") {
    await setPending(ctx, { kind: "add-kind", name });
    const secret = secretOf(ctx);
    const keyboard = InlineKeyboard.from(UNIT_KINDS.map((kind, i) => [adminButton(ctx.t(`unit-kind-${kind.replace("_", "-")}`), ["uk", i], secret)]));
    await ctx.reply(ctx.t("units-ask-kind", { name }), { reply_markup: keyboard });
    return;
  }
  const renamed = await renameUnit(ctx.deps.prisma, { unitId: pending.unitId, name, actorId: ctx.person!.id });
  await setPending(ctx, null);
  if (!renamed) await ctx.reply(ctx.t("conversation-stale-button"));
  else await showUnits(ctx, ctx.t("units-renamed", { name: renamed.name }));
});

// A sticker or photo while a name is expected.
priv.on("message", async (ctx, next) => {
  if (ctx.message.text !== undefined) return next();
  const data = await readSession(ctx.deps.prisma, telegramSessionKey(ctx.chat.id));
  if (data[FOCUS] !== ADMIN_FOCUS || !readAdminPending(data[ADMIN_PART])) return next();
  await ctx.reply(ctx.t("units-name-not-text"));
});
