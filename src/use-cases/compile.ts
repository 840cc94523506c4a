import { splitMessage } from "../conversation/split-message.ts";
import { compileCaption } from "../domain/office/compile-caption.ts";
import { isSubmitted } from "../domain/report/submission-inclusion.ts";
import type { ActionOf } from "../messaging/action.ts";
import type { Answer, Choice, Reply } from "../messaging/reply.ts";
import type { RoundSummary } from "../office/round-choice.ts";
import { can } from "../domain/permissions.ts";
import { personOf, type UseCaseContext } from "./context.ts";
import { deskLinkForFile } from "./file-delivery.ts";
import { officeRefusal, staleChoice } from "./office-access.ts";
import { commandRound, noRounds, otherRoundChoice, roundOf } from "./round-pick.ts";
import { drafterInitialsOf } from "../domain/report/drafter-initials.ts";

// /compile: the round's consolidated .docx now, stored as a version; the same file again when nothing changed.

/** `appendix` null follows the template (the page of who submitted is off unless it says so). */
export type CompileChoice = { includeDrafts: boolean; attribution: boolean; appendix: boolean | null };

// The options travel in a choice as bits.
const DRAFTS = 1;
const ATTRIBUTION = 2;
const APPENDIX_SET = 4;
const APPENDIX_ON = 8;

function flagsOf(choice: CompileChoice): number {
  const appendix = choice.appendix === null ? 0 : APPENDIX_SET | (choice.appendix ? APPENDIX_ON : 0);
  return (choice.includeDrafts ? DRAFTS : 0) | (choice.attribution ? ATTRIBUTION : 0) | appendix;
}

function choiceOf(flags: number): CompileChoice {
  return {
    includeDrafts: (flags & DRAFTS) !== 0,
    attribution: (flags & ATTRIBUTION) !== 0,
    appendix: (flags & APPENDIX_SET) === 0 ? null : (flags & APPENDIX_ON) !== 0,
  };
}

const DRAFT_WORDS = new Set(["nhap", "nháp", "ban-nhap", "bản-nháp", "draft", "drafts"]);
const ATTRIBUTION_WORDS = new Set(["ghi-ten", "ghi-tên", "ten", "tên", "nguon", "nguồn", "attribution", "attribute", "names"]);
const APPENDIX_WORDS = new Set(["phu-luc", "phụ-lục", "appendix"]);
const NO_APPENDIX_WORDS = new Set(["khong-phu-luc", "không-phụ-lục", "no-appendix"]);

/** "/compile nhap ghi-ten" → both options; an unknown word is reported back. */
export function parseCompileArgs(text: string): { ok: true; choice: CompileChoice } | { ok: false; word: string } {
  const choice: CompileChoice = { includeDrafts: false, attribution: false, appendix: null };
  for (const raw of text.trim().toLowerCase().split(/[\s,]+/).filter(Boolean)) {
    if (DRAFT_WORDS.has(raw)) choice.includeDrafts = true;
    else if (ATTRIBUTION_WORDS.has(raw)) choice.attribution = true;
    else if (APPENDIX_WORDS.has(raw)) choice.appendix = true;
    else if (NO_APPENDIX_WORDS.has(raw)) choice.appendix = false;
    else return { ok: false, word: raw };
  }
  return { ok: true, choice };
}

/** Compiles and answers with the .docx, its caption and option choices, and the lists that did not fit. */
async function compileAndSend(ctx: UseCaseContext, round: RoundSummary, choice: CompileChoice): Promise<Answer> {
  const { prisma } = ctx.deps;
  const { t } = ctx;
  const person = personOf(ctx);
  // The report code and the .docx renderer load on the first compile: a process that never compiles never holds them.
  const { CompileError, compileRound } = await import("../report/compile-round.ts");
  let result;
  try {
    result = await compileRound(prisma, {
      roundId: round.id,
      actorId: person.id,
      includeDrafts: choice.includeDrafts,
      attribution: choice.attribution,
      statusAppendix: choice.appendix,
      // The one who compiles drafts the report: their initials are raised in "Lưu: VT, VP^NTL".
      drafterInitials: drafterInitialsOf(person.name) || null,
    });
  } catch (error) {
    if (error instanceof CompileError) return { replies: [{ kind: "text", text: t("office-compile-failed") }] };
    throw error;
  }
  const { caption, followUp } = compileCaption(
    {
      version: result.version,
      reused: result.reused,
      final: result.final,
      includeDrafts: result.options.includeDrafts,
      attribution: result.options.attribution,
      appendix: result.appendix,
      overridden: result.overridden,
      units: result.unitStatus.map((u) => ({ name: u.unitName, submitted: isSubmitted(u.status), included: u.included })),
      warnings: result.warnings.length,
    },
    t,
  );
  const flags = flagsOf(choice);
  const rows: Choice[][] = [
    [{ label: t(choice.includeDrafts ? "office-button-submitted-only" : "office-button-with-drafts"), action: { op: "compile.run", round: round.id, flags: flags ^ DRAFTS } }],
    [{ label: t(choice.attribution ? "office-button-no-attribution" : "office-button-attribution"), action: { op: "compile.run", round: round.id, flags: flags ^ ATTRIBUTION } }],
    [{ label: t(result.appendix ? "office-button-no-appendix" : "office-button-appendix"), action: { op: "compile.run", round: round.id, flags: flagsOf({ ...choice, appendix: !result.appendix }) } }],
  ];
  if (can(ctx.caller.actor, "reports.edit")) rows.push([{ label: t("office-button-rewrite"), action: { op: "rewrite.sections", round: round.id } }]);
  const other = await otherRoundChoice(ctx, "compile");
  if (other) rows.push([other]);
  // A channel that cannot carry the file (Zalo's size limit) gives the desk's address of the stored compile.
  const downloadUrl = await deskLinkForFile(ctx, round.id, result.fileName, result.bytes.byteLength);
  const replies: Reply[] = [{ kind: "document", fileName: result.fileName, bytes: result.bytes, caption, choices: rows, ...(downloadUrl ? { downloadUrl } : {}) }];
  const texts = [...followUp];
  if (result.warnings.length > 0) texts.push([t("office-compile-warnings-title", { count: result.warnings.length }), ...result.warnings.map((w) => `• ${w}`)].join("\n"));
  for (const text of texts) for (const piece of splitMessage(text, ctx.caller.textLimit)) replies.push({ kind: "text", text: piece });
  return { replies };
}

/** /compile, /compile nhap, /compile ghi-ten: the round due first. */
export async function compile(ctx: UseCaseContext, args: string): Promise<Answer> {
  const refused = officeRefusal(ctx, "reports.compile", "message");
  if (refused) return refused;
  const parsed = parseCompileArgs(args);
  if (!parsed.ok) return { replies: [{ kind: "text", text: ctx.t("office-compile-unknown-option", { word: parsed.word }) }] };
  const round = await commandRound(ctx);
  return round ? compileAndSend(ctx, round, parsed.choice) : noRounds(ctx);
}

/** Compile again with other options, or a round picked from the list. */
export async function compileRun(ctx: UseCaseContext, action: ActionOf<"compile.run">): Promise<Answer> {
  const refused = officeRefusal(ctx, "reports.compile", "choice");
  if (refused) return refused;
  const round = await roundOf(ctx, action.round);
  if (!round) return staleChoice(ctx);
  return compileAndSend(ctx, round, choiceOf(action.flags));
}
