/** A choice as a channel renders it: its label, its signed payload, and what may be typed instead. */
export type OutChoice = { label: string; payload: string; typed?: string };

/** A link button: a web page, or on Telegram a Mini App. */
export type OutLink = { label: string; url: string; webApp?: boolean };

/** A reply ready for a channel: actions already encoded as signed payloads. */
export type OutReply =
  | { kind: "text"; text: string; choices?: OutChoice[][]; links?: OutLink[]; replace?: boolean }
  | { kind: "document"; fileName: string; bytes: Uint8Array; caption?: string; choices?: OutChoice[][]; downloadUrl?: string };
