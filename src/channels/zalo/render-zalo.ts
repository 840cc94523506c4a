import { splitMessage } from "../../conversation/split-message.ts";
import { cutText } from "../../domain/cut-text.ts";
import type { OutChoice, OutLink, OutReply } from "../../messaging/out-reply.ts";
import { ZALO_LIMITS, type ZaloButton, type ZaloMessage } from "./zalo-message.ts";

/** One step of sending to Zalo: a message as is, or a file that is uploaded first and then sent by its token. */
export type ZaloOutbound = { kind: "message"; message: ZaloMessage } | { kind: "file"; fileName: string; bytes: Uint8Array };

export type ZaloRenderOptions = {
  textLimit?: number;
  buttonLimit?: number;
  buttonTitleLimit?: number;
  /** A line put above a numbered list of choices, in the person's language ("Anh/Chị gõ số hoặc từ khóa"). */
  listHint?: string;
};

/**
 * What a person types for each choice when choices come as a numbered list: its keyword when it has one,
 * otherwise its number among the choices without a keyword (1, 2, 3… in order). The dispatcher maps a
 * typed answer back with the same numbering.
 */
export function choiceKeys(choices: readonly OutChoice[]): string[] {
  let n = 0;
  return choices.map((choice) => choice.typed ?? String(++n));
}

function numberedList(choices: readonly OutChoice[], hint: string | undefined): string {
  const keys = choiceKeys(choices);
  // An option's label may carry its number already ("1. Trực tiếp").
  const lines = choices.map((choice, i) => (choice.label.startsWith(`${keys[i]}. `) ? choice.label : `${keys[i]}. ${choice.label}`));
  return [...(hint ? [hint] : []), ...lines].join("\n");
}

/**
 * Renders channel-neutral replies as Zalo steps (pure). Text is split at paragraph breaks into pieces of at
 * most 2,000 characters; buttons (at most 5: choices as oa.query.hide, links as oa.open.url) go under the
 * last piece. More choices than buttons: the choices that can be typed (an option's number) become lines of
 * the text and the others stay buttons when they fit; otherwise every choice becomes a numbered line. Links
 * then still go as buttons where they fit, and as text lines where they do not. Zalo cannot edit a sent message, so `replace` is
 * sent as a new one. A document's caption goes as a text message before the file.
 */
export function renderZalo(replies: readonly OutReply[], options: ZaloRenderOptions = {}): ZaloOutbound[] {
  const textLimit = options.textLimit ?? ZALO_LIMITS.text;
  const buttonLimit = options.buttonLimit ?? ZALO_LIMITS.buttons;
  const titleLimit = options.buttonTitleLimit ?? ZALO_LIMITS.buttonTitle;
  const steps: ZaloOutbound[] = [];

  const textWithButtons = (text: string, choiceRows: readonly OutChoice[][] | undefined, links: readonly OutLink[] | undefined) => {
    const choices = (choiceRows ?? []).flat();
    const linkList = links ?? [];
    let body = text;
    let buttonChoices: readonly OutChoice[] = choices;
    if (choices.length > buttonLimit) {
      // Choices with a word to type (an option's number) become lines; the others stay buttons if they fit,
      // else they are numbered too (in the same numbering the dispatcher maps a typed number back with).
      const typed = choices.filter((choice) => choice.typed !== undefined);
      const untyped = choices.filter((choice) => choice.typed === undefined);
      const listed = untyped.length <= buttonLimit ? typed : choices;
      body = [text.trimEnd(), numberedList(listed, options.listHint)].filter(Boolean).join("\n\n");
      buttonChoices = untyped.length <= buttonLimit ? untyped : [];
    }
    const room = buttonLimit - buttonChoices.length;
    const linkButtons = linkList.slice(0, Math.max(0, room));
    const linkLines = linkList.slice(linkButtons.length).map((link) => `${link.label}: ${link.url}`);
    if (linkLines.length) body = [body.trimEnd(), linkLines.join("\n")].filter(Boolean).join("\n\n");

    const buttons: ZaloButton[] = [
      ...buttonChoices.map((choice): ZaloButton => ({ title: cutText(choice.label, titleLimit), type: "oa.query.hide", payload: choice.payload })),
      ...linkButtons.map((link): ZaloButton => ({ title: cutText(link.label, titleLimit), type: "oa.open.url", payload: { url: link.url } })),
    ];
    const pieces = splitMessage(body, textLimit);
    // Zalo refuses an empty text; buttons need a message to sit under.
    if (pieces.length === 0 && buttons.length > 0) pieces.push("…");
    pieces.forEach((piece, i) => {
      const last = i === pieces.length - 1;
      const message: ZaloMessage =
        last && buttons.length > 0 ? { text: piece, attachment: { type: "template", payload: { buttons } } } : { text: piece };
      steps.push({ kind: "message", message });
    });
  };

  for (const reply of replies) {
    if (reply.kind === "text") {
      textWithButtons(reply.text, reply.choices, reply.links);
      continue;
    }
    const hasChoices = (reply.choices ?? []).some((row) => row.length > 0);
    if (reply.caption?.trim()) textWithButtons(reply.caption, reply.choices, undefined);
    steps.push({ kind: "file", fileName: reply.fileName, bytes: reply.bytes });
    // Without a caption, the choices follow the file under its name.
    if (!reply.caption?.trim() && hasChoices) textWithButtons(reply.fileName, reply.choices, undefined);
  }
  return steps;
}
