import { z } from "zod";
import { FOCUS, patchSession, readSession } from "../../../conversation/session-store.ts";
import type { Db } from "../../../submissions/db-client.ts";

/** The rounds screens' part of the chat session: a round being prepared, or a deadline being moved. */
export const ROUNDS_PART = "rounds";
export const ROUNDS_FOCUS = "rounds";

/** Steps of /newround; the ones that wait for typed text take the chat's focus. */
export const NEW_ROUND_STEPS = ["template", "kind", "period", "number", "year", "deadline", "request", "recipients", "confirm"] as const;
export type NewRoundStep = (typeof NEW_ROUND_STEPS)[number];

const TYPED_STEPS: readonly NewRoundStep[] = ["deadline", "request", "recipients"];

const periodKind = z.enum(["MONTH", "QUARTER", "HALF_YEAR", "NINE_MONTHS", "YEAR"]);

const draftSchema = z.object({
  kind: z.literal("new"),
  step: z.enum(NEW_ROUND_STEPS),
  templateId: z.number().int().optional(),
  periodKind: periodKind.optional(),
  periodNumber: z.number().int().optional(),
  periodYear: z.number().int().optional(),
  /** ISO instant. */
  deadline: z.string().optional(),
  requestDocument: z.string().nullable().optional(),
  recipients: z.array(z.string()).optional(),
});

const moveSchema = z.object({ kind: z.literal("move"), roundId: z.number().int() });

export type NewRoundDraft = z.infer<typeof draftSchema>;
export type MoveDeadlinePending = z.infer<typeof moveSchema>;
export type RoundsPending = NewRoundDraft | MoveDeadlinePending;

const pendingSchema = z.discriminatedUnion("kind", [draftSchema, moveSchema]);

export function readRoundsPending(part: unknown): RoundsPending | null {
  const parsed = pendingSchema.safeParse(part);
  return parsed.success ? parsed.data : null;
}

export async function roundsPending(db: Db, key: string): Promise<{ pending: RoundsPending | null; focused: boolean }> {
  const data = await readSession(db, key);
  return { pending: readRoundsPending(data[ROUNDS_PART]), focused: data[FOCUS] === ROUNDS_FOCUS };
}

function wantsText(pending: RoundsPending): boolean {
  return pending.kind === "move" || TYPED_STEPS.includes(pending.step);
}

/** Stores what is pending; the chat's typed text comes here only while a typed step waits for it. */
export async function setRoundsPending(db: Db, key: string, pending: RoundsPending | null): Promise<void> {
  const data = await readSession(db, key);
  const ours = data[FOCUS] === ROUNDS_FOCUS;
  if (!pending) await patchSession(db, key, {}, ours ? [ROUNDS_PART, FOCUS] : [ROUNDS_PART]);
  else if (wantsText(pending)) await patchSession(db, key, { [ROUNDS_PART]: pending, [FOCUS]: ROUNDS_FOCUS });
  else await patchSession(db, key, { [ROUNDS_PART]: pending }, ours ? [FOCUS] : []);
}
