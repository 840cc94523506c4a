import { formatDateTime } from "../conversation/format-time.ts";
import { isLate, isUnreachable, statusLine, statusPages, type StatusFormat, type UnitProgress } from "../domain/office/status-table.ts";
import { can, reportingUnitIds } from "../domain/permissions.ts";
import type { ActionOf } from "../messaging/action.ts";
import type { Answer, Choice, Reply } from "../messaging/reply.ts";
import { splitMessage } from "../conversation/split-message.ts";
import { officeOnlyAnswers } from "../office/office-only-answers.ts";
import { overriddenSections } from "../report/report-overrides.ts";
import { roundSummary, type RoundSummary } from "../office/round-choice.ts";
import { loadRoundProgress } from "../office/round-progress.ts";
import type { UseCaseContext } from "./context.ts";
import { pageLink } from "./web-access.ts";
import { officeRefusal, staleChoice } from "./office-access.ts";
import { commandRound, noRounds, otherRoundChoice, roundOf, roundTitleOf } from "./round-pick.ts";

/** Units a page at most; with the round heading this stays readable on a phone. The channel may allow fewer. */
export const STATUS_UNITS_PER_PAGE = 25;

/** Choices besides the per-unit reminders: remind all, remind one, two pages, review, refresh, other round. */
const OTHER_CHOICES = 7;

/** A line of a numbered list of choices, where a channel writes them into the text: "12. " and a break. */
const NUMBERED_LINE_EXTRA = 6;
/** The channel's hint above such a list ("Anh/Chị gõ số…"). */
const NUMBERED_HINT_ROOM = 160;

export async function statusFormat(ctx: UseCaseContext): Promise<StatusFormat> {
  const zone = await ctx.timeZone();
  return { t: ctx.t, time: (instant) => formatDateTime(instant, zone, ctx.caller.locale) };
}

/** The round's progress, each reporter's reachability judged now, by the rule of the channels they use. */
export function roundProgress(ctx: UseCaseContext, roundId: number, unitIds?: readonly number[]): Promise<UnitProgress[]> {
  return loadRoundProgress(ctx.deps.prisma, roundId, unitIds, { now: ctx.now(), windows: ctx.deps.windows });
}

/** A late unit one of whose reporters can be reached now. */
export function remindable(unit: UnitProgress): boolean {
  return isLate(unit) && !isUnreachable(unit);
}

/** Whether every choice of a status page, a reminder per unit included, fits under the message as a button. */
function choicesFitAsButtons(ctx: UseCaseContext): boolean {
  return ctx.caller.maxChoices >= STATUS_UNITS_PER_PAGE + OTHER_CHOICES;
}

async function heading(ctx: UseCaseContext, round: RoundSummary, fmt: StatusFormat): Promise<string> {
  const overdue = round.deadline.getTime() < ctx.now().getTime();
  const state = round.status === "OPEN" ? (overdue ? "office-round-overdue" : "office-round-open") : round.status === "CLOSED" ? "office-round-closed" : "office-round-draft";
  return ctx.t("office-status-title", { round: await roundTitleOf(ctx, round), deadline: fmt.time(round.deadline), state: ctx.t(state) });
}

/**
 * One page of a round's progress table with its choices: remind (each late unit, or all of them), pages,
 * review, refresh, another round. Pages follow the channel's message limit; where the choices would be
 * written into the text as a numbered list (more of them than the channel shows as buttons), room is kept
 * for that list, and the per-unit reminders move to a screen of their own whose list names the units.
 */
export async function statusScreen(ctx: UseCaseContext, round: RoundSummary, requestedPage: number, replace: boolean): Promise<Answer> {
  const { t, caller } = ctx;
  const fmt = await statusFormat(ctx);
  const units = await roundProgress(ctx, round.id);
  const remindAllowed = round.status === "OPEN" && can(caller.actor, "rounds.remind");
  const reachableLate = remindAllowed ? units.filter(remindable) : [];
  const compact = choicesFitAsButtons(ctx);
  const remindAll: Choice = { label: t("office-button-remind-all", { count: reachableLate.length }), action: { op: "remind.all", round: round.id } };
  const remindOne: Choice = { label: t("office-button-remind-one"), action: { op: "remind.pick", round: round.id, page: 0 } };
  const previous = (page: number): Choice => ({ label: t("office-button-previous"), action: { op: "status.page", round: round.id, page } });
  const next = (page: number): Choice => ({ label: t("office-button-next"), action: { op: "status.page", round: round.id, page } });
  const review: Choice | null = can(caller.actor, "submissions.review") && units.length > 0 ? { label: t("office-button-review"), action: { op: "review.list", round: round.id, page: 0 } } : null;
  const other = await otherRoundChoice(ctx, "status");

  let limit = caller.textLimit;
  if (!compact) {
    // Every choice that may show, written as numbered lines under the table.
    const possible = [remindAll, remindOne, previous(0), next(0), review, other, { label: t("office-button-refresh") }].filter((c) => c !== null);
    limit -= possible.reduce((sum, c) => sum + c.label.length + NUMBERED_LINE_EXTRA, NUMBERED_HINT_ROOM);
  }
  const pages = statusPages({ title: await heading(ctx, round, fmt), units, fmt, limit, unitsPerPage: STATUS_UNITS_PER_PAGE });
  const page = Math.min(Math.max(requestedPage, 0), pages.length - 1);
  const shown = pages[page]!;

  const rows: Choice[][] = [];
  if (reachableLate.length > 0) {
    if (compact) {
      const ids = new Set(reachableLate.map((u) => u.unitId));
      const chips = shown.units.filter((u) => ids.has(u.unitId)).map((u): Choice => ({ label: `🔔 ${u.number}`, action: { op: "remind.unit", round: round.id, unit: u.unitId } }));
      for (let i = 0; i < chips.length; i += 5) rows.push(chips.slice(i, i + 5));
      rows.push([remindAll]);
    } else {
      rows.push([remindAll], [remindOne]);
    }
  }
  const paging: Choice[] = [];
  if (page < pages.length - 1) paging.push(next(page + 1));
  if (page > 0) paging.unshift(previous(page - 1));
  if (paging.length > 0) rows.push(paging);
  const last: Choice[] = [];
  if (review) last.push(review);
  last.push({ label: t("office-button-refresh"), action: { op: "status.page", round: round.id, page } });
  if (other) last.push(other);
  rows.push(last);
  const desk = await pageLink(ctx, round.id, "desk");
  return { replies: [{ kind: "text", text: shown.text, choices: rows, replace, ...(desk ? { links: [desk] } : {}) }] };
}

/** A reporter's /status: their units in every open round, one line each. */
async function reporterStatus(ctx: UseCaseContext): Promise<Answer> {
  const { prisma } = ctx.deps;
  const unitIds = reportingUnitIds(ctx.caller.actor);
  const fmt = await statusFormat(ctx);
  const rounds = await prisma.round.findMany({ where: { status: "OPEN" }, orderBy: [{ deadline: "asc" }, { id: "asc" }], select: { id: true } });
  const blocks: string[] = [];
  for (const { id } of rounds) {
    const units = await roundProgress(ctx, id, unitIds);
    const summary = units.length > 0 ? await roundSummary(prisma, id) : null;
    if (!summary) continue;
    const lines = units.map((u, i) => statusLine(u, i + 1, fmt));
    blocks.push([ctx.t("office-reporter-round", { round: await roundTitleOf(ctx, summary), deadline: fmt.time(summary.deadline) }), ...lines].join("\n"));
  }
  const text = blocks.length === 0 ? ctx.t("office-reporter-nothing-open") : [ctx.t("office-reporter-status-title"), ...blocks, ctx.t("office-reporter-hint")].join("\n\n");
  return { replies: [{ kind: "text", text }] };
}

/**
 * What the office reads under the table: the sections whose text it wrote itself, and the answers the
 * report never prints (self-assessments and other office-only questions).
 */
async function officeNotes(ctx: UseCaseContext, round: RoundSummary): Promise<string[]> {
  const { t } = ctx;
  const fmt = await statusFormat(ctx);
  const blocks: string[] = [];
  const overridden = await overriddenSections(ctx.deps.prisma, round.id);
  if (overridden.length > 0) {
    const lines = overridden.map((o) => {
      const vars = { number: o.number, heading: o.heading, author: o.authorName ?? "—", time: fmt.time(o.at), version: o.version };
      return o.item === null ? t("office-overridden-section", vars) : t("office-overridden-item", { ...vars, item: o.item });
    });
    blocks.push([t("office-overridden-title", { count: overridden.length }), ...lines].join("\n"));
  }
  const only = await officeOnlyAnswers(ctx.deps.prisma, round.id, ctx.caller.locale, { yes: t("value-yes"), no: t("value-no") });
  if (only.length > 0) {
    blocks.push([t("office-only-title"), ...only.map((a) => t("office-only-line", { unit: a.unitName, question: a.question, answer: a.answer }))].join("\n"));
  }
  return blocks.flatMap((block) => splitMessage(block, ctx.caller.textLimit));
}

/** /status: the office's progress table of the round due first, and its notes; a reporter's own units. */
export async function status(ctx: UseCaseContext): Promise<Answer> {
  if (can(ctx.caller.actor, "status.all")) {
    const round = await commandRound(ctx);
    if (!round) return noRounds(ctx);
    const table = await statusScreen(ctx, round, 0, false);
    const notes = await officeNotes(ctx, round);
    return { ...table, replies: [...table.replies, ...notes.map((text): Reply => ({ kind: "text", text }))] };
  }
  if (reportingUnitIds(ctx.caller.actor).length > 0) return reporterStatus(ctx);
  return officeRefusal(ctx, "status.all", "message")!;
}

/** A page of the table, redrawn in place (also the "Tiến độ" choice of the office's notices and digests). */
export async function statusPage(ctx: UseCaseContext, action: ActionOf<"status.page">): Promise<Answer> {
  const refused = officeRefusal(ctx, "status.all", "choice");
  if (refused) return refused;
  const round = await roundOf(ctx, action.round);
  return round ? statusScreen(ctx, round, action.page, true) : staleChoice(ctx);
}
