import type { SessionData, SessionPatch } from "../conversation/session-store.ts";
import type { Action } from "../messaging/action.ts";
import { numberedChoices } from "../messaging/encode-replies.ts";
import type { Reply } from "../messaging/reply.ts";

/** The session part that remembers the last screen's numbered choices, so "3" can pick the third. */
const MENU_PART = "menu";

/**
 * What the chat's session must remember after these replies: their numbered choices, or no menu (choices were
 * shown, none of them numbered); null when no choice was shown and the remembered menu stays as it was.
 */
export function menuPatch(replies: readonly Reply[]): SessionPatch | null {
  const shown = replies.some((r) => r.choices && r.choices.some((row) => row.length > 0));
  if (!shown) return null;
  const actions = numberedChoices(replies).map((c) => c.action);
  return actions.length > 0 ? { set: { [MENU_PART]: actions }, remove: [] } : { set: {}, remove: [MENU_PART] };
}

/** The remembered choice a typed number picks, if any. */
export function numberedChoice(session: SessionData | undefined, text: string): Action | null {
  if (!session || !/^\d{1,3}$/.test(text.trim())) return null;
  const menu = session[MENU_PART];
  const index = Number(text.trim()) - 1;
  return Array.isArray(menu) && index >= 0 && index < menu.length ? (menu[index] as Action) : null;
}
