import { Composer } from "grammy";
import { actionFromFields, ACTION_PREFIX } from "../../conversation/button-action.ts";
import { conversationStatus, handleEvent, startReport, type Outcome } from "../../conversation/conversation-service.ts";
import type { ConversationEvent } from "../../conversation/engine.ts";
import { cutText } from "../../domain/cut-text.ts";
import { verifyPayload } from "../../domain/signed-payload.ts";
import { telegramSessionKey } from "../chat-key.ts";
import type { BotContext } from "../context.ts";
import { conversationDeps, secretOf, speakerOf } from "../conversation-deps.ts";
import { notifyPeople, sendOutMessages } from "../deliver.ts";

/** The Telegram side of the answering conversation: commands, typed answers, buttons → the channel-free service. */
export const reportFeature = new Composer<BotContext>();

const priv = reportFeature.chatType("private");

const FOCUS_NAME = "report";

async function deliver(ctx: BotContext, outcome: Outcome, pressedMessageId?: number): Promise<void> {
  await sendOutMessages(ctx.api, ctx.chat!.id, outcome.replies, secretOf(ctx), pressedMessageId);
  await notifyPeople(ctx.api, ctx.deps.prisma, ctx.logger, outcome.notify);
  if (outcome.submitted && ctx.deps.onSubmitted) {
    await ctx.deps.onSubmitted(outcome.submitted).catch((error) => ctx.logger.warn({ err: error }, "submission listener failed"));
  }
}

/** Typed input belongs to the conversation when it asked for it last (or nothing else did). */
async function wantsInput(ctx: BotContext): Promise<boolean> {
  if (!ctx.person || !ctx.chat) return false;
  const status = await conversationStatus(ctx.deps.prisma, telegramSessionKey(ctx.chat.id));
  return status.focus === FOCUS_NAME || (status.focus === undefined && status.active);
}

async function run(ctx: BotContext, event: ConversationEvent): Promise<void> {
  const outcome = await handleEvent(conversationDeps(ctx.deps), telegramSessionKey(ctx.chat!.id), speakerOf(ctx)!, event);
  await deliver(ctx, outcome);
}

priv.command("report", async (ctx) => {
  const speaker = speakerOf(ctx);
  if (!speaker) {
    await ctx.reply(ctx.t("stranger-refusal"));
    return;
  }
  await deliver(ctx, await startReport(conversationDeps(ctx.deps), telegramSessionKey(ctx.chat.id), speaker));
});

priv.callbackQuery(/^r\d+:/, async (ctx) => {
  const fields = verifyPayload(ctx.callbackQuery.data, secretOf(ctx));
  if (!fields) {
    // Not made by this bot: nothing is changed.
    await ctx.answerCallbackQuery({ text: ctx.t("button-forged"), show_alert: true });
    return;
  }
  const action = fields[0] === ACTION_PREFIX ? actionFromFields(fields) : null;
  if (!action) {
    // Signed by this bot but of an older layout.
    await ctx.answerCallbackQuery({ text: ctx.t("conversation-stale-button-toast"), show_alert: true });
    return;
  }
  const speaker = speakerOf(ctx);
  if (!speaker) {
    await ctx.answerCallbackQuery({ text: ctx.t("stranger-refusal-short"), show_alert: true });
    return;
  }
  const outcome = await handleEvent(conversationDeps(ctx.deps), telegramSessionKey(ctx.chat.id), speaker, { type: "button", action });
  // Telegram shows at most 200 characters of a callback answer.
  await ctx.answerCallbackQuery(outcome.toast ? { text: cutText(outcome.toast, 200) } : undefined);
  await deliver(ctx, outcome, ctx.callbackQuery.message?.message_id);
});

priv.on("message:text", async (ctx, next) => {
  if (ctx.message.text.startsWith("/") || !(await wantsInput(ctx))) return next();
  await run(ctx, { type: "text", text: ctx.message.text, at: new Date(ctx.message.date * 1000) });
});

// Stickers, photos, voice notes, files… where the conversation waits for typed text.
priv.on("message", async (ctx, next) => {
  if (ctx.message.text !== undefined || !(await wantsInput(ctx))) return next();
  await run(ctx, { type: "non-text" });
});

// Editing an old message does not change a stored answer; say how to change it.
priv.on("edited_message", async (ctx) => {
  if (await wantsInput(ctx)) await ctx.reply(ctx.t("conversation-edited-message"));
});
