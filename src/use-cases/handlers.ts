import { isButtonAction } from "../conversation/button-action.ts";
import type { ActionOf, ActionOp } from "../messaging/action.ts";
import type { Answer } from "../messaging/reply.ts";
import type { UseCaseContext } from "./context.ts";
import { cancel, help, language, languageChosen, start } from "./help.ts";
import { JOIN_PART, joinNameConfirmed, joinNameNotText, joinNameTyped } from "./join.ts";
import { askLinkCode } from "./link-channel.ts";
import { NEW_ROUND_PART, newRoundChoice, newRoundNotText, newRoundText, startNewRound } from "./open-round.ts";
import { reportButton, startReporting } from "./report.ts";
import { compile, compileRun } from "./compile.ts";
import { exportCommand, exportRun } from "./export.ts";
import { remindAll, remindCommand, remindPick, remindUnit } from "./remind.ts";
import { REVIEW_PART, review, reviewAccept, reviewCancel, reviewCommentNotText, reviewCommentTyped, reviewContinue, reviewList, reviewOpen, reviewReturn, reviewToggle } from "./review.ts";
import { pickRound } from "./round-pick.ts";
import { status, statusPage } from "./status.ts";
import { cancelInvite, inviteReporter, inviteReporterOfUnit, inviteSecretary, startInvite } from "./invite.ts";
import { askToRevoke, peoplePage, revokeRole, showPeople } from "./people.ts";
import { pickUnitToRename, pickUnitToToggle, showUnits, startAddingUnit, startRenamingUnit, toggleUnit, unitKindChosen, unitsNotText, unitsPage, UNITS_PART, unitsTyped } from "./units.ts";
import { REWRITE_PART, rewrite, rewriteAppend, rewriteCancel, rewriteDrop, rewriteNotText, rewriteOpen, rewriteSections, rewriteTyped } from "./rewrite.ts";
import { listRounds, moveDeadlineNotText, moveDeadlineText, ROUNDS_PART, roundsChoice } from "./rounds.ts";
import { cancelUploadedTemplate, storeUploadedTemplate } from "./template-upload.ts";

type CommandHandler = (ctx: UseCaseContext, args: string) => Promise<Answer>;
type ActionHandlers = { [K in ActionOp]?: (ctx: UseCaseContext, action: ActionOf<K>) => Promise<Answer> };

/** Which use case answers each command (commands.ts lists them, with their words and audience). */
export const COMMAND_HANDLERS: Record<string, CommandHandler> = {
  start: (ctx) => start(ctx),
  help: (ctx) => help(ctx),
  lang: (ctx, args) => language(ctx, args),
  cancel: (ctx) => cancel(ctx),
  report: (ctx) => startReporting(ctx),
  status: (ctx) => status(ctx),
  remind: (ctx) => remindCommand(ctx),
  review: (ctx) => review(ctx),
  compile: (ctx, args) => compile(ctx, args),
  export: (ctx) => exportCommand(ctx),
  rewrite: (ctx) => rewrite(ctx),
  units: (ctx) => showUnits(ctx),
  invite: (ctx) => startInvite(ctx),
  people: (ctx) => showPeople(ctx),
  newround: (ctx) => startNewRound(ctx),
  rounds: (ctx) => listRounds(ctx),
  link: (ctx) => askLinkCode(ctx),
};

/** Which use case answers each choice (action.ts lists them with their payload layout). */
export const ACTION_HANDLERS: ActionHandlers = {
  "lang.set": languageChosen,
  "join.name-ok": joinNameConfirmed,
  "round.pick": pickRound,
  "status.page": statusPage,
  "remind.all": remindAll,
  "remind.unit": remindUnit,
  "remind.pick": remindPick,
  "review.list": reviewList,
  "review.open": reviewOpen,
  "review.accept": reviewAccept,
  "review.return": reviewReturn,
  "review.toggle": reviewToggle,
  "review.continue": reviewContinue,
  "review.cancel": reviewCancel,
  "compile.run": compileRun,
  "export.run": exportRun,
  "rewrite.sections": rewriteSections,
  "rewrite.open": rewriteOpen,
  "rewrite.append": rewriteAppend,
  "rewrite.drop": rewriteDrop,
  "rewrite.cancel": rewriteCancel,
  "units.list": unitsPage,
  "units.add": startAddingUnit,
  "units.add-kind": unitKindChosen,
  "units.rename-pick": pickUnitToRename,
  "units.rename": startRenamingUnit,
  "units.toggle-pick": pickUnitToToggle,
  "units.toggle": toggleUnit,
  "invite.reporter": inviteReporter,
  "invite.reporter-unit": inviteReporterOfUnit,
  "invite.secretary": inviteSecretary,
  "invite.cancel": cancelInvite,
  "people.list": peoplePage,
  "people.revoke": askToRevoke,
  "people.revoke-confirm": revokeRole,
  "template.store": storeUploadedTemplate,
  "template.cancel": cancelUploadedTemplate,
  "newround.template": newRoundChoice,
  "newround.kind": newRoundChoice,
  "newround.period": newRoundChoice,
  "newround.other-period": newRoundChoice,
  "newround.number": newRoundChoice,
  "newround.year": newRoundChoice,
  "newround.no-request": newRoundChoice,
  "newround.deadline-again": newRoundChoice,
  "newround.request-again": newRoundChoice,
  "newround.keep-recipients": newRoundChoice,
  "newround.confirm": newRoundChoice,
  "newround.cancel": newRoundChoice,
  "rounds.list": roundsChoice,
  "rounds.show": roundsChoice,
  "rounds.move": roundsChoice,
  "rounds.move-confirm": roundsChoice,
  "rounds.close": roundsChoice,
  "rounds.close-confirm": roundsChoice,
  "rounds.reopen": roundsChoice,
};
for (const op of ["open", "skip", "back", "keep-last", "keep-current", "done", "clear", "preview", "add", "replace", "more", "choose", "toggle", "edit", "submit"] as const) {
  (ACTION_HANDLERS as Record<string, unknown>)[op] = (ctx: UseCaseContext, action: { op: string }) =>
    isButtonAction(action) ? reportButton(ctx, action) : Promise.resolve({ replies: [] });
}

/** Typed text for the flow that holds the chat's focus (the session part of that name). */
export const TEXT_HANDLERS: Record<string, (ctx: UseCaseContext, text: string) => Promise<Answer>> = {
  [JOIN_PART]: joinNameTyped,
  [REVIEW_PART]: reviewCommentTyped,
  [UNITS_PART]: unitsTyped,
  [NEW_ROUND_PART]: newRoundText,
  [ROUNDS_PART]: moveDeadlineText,
  [REWRITE_PART]: rewriteTyped,
};

/** A sticker, photo or voice note while that flow waits for typed text. */
export const NON_TEXT_HANDLERS: Record<string, (ctx: UseCaseContext) => Promise<Answer>> = {
  [JOIN_PART]: joinNameNotText,
  [REVIEW_PART]: reviewCommentNotText,
  [UNITS_PART]: unitsNotText,
  [NEW_ROUND_PART]: newRoundNotText,
  [ROUNDS_PART]: moveDeadlineNotText,
  [REWRITE_PART]: rewriteNotText,
};
