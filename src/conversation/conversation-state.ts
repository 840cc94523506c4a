import { z } from "zod";

/** The answer saved last from a typed long text or list, which a message right after it may extend. */
export type Recent = {
  key: string;
  /** When its last part was sent, by the messenger's clock (ms since the epoch): compared with the next message's. */
  at: number;
  /** Characters of that part as typed: only a part that filled most of a message can have been cut. */
  length: number;
  /** When it was stored, by ours: the "add to it" button is offered for a while after. */
  savedAt: number;
};

/** How a typed long text or list changes an answer that already has content. */
export type AddMode = "add" | "replace";

export type QuestionFlow = {
  kind: "question";
  sid: number;
  key: string;
  /** Revision of the stored answer when the question was shown; a newer one means someone else answered. */
  seen: number;
  /** Options ticked so far (multiple choice). */
  selection: string[];
  /** After this answer: the next question, or back to the preview it was opened from. */
  then: "next" | "preview";
  /** Typed text is added to the answer there or replaces it; unset: a list asks, a long text replaces. */
  mode?: AddMode;
  /** Items sent for a list that has items already, waiting for "add" or "replace". */
  pending?: string[];
  recent?: Recent;
  /** Parts of a multi-message answer kept by an earlier version of the conversation ("Xong" finished it). */
  draft?: string[];
};

/** Where a person stands in answering; stored per chat so a restart resumes exactly here. */
export type Flow = { kind: "idle" } | QuestionFlow | { kind: "preview"; sid: number; recent?: Recent };

const recentSchema = z.object({ key: z.string(), at: z.number(), length: z.number(), savedAt: z.number() });

const flowSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("idle") }),
  z.object({
    kind: z.literal("question"),
    sid: z.number().int(),
    key: z.string(),
    seen: z.number().int(),
    selection: z.array(z.string()),
    then: z.enum(["next", "preview"]),
    mode: z.enum(["add", "replace"]).optional(),
    pending: z.array(z.string()).optional(),
    recent: recentSchema.optional(),
    draft: z.array(z.string()).optional(),
  }),
  z.object({ kind: z.literal("preview"), sid: z.number().int(), recent: recentSchema.optional() }),
]);

// Built once: zod compiles a schema on its first use, so one built per call would be compiled on every step.
const sessionSchema = z.object({ v: z.literal(1), flow: flowSchema });

/** The part of the chat session this conversation owns. */
export const SESSION_PART = "report";

export type ConversationSession = { v: 1; flow: Flow };

export const IDLE: Flow = { kind: "idle" };

/** Reads the stored part; anything unreadable (an older layout, a manual edit) starts idle rather than failing. */
export function readConversation(part: unknown): ConversationSession {
  const parsed = sessionSchema.safeParse(part);
  if (!parsed.success) return { v: 1, flow: IDLE };
  const flow = parsed.data.flow as Flow;
  // Leave out what is empty, so the stored shape stays small and compares equal.
  if (flow.kind === "question" && flow.draft?.length === 0) delete flow.draft;
  return { v: 1, flow };
}
