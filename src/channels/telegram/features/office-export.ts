import { Composer, InlineKeyboard, InputFile } from "grammy";
import { exportRoundAnswers } from "../../../office/answers-export.ts";
import type { RoundSummary } from "../../../office/round-choice.ts";
import type { BotContext } from "../context.ts";
import { secretOf } from "../legacy-secret.ts";
import { OFFICE_PREFIX, officeButton, readOfficeButton } from "../keyboards/office-keyboard.ts";
import { requireOffice } from "./office-access.ts";
import { buttonRound, commandRound, hasOtherRounds, showRoundPicker } from "./office-rounds.ts";

/** /export: the round's raw answers as a CSV file for the office's own spreadsheet. */
export const officeExportFeature = new Composer<BotContext>();
const priv = officeExportFeature.chatType("private");

async function exportAndSend(ctx: BotContext, round: RoundSummary): Promise<void> {
  const result = await exportRoundAnswers(ctx.deps.prisma, round.id, ctx.locale, (key, vars) => ctx.t(key, vars));
  if (!result) {
    await ctx.reply(ctx.t("office-stale-button"));
    return;
  }
  await ctx.deps.prisma.auditEvent.create({
    data: { actorId: ctx.person!.id, action: "answers.exported", entityType: "Round", entityId: String(round.id), data: { rows: result.rows, units: result.units } },
  });
  const secret = secretOf(ctx);
  const keyboard = (await hasOtherRounds(ctx)) ? new InlineKeyboard().add(officeButton(ctx.t("office-button-other-round"), "pe", [], secret)) : undefined;
  await ctx.api.sendDocument(ctx.chat!.id, new InputFile(Buffer.from(result.csv, "utf8"), result.fileName), {
    caption: ctx.t("office-export-caption", { rows: result.rows, units: result.units }),
    reply_markup: keyboard,
  });
}

priv.command("export", async (ctx) => {
  if (!(await requireOffice(ctx, "reports.export"))) return;
  const round = await commandRound(ctx);
  if (round) await exportAndSend(ctx, round);
});

priv.callbackQuery(new RegExp(`^${OFFICE_PREFIX}:(pe|pex):`), async (ctx) => {
  const button = readOfficeButton(ctx.callbackQuery.data, secretOf(ctx));
  if (!button) {
    await ctx.answerCallbackQuery({ text: ctx.t("button-forged"), show_alert: true });
    return;
  }
  if (!(await requireOffice(ctx, "reports.export"))) return;
  if (button.op === "pe") {
    await ctx.answerCallbackQuery();
    await showRoundPicker(ctx, "pex", ctx.t("office-pick-round-export"));
    return;
  }
  const round = await buttonRound(ctx, button.args[0]);
  if (!round) return;
  await ctx.answerCallbackQuery();
  await exportAndSend(ctx, round);
});
