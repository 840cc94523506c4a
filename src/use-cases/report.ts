import type { ButtonAction } from "../conversation/button-action.ts";
import { conversationStatus, handleEvent, startReport, type ConversationDeps, type Outcome, type SubmittedEvent } from "../conversation/conversation-service.ts";
import type { ConversationEvent } from "../conversation/engine.ts";
import { translatorFor } from "../i18n.ts";
import type { Answer, Reply } from "../messaging/reply.ts";
import type { OutMessage } from "../conversation/out-message.ts";
import type { SessionData } from "../conversation/session-store.ts";
import { replanRound } from "../queue/replan-on-change.ts";
import { overrideNoticesAfterAnswers } from "../report/report-overrides.ts";
import type { UseCaseContext } from "./context.ts";
import { menuPatch } from "./numbered-menu.ts";
import { pageLink, reporterRound } from "./web-access.ts";

/** The part of the chat session the answering conversation owns (its focus name). */
export const REPORT_FOCUS = "report";

function conversationDeps(ctx: UseCaseContext, timezone: string): ConversationDeps {
  const { deps, caller } = ctx;
  return {
    prisma: deps.prisma,
    timezone,
    defaultLocale: deps.defaultLocale,
    translatorFor,
    messageLimit: caller.textLimit,
    now: deps.now,
    // Typed numbers pick from the step's numbered choices: remembered in the step's own session write.
    rememberReplies: caller.sessionKey ? (messages) => menuPatch(repliesOf(messages)) : undefined,
  };
}

export function repliesOf(messages: readonly OutMessage[]): Reply[] {
  return messages.map((m) => ({ kind: "text", text: m.text, choices: m.buttons, replace: m.replace }));
}

/** What the conversation decided, sent on: other people told, a submission re-planned and announced. */
async function settle(ctx: UseCaseContext, outcome: Outcome): Promise<Answer> {
  const { deps } = ctx;
  for (const note of outcome.notify) {
    await deps.notifier.tell(note.personId, (t) => [{ kind: "text", text: t(note.key, note.vars) }]).catch((error) => deps.logger.warn({ err: error }, "could not tell a person"));
  }
  if (outcome.changed) await afterAnswerChanged(ctx, outcome.changed);
  if (outcome.submitted) await afterSubmitted(ctx, outcome.submitted);
  return { replies: repliesOf(outcome.replies), toast: outcome.toast, menuStored: outcome.remembered };
}

/** A unit submitted (in the chat or on the web form): its reminders re-planned, the office told in a batch. */
/** After a unit changed answers: the office is told where it rewrote the text built from them (once per text). */
export async function afterAnswerChanged(ctx: UseCaseContext, changed: { roundId: number; unitName: string; questionKeys: string[] }): Promise<void> {
  const { deps } = ctx;
  const notices = await overrideNoticesAfterAnswers(deps.prisma, changed).catch((error) => {
    deps.logger.warn({ err: error }, "could not find the office's texts behind a changed answer");
    return [];
  });
  for (const notice of notices) {
    await deps.notifier.tell(notice.personId, (t) => [{ kind: "text", text: t(notice.key, notice.vars) }]).catch((error) => deps.logger.warn({ err: error }, "could not tell the office"));
  }
}

export async function afterSubmitted(ctx: UseCaseContext, event: SubmittedEvent): Promise<void> {
  const { deps } = ctx;
  await replanRound({ prisma: deps.prisma, queue: deps.reminderQueue, logger: deps.logger, now: deps.now }, event.roundId);
  await deps.officeNotices?.onSubmitted(event).catch((error) => deps.logger.warn({ err: error, roundId: event.roundId }, "could not queue the office's notice"));
}

function refuse(ctx: UseCaseContext, key: string, asToast: boolean): Answer {
  const text = ctx.t(key);
  return asToast ? { replies: [], toast: text } : { replies: [{ kind: "text", text }] };
}

/** /report: the person's open submissions; one is continued, several are offered. */
export async function startReporting(ctx: UseCaseContext): Promise<Answer> {
  const { caller } = ctx;
  if (!caller.person || !caller.sessionKey) return refuse(ctx, "stranger-refusal", false);
  const speaker = { personId: caller.person.id, name: caller.person.name, actor: caller.actor, locale: caller.locale };
  const answer = await settle(ctx, await startReport(conversationDeps(ctx, await ctx.timeZone()), caller.sessionKey, speaker));
  return withFormLink(ctx, answer);
}

/** The chat's answer with the web form offered under its last message: every question on one page. */
async function withFormLink(ctx: UseCaseContext, answer: Answer): Promise<Answer> {
  const last = answer.replies.at(-1);
  if (!ctx.deps.links.publicUrl || !last || last.kind !== "text") return answer;
  const roundId = await reporterRound(ctx);
  const link = roundId === null ? null : await pageLink(ctx, roundId, "form");
  if (!link) return answer;
  return { ...answer, replies: [...answer.replies.slice(0, -1), { ...last, links: [...(last.links ?? []), link] }] };
}

/** A typed answer, a sticker where text is expected, or a pressed choice of the conversation. */
export async function reportEvent(ctx: UseCaseContext, event: ConversationEvent): Promise<Answer> {
  const { caller } = ctx;
  if (!caller.person || !caller.sessionKey) return refuse(ctx, event.type === "button" ? "stranger-refusal-short" : "stranger-refusal", event.type === "button");
  const speaker = { personId: caller.person.id, name: caller.person.name, actor: caller.actor, locale: caller.locale };
  return settle(ctx, await handleEvent(conversationDeps(ctx, await ctx.timeZone()), caller.sessionKey, speaker, event));
}

export function reportButton(ctx: UseCaseContext, action: ButtonAction): Promise<Answer> {
  return reportEvent(ctx, { type: "button", action });
}

/**
 * Whether typed text belongs to the conversation: it asked for it last, or nothing else did while it is active.
 * `session`: the chat's session as already read in this update, if it was.
 */
export async function reportWantsText(ctx: UseCaseContext, session?: SessionData): Promise<boolean> {
  return (await reportTextState(ctx, session)) !== null;
}

/** Whether the report conversation takes typed text now, and whether it shows the preview (where nothing typed is an answer). */
export async function reportTextState(ctx: UseCaseContext, session?: SessionData): Promise<"question" | "preview" | null> {
  if (!ctx.caller.person || !ctx.caller.sessionKey) return null;
  const status = await conversationStatus(ctx.deps.prisma, ctx.caller.sessionKey, session);
  if (!(status.focus === REPORT_FOCUS || (status.focus === undefined && status.active))) return null;
  return status.preview ? "preview" : "question";
}
