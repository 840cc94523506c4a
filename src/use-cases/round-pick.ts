import { shorten } from "../conversation/display-answer.ts";
import type { Action as Right } from "../domain/permissions.ts";
import type { Action, ActionOf } from "../messaging/action.ts";
import type { Answer, Choice } from "../messaging/reply.ts";
import { defaultRound, openRounds, recentRounds, roundSummary, roundTitle, type RoundSummary } from "../office/round-choice.ts";
import type { UseCaseContext } from "./context.ts";
import { officeRefusal } from "./office-access.ts";

/** What the office picks a round for; its index travels in the `round.pick` choice. */
export const ROUND_PURPOSES = ["status", "review", "compile", "export", "remind", "rewrite"] as const;
export type RoundPurpose = (typeof ROUND_PURPOSES)[number];

const RIGHT: Record<RoundPurpose, Right> = {
  status: "status.all",
  review: "submissions.review",
  compile: "reports.compile",
  export: "reports.export",
  remind: "rounds.remind",
  rewrite: "reports.edit",
};

const HEADING: Record<RoundPurpose, string> = {
  status: "office-pick-round-status",
  review: "office-pick-round-review",
  compile: "office-pick-round-compile",
  export: "office-pick-round-export",
  remind: "remind-pick-round",
  rewrite: "rewrite-pick-round",
};

const STATUS_MARK: Record<RoundSummary["status"], string> = { OPEN: "🟢", CLOSED: "🔒", DRAFT: "📝" };

/** What picking `roundId` for `purpose` does: the screen or the work it leads to. */
function actionFor(purpose: RoundPurpose, roundId: number): Action {
  switch (purpose) {
    case "status":
      return { op: "status.page", round: roundId, page: 0 };
    case "review":
      return { op: "review.list", round: roundId, page: 0 };
    case "compile":
      return { op: "compile.run", round: roundId, flags: 0 };
    case "export":
      return { op: "export.run", round: roundId };
    case "remind":
      return { op: "remind.all", round: roundId };
    case "rewrite":
      return { op: "rewrite.sections", round: roundId };
  }
}

export function roundTitleOf(ctx: UseCaseContext, round: RoundSummary): Promise<string> {
  return roundTitle(ctx.deps.prisma, round, ctx.caller.locale);
}

/** "🟢 9 tháng đầu năm 2024 — Kết quả …", short enough for a button. */
export async function roundLabel(ctx: UseCaseContext, round: RoundSummary): Promise<string> {
  return `${STATUS_MARK[round.status]} ${shorten(await roundTitleOf(ctx, round), 48)}`;
}

/** The round a command is about when none is named: the open one due first, else the latest. */
export function commandRound(ctx: UseCaseContext): Promise<RoundSummary | null> {
  return defaultRound(ctx.deps.prisma);
}

/** The round a choice names; null when it is gone. */
export function roundOf(ctx: UseCaseContext, roundId: number): Promise<RoundSummary | null> {
  return roundSummary(ctx.deps.prisma, roundId);
}

export function noRounds(ctx: UseCaseContext): Answer {
  return { replies: [{ kind: "text", text: ctx.t("office-no-rounds") }] };
}

/** "📅 Kỳ khác" under a round's screen, when there is another round to go to. */
export async function otherRoundChoice(ctx: UseCaseContext, purpose: RoundPurpose): Promise<Choice | null> {
  if ((await ctx.deps.prisma.round.count()) <= 1) return null;
  return { label: ctx.t("office-button-other-round"), action: { op: "round.pick", purpose: ROUND_PURPOSES.indexOf(purpose) } };
}

/** The rounds to pick from for `purpose` (only open ones for reminders), each leading to its screen. */
export async function roundPicker(ctx: UseCaseContext, purpose: RoundPurpose, options: { replace: boolean }): Promise<Answer> {
  const rounds = purpose === "remind" ? await openRounds(ctx.deps.prisma) : await recentRounds(ctx.deps.prisma);
  if (rounds.length === 0) return { replies: [{ kind: "text", text: ctx.t(purpose === "remind" ? "remind-no-open-round" : "office-no-rounds"), replace: options.replace }] };
  const choices: Choice[][] = [];
  for (const round of rounds) choices.push([{ label: await roundLabel(ctx, round), action: actionFor(purpose, round.id) }]);
  return { replies: [{ kind: "text", text: ctx.t(HEADING[purpose]), choices, replace: options.replace }] };
}

/** "📅 Kỳ khác" pressed: the rounds, for someone who still has the right the screen needs. */
export async function pickRound(ctx: UseCaseContext, action: ActionOf<"round.pick">): Promise<Answer> {
  const purpose = ROUND_PURPOSES[action.purpose];
  if (!purpose) return { replies: [], toast: ctx.t("office-stale-button") };
  const refused = officeRefusal(ctx, RIGHT[purpose], "choice");
  if (refused) return refused;
  return roundPicker(ctx, purpose, { replace: true });
}
