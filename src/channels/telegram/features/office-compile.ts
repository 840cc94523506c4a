import { Composer, InlineKeyboard, InputFile } from "grammy";
import { splitMessage, TELEGRAM_TEXT_LIMIT } from "../../../conversation/split-message.ts";
import { compileCaption } from "../../../domain/office/compile-caption.ts";
import { isSubmitted } from "../../../domain/report/submission-inclusion.ts";
import type { RoundSummary } from "../../../office/round-choice.ts";
import { CompileError, compileRound } from "../../../report/compile-round.ts";
import type { BotContext } from "../context.ts";
import { secretOf } from "../legacy-secret.ts";
import { OFFICE_PREFIX, officeButton, readOfficeButton, tidyKeyboard } from "../keyboards/office-keyboard.ts";
import { requireOffice } from "./office-access.ts";
import { buttonRound, commandRound, hasOtherRounds, showRoundPicker } from "./office-rounds.ts";

/** /compile: the round's consolidated .docx now, stored as a version; the same file again when nothing changed. */
export const officeCompileFeature = new Composer<BotContext>();
const priv = officeCompileFeature.chatType("private");

export type CompileChoice = { includeDrafts: boolean; attribution: boolean };

// Options travel in buttons as bits.
const DRAFTS = 1;
const ATTRIBUTION = 2;

function flagsOf(choice: CompileChoice): number {
  return (choice.includeDrafts ? DRAFTS : 0) | (choice.attribution ? ATTRIBUTION : 0);
}

function choiceOf(flags: number): CompileChoice {
  return { includeDrafts: (flags & DRAFTS) !== 0, attribution: (flags & ATTRIBUTION) !== 0 };
}

const DRAFT_WORDS = new Set(["nhap", "nháp", "ban-nhap", "bản-nháp", "draft", "drafts"]);
const ATTRIBUTION_WORDS = new Set(["ghi-ten", "ghi-tên", "ten", "tên", "nguon", "nguồn", "attribution", "attribute", "names"]);

/** "/compile nhap ghi-ten" → both options; an unknown word is reported back. */
export function parseCompileArgs(text: string): { ok: true; choice: CompileChoice } | { ok: false; word: string } {
  const choice: CompileChoice = { includeDrafts: false, attribution: false };
  for (const raw of text.trim().toLowerCase().split(/[\s,]+/).filter(Boolean)) {
    if (DRAFT_WORDS.has(raw)) choice.includeDrafts = true;
    else if (ATTRIBUTION_WORDS.has(raw)) choice.attribution = true;
    else return { ok: false, word: raw };
  }
  return { ok: true, choice };
}

/** Compiles, sends the .docx with its caption and option buttons, and the lists that did not fit. */
export async function compileAndSend(ctx: BotContext, round: RoundSummary, choice: CompileChoice): Promise<void> {
  const { prisma } = ctx.deps;
  const chatId = ctx.chat!.id;
  await ctx.api.sendChatAction(chatId, "upload_document").catch(() => {});
  let result;
  try {
    result = await compileRound(prisma, { roundId: round.id, actorId: ctx.person!.id, ...choice });
  } catch (error) {
    if (error instanceof CompileError) {
      await ctx.reply(ctx.t("office-compile-failed"));
      return;
    }
    throw error;
  }
  await prisma.auditEvent.create({
    data: {
      actorId: ctx.person!.id,
      action: "report.compiled",
      entityType: "CompiledReport",
      entityId: String(result.id),
      data: { roundId: round.id, version: result.version, reused: result.reused, final: result.final, options: choice, checksum: result.checksum },
    },
  });
  const { caption, followUp } = compileCaption(
    {
      version: result.version,
      reused: result.reused,
      final: result.final,
      includeDrafts: result.options.includeDrafts,
      attribution: result.options.attribution,
      units: result.unitStatus.map((u) => ({ name: u.unitName, submitted: isSubmitted(u.status), included: u.included })),
      warnings: result.warnings.length,
    },
    (key, vars) => ctx.t(key, vars),
  );
  const secret = secretOf(ctx);
  const flags = flagsOf(choice);
  const keyboard = new InlineKeyboard()
    .add(officeButton(ctx.t(choice.includeDrafts ? "office-button-submitted-only" : "office-button-with-drafts"), "cc", [round.id, flags ^ DRAFTS], secret))
    .row()
    .add(officeButton(ctx.t(choice.attribution ? "office-button-no-attribution" : "office-button-attribution"), "cc", [round.id, flags ^ ATTRIBUTION], secret));
  if (await hasOtherRounds(ctx)) keyboard.row().add(officeButton(ctx.t("office-button-other-round"), "pc", [], secret));
  await ctx.api.sendDocument(chatId, new InputFile(result.bytes, result.fileName), { caption, reply_markup: tidyKeyboard(keyboard) });
  for (const text of followUp) for (const piece of splitMessage(text, TELEGRAM_TEXT_LIMIT)) await ctx.reply(piece);
  if (result.warnings.length > 0) {
    const text = [ctx.t("office-compile-warnings-title", { count: result.warnings.length }), ...result.warnings.map((w) => `• ${w}`)].join("\n");
    for (const piece of splitMessage(text, TELEGRAM_TEXT_LIMIT)) await ctx.reply(piece);
  }
}

priv.command("compile", async (ctx) => {
  if (!(await requireOffice(ctx, "reports.compile"))) return;
  const args = parseCompileArgs(ctx.match);
  if (!args.ok) {
    await ctx.reply(ctx.t("office-compile-unknown-option", { word: args.word }));
    return;
  }
  const round = await commandRound(ctx);
  if (round) await compileAndSend(ctx, round, args.choice);
});

priv.callbackQuery(new RegExp(`^${OFFICE_PREFIX}:(cc|pc|pcc):`), async (ctx) => {
  const button = readOfficeButton(ctx.callbackQuery.data, secretOf(ctx));
  if (!button) {
    await ctx.answerCallbackQuery({ text: ctx.t("button-forged"), show_alert: true });
    return;
  }
  if (!(await requireOffice(ctx, "reports.compile"))) return;
  if (button.op === "pc") {
    await ctx.answerCallbackQuery();
    await showRoundPicker(ctx, "pcc", ctx.t("office-pick-round-compile"));
    return;
  }
  const [roundId, flags] = button.args;
  const round = await buttonRound(ctx, roundId);
  if (!round) return;
  await ctx.answerCallbackQuery({ text: ctx.t("office-compile-working") });
  await compileAndSend(ctx, round, choiceOf(button.op === "pcc" ? 0 : (flags ?? 0)));
});
