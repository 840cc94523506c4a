import { randomInt } from "node:crypto";
import { z } from "zod";
import { cleanDisplayName } from "../domain/display-name.ts";
import { pageLines } from "../domain/office/page-lines.ts";
import { UNIT_KINDS, type UnitKind } from "../domain/unit-kind.ts";
import type { ActionOf } from "../messaging/action.ts";
import type { Answer, Choice, Reply } from "../messaging/reply.ts";
import { listPeople, type UnitPeople } from "../organisation/people-service.ts";
import { addUnit, listUnits, renameUnit, setUnitActive, UNIT_NAME_MAX } from "../organisation/unit-service.ts";
import { clampPage, pageChoices, refuseUnlessAllowed } from "./admin-access.ts";
import { chatPart, setChatPart } from "./chat-state.ts";
import { personOf, type UseCaseContext } from "./context.ts";

/** The chat part of /units while it waits for a typed name (its focus name too). */
export const UNITS_PART = "admin";

/** Room left on a page of the list for the notice above it and the title. */
const PAGE_RESERVE = 400;
const UNITS_PER_PAGE = 40;

const draftSchema = z.discriminatedUnion("step", [
  // `draft` binds the kind choices to this one addition: a kind pressed on an older screen is stale.
  z.object({ step: z.literal("add-name"), draft: z.number().int() }),
  z.object({ step: z.literal("add-kind"), draft: z.number().int(), name: z.string() }),
  z.object({ step: z.literal("rename"), unitId: z.number().int() }),
]);
type UnitsDraft = z.infer<typeof draftSchema>;

export type UnitKindChoice = { key: UnitKind; label: string };

/**
 * The kinds of unit, in the order they are offered, with their names in the caller's language. The admin
 * screens read kinds only here, so kinds an organisation defines itself change this one function.
 */
export async function unitKinds(ctx: UseCaseContext): Promise<UnitKindChoice[]> {
  return UNIT_KINDS.map((key) => ({ key, label: ctx.t(`unit-kind-${key.replaceAll("_", "-")}`) }));
}

function say(text: string, more: Omit<Extract<Reply, { kind: "text" }>, "kind" | "text"> = {}): Reply {
  return { kind: "text", text, ...more };
}

function stale(ctx: UseCaseContext): Answer {
  return { replies: [], toast: ctx.t("conversation-stale-button-toast") };
}

async function readDraft(ctx: UseCaseContext): Promise<UnitsDraft | null> {
  const parsed = draftSchema.safeParse((await chatPart(ctx, UNITS_PART)).value);
  return parsed.success ? parsed.data : null;
}

function setDraft(ctx: UseCaseContext, draft: UnitsDraft | null): Promise<void> {
  return setChatPart(ctx, UNITS_PART, draft, { focus: draft !== null });
}

function unitBlock(ctx: UseCaseContext, unit: UnitPeople, index: number, kinds: readonly UnitKindChoice[]): string {
  const kind = kinds.find((k) => k.key === unit.kind)?.label ?? unit.kind;
  const line = ctx.t(unit.active ? "units-line" : "units-line-inactive", { number: index + 1, name: unit.name, kind, code: unit.code });
  if (unit.reporters.length > 0) return `${line}\n   ${ctx.t("units-reporters", { names: unit.reporters.map((r) => r.name).join(", ") })}`;
  // An inactive unit needs no reporter.
  return unit.active ? `${line}\n   ${ctx.t("units-no-reporter")}` : line;
}

/** The list of units with who reports for each, paged to the channel's longest message, and its choices. */
async function unitsScreen(ctx: UseCaseContext, page: number, options: { notice?: string; replace?: boolean } = {}): Promise<Reply> {
  const { t } = ctx;
  const units = (await listPeople(ctx.deps.prisma)).units;
  const add: Choice = { label: t("units-button-add"), action: { op: "units.add" } };
  if (units.length === 0) return say([options.notice, t("units-empty")].filter(Boolean).join("\n\n"), { choices: [[add]], replace: options.replace });
  const kinds = await unitKinds(ctx);
  const pages = pageLines(
    units.map((unit, i) => unitBlock(ctx, unit, i, kinds)),
    { limit: ctx.caller.textLimit - PAGE_RESERVE, maxLines: UNITS_PER_PAGE },
  );
  const shown = clampPage(page, pages.length);
  const title = pages.length > 1 ? `${t("units-title", { count: units.length })}\n${t("admin-page", { page: shown + 1, pages: pages.length })}` : t("units-title", { count: units.length });
  const body = [title, ...pages[shown]!].join("\n");
  const choices: Choice[][] = [
    [add],
    [
      { label: t("units-button-rename"), action: { op: "units.rename-pick" } },
      { label: t("units-button-toggle"), action: { op: "units.toggle-pick" } },
    ],
    pageChoices(ctx, shown, pages.length, (p) => ({ op: "units.list", page: p })),
  ];
  return say([options.notice, body].filter(Boolean).join("\n\n"), { choices, replace: options.replace });
}

/** /units: the units, who reports for each, and what the admin can change. */
export async function showUnits(ctx: UseCaseContext): Promise<Answer> {
  const refused = refuseUnlessAllowed(ctx, "units.manage");
  if (refused) return refused;
  return { replies: [await unitsScreen(ctx, 0)] };
}

export async function unitsPage(ctx: UseCaseContext, action: ActionOf<"units.list">): Promise<Answer> {
  const refused = refuseUnlessAllowed(ctx, "units.manage", true);
  if (refused) return refused;
  return { replies: [await unitsScreen(ctx, action.page, { replace: true })] };
}

export async function startAddingUnit(ctx: UseCaseContext, _action: ActionOf<"units.add">): Promise<Answer> {
  const refused = refuseUnlessAllowed(ctx, "units.manage", true);
  if (refused) return refused;
  if (!(await ctx.organisation())) return { replies: [say(ctx.t("units-no-organisation"))] };
  await setDraft(ctx, { step: "add-name", draft: randomInt(1, 2 ** 31) });
  return { replies: [say(ctx.t("units-ask-name", { max: UNIT_NAME_MAX }))], expects: "unit-name" };
}

async function unitPicker(ctx: UseCaseContext, key: string, op: "units.rename" | "units.toggle"): Promise<Answer> {
  const units = await listUnits(ctx.deps.prisma);
  if (units.length === 0) return { replies: [say(ctx.t("units-empty"))] };
  const choices = units.map((unit) => [{ label: `${unit.active ? "" : "⏸ "}${cleanDisplayName(unit.name, UNIT_NAME_MAX)}`, action: { op, unit: unit.id } }]);
  return { replies: [say(ctx.t(key), { choices })] };
}

export async function pickUnitToRename(ctx: UseCaseContext, _action: ActionOf<"units.rename-pick">): Promise<Answer> {
  return refuseUnlessAllowed(ctx, "units.manage", true) ?? unitPicker(ctx, "units-pick-rename", "units.rename");
}

export async function pickUnitToToggle(ctx: UseCaseContext, _action: ActionOf<"units.toggle-pick">): Promise<Answer> {
  return refuseUnlessAllowed(ctx, "units.manage", true) ?? unitPicker(ctx, "units-pick-toggle", "units.toggle");
}

export async function startRenamingUnit(ctx: UseCaseContext, action: ActionOf<"units.rename">): Promise<Answer> {
  const refused = refuseUnlessAllowed(ctx, "units.manage", true);
  if (refused) return refused;
  const unit = (await listUnits(ctx.deps.prisma)).find((u) => u.id === action.unit);
  if (!unit) return stale(ctx);
  await setDraft(ctx, { step: "rename", unitId: unit.id });
  return { replies: [say(ctx.t("units-ask-new-name", { name: cleanDisplayName(unit.name, UNIT_NAME_MAX), max: UNIT_NAME_MAX }))], expects: "unit-name" };
}

export async function toggleUnit(ctx: UseCaseContext, action: ActionOf<"units.toggle">): Promise<Answer> {
  const refused = refuseUnlessAllowed(ctx, "units.manage", true);
  if (refused) return refused;
  const unit = (await listUnits(ctx.deps.prisma)).find((u) => u.id === action.unit);
  if (!unit) return stale(ctx);
  const changed = await setUnitActive(ctx.deps.prisma, { unitId: unit.id, active: !unit.active, actorId: personOf(ctx).id });
  if (!changed) return stale(ctx);
  const notice = ctx.t(changed.active ? "units-activated" : "units-deactivated", { name: cleanDisplayName(changed.name, UNIT_NAME_MAX) });
  return { replies: [await unitsScreen(ctx, 0, { notice, replace: true })] };
}

async function addWithKind(ctx: UseCaseContext, draft: Extract<UnitsDraft, { step: "add-kind" }>, index: number, replace: boolean): Promise<Answer> {
  const kind = (await unitKinds(ctx))[index];
  if (!kind) return { replies: [say(ctx.t("units-pick-kind-first"))] };
  const result = await addUnit(ctx.deps.prisma, { name: draft.name, kind: kind.key, actorId: personOf(ctx).id });
  await setDraft(ctx, null);
  if (!result.ok) return { replies: [say(ctx.t("units-no-organisation"))] };
  const notice = ctx.t("units-added", { name: result.unit.name, code: result.unit.code });
  return { replies: [await unitsScreen(ctx, 0, { notice, replace })] };
}

export async function unitKindChosen(ctx: UseCaseContext, action: ActionOf<"units.add-kind">): Promise<Answer> {
  const refused = refuseUnlessAllowed(ctx, "units.manage", true);
  if (refused) return refused;
  const draft = await readDraft(ctx);
  if (draft?.step !== "add-kind" || draft.draft !== action.draft) return stale(ctx);
  return addWithKind(ctx, draft, action.kind, true);
}

/** What the admin typed while /units waits for a unit's name (or, choosing a kind, its number). */
export async function unitsTyped(ctx: UseCaseContext, text: string): Promise<Answer> {
  const refused = refuseUnlessAllowed(ctx, "units.manage");
  const draft = refused ? null : await readDraft(ctx);
  if (!draft) {
    await setDraft(ctx, null);
    return refused ?? { replies: [say(ctx.t("start-help-hint"))] };
  }
  if (draft.step === "add-kind") {
    const number = /^\d{1,2}$/.test(text.trim()) ? Number(text.trim()) : 0;
    return number > 0 ? addWithKind(ctx, draft, number - 1, false) : { replies: [say(ctx.t("units-pick-kind-first"))] };
  }
  // One cleaning rule for every name people and units are shown by; the length is checked before any cut.
  const name = cleanDisplayName(text, Number.POSITIVE_INFINITY);
  const length = [...name].length;
  if (length === 0 || length > UNIT_NAME_MAX) return { replies: [say(ctx.t("units-name-invalid", { max: UNIT_NAME_MAX, length }))] };
  if (draft.step === "add-name") {
    await setDraft(ctx, { step: "add-kind", draft: draft.draft, name });
    const kinds = await unitKinds(ctx);
    // The kind's number can be typed too: on a channel with few buttons the kinds are a numbered list.
    const choices = kinds.map((kind, i) => [{ label: kind.label, action: { op: "units.add-kind" as const, draft: draft.draft, kind: i }, typed: String(i + 1) }]);
    return { replies: [say(ctx.t("units-ask-kind", { name }), { choices })], expects: "unit-kind" };
  }
  const renamed = await renameUnit(ctx.deps.prisma, { unitId: draft.unitId, name, actorId: personOf(ctx).id });
  await setDraft(ctx, null);
  if (!renamed) return { replies: [say(ctx.t("conversation-stale-button"))] };
  return { replies: [await unitsScreen(ctx, 0, { notice: ctx.t("units-renamed", { name: renamed.name }) })] };
}

/** A sticker or photo while /units waits for a name. */
export async function unitsNotText(ctx: UseCaseContext): Promise<Answer> {
  const refused = refuseUnlessAllowed(ctx, "units.manage");
  if (refused) {
    await setDraft(ctx, null);
    return refused;
  }
  const draft = await readDraft(ctx);
  return { replies: [say(ctx.t(draft?.step === "add-kind" ? "units-pick-kind-first" : "units-name-not-text"))] };
}
