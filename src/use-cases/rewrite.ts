import { z } from "zod";
import { shorten } from "../conversation/display-answer.ts";
import { formatDateTime } from "../conversation/format-time.ts";
import { splitMessage } from "../conversation/split-message.ts";
import type { ActionOf } from "../messaging/action.ts";
import type { Answer, Choice, Reply } from "../messaging/reply.ts";
import type { RoundSummary } from "../office/round-choice.ts";
import {
  dropReportOverride,
  OVERRIDE_MAX_LENGTH,
  penSections,
  reportOverrideHistory,
  setReportOverride,
  type PenSection,
} from "../report/report-overrides.ts";
import { chatPart, setChatPart } from "./chat-state.ts";
import { personOf, type UseCaseContext } from "./context.ts";
import { officeRefusal, staleChoice } from "./office-access.ts";
import { commandRound, noRounds, otherRoundChoice, roundOf, roundTitleOf } from "./round-pick.ts";

// The secretary's pen: the consolidated text of a section (or of one item of it) replaced by the office's
// own, kept with author and version and used by every later compile, or dropped to return to the generated
// text. Picked from /rewrite or under a compiled draft; the new text is the next message typed.

/** The chat part of a text being awaited (/cancel drops it). */
export const REWRITE_PART = "rewrite";

const targetSchema = z.object({
  round: z.number().int(),
  section: z.number().int(),
  item: z.number().int(),
  /** The text the last message saved, when the next one is to be added to it. */
  appendTo: z.string().optional(),
});
type Target = z.infer<typeof targetSchema>;

async function awaited(ctx: UseCaseContext): Promise<Target | null> {
  const { value } = await chatPart(ctx, REWRITE_PART);
  const parsed = targetSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function sectionTitle(section: PenSection): string {
  return section.number ? `${section.number} ${section.heading}` : section.heading;
}

function targetTitle(ctx: UseCaseContext, section: PenSection, item: number): string {
  return item === 0 ? sectionTitle(section) : ctx.t("rewrite-item-title", { section: sectionTitle(section), item });
}

async function sectionOf(ctx: UseCaseContext, roundId: number, index: number): Promise<PenSection | null> {
  return (await penSections(ctx.deps.prisma, roundId)).find((s) => s.index === index) ?? null;
}

/** The round and section a pressed choice names, for someone who may edit the report; else the answer to give. */
async function chosenSection(ctx: UseCaseContext, action: { round: number; section: number }): Promise<{ round: RoundSummary; section: PenSection } | { answer: Answer }> {
  const refused = officeRefusal(ctx, "reports.edit", "choice");
  if (refused) return { answer: refused };
  const round = await roundOf(ctx, action.round);
  const section = round ? await sectionOf(ctx, round.id, action.section) : null;
  return round && section ? { round, section } : { answer: staleChoice(ctx) };
}

/** The sections of the round's report, each a choice; marked where the office wrote the text. */
async function sectionsScreen(ctx: UseCaseContext, round: RoundSummary, replace: boolean): Promise<Answer> {
  const sections = await penSections(ctx.deps.prisma, round.id);
  const choices: Choice[][] = sections.map((s) => [
    { label: `${s.overridden === "no" ? "" : "✏️ "}${shorten(sectionTitle(s), 56)}`, action: { op: "rewrite.open", round: round.id, section: s.index, item: 0 } },
  ]);
  const other = await otherRoundChoice(ctx, "rewrite");
  if (other) choices.push([other]);
  const text = ctx.t("rewrite-sections", { round: await roundTitleOf(ctx, round) });
  return { replies: [{ kind: "text", text, choices, replace }] };
}

/** /rewrite: the sections of the round due first. */
export async function rewrite(ctx: UseCaseContext): Promise<Answer> {
  const refused = officeRefusal(ctx, "reports.edit", "message");
  if (refused) return refused;
  const round = await commandRound(ctx);
  return round ? sectionsScreen(ctx, round, false) : noRounds(ctx);
}

export async function rewriteSections(ctx: UseCaseContext, action: ActionOf<"rewrite.sections">): Promise<Answer> {
  const refused = officeRefusal(ctx, "reports.edit", "choice");
  if (refused) return refused;
  const round = await roundOf(ctx, action.round);
  return round ? sectionsScreen(ctx, round, false) : staleChoice(ctx);
}

/**
 * One section: its text now and who wrote it, what the next message does (replace all of it, or the one
 * item), and the choices to write one item only, to return to the generated text, or to leave.
 */
async function sectionScreen(ctx: UseCaseContext, round: RoundSummary, section: PenSection, item: number, notice: string | null): Promise<Answer> {
  const { t } = ctx;
  const history = await reportOverrideHistory(ctx.deps.prisma, { roundId: round.id, sectionKey: section.sectionKey, item: item === 0 ? null : item });
  const latest = history[0];
  const mine = latest && !latest.dropped ? latest : null;
  const zone = await ctx.timeZone();
  const head: string[] = [];
  if (notice) head.push(notice);
  head.push(t("rewrite-section-head", { title: targetTitle(ctx, section, item) }));
  if (mine) head.push(t("rewrite-written-by", { author: mine.authorName ?? "—", time: formatDateTime(mine.at, zone, ctx.caller.locale), version: mine.version }));
  else head.push(t("rewrite-generated"));
  const body = item === 0 ? section.lines.join("\n") : (section.lines[item - 1] ?? "");
  const ask = t(item === 0 ? "rewrite-ask-section" : "rewrite-ask-item", { max: OVERRIDE_MAX_LENGTH.toLocaleString("vi-VN") });

  const choices: Choice[][] = [];
  if (item === 0 && section.overridden !== "section" && section.generatedItems > 1) {
    const items: Choice[] = [];
    for (let i = 1; i <= section.generatedItems; i++) items.push({ label: t("rewrite-button-item", { item: i }), action: { op: "rewrite.open", round: round.id, section: section.index, item: i } });
    for (let i = 0; i < items.length; i += 5) choices.push(items.slice(i, i + 5));
  }
  if (mine) choices.push([{ label: t("rewrite-button-drop"), action: { op: "rewrite.drop", round: round.id, section: section.index, item } }]);
  choices.push([
    { label: t("rewrite-button-sections"), action: { op: "rewrite.sections", round: round.id } },
    { label: t("rewrite-button-cancel"), action: { op: "rewrite.cancel" } },
  ]);

  await setChatPart(ctx, REWRITE_PART, { round: round.id, section: section.index, item } satisfies Target, { focus: true });
  const whole = [head.join("\n"), body || t("rewrite-empty"), ask].join("\n\n");
  const pieces = splitMessage(whole, ctx.caller.textLimit);
  const replies: Reply[] = pieces.map((text, i) => ({ kind: "text", text, ...(i === pieces.length - 1 ? { choices } : {}) }));
  return { replies };
}

export async function rewriteOpen(ctx: UseCaseContext, action: ActionOf<"rewrite.open">): Promise<Answer> {
  const chosen = await chosenSection(ctx, action);
  if ("answer" in chosen) return chosen.answer;
  const { round, section } = chosen;
  if (action.item < 0 || action.item > section.generatedItems) return staleChoice(ctx);
  if (action.item > 0 && section.overridden === "section") return { replies: [], toast: ctx.t("rewrite-section-overridden") };
  return sectionScreen(ctx, round, section, action.item, null);
}

/** The typed text for the section awaited: saved as a new version, or added to the one just saved. */
export async function rewriteTyped(ctx: UseCaseContext, typed: string): Promise<Answer> {
  const refused = officeRefusal(ctx, "reports.edit", "message");
  if (refused) return refused;
  const target = await awaited(ctx);
  const round = target ? await roundOf(ctx, target.round) : null;
  const section = round && target ? await sectionOf(ctx, round.id, target.section) : null;
  if (!target || !round || !section) {
    await setChatPart(ctx, REWRITE_PART, null, { focus: false });
    return { replies: [{ kind: "text", text: ctx.t("rewrite-gone") }] };
  }
  const text = target.appendTo === undefined ? typed : `${target.appendTo}\n${typed}`;
  const result = await setReportOverride(ctx.deps.prisma, {
    roundId: round.id,
    sectionKey: section.sectionKey,
    item: target.item === 0 ? null : target.item,
    text,
    authorId: personOf(ctx).id,
    now: ctx.now(),
  });
  if (!result.ok) {
    const key = result.reason === "empty" || result.reason === "too-long" || result.reason === "section-overridden" || result.reason === "round-closed" ? `rewrite-refused-${result.reason}` : "rewrite-gone";
    return { replies: [{ kind: "text", text: ctx.t(key, { max: OVERRIDE_MAX_LENGTH.toLocaleString("vi-VN") }) }] };
  }
  // Saved: later typing is not taken for this section unless the secretary asks to continue or rewrite it.
  await setChatPart(ctx, REWRITE_PART, null, { focus: false });
  const title = targetTitle(ctx, section, target.item);
  const choices: Choice[][] = [
    [
      { label: ctx.t("rewrite-button-append"), action: { op: "rewrite.append", round: round.id, section: section.index, item: target.item } },
      { label: ctx.t("rewrite-button-again"), action: { op: "rewrite.open", round: round.id, section: section.index, item: target.item } },
    ],
    [{ label: ctx.t("office-button-compile-again"), action: { op: "compile.run", round: round.id, flags: 0 } }],
    [
      { label: ctx.t("rewrite-button-sections"), action: { op: "rewrite.sections", round: round.id } },
      { label: ctx.t("rewrite-button-done"), action: { op: "rewrite.cancel" } },
    ],
  ];
  return { replies: [{ kind: "text", text: ctx.t("rewrite-saved", { title, version: result.version, length: text.length }), choices }] };
}

/** "Add to it": the next message is added to the text in force instead of replacing it. */
export async function rewriteAppend(ctx: UseCaseContext, action: ActionOf<"rewrite.append">): Promise<Answer> {
  const chosen = await chosenSection(ctx, action);
  if ("answer" in chosen) return chosen.answer;
  const { round, section } = chosen;
  const history = await reportOverrideHistory(ctx.deps.prisma, { roundId: round.id, sectionKey: section.sectionKey, item: action.item === 0 ? null : action.item });
  const latest = history[0];
  if (!latest || latest.dropped) return staleChoice(ctx);
  await setChatPart(ctx, REWRITE_PART, { round: round.id, section: section.index, item: action.item, appendTo: latest.text } satisfies Target, { focus: true });
  return { replies: [{ kind: "text", text: ctx.t("rewrite-append-ask", { title: targetTitle(ctx, section, action.item) }) }] };
}

/** Back to the generated text: a new version marked dropped; the history stays. */
export async function rewriteDrop(ctx: UseCaseContext, action: ActionOf<"rewrite.drop">): Promise<Answer> {
  const chosen = await chosenSection(ctx, action);
  if ("answer" in chosen) return chosen.answer;
  const { round, section } = chosen;
  const result = await dropReportOverride(ctx.deps.prisma, {
    roundId: round.id,
    sectionKey: section.sectionKey,
    item: action.item === 0 ? null : action.item,
    authorId: personOf(ctx).id,
    now: ctx.now(),
  });
  if (!result.ok) return { replies: [], toast: ctx.t(result.reason === "round-closed" ? "rewrite-refused-round-closed" : "rewrite-not-overridden") };
  const fresh = (await sectionOf(ctx, round.id, action.section)) ?? section;
  return sectionScreen(ctx, round, fresh, action.item, ctx.t("rewrite-dropped", { title: targetTitle(ctx, section, action.item) }));
}

export async function rewriteCancel(ctx: UseCaseContext): Promise<Answer> {
  await setChatPart(ctx, REWRITE_PART, null, { focus: false });
  return { replies: [], toast: ctx.t("rewrite-closed") };
}

/** A sticker or photo while the text is awaited. */
export async function rewriteNotText(ctx: UseCaseContext): Promise<Answer> {
  return { replies: [{ kind: "text", text: ctx.t("rewrite-not-text") }] };
}
