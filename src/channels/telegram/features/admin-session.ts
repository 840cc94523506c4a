import { z } from "zod";

/** The admin screens' part of the chat session: what typed text the admin is asked for. */
export const ADMIN_PART = "admin";
export const ADMIN_FOCUS = "admin";

export type AdminPending =
  | { kind: "add-name" }
  | { kind: "add-kind"; name: string }
  | { kind: "rename"; unitId: number };

const pendingSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("add-name") }),
  z.object({ kind: z.literal("add-kind"), name: z.string() }),
  z.object({ kind: z.literal("rename"), unitId: z.number().int() }),
]);

export function readAdminPending(part: unknown): AdminPending | null {
  const parsed = pendingSchema.safeParse(part);
  return parsed.success ? parsed.data : null;
}
