import type { Action } from "./action.ts";
import type { OutLink } from "./out-reply.ts";

/** Something the person can pick: a button where the channel has room, else a numbered line to type. */
export type Choice = {
  label: string;
  action: Action;
  /** What the person may type instead (an option's number, a keyword) on a screen that takes typed text. */
  typed?: string;
};

/** One message to a person, free of any channel's types. */
export type Reply =
  | {
      kind: "text";
      text: string;
      /** Rows of choices under the message. */
      choices?: Choice[][];
      /** Web pages to open (the report form, the office's desk). */
      links?: OutLink[];
      /** Redraw the message whose button was pressed, where the channel can. */
      replace?: boolean;
    }
  | {
      kind: "document";
      fileName: string;
      bytes: Uint8Array;
      caption?: string;
      choices?: Choice[][];
      /** Where the same file can be downloaded (the office's web desk), for a channel that cannot send a file this large. */
      downloadUrl?: string;
    };

/** What a use case answers to one thing a person did. */
export type Answer = {
  replies: Reply[];
  /** A short answer to a pressed button (a toast on Telegram, a line of its own elsewhere). */
  toast?: string;
  /** The screen now waits for typed text of this kind ("deadline", "return-comment", an answer…). */
  expects?: string;
  /** The person's commands changed (joined, new role, new language): channels with a command menu redraw it. */
  refreshMenu?: boolean;
  /** The flow already stored these replies' numbered choices in the chat's session, with the rest of its step. */
  menuStored?: boolean;
};

export function text(value: string, more: Omit<Extract<Reply, { kind: "text" }>, "kind" | "text"> = {}): Reply {
  return { kind: "text", text: value, ...more };
}

export function answer(...replies: Reply[]): Answer {
  return { replies };
}
