import type { ActionOf } from "../messaging/action.ts";

/** The conversation's choices, as plain data (rows of src/messaging/action.ts). */
export type ButtonAction = ActionOf<"open" | "skip" | "back" | "keep-last" | "keep-current" | "done" | "clear" | "preview" | "choose" | "toggle" | "edit" | "submit">;

const OPS: ReadonlySet<string> = new Set(["open", "skip", "back", "keep-last", "keep-current", "done", "clear", "preview", "choose", "toggle", "edit", "submit"]);

export function isButtonAction(action: { op: string }): action is ButtonAction {
  return OPS.has(action.op);
}
