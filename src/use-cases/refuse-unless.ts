import { can, type Action as Permission } from "../domain/permissions.ts";
import { text, type Answer } from "../messaging/reply.ts";
import { setChatPart } from "./chat-state.ts";
import type { UseCaseContext } from "./context.ts";

/**
 * Refuses someone who may not do `permission` any more (or never could), as a toast for a pressed choice
 * or a message for a command or typed text. A refusal also drops what the flow held in the chat (`part`):
 * a person whose role was removed half way is not left with a draft waiting for them.
 */
export async function refuseUnless(ctx: UseCaseContext, permission: Permission, asToast: boolean, part: string): Promise<Answer | null> {
  if (can(ctx.caller.actor, permission)) return null;
  await setChatPart(ctx, part, null, { focus: false });
  if (asToast) return { replies: [], toast: ctx.t(ctx.caller.person ? "office-only" : "stranger-refusal-short") };
  return { replies: [text(ctx.t(ctx.caller.person ? "office-only" : "stranger-refusal"))] };
}
