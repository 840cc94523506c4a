import { z } from "zod";

/** Where a person stands in answering; stored per chat so a restart resumes exactly here. */
export type Flow =
  | { kind: "idle" }
  | {
      kind: "question";
      sid: number;
      key: string;
      /** Revision of the stored answer when the question was shown; a newer one means someone else answered. */
      seen: number;
      /** Parts of a multi-message answer (long text) or items (list) received so far. */
      draft: string[];
      /** Options ticked so far (multiple choice). */
      selection: string[];
      /** After this answer: the next question, or back to the preview it was opened from. */
      then: "next" | "preview";
    }
  | { kind: "preview"; sid: number };

const flowSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("idle") }),
  z.object({
    kind: z.literal("question"),
    sid: z.number().int(),
    key: z.string(),
    seen: z.number().int(),
    draft: z.array(z.string()),
    selection: z.array(z.string()),
    then: z.enum(["next", "preview"]),
  }),
  z.object({ kind: z.literal("preview"), sid: z.number().int() }),
]);

/** The part of the chat session this conversation owns. */
export const SESSION_PART = "report";

export type ConversationSession = { v: 1; flow: Flow };

export const IDLE: Flow = { kind: "idle" };

/** Reads the stored part; anything unreadable (an older layout, a manual edit) starts idle rather than failing. */
export function readConversation(part: unknown): ConversationSession {
  const parsed = z.object({ v: z.literal(1), flow: flowSchema }).safeParse(part);
  return parsed.success ? (parsed.data as ConversationSession) : { v: 1, flow: IDLE };
}
