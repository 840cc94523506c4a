import { cleanDisplayName } from "../domain/display-name.ts";
import { canAnswerForUnit, reportingUnitIds, type Actor } from "../domain/permissions.ts";
import { editability } from "../domain/submission-rules.ts";
import type { AnswerValue } from "../domain/answer-value.ts";
import type { SubmissionStatus } from "../domain/submission-rules.ts";
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import type { Locale } from "../i18n.ts";
import type { RawSql } from "../db/raw-sql.ts";
import { inRawTransaction } from "../submissions/db-client.ts";
import { saveAnswer, type HeldSubmission } from "../submissions/save-answer.ts";
import { submitSubmission } from "../submissions/submit-submission.ts";
import { IDLE, readConversation, SESSION_PART, type Flow, type QuestionFlow } from "./conversation-state.ts";
import { flowAfterAnswer, interpret, type ConversationEvent, type Notice, type Step } from "./engine.ts";
import { formatDateTime } from "./format-time.ts";
import type { OutMessage, Translate } from "./out-message.ts";
import { noticeText, renderStep, savedNotice, type RenderContext } from "./render.ts";
import { FOCUS, lockSession, patchSession, readSession, type SessionData, type SessionPatch } from "./session-store.ts";
import { loadSnapshot, openSubmissions } from "./submission-store.ts";
import type { StoredAnswer, SubmissionSnapshot } from "./submission-snapshot.ts";

export type ConversationDeps = {
  prisma: PrismaClient;
  timezone: string;
  defaultLocale: Locale;
  translatorFor: (locale: Locale) => Translate;
  /** The channel's message length limit. */
  messageLimit: number;
  now?: () => Date;
  /** What else the chat's session keeps of a step's replies (their numbered choices), written with the step. */
  rememberReplies?: (replies: readonly OutMessage[]) => SessionPatch | null;
};

/** The person talking, as the channel identified them. */
export type Speaker = { personId: number; name: string; actor: Actor | null; locale: Locale };

/** A message for another person (e.g. whose answer was just replaced), already in their language. */
/** A message for someone else, worded by the notifier in that person's language. */
export type Notification = { personId: number; key: string; vars: Record<string, string | number> };

export type SubmittedEvent = { submissionId: number; roundId: number; unitId: number; personId: number; resubmitted: boolean; at: Date };

export type Outcome = {
  replies: OutMessage[];
  /** Short answer to a pressed button. */
  toast?: string;
  notify: Notification[];
  /** Set when this step submitted the unit's report, for the office's notifications. */
  submitted?: SubmittedEvent;
  /**
   * Set when this step saved an answer in a round whose text the office has rewritten in places: the office is
   * told where it rewrote the text built from it. Without any such text there is nothing to look up.
   */
  changed?: { roundId: number; unitName: string; questionKeys: string[] };
  /** `rememberReplies` was stored with the step. */
  remembered?: boolean;
};

const FOCUS_NAME = "report";

function contextFor(deps: ConversationDeps, speaker: Speaker, now?: Date): RenderContext {
  return { t: deps.translatorFor(speaker.locale), locale: speaker.locale, timezone: deps.timezone, messageLimit: deps.messageLimit, now };
}

function sessionPatch(data: SessionData, flow: Flow): SessionPatch {
  const set: SessionData = { [SESSION_PART]: { v: 1, flow } };
  if (flow.kind !== "idle") return { set: { ...set, [FOCUS]: FOCUS_NAME }, remove: [] };
  return { set, remove: data[FOCUS] === FOCUS_NAME ? [FOCUS] : [] };
}

/**
 * Whether the chat is in the middle of answering (and on its preview), and which feature waits for typed text.
 * `session`: the session as the caller already read it in this update, sparing a second read.
 */
export async function conversationStatus(db: PrismaClient, sessionKey: string, session?: SessionData): Promise<{ active: boolean; preview: boolean; focus: string | undefined }> {
  const data = session ?? (await readSession(db, sessionKey));
  const flow = readConversation(data[SESSION_PART]).flow;
  return { active: flow.kind !== "idle", preview: flow.kind === "preview", focus: typeof data[FOCUS] === "string" ? (data[FOCUS] as string) : undefined };
}

/** /cancel: leaves the current question; items waiting for "add or replace" are dropped, saved answers stay. */
export async function cancelConversation(db: PrismaClient, sessionKey: string): Promise<{ wasActive: boolean; droppedDraft: number }> {
  const data = await readSession(db, sessionKey);
  const flow = readConversation(data[SESSION_PART]).flow;
  const patch = sessionPatch(data, IDLE);
  await patchSession(db, sessionKey, patch.set, patch.remove);
  const dropped = flow.kind === "question" ? (flow.pending?.length ?? 0) + (flow.draft?.length ?? 0) : 0;
  return { wasActive: flow.kind !== "idle", droppedDraft: dropped };
}

/**
 * /report: the open rounds' submissions of the person's units. One: continue it. Several: let the person
 * choose (buttons). None: say so.
 */
export async function startReport(deps: ConversationDeps, sessionKey: string, speaker: Speaker): Promise<Outcome> {
  const ctx = contextFor(deps, speaker);
  const { t } = ctx;
  const units = reportingUnitIds(speaker.actor);
  if (units.length === 0) return { replies: [{ text: t("conversation-not-a-reporter") }], notify: [] };
  const open = await openSubmissions(deps.prisma, units, speaker.locale);
  if (open.length === 0) return { replies: [{ text: t("conversation-no-open-round") }], notify: [] };
  if (open.length === 1) return handleEvent(deps, sessionKey, speaker, { type: "resume" }, open[0]!.submissionId);
  const current = readConversation((await readSession(deps.prisma, sessionKey))[SESSION_PART]).flow;
  const lines = open.map((o, i) =>
    t("conversation-choose-line", {
      number: i + 1,
      unit: o.unitName,
      round: o.roundLabel,
      deadline: formatDateTime(o.deadline, deps.timezone, speaker.locale),
      status: t(`status-${o.status.toLowerCase().replace("_", "-")}`),
    }),
  );
  return {
    replies: [
      {
        text: [t("conversation-choose", { count: open.length }), ...lines].join("\n\n"),
        buttons: open.map((o, i) => [
          {
            label: `${current.kind !== "idle" && current.sid === o.submissionId ? "▶️ " : ""}${i + 1}. ${o.unitName} — ${o.roundLabel}`,
            action: { op: "open", sid: o.submissionId },
          },
        ]),
      },
    ],
    notify: [],
  };
}

/** A person's name and language, read in the step's transaction. */
async function personById(sql: RawSql, personId: number): Promise<{ name: string; locale: string | null } | undefined> {
  const [person] = await sql.rows<{ name: string; locale: string | null }>(Prisma.sql`SELECT "name", "locale" FROM "Person" WHERE "id" = ${personId}`);
  return person;
}


/**
 * One event of the conversation, in one transaction that holds the chat's session row: read where the
 * person stands, decide (engine), store the answer or the submission, store where they stand now.
 * Messages are sent by the caller after the commit.
 */
export async function handleEvent(
  deps: ConversationDeps,
  sessionKey: string,
  speaker: Speaker,
  event: ConversationEvent,
  submissionId?: number,
): Promise<Outcome> {
  const now = deps.now?.() ?? new Date();
  const ctx = contextFor(deps, speaker, now);
  // Parts of a long message are told apart from the next answer by the messenger's own times, compared
  // with each other; without one, the time the message arrived.
  const received: ConversationEvent = event.type === "text" && !event.at ? { ...event, at: now } : event;
  return inRawTransaction(
    deps.prisma,
    async (sql) => {
      const data = await lockSession(sql, sessionKey);
      const flow = readConversation(data[SESSION_PART]).flow;
      const sid = event.type === "button" ? event.action.sid : (submissionId ?? (flow.kind === "idle" ? undefined : flow.sid));
      // The step ends with one statement: where the person stands, in the chat's session and as the submission's
      // cursor (for the office's progress view), and what else the session keeps of the replies.
      // `read`: the submission this step read (and locked); the cursor is its own to move.
      const finish = async (next: Flow, outcome: Omit<Outcome, "notify"> & { notify?: Notification[] }, read?: number): Promise<Outcome> => {
        const patch = sessionPatch(data, next);
        const extra = deps.rememberReplies?.(outcome.replies) ?? null;
        const set = extra ? { ...patch.set, ...extra.set } : patch.set;
        const remove = extra ? [...patch.remove, ...extra.remove] : patch.remove;
        const cursor =
          next.kind === "question" && next.sid === read
            ? Prisma.sql`WITH "cursor" AS (UPDATE "Submission" SET "cursor" = ${next.key}, "updatedAt" = ${now}
                WHERE "id" = ${next.sid} AND "cursor" IS DISTINCT FROM ${next.key})`
            : Prisma.empty;
        await patchSession(sql, sessionKey, set, remove, cursor);
        return { notify: [], ...outcome, remembered: deps.rememberReplies !== undefined };
      };
      if (sid === undefined) return finish(flow, { replies: [{ text: ctx.t("conversation-idle-hint") }] });

      // Locked until the step commits: a save below finds the submission as read here.
      const s = await loadSnapshot(sql, sid, speaker.locale, { lock: true });
      const mine = flow.kind !== "idle" && flow.sid === sid;
      if (!s || !canAnswerForUnit(speaker.actor, s.unitId)) {
        // A unit the person does not (or no longer) report for: refuse, and leave it if they stood there.
        const text = ctx.t("conversation-not-your-unit");
        return finish(mine ? IDLE : flow, { replies: [{ text }], toast: event.type === "button" ? text : undefined });
      }

      const step = interpret(s, flow, received, { now, partMinLength: Math.floor(deps.messageLimit / 2), partMaxLength: deps.messageLimit });
      const toast = step.toast ? noticeText(step.toast, ctx) : undefined;
      if (!step.write) {
        const replies = renderStep(s, step, ctx, editability(s, s.roundStatus).editable);
        return finish(step.flow, { replies, toast }, s.id);
      }

      if (step.write.kind === "submit") {
        const result = await submitSubmission(sql, { submissionId: s.id, personId: speaker.personId, expectedVersion: step.write.expectedVersion, now });
        const fresh = (await loadSnapshot(sql, s.id, speaker.locale, { lastValues: s.lastValues }))!;
        const editable = editability(fresh, fresh.roundStatus).editable;
        if (result.ok) {
          const key = result.wasReturned ? "conversation-resubmitted" : result.resubmitted ? "conversation-resubmitted-edited" : "conversation-submitted";
          const notices: Notice[] = [{ key, vars: { unit: s.unitName, time: now } }];
          return finish(IDLE, {
            replies: renderStep(fresh, { flow: IDLE, screen: "none", notices }, ctx, editable),
            toast,
            submitted: { submissionId: s.id, roundId: s.roundId, unitId: s.unitId, personId: speaker.personId, resubmitted: result.resubmitted, at: now },
          });
        }
        const next: Flow = { kind: "preview", sid: s.id };
        const refused: Step =
          result.reason === "check-failed"
            ? {
                flow: next,
                screen: "preview-actions",
                notices: [{ key: "conversation-submit-refused-check-failed", vars: { problems: result.problems.map((p) => `• ${p.message[speaker.locale]}`).join("\n") } }],
              }
            : result.reason === "version-changed" || result.reason === "incomplete"
            ? { flow: next, screen: result.reason === "incomplete" ? "preview-actions" : "preview", notices: result.reason === "version-changed" ? [{ key: "conversation-changed-since-preview" }] : [] }
            : { flow: IDLE, screen: "none", notices: [{ key: `conversation-submit-refused-${result.reason}` }] };
        return finish(refused.flow, { replies: renderStep(fresh, refused, ctx, editable), toast });
      }

      const write = step.write;
      const result = await saveAnswer(sql, { ...write, submissionId: s.id, authorId: speaker.personId, now }, heldSubmission(s, write.questionKey));
      const fresh = result.ok ? await afterSave(sql, s, write, result, speaker, now) : s;
      if (!result.ok) {
        const refused: Step = { flow: IDLE, screen: "none", notices: [{ key: `conversation-save-refused-${result.reason}` }] };
        return finish(IDLE, { replies: renderStep(fresh, refused, ctx, false), toast });
      }
      const number = s.questions.findIndex((q) => q.key === write.questionKey) + 1;
      const notices: Notice[] = [savedNotice(fresh, write, ctx)];
      const notify: Notification[] = [];
      if (result.overwrote) {
        const other = result.overwrote.authorId === null ? undefined : await personById(sql, result.overwrote.authorId);
        notices.push({ key: "conversation-overwrote", vars: { name: other ? cleanDisplayName(other.name) : "—", time: result.overwrote.at } });
        if (result.overwrote.authorId !== null) {
          notify.push({ personId: result.overwrote.authorId, key: "conversation-overwritten-by", vars: { name: cleanDisplayName(speaker.name), number, unit: s.unitName } });
        }
      }
      if (result.firstChangeAfterSubmit) notices.push({ key: "conversation-edit-after-submit", vars: { time: s.submittedAt ?? now } });
      // An earlier answer extended: the person stays where they stand; else on from the question answered.
      const next: Flow = write.stay ?? flowAfterAnswer(fresh, step.flow as QuestionFlow, write.recent);
      const screen = next.kind === "question" ? (next.pending ? "choice" : "question") : "preview";
      const replies = renderStep(fresh, { flow: next, screen, notices }, ctx, true);
      const changed = fresh.roundHasOverrides ? { roundId: s.roundId, unitName: s.unitName, questionKeys: [write.questionKey] } : undefined;
      return finish(next, { replies, toast, notify, changed }, s.id);
    },
  );
}

/** The submission as the step's locked snapshot read it, for a save in the same transaction. */
function heldSubmission(s: SubmissionSnapshot, questionKey: string): HeldSubmission {
  const stored = s.answers[questionKey];
  return {
    status: s.status,
    returnedQuestionKeys: s.returnedQuestionKeys,
    editedAfterSubmitAt: s.editedAfterSubmitAt,
    roundStatus: s.roundStatus,
    existing: stored ? { revision: stored.revision, value: stored.value, skipped: stored.skipped, authorId: stored.authorId, updatedAt: stored.updatedAt } : null,
  };
}

/**
 * The snapshot after a save. Nothing else changed it (the step holds the submission's lock), so while the report
 * was never submitted it is the one read plus the answer saved; a submitted report's views depend on its
 * submitted version, so it is read again.
 */
async function afterSave(
  sql: RawSql,
  s: SubmissionSnapshot,
  write: { questionKey: string; value: AnswerValue | null; skipped: boolean },
  result: { revision: number; status: SubmissionStatus; version: number },
  speaker: Speaker,
  now: Date,
): Promise<SubmissionSnapshot> {
  if (s.status === "SUBMITTED" || s.status === "ACCEPTED" || s.editedAfterSubmitAt !== null || result.status === "SUBMITTED") {
    return (await loadSnapshot(sql, s.id, speaker.locale, { lastValues: s.lastValues }))!;
  }
  const previous = s.answers[write.questionKey];
  const saved: StoredAnswer = {
    value: write.skipped ? null : write.value,
    skipped: write.skipped,
    revision: result.revision,
    submittedRevision: previous?.submittedRevision ?? null,
    authorId: speaker.personId,
    authorName: cleanDisplayName(speaker.name),
    updatedAt: now,
  };
  return { ...s, status: result.status, version: result.version, answers: { ...s.answers, [write.questionKey]: saved } };
}
