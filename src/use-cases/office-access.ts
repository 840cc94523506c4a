import { can, type Action as Right } from "../domain/permissions.ts";
import type { Answer } from "../messaging/reply.ts";
import type { UseCaseContext } from "./context.ts";

/**
 * The refusal for someone without `right`, or null when they have it. Asked again on every command, choice
 * and typed text of the office: a choice may be pressed long after it was shown, by someone who has lost the
 * right meanwhile. A pressed choice is answered with a short notice; anything else with a message.
 */
export function officeRefusal(ctx: UseCaseContext, right: Right, via: "choice" | "message"): Answer | null {
  if (can(ctx.caller.actor, right)) return null;
  const member = ctx.caller.person !== null;
  if (via === "choice") return { replies: [], toast: ctx.t(member ? "office-only" : "stranger-refusal-short") };
  return { replies: [{ kind: "text", text: ctx.t(member ? "office-only" : "stranger-refusal") }] };
}

/** An old choice: what it pointed to is gone or changed; nothing happens. */
export function staleChoice(ctx: UseCaseContext): Answer {
  return { replies: [], toast: ctx.t("office-stale-button") };
}
