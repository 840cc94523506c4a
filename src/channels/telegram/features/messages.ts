import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { respond } from "../respond.ts";
import { telegramFile } from "../telegram-file.ts";

/** Whatever the person typed or sent in private chat: the use cases decide which screen it belongs to. */
export const messagesFeature = new Composer<BotContext>();
const priv = messagesFeature.chatType("private");

priv.on("message:text", (ctx) => respond(ctx, { kind: "text", text: ctx.message.text, at: new Date(ctx.message.date * 1000) }));

// A file sent as a document (an administrator's template); fetched only if the use case reads it.
priv.on("message:document", (ctx) => respond(ctx, { kind: "file", ...telegramFile(ctx.api, ctx.apiRoot, ctx.message.document) }));

// Stickers, photos, voice notes…
priv.on("message", (ctx) => respond(ctx, { kind: "non-text" }));

// Editing an old message does not change a stored answer.
priv.on("edited_message", (ctx) => respond(ctx, { kind: "edited" }));
