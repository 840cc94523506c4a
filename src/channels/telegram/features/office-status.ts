import { Composer, InlineKeyboard } from "grammy";
import { TELEGRAM_TEXT_LIMIT } from "../../../conversation/split-message.ts";
import { isLate, isUnreachable, statusLine, statusPages, type StatusFormat } from "../../../domain/office/status-table.ts";
import { can, reportingUnitIds } from "../../../domain/permissions.ts";
import { roundSummary, roundTitle, type RoundSummary } from "../../../office/round-choice.ts";
import { loadRoundProgress } from "../../../office/round-progress.ts";
import { remindNow, type RemindNowResult } from "../../../queue/remind-now.ts";
import type { BotContext } from "../context.ts";
import { secretOf } from "../legacy-secret.ts";
import { OFFICE_PREFIX, officeButton, readOfficeButton } from "../keyboards/office-keyboard.ts";
import { nowOf, officeTime, requireOffice, showScreen } from "./office-access.ts";
import { buttonRound, commandRound, hasOtherRounds, showRoundPicker } from "./office-rounds.ts";

/** /status: the office's progress table per round, reminders from it; a reporter's own units. */
export const officeStatusFeature = new Composer<BotContext>();
const priv = officeStatusFeature.chatType("private");

/** Units a page; with the round heading this stays well inside one message on a phone. */
export const STATUS_UNITS_PER_PAGE = 25;

function format(ctx: BotContext): StatusFormat {
  return { t: (key, vars) => ctx.t(key, vars), time: officeTime(ctx) };
}

async function heading(ctx: BotContext, round: RoundSummary): Promise<string> {
  const now = nowOf(ctx);
  const state =
    round.status === "OPEN"
      ? round.deadline.getTime() < now.getTime()
        ? "office-round-overdue"
        : "office-round-open"
      : round.status === "CLOSED"
        ? "office-round-closed"
        : "office-round-draft";
  return ctx.t("office-status-title", {
    round: await roundTitle(ctx.deps.prisma, round, ctx.locale),
    deadline: officeTime(ctx)(round.deadline),
    state: ctx.t(state),
  });
}

/** One page of a round's table with its buttons: remind (one or all late units), pages, review, other rounds. */
export async function showStatus(ctx: BotContext, round: RoundSummary, requestedPage: number): Promise<void> {
  const units = await loadRoundProgress(ctx.deps.prisma, round.id);
  const pages = statusPages({ title: await heading(ctx, round), units, fmt: format(ctx), limit: TELEGRAM_TEXT_LIMIT, unitsPerPage: STATUS_UNITS_PER_PAGE });
  const page = Math.min(Math.max(requestedPage, 0), pages.length - 1);
  const shown = pages[page]!;
  const secret = secretOf(ctx);
  const keyboard = new InlineKeyboard();
  const remindable = round.status === "OPEN" && can(ctx.actor, "rounds.remind");
  if (remindable) {
    const reachable = new Set(units.filter((u) => !isUnreachable(u)).map((u) => u.unitId));
    const late = shown.units.filter((u) => u.late && reachable.has(u.unitId));
    late.forEach((u, i) => {
      keyboard.add(officeButton(`🔔 ${u.number}`, "ru", [round.id, u.unitId], secret));
      if (i % 5 === 4) keyboard.row();
    });
    if (late.length % 5 !== 0) keyboard.row();
    const lateCount = units.filter(isLate).length;
    if (lateCount > 0) keyboard.add(officeButton(ctx.t("office-button-remind-all", { count: lateCount }), "ra", [round.id], secret)).row();
  }
  if (pages.length > 1) {
    if (page > 0) keyboard.add(officeButton(ctx.t("office-button-previous"), "st", [round.id, page - 1], secret));
    if (page < pages.length - 1) keyboard.add(officeButton(ctx.t("office-button-next"), "st", [round.id, page + 1], secret));
    keyboard.row();
  }
  if (can(ctx.actor, "submissions.review") && units.length > 0) keyboard.add(officeButton(ctx.t("office-button-review"), "vl", [round.id, 0], secret));
  keyboard.add(officeButton(ctx.t("office-button-refresh"), "st", [round.id, page], secret));
  if (await hasOtherRounds(ctx)) keyboard.add(officeButton(ctx.t("office-button-other-round"), "ps", [], secret));
  await showScreen(ctx, shown.text, { reply_markup: keyboard });
}

/** A reporter's /status: their units in every open round, one line each. */
async function reporterStatus(ctx: BotContext): Promise<void> {
  const unitIds = reportingUnitIds(ctx.actor);
  const { prisma } = ctx.deps;
  const rounds = await prisma.round.findMany({ where: { status: "OPEN" }, orderBy: [{ deadline: "asc" }, { id: "asc" }], select: { id: true } });
  const blocks: string[] = [];
  for (const { id } of rounds) {
    const units = await loadRoundProgress(prisma, id, unitIds);
    if (units.length === 0) continue;
    const summary = (await roundSummary(prisma, id))!;
    const lines = units.map((u, i) => statusLine(u, i + 1, format(ctx)));
    const round = ctx.t("office-reporter-round", { round: await roundTitle(prisma, summary, ctx.locale), deadline: officeTime(ctx)(summary.deadline) });
    blocks.push([round, ...lines].join("\n"));
  }
  if (blocks.length === 0) {
    await ctx.reply(ctx.t("office-reporter-nothing-open"));
    return;
  }
  await ctx.reply([ctx.t("office-reporter-status-title"), ...blocks, ctx.t("office-reporter-hint")].join("\n\n"));
}

priv.command("status", async (ctx) => {
  if (can(ctx.actor, "status.all")) {
    const round = await commandRound(ctx);
    if (round) await showStatus(ctx, round, 0);
    return;
  }
  if (reportingUnitIds(ctx.actor).length > 0) return reporterStatus(ctx);
  await ctx.reply(ctx.t(ctx.person ? "office-only" : "stranger-refusal"));
});

export function remindResultText(ctx: BotContext, result: RemindNowResult, unit: string | null): string {
  if (result.roundStatus !== "OPEN") return ctx.t("office-remind-round-not-open");
  if (result.nightTime) return ctx.t("office-remind-night");
  if (result.queued.length === 0 && result.alreadyQueued.length === 0) return ctx.t(unit ? "office-remind-unit-nothing-owed" : "office-remind-nobody", { unit: unit ?? "" });
  if (result.queued.length === 0) return ctx.t("office-remind-already", { count: result.alreadyQueued.length });
  if (unit) return ctx.t("office-remind-unit-queued", { unit });
  const queued = ctx.t("office-remind-queued", { count: result.queued.length });
  return result.alreadyQueued.length > 0 ? `${queued} ${ctx.t("office-remind-skipped-recent", { count: result.alreadyQueued.length })}` : queued;
}

priv.callbackQuery(new RegExp(`^${OFFICE_PREFIX}:(st|ps|pst|ra|ru):`), async (ctx) => {
  const button = readOfficeButton(ctx.callbackQuery.data, secretOf(ctx));
  if (!button) {
    await ctx.answerCallbackQuery({ text: ctx.t("button-forged"), show_alert: true });
    return;
  }
  if (!(await requireOffice(ctx, "status.all"))) return;
  const [first, second] = button.args;
  switch (button.op) {
    case "ps":
      await ctx.answerCallbackQuery();
      await showRoundPicker(ctx, "pst", ctx.t("office-pick-round-status"));
      return;
    case "st":
    case "pst": {
      const round = await buttonRound(ctx, first);
      if (!round) return;
      await ctx.answerCallbackQuery();
      await showStatus(ctx, round, second ?? 0);
      return;
    }
    case "ra":
    case "ru": {
      if (!(await requireOffice(ctx, "rounds.remind"))) return;
      const round = await buttonRound(ctx, first);
      if (!round) return;
      const queue = ctx.deps.reminderQueue;
      if (!queue) {
        await ctx.answerCallbackQuery({ text: ctx.t("office-remind-unavailable"), show_alert: true });
        return;
      }
      const only = button.op === "ru" && second !== undefined ? [second] : undefined;
      const unit = only ? await ctx.deps.prisma.unit.findUnique({ where: { id: only[0]! }, select: { name: true } }) : null;
      const result = await remindNow(ctx.deps.prisma, queue, round.id, ctx.person!.id, nowOf(ctx), only);
      if (result.queued.length > 0) {
        await ctx.deps.prisma.auditEvent.create({
          data: { actorId: ctx.person!.id, action: "reminders.requested", entityType: "Round", entityId: String(round.id), data: { jobs: result.queued, from: "status" } },
        });
      }
      const text = remindResultText(ctx, result, unit?.name ?? null);
      await ctx.answerCallbackQuery({ text: text.length <= 190 ? text : undefined });
      await ctx.reply(text);
      return;
    }
  }
  await ctx.answerCallbackQuery({ text: ctx.t("office-stale-button"), show_alert: true });
});
