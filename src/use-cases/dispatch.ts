import { shorten } from "../conversation/display-answer.ts";
import { FOCUS, patchSession, readSession, type SessionData } from "../conversation/session-store.ts";
import { cleanText } from "../domain/answer-parsing.ts";
import { can, primaryRole } from "../domain/permissions.ts";
import { isTemplateFileName } from "../domain/template/template-file.ts";
import { looksLikeShortCode } from "../invites/short-code.ts";
import type { Action } from "../messaging/action.ts";
import { decodeAction } from "../messaging/action-codec.ts";
import type { InboundFile } from "../messaging/inbound-file.ts";
import type { Answer } from "../messaging/reply.ts";
import { ACTION_HANDLERS, COMMAND_HANDLERS, NON_TEXT_HANDLERS, TEXT_HANDLERS } from "./handlers.ts";
import { commandOfText } from "./commands.ts";
import type { UseCaseContext } from "./context.ts";
import { joinWithCode } from "./join.ts";
import { menuPatch, numberedChoice } from "./numbered-menu.ts";
import { reportEvent, reportTextState, reportWantsText } from "./report.ts";
import { receiveTemplateFile, takesTemplateFile } from "./template-upload.ts";

/** Something a person did, as a channel parsed it. */
export type Inbound =
  /** A command: Telegram's "/status", or a keyword typed on Zalo. */
  | { kind: "command"; name: string; args: string }
  /** An invite code (Telegram's /start parameter, a short code typed to the Zalo OA). */
  | { kind: "join"; code: string }
  /** A pressed choice's payload. */
  | { kind: "action"; payload: string }
  /** `at`: when the messenger says it was sent (a long message split in parts is joined back by it). */
  | { kind: "text"; text: string; at?: Date }
  /** A sticker, photo, voice note, location… */
  | { kind: "non-text" }
  /** A document the person sent (an admin's template file); its bytes are fetched only when a use case asks. */
  | ({ kind: "file" } & InboundFile)
  /** An edit of an earlier message (it changes nothing stored). */
  | { kind: "edited" };

async function remember(ctx: UseCaseContext, answer: Answer): Promise<void> {
  const key = ctx.caller.sessionKey;
  // A flow that wrote its session in its own transaction stored the menu with it.
  if (!key || answer.menuStored) return;
  const patch = menuPatch(answer.replies);
  if (patch) await patchSession(ctx.deps.prisma, key, patch.set, patch.remove);
}

export async function runAction(ctx: UseCaseContext, action: Action): Promise<Answer> {
  const handler = ACTION_HANDLERS[action.op] as ((ctx: UseCaseContext, action: Action) => Promise<Answer>) | undefined;
  if (!handler) return { replies: [], toast: ctx.t("conversation-stale-button-toast") };
  return handler(ctx, action);
}

function fallback(ctx: UseCaseContext, what: "text" | "non-text" | "command", command?: string): Answer {
  const { t, caller } = ctx;
  if (!caller.person) return { replies: [{ kind: "text", text: t("stranger-refusal") }] };
  if (what === "command") return { replies: [{ kind: "text", text: t("fallback-unknown-command", { command: shorten(cleanText(command ?? ""), 40) || "/" }) }] };
  const role = primaryRole(caller.actor) ?? "NONE";
  const suffix = { ADMIN: "admin", SECRETARY: "office", REPORTER: "reporter", NONE: "none" }[role];
  return { replies: [{ kind: "text", text: t(what === "non-text" ? `fallback-non-text-${suffix}` : `fallback-hint-${suffix}`) }] };
}

/** The chat's session as read before any flow ran, for routing: read once per update, with the caller when it could be. */
async function routingSession(ctx: UseCaseContext): Promise<SessionData | undefined> {
  if (!ctx.caller.sessionKey) return undefined;
  return ctx.caller.session ?? readSession(ctx.deps.prisma, ctx.caller.sessionKey);
}

function focusOf(session: SessionData | undefined): string | undefined {
  const focus = session?.[FOCUS];
  return typeof focus === "string" ? focus : undefined;
}

async function route(ctx: UseCaseContext, inbound: Inbound): Promise<Answer> {
  switch (inbound.kind) {
    case "command": {
      const handler = COMMAND_HANDLERS[inbound.name];
      return handler ? handler(ctx, inbound.args) : fallback(ctx, "command", `/${inbound.name}`);
    }
    case "join":
      return joinWithCode(ctx, inbound.code);
    case "action": {
      const decoded = decodeAction(inbound.payload, ctx.deps.keyring, ctx.now());
      if (decoded.kind === "forged") return { replies: [], toast: ctx.t("button-forged") };
      if (decoded.kind === "stale") return { replies: [], toast: ctx.t("conversation-stale-button-toast") };
      return runAction(ctx, decoded.action);
    }
    case "text": {
      const command = commandOfText(inbound.text);
      if (command) return route(ctx, { kind: "command", ...command });
      if (inbound.text.trim().startsWith("/")) return fallback(ctx, "command", inbound.text.trim().split(/\s/)[0]);
      const session = await routingSession(ctx);
      const focus = focusOf(session);
      const owner = focus ? TEXT_HANDLERS[focus] : undefined;
      if (owner) return owner(ctx, inbound.text);
      const report = await reportTextState(ctx, session);
      if (report === "preview") {
        // Nothing typed on the preview is an answer: a number picks from its numbered choices (Zalo lists them).
        const picked = numberedChoice(session, inbound.text);
        if (picked) return runAction(ctx, picked);
      }
      if (report) return reportEvent(ctx, { type: "text", text: inbound.text, at: inbound.at });
      const chosen = numberedChoice(session, inbound.text);
      if (chosen) return runAction(ctx, chosen);
      if (looksLikeShortCode(inbound.text)) return joinWithCode(ctx, inbound.text);
      return fallback(ctx, "text");
    }
    case "non-text": {
      const session = await routingSession(ctx);
      const focus = focusOf(session);
      const owner = focus ? NON_TEXT_HANDLERS[focus] : undefined;
      if (owner) return owner(ctx);
      if (await reportWantsText(ctx, session)) return reportEvent(ctx, { type: "non-text" });
      return fallback(ctx, "non-text");
    }
    case "file": {
      // An administrator's template file is read whatever screen is open; that screen stays as it was.
      if (takesTemplateFile(ctx, inbound.fileName)) return receiveTemplateFile(ctx, inbound);
      // Any other file is "not text" to the screen waiting for text: a reporter's question stays, nothing saved changes.
      const session = await routingSession(ctx);
      const focus = focusOf(session);
      const owner = focus ? NON_TEXT_HANDLERS[focus] : undefined;
      if (owner) return owner(ctx);
      if (await reportWantsText(ctx, session)) return reportEvent(ctx, { type: "non-text" });
      // Told why it is not read: a template from someone not an administrator, a file of the wrong type.
      if (isTemplateFileName(inbound.fileName) || can(ctx.caller.actor, "templates.manage")) return receiveTemplateFile(ctx, inbound);
      return fallback(ctx, "non-text");
    }
    case "edited":
      return (await reportWantsText(ctx)) ? { replies: [{ kind: "text", text: ctx.t("conversation-edited-message") }] } : { replies: [] };
  }
}

/**
 * The one entrance of every flow, whatever the channel: a command (or keyword), a pressed or typed
 * choice, typed text for whichever screen waits for it, anything else. The answer's numbered choices
 * are remembered, so typing a number works wherever a button does.
 */
export async function dispatch(ctx: UseCaseContext, inbound: Inbound): Promise<Answer> {
  const answer = await route(ctx, inbound);
  await remember(ctx, answer);
  return answer;
}
