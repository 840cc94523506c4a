import { shorten } from "../conversation/display-answer.ts";
import { nameList } from "../domain/office/name-list.ts";
import { isLate, sortByLag } from "../domain/office/status-table.ts";
import type { ActionOf } from "../messaging/action.ts";
import type { Answer, Choice } from "../messaging/reply.ts";
import { openRounds, type RoundSummary } from "../office/round-choice.ts";
import { remindNow } from "../queue/remind-now.ts";
import { personOf, type UseCaseContext } from "./context.ts";
import { officeRefusal, staleChoice } from "./office-access.ts";
import { roundOf, roundPicker, roundTitleOf } from "./round-pick.ts";
import { remindable, roundProgress } from "./status.ts";

/** Units named in one line of the answer; the rest are counted. */
const MAX_NAMED = 15;
/** Units a page of the "remind one unit" screen. */
const PICK_PAGE = 10;

function say(text: string, replace = false): Answer {
  return { replies: [{ kind: "text", text, replace }] };
}

/**
 * Reminds a round's late units now (or one of them): only those with a reporter some channel can reach
 * are queued; the answer names the others (every reporter unreachable; no reporter at all) and ends with
 * the counts. The reminders go through the reminder queue with its limits and one-minute dedupe; the
 * office hears how they went when the last one is done.
 */
export async function remindRound(ctx: UseCaseContext, round: RoundSummary, onlyUnitId: number | null, from: "command" | "status"): Promise<Answer> {
  const { t, deps } = ctx;
  const queue = deps.reminderQueue;
  const title = from === "command" ? `${t("remind-round", { round: await roundTitleOf(ctx, round) })}\n` : "";
  if (!queue) return say(title + t(from === "command" ? "remind-unavailable" : "office-remind-unavailable"));
  if (round.status !== "OPEN") return say(title + t("office-remind-round-not-open"));
  const late = (await roundProgress(ctx, round.id)).filter((u) => isLate(u) && (onlyUnitId === null || u.unitId === onlyUnitId));
  const only = onlyUnitId === null ? null : (await deps.prisma.unit.findUnique({ where: { id: onlyUnitId }, select: { name: true } }))?.name ?? null;
  if (late.length === 0) return say(title + (only ? t("office-remind-unit-nothing-owed", { unit: only }) : t("office-remind-nobody")));

  const sorted = sortByLag(late);
  const reachable = sorted.filter(remindable);
  const noReporter = sorted.filter((u) => u.reporters === 0);
  const unreachable = sorted.filter((u) => u.reporters > 0 && !remindable(u));
  const person = personOf(ctx);
  const lines: string[] = [];
  let queued = 0;
  if (reachable.length > 0) {
    const result = await remindNow(
      deps.prisma,
      queue,
      round.id,
      person.id,
      ctx.now(),
      reachable.map((u) => u.unitId),
      { requesterId: person.id, notQueued: { unreachable: unreachable.length, noReporter: noReporter.length } },
    );
    if (result.roundStatus !== "OPEN") return say(title + t("office-remind-round-not-open"));
    if (result.nightTime) return say(title + t("office-remind-night"));
    queued = result.queued.length;
    if (queued > 0) {
      await deps.prisma.auditEvent.create({
        data: { actorId: person.id, action: "reminders.requested", entityType: "Round", entityId: String(round.id), data: { jobs: result.queued, batch: result.batchId, from } },
      });
      lines.push(only ? t("office-remind-unit-queued", { unit: only }) : t("office-remind-queued", { count: queued }));
      if (result.alreadyQueued.length > 0) lines.push(t("office-remind-skipped-recent", { count: result.alreadyQueued.length }));
    } else if (result.alreadyQueued.length > 0) {
      lines.push(t("office-remind-already", { count: result.alreadyQueued.length }));
    }
  } else {
    lines.push(t(only ? "office-remind-unit-nobody-reachable" : "office-remind-nobody-reachable", { unit: only ?? "" }));
  }
  const more = (count: number) => t("office-remind-more", { count });
  if (unreachable.length > 0) lines.push(t("office-remind-unreachable", { count: unreachable.length, units: nameList(unreachable.map((u) => u.name), MAX_NAMED, more) }));
  if (noReporter.length > 0) lines.push(t("office-remind-no-reporter", { count: noReporter.length, units: nameList(noReporter.map((u) => u.name), MAX_NAMED, more) }));
  lines.push(t("office-remind-summary", { queued, unreachable: unreachable.length, noReporter: noReporter.length }));
  if (queued > 0) lines.push(t("office-remind-will-report"));
  return say(title + lines.join("\n"));
}

/** /remind: the late units of the open round (pick one when several are open). */
export async function remindCommand(ctx: UseCaseContext): Promise<Answer> {
  const refused = officeRefusal(ctx, "rounds.remind", "message");
  if (refused) return refused;
  const rounds = await openRounds(ctx.deps.prisma, 2);
  if (rounds.length === 0) return say(ctx.t("remind-no-open-round"));
  if (rounds.length === 1) return remindRound(ctx, rounds[0]!, null, "command");
  return roundPicker(ctx, "remind", { replace: false });
}

/** "Nhắc tất cả" under the progress table, or a round picked after /remind. */
export async function remindAll(ctx: UseCaseContext, action: ActionOf<"remind.all">): Promise<Answer> {
  const refused = officeRefusal(ctx, "rounds.remind", "choice");
  if (refused) return refused;
  const round = await roundOf(ctx, action.round);
  return round ? remindRound(ctx, round, null, "status") : staleChoice(ctx);
}

/** "🔔 3": one late unit. */
export async function remindUnit(ctx: UseCaseContext, action: ActionOf<"remind.unit">): Promise<Answer> {
  const refused = officeRefusal(ctx, "rounds.remind", "choice");
  if (refused) return refused;
  const round = await roundOf(ctx, action.round);
  return round ? remindRound(ctx, round, action.unit, "status") : staleChoice(ctx);
}

/**
 * "Nhắc từng đơn vị…": the late units that can be reminded, one choice each, named (on a channel that
 * writes many choices as a numbered list, the list reads as the units), a page at a time.
 */
export async function remindPick(ctx: UseCaseContext, action: ActionOf<"remind.pick">): Promise<Answer> {
  const refused = officeRefusal(ctx, "rounds.remind", "choice");
  if (refused) return refused;
  const round = await roundOf(ctx, action.round);
  if (!round) return staleChoice(ctx);
  if (round.status !== "OPEN") return say(ctx.t("office-remind-round-not-open"), true);
  const units = sortByLag((await roundProgress(ctx, round.id)).filter(remindable));
  if (units.length === 0) return say(ctx.t("office-remind-nobody-reachable"), true);
  const pages = Math.ceil(units.length / PICK_PAGE);
  const page = Math.min(Math.max(action.page, 0), pages - 1);
  const rows: Choice[][] = units
    .slice(page * PICK_PAGE, (page + 1) * PICK_PAGE)
    .map((u) => [{ label: `🔔 ${shorten(u.name, 60)}`, action: { op: "remind.unit", round: round.id, unit: u.unitId } }]);
  const paging: Choice[] = [];
  if (page > 0) paging.push({ label: ctx.t("office-button-previous"), action: { op: "remind.pick", round: round.id, page: page - 1 } });
  if (page < pages - 1) paging.push({ label: ctx.t("office-button-next"), action: { op: "remind.pick", round: round.id, page: page + 1 } });
  if (paging.length > 0) rows.push(paging);
  rows.push([{ label: ctx.t("office-button-status"), action: { op: "status.page", round: round.id, page: 0 } }]);
  const lines = [ctx.t("office-remind-pick-unit", { round: await roundTitleOf(ctx, round), count: units.length })];
  if (pages > 1) lines.push(ctx.t("office-page", { page: page + 1, pages }));
  return { replies: [{ kind: "text", text: lines.join("\n"), choices: rows, replace: true }] };
}
