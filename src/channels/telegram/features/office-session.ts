import { z } from "zod";
import { FOCUS, patchSession, readSession } from "../../../conversation/session-store.ts";
import type { Db } from "../../../submissions/db-client.ts";

/** The office screens' part of the chat session: a return being prepared. */
export const OFFICE_PART = "office";
export const OFFICE_FOCUS = "office";

/** Picking the questions to return, then typing the comment (the chat's typed text goes to the office). */
export type OfficePending = { kind: "return-pick" | "return-comment"; sid: number; version: number; keys: string[] };

const pendingSchema = z.object({
  kind: z.enum(["return-pick", "return-comment"]),
  sid: z.number().int(),
  version: z.number().int(),
  keys: z.array(z.string()),
});

export function readOfficePending(part: unknown): OfficePending | null {
  const parsed = pendingSchema.safeParse(part);
  return parsed.success ? parsed.data : null;
}

export async function officePending(db: Db, key: string): Promise<{ pending: OfficePending | null; focused: boolean }> {
  const data = await readSession(db, key);
  return { pending: readOfficePending(data[OFFICE_PART]), focused: data[FOCUS] === OFFICE_FOCUS };
}

/** Stores the pending return; typed text is asked for only while the comment is awaited. */
export async function setOfficePending(db: Db, key: string, pending: OfficePending | null): Promise<void> {
  const data = await readSession(db, key);
  const ours = data[FOCUS] === OFFICE_FOCUS;
  if (!pending) {
    await patchSession(db, key, {}, ours ? [OFFICE_PART, FOCUS] : [OFFICE_PART]);
    return;
  }
  if (pending.kind === "return-comment") await patchSession(db, key, { [OFFICE_PART]: pending, [FOCUS]: OFFICE_FOCUS });
  else await patchSession(db, key, { [OFFICE_PART]: pending }, ours ? [FOCUS] : []);
}
