import type { ActionOf } from "../messaging/action.ts";
import type { Answer } from "../messaging/reply.ts";
import { exportRoundAnswers } from "../office/answers-export.ts";
import type { RoundSummary } from "../office/round-choice.ts";
import { personOf, type UseCaseContext } from "./context.ts";
import { deskLinkForFile } from "./file-delivery.ts";
import { officeRefusal, staleChoice } from "./office-access.ts";
import { commandRound, noRounds, otherRoundChoice, roundOf } from "./round-pick.ts";

/** /export: the round's raw answers as a CSV file for the office's own spreadsheet. */
async function exportAnswers(ctx: UseCaseContext, round: RoundSummary): Promise<Answer> {
  const { prisma } = ctx.deps;
  const result = await exportRoundAnswers(prisma, round.id, ctx.caller.locale, ctx.t);
  if (!result) return staleChoice(ctx);
  await prisma.auditEvent.create({
    data: { actorId: personOf(ctx).id, action: "answers.exported", entityType: "Round", entityId: String(round.id), data: { rows: result.rows, units: result.units } },
  });
  const other = await otherRoundChoice(ctx, "export");
  const bytes = new TextEncoder().encode(result.csv);
  const downloadUrl = await deskLinkForFile(ctx, round.id, result.fileName, bytes.byteLength);
  return {
    replies: [
      {
        kind: "document",
        fileName: result.fileName,
        bytes,
        caption: ctx.t("office-export-caption", { rows: result.rows, units: result.units }),
        choices: other ? [[other]] : undefined,
        ...(downloadUrl ? { downloadUrl } : {}),
      },
    ],
  };
}

export async function exportCommand(ctx: UseCaseContext): Promise<Answer> {
  const refused = officeRefusal(ctx, "reports.export", "message");
  if (refused) return refused;
  const round = await commandRound(ctx);
  return round ? exportAnswers(ctx, round) : noRounds(ctx);
}

/** A round picked from the list. */
export async function exportRun(ctx: UseCaseContext, action: ActionOf<"export.run">): Promise<Answer> {
  const refused = officeRefusal(ctx, "reports.export", "choice");
  if (refused) return refused;
  const round = await roundOf(ctx, action.round);
  return round ? exportAnswers(ctx, round) : staleChoice(ctx);
}
