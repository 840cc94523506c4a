import { encodeAction, type ActionKeyring } from "./action-codec.ts";
import type { OutChoice, OutReply } from "./out-reply.ts";
import type { Choice, Reply } from "./reply.ts";

function encodeRows(rows: Choice[][] | undefined, keyring: ActionKeyring): OutChoice[][] | undefined {
  const kept = rows?.filter((row) => row.length > 0);
  if (!kept || kept.length === 0) return undefined;
  return kept.map((row) => row.map((choice) => ({ label: choice.label, payload: encodeAction(choice.action, keyring), ...(choice.typed ? { typed: choice.typed } : {}) })));
}

/** Replies as every channel renders them: each choice's action signed into its payload. */
export function encodeReplies(replies: readonly Reply[], keyring: ActionKeyring): OutReply[] {
  return replies.map((reply) =>
    reply.kind === "text"
      ? { kind: "text", text: reply.text, choices: encodeRows(reply.choices, keyring), links: reply.links, replace: reply.replace }
      : {
          kind: "document",
          fileName: reply.fileName,
          bytes: reply.bytes,
          caption: reply.caption,
          choices: encodeRows(reply.choices, keyring),
          ...(reply.downloadUrl ? { downloadUrl: reply.downloadUrl } : {}),
        },
  );
}

/** The choices a person may pick by typing their number: those without a typed word, in reading order. */
export function numberedChoices(replies: readonly Reply[]): Choice[] {
  for (let i = replies.length - 1; i >= 0; i--) {
    const choices = replies[i]!.choices;
    if (choices && choices.some((row) => row.length > 0)) return choices.flat().filter((choice) => !choice.typed);
  }
  return [];
}
