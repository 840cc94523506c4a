import { can, type Action } from "../domain/permissions.ts";
import type { Answer, Choice } from "../messaging/reply.ts";
import type { UseCaseContext } from "./context.ts";

/**
 * Whether the caller may do `action`: the command line is run by whoever runs the server and may do
 * anything; everyone else by their roles (`can`).
 */
export function callerMay(ctx: UseCaseContext, action: Action): boolean {
  return ctx.caller.channel === "cli" || can(ctx.caller.actor, action);
}

/**
 * The admin screens' permission check, made again for every command, choice and typed text: a choice may
 * be pressed after its person lost the role. Null when allowed; otherwise the refusal to answer with (a
 * toast for a pressed choice).
 */
export function refuseUnlessAllowed(ctx: UseCaseContext, action: Action, asToast = false): Answer | null {
  if (callerMay(ctx, action)) return null;
  const known = ctx.caller.person !== null;
  if (asToast) return { replies: [], toast: ctx.t(known ? "admin-only" : "stranger-refusal-short") };
  return { replies: [{ kind: "text", text: ctx.t(known ? "admin-only" : "stranger-refusal") }] };
}

/** The ◀ / ▶ choices of a paged admin screen, or none when it has one page. */
export function pageChoices(ctx: UseCaseContext, page: number, pages: number, to: (page: number) => Choice["action"]): Choice[] {
  const row: Choice[] = [];
  if (page > 0) row.push({ label: ctx.t("admin-button-previous"), action: to(page - 1) });
  if (page < pages - 1) row.push({ label: ctx.t("admin-button-next"), action: to(page + 1) });
  return row;
}

/** A page number from a choice, kept within the pages there are now (the list may have shrunk). */
export function clampPage(page: number, pages: number): number {
  return Math.min(Math.max(0, page), Math.max(0, pages - 1));
}
