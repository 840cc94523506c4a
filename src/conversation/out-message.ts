import type { ButtonAction } from "./button-action.ts";

/** A button as plain data: its label and what pressing it asks for. */
export type Button = {
  label: string;
  action: ButtonAction;
  /** What the person may type instead of pressing: an option's number, "có" / "không". */
  typed?: string;
};

/** A message to show the person, free of any channel's types. */
export type OutMessage = {
  text: string;
  /** Rows of buttons under the message. */
  buttons?: Button[][];
  /** Show in place of the message whose button was pressed (e.g. a toggled choice), when the channel can. */
  replace?: boolean;
};

/** Looks up a message in the person's language. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;
