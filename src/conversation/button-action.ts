import type { ActionOf } from "../messaging/action.ts";

/** The conversation's choices, as plain data (rows of src/messaging/action.ts). */
const OPS = ["open", "skip", "back", "keep-last", "keep-current", "done", "clear", "preview", "add", "replace", "more", "choose", "toggle", "edit", "submit"] as const;

export type ButtonAction = ActionOf<(typeof OPS)[number]>;

const OP_SET: ReadonlySet<string> = new Set(OPS);

export function isButtonAction(action: { op: string }): action is ButtonAction {
  return OP_SET.has(action.op);
}
