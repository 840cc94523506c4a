import { randomInt } from "node:crypto";
import { z } from "zod";
import { FOCUS, lockSession, patchSession } from "../conversation/session-store.ts";
import { makePeriod, periodLabel, periodLabelWithoutYear, type Period, type PeriodKind } from "../domain/calendar/period.ts";
import { PERIOD_KINDS, periodsPerYear, suggestedPeriods } from "../domain/calendar/period-suggestion.ts";
import { localDateOf } from "../domain/calendar/zoned-time.ts";
import { cutText } from "../domain/cut-text.ts";
import { parseRecipientLines, parseRequestDocument, parseRequestDocumentParts, RECIPIENT_MAX_LENGTH, RECIPIENTS_MAX, REQUEST_DOCUMENT_MAX } from "../domain/round-input.ts";
import type { Template } from "../domain/template/template-schema.ts";
import type { ActionOf, ActionOp } from "../messaging/action.ts";
import { numberedChoices } from "../messaging/encode-replies.ts";
import { text, type Answer, type Choice } from "../messaging/reply.ts";
import { roundSummary, roundTitle } from "../office/round-choice.ts";
import type { OrganisationFacts } from "../organisation/current-organisation.ts";
import { replanRound } from "../queue/replan-on-change.ts";
import { ensureBundledTemplates } from "../report/ensure-template.ts";
import { askedUnits } from "../rounds/asked-units.ts";
import { openRound, type OpenRoundResult } from "../rounds/open-round.ts";
import { templateById } from "../submissions/round-template.ts";
import { announceToReporters } from "./announce.ts";
import { chatPart, setChatPart } from "./chat-state.ts";
import type { UseCaseContext } from "./context.ts";
import { refuseUnless } from "./refuse-unless.ts";
import { readDeadline, showDeadline, workingCalendar } from "./round-deadline.ts";
import { deadlineExample } from "../domain/calendar/deadline-input.ts";

/** The chat part that holds a round being prepared with /newround. */
export const NEW_ROUND_PART = "newround";

const STEPS = ["template", "kind", "period", "number", "year", "deadline", "request", "recipients", "confirm"] as const;
type Step = (typeof STEPS)[number];


const draftSchema = z.object({
  /** This wizard's id: its choices carry it, so a choice of an earlier wizard is recognised as old. */
  wizard: z.number().int().positive(),
  step: z.enum(STEPS),
  templateId: z.number().int().optional(),
  periodKind: z.enum(["MONTH", "QUARTER", "HALF_YEAR", "NINE_MONTHS", "YEAR"]).optional(),
  periodNumber: z.number().int().optional(),
  periodYear: z.number().int().optional(),
  /** ISO instant. */
  deadline: z.string().optional(),
  requestDocument: z.string().nullable().optional(),
  recipients: z.array(z.string()).optional(),
});

type Draft = z.infer<typeof draftSchema>;

type WizardOp = Extract<ActionOp, `newround.${string}`>;
type WizardAction = ActionOf<WizardOp>;

/** The steps at which each choice may be pressed; pressed at any other, it belongs to a screen already left. */
const STEPS_OF_OP: Record<Exclude<WizardOp, "newround.cancel">, readonly Step[]> = {
  "newround.template": ["template"],
  "newround.kind": ["kind"],
  "newround.period": ["period"],
  "newround.other-period": ["period"],
  "newround.number": ["number"],
  "newround.year": ["year"],
  "newround.no-request": ["request"],
  "newround.deadline-again": ["request", "recipients", "confirm"],
  "newround.request-again": ["recipients", "confirm"],
  "newround.keep-recipients": ["recipients"],
  "newround.confirm": ["confirm"],
};

const KIND_KEYS: Record<PeriodKind, string> = {
  MONTH: "newround-kind-month",
  QUARTER: "newround-kind-quarter",
  HALF_YEAR: "newround-kind-half-year",
  NINE_MONTHS: "newround-kind-nine-months",
  YEAR: "newround-kind-year",
};

/** Wizard ids stay within what a choice's payload carries (whole numbers, short in base 36). */
const WIZARD_ID_MAX = 2_000_000_000;

/** Room kept in a message for the lines around a list that is cut to fit. */
const TEXT_MARGIN = 100;

function say(value: string): Answer {
  return { replies: [text(value)] };
}

function toast(value: string): Answer {
  return { replies: [], toast: value };
}

function readDraft(value: unknown): Draft | null {
  const parsed = draftSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

async function draftOf(ctx: UseCaseContext): Promise<Draft | null> {
  return readDraft((await chatPart(ctx, NEW_ROUND_PART)).value);
}

/**
 * Keeps the draft, and the chat's typed text for the wizard while it is open: a deadline, a document or
 * recipients where a step asks for them, else the number of a choice (where the choices came as a
 * numbered list), never an answer to a report the person is also writing.
 */
function saveDraft(ctx: UseCaseContext, draft: Draft | null): Promise<void> {
  return setChatPart(ctx, NEW_ROUND_PART, draft, { focus: draft !== null });
}

function draftPeriod(draft: Draft): Period | null {
  if (!draft.periodKind || draft.periodYear === undefined || draft.periodNumber === undefined) return null;
  return makePeriod(draft.periodKind, draft.periodYear, draft.periodNumber);
}

/** The recipients a round gets unless the office types others: the template's, else the organisation's. */
function defaultRecipients(template: Template, org: OrganisationFacts): string[] {
  return template.recipients.length > 0 ? [...template.recipients] : org.recipients;
}

/** Each item cut to `max` characters, a cut marked with "…". */
function cutEach(items: readonly string[], max: number): string[] {
  return items.map((item) => (item.length > max ? `${cutText(item, max - 1)}…` : item));
}

/** The longest rendering of a list that keeps the message within the channel's limit: items cut shorter and shorter. */
function fitted(ctx: UseCaseContext, items: readonly string[], render: (items: string[]) => string): string {
  let result = render([...items]);
  for (const max of [160, 80, 40, 20]) {
    if (result.length <= ctx.caller.textLimit - TEXT_MARGIN) break;
    result = render(cutEach(items, max));
  }
  return result;
}

/** Names joined with ", " up to about `max` characters; the rest counted ("… và 3 đơn vị khác"). */
function namesWithin(ctx: UseCaseContext, names: readonly string[], max = 300): string {
  const shown: string[] = [];
  let length = 0;
  for (const name of names) {
    if (shown.length > 0 && length + name.length + 2 > max) break;
    shown.push(name);
    length += name.length + 2;
  }
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} ${ctx.t("newround-and-more", { count: rest })}` : shown.join(", ");
}

/**
 * Choices under a wizard screen, with "Cancel" last. Where the cancel choice would push a screen of
 * buttons over what the channel shows as buttons (Zalo: 5), it is left out and the text says to type
 * “hủy” instead.
 */
function withCancel(ctx: UseCaseContext, draft: Draft, rows: Choice[][], body: string): { body: string; rows: Choice[][] } {
  const count = rows.reduce((n, row) => n + row.length, 0);
  if (count < ctx.caller.maxChoices || count > ctx.caller.maxChoices) {
    return { body, rows: [...rows, [{ label: ctx.t("newround-button-cancel"), action: { op: "newround.cancel", wizard: draft.wizard } }]] };
  }
  return { body: `${body}\n${ctx.t("newround-type-cancel")}`, rows };
}

/** Rows of `size` choices (a channel without rows shows them in the same order). */
function rowsOf(choices: Choice[], size: number): Choice[][] {
  const rows: Choice[][] = [];
  for (let i = 0; i < choices.length; i += size) rows.push(choices.slice(i, i + size));
  return rows;
}

/** The templates, the most used first (rounds opened with any version of each). */
async function templatesByUse(ctx: UseCaseContext): Promise<{ id: number; key: string }[]> {
  const templates = await ensureBundledTemplates(ctx.deps.prisma);
  const rows = await ctx.deps.prisma.template.findMany({ where: { key: { in: templates.map((t) => t.key) } }, select: { key: true, _count: { select: { rounds: true } } } });
  const uses = new Map<string, number>();
  for (const row of rows) uses.set(row.key, (uses.get(row.key) ?? 0) + row._count.rounds);
  return [...templates].sort((a, b) => (uses.get(b.key) ?? 0) - (uses.get(a.key) ?? 0));
}

/** Period kinds, the ones this report was most often opened for first; otherwise in the usual order. */
async function kindsByUse(ctx: UseCaseContext, templateId: number): Promise<PeriodKind[]> {
  const { key } = await ctx.deps.prisma.template.findUniqueOrThrow({ where: { id: templateId }, select: { key: true } });
  const groups = await ctx.deps.prisma.round.groupBy({ by: ["periodKind"], where: { template: { key } }, _count: { _all: true } });
  const uses = new Map(groups.map((g) => [g.periodKind as PeriodKind, g._count._all]));
  return [...PERIOD_KINDS].sort((a, b) => (uses.get(b) ?? 0) - (uses.get(a) ?? 0));
}

/** The open round of this report and period, if there is one: a second cannot be opened. */
async function openRoundOf(ctx: UseCaseContext, org: OrganisationFacts, templateId: number, period: Period): Promise<number | null> {
  const round = await ctx.deps.prisma.round.findFirst({
    where: { organisationId: org.id, templateId, status: "OPEN", periodKind: period.kind, periodYear: period.year, periodNumber: period.number },
    select: { id: true },
  });
  return round?.id ?? null;
}

/** "A round for this period is already open": its title and deadline, and where to manage it. */
async function alreadyOpen(ctx: UseCaseContext, roundId: number): Promise<string> {
  const round = await roundSummary(ctx.deps.prisma, roundId);
  if (!round) return ctx.t("newround-duplicate", { round: "", deadline: "" });
  const deadline = showDeadline(ctx, round.deadline, round.timeZone, await workingCalendar(ctx));
  return ctx.t("newround-duplicate", { round: await roundTitle(ctx.deps.prisma, round, ctx.caller.locale), deadline: deadline.when });
}

/** The screen of the draft's current step; `notice` goes above it (a refusal, a warning). */
async function screen(ctx: UseCaseContext, draft: Draft, org: OrganisationFacts, options: { replace: boolean; notice?: string }): Promise<Answer> {
  const { t, caller } = ctx;
  const { prisma } = ctx.deps;
  const locale = caller.locale;
  const template = draft.templateId === undefined ? null : await templateById(prisma, draft.templateId);
  const templateName = template?.name[locale] ?? "";
  const period = draftPeriod(draft);
  const today = localDateOf(ctx.now(), org.timezone);
  const wizard = draft.wizard;
  const deadline = draft.deadline ? showDeadline(ctx, new Date(draft.deadline), org.timezone, await workingCalendar(ctx)) : null;
  const deadlineAgain: Choice = { label: t("newround-button-deadline-again"), action: { op: "newround.deadline-again", wizard } };
  const requestAgain: Choice = { label: t("newround-button-request-again"), action: { op: "newround.request-again", wizard } };
  let body: string;
  let rows: Choice[][] = [];
  let expects: string | undefined;
  switch (draft.step) {
    case "template": {
      const choices: Choice[] = [];
      for (const row of await templatesByUse(ctx)) choices.push({ label: (await templateById(prisma, row.id)).name[locale], action: { op: "newround.template", wizard, template: row.id } });
      rows = rowsOf(choices, 1);
      body = t("newround-pick-template");
      break;
    }
    case "kind": {
      const kinds = await kindsByUse(ctx, draft.templateId!);
      rows = rowsOf(
        kinds.map((kind) => ({ label: t(KIND_KEYS[kind]), action: { op: "newround.kind", wizard, kind: PERIOD_KINDS.indexOf(kind) } })),
        3,
      );
      body = t("newround-pick-kind", { template: templateName });
      break;
    }
    case "period": {
      const kind = draft.periodKind!;
      const choices: Choice[] = suggestedPeriods(kind, today).map((p) => ({
        label: periodLabel(p, locale),
        action: { op: "newround.period", wizard, kind: PERIOD_KINDS.indexOf(kind), number: p.number, year: p.year },
      }));
      choices.push({ label: t("newround-button-other-period"), action: { op: "newround.other-period", wizard } });
      rows = rowsOf(choices, 1);
      body = t("newround-pick-period", { template: templateName, kind: t(KIND_KEYS[kind]) });
      break;
    }
    case "number": {
      const kind = draft.periodKind!;
      const choices: Choice[] = [];
      // In calendar order, so that typing "3" on a numbered list means the third month or quarter.
      for (let n = 1; n <= periodsPerYear(kind); n++) {
        choices.push({ label: periodLabelWithoutYear(makePeriod(kind, 2000, n), locale), action: { op: "newround.number", wizard, number: n } });
      }
      rows = rowsOf(choices, kind === "MONTH" ? 4 : 2);
      body = t("newround-pick-number", { template: templateName, kind: t(KIND_KEYS[kind]) });
      break;
    }
    case "year": {
      const year = Number(today.slice(0, 4));
      rows = rowsOf(
        [year - 1, year, year + 1].map((y) => ({ label: periodLabel(makePeriod(draft.periodKind!, y, draft.periodNumber ?? 1), locale), action: { op: "newround.year", wizard, year: y } })),
        1,
      );
      body = t("newround-pick-year", { template: templateName });
      break;
    }
    case "deadline":
      body = t("newround-ask-deadline", { template: templateName, period: period ? periodLabel(period, locale) : "", example: period ? deadlineExample(period) : "" });
      expects = "deadline";
      break;
    case "request": {
      rows = [[{ label: t("newround-button-no-request"), action: { op: "newround.no-request", wizard } }]];
      // A deadline on a day off is shown with the way back to change it.
      if (deadline?.warning) rows.push([deadlineAgain]);
      body = [t("newround-ask-request", { deadline: deadline?.when ?? "" }), deadline?.warning].filter(Boolean).join("\n\n");
      expects = "request-document";
      break;
    }
    case "recipients": {
      const defaults = template ? defaultRecipients(template, org) : [];
      if (defaults.length > 0) rows = [[{ label: t("newround-button-keep-recipients"), action: { op: "newround.keep-recipients", wizard } }]];
      rows.push([requestAgain]);
      body = fitted(ctx, defaults, (items) =>
        t(defaults.length > 0 ? "newround-ask-recipients" : "newround-ask-recipients-none", { recipients: items.map((r) => `- ${r}`).join("\n"), max: RECIPIENTS_MAX }),
      );
      expects = "recipients";
      break;
    }
    case "confirm": {
      const units = await askedUnits(prisma, org.id, template!);
      const withoutReporter = units.filter((u) => u.reporters === 0).map((u) => u.name);
      const recipients = draft.recipients ?? [];
      body = fitted(ctx, recipients, (items) => {
        const lines = [
          t("newround-summary", {
            template: templateName,
            period: periodLabel(period!, locale),
            deadline: deadline?.when ?? "",
            request: draft.requestDocument ?? t("newround-summary-no-request"),
            recipients: items.map((r) => `   - ${r}`).join("\n") || `   ${t("newround-summary-no-recipients")}`,
            units: units.length,
          }),
        ];
        if (deadline?.warning) lines.push(deadline.warning);
        if (withoutReporter.length > 0) lines.push(t("newround-summary-no-reporter", { count: withoutReporter.length, units: namesWithin(ctx, withoutReporter) }));
        return lines.join("\n\n");
      });
      rows = [[{ label: t("newround-button-confirm"), action: { op: "newround.confirm", wizard } }], [deadlineAgain], [requestAgain]];
      break;
    }
  }
  if (options.notice) body = `${options.notice}\n\n${body}`;
  const shown = withCancel(ctx, draft, rows, body);
  return { replies: [text(shown.body, { choices: shown.rows, replace: options.replace })], expects };
}

async function organisationOrDrop(ctx: UseCaseContext): Promise<OrganisationFacts | null> {
  const org = await ctx.organisation();
  if (!org) await saveDraft(ctx, null);
  return org;
}

/** /newround (office): template, period, deadline, request document, recipients, summary, open. */
export async function startNewRound(ctx: UseCaseContext): Promise<Answer> {
  const refused = await refuseUnless(ctx, "rounds.open", false, NEW_ROUND_PART);
  if (refused) return refused;
  if (!ctx.caller.sessionKey) return say(ctx.t("newround-no-session"));
  const org = await organisationOrDrop(ctx);
  if (!org) return say(ctx.t("newround-no-organisation"));
  const templates = await ensureBundledTemplates(ctx.deps.prisma);
  const wizard = randomInt(1, WIZARD_ID_MAX);
  // With one template there is nothing to choose.
  const draft: Draft = templates.length === 1 ? { wizard, step: "kind", templateId: templates[0]!.id } : { wizard, step: "template" };
  await saveDraft(ctx, draft);
  return screen(ctx, draft, org, { replace: false });
}

function stale(ctx: UseCaseContext): Answer {
  return toast(ctx.t("newround-stale-button"));
}

/** A choice of the wizard: it moves the draft it belongs to one step on; a choice of another wizard or step changes nothing. */
export async function newRoundChoice(ctx: UseCaseContext, action: WizardAction): Promise<Answer> {
  const refused = await refuseUnless(ctx, "rounds.open", true, NEW_ROUND_PART);
  if (refused) return refused;
  const draft = await draftOf(ctx);
  if (action.op === "newround.cancel") {
    if (!draft) return { replies: [text(ctx.t("newround-nothing-to-cancel"), { replace: true })] };
    // The cancel of an earlier wizard must not throw away the one in progress.
    if (draft.wizard !== action.wizard) return stale(ctx);
    await saveDraft(ctx, null);
    return { replies: [text(ctx.t("newround-cancelled"), { replace: true })] };
  }
  if (!draft || draft.wizard !== action.wizard || !STEPS_OF_OP[action.op].includes(draft.step)) return stale(ctx);
  const org = await organisationOrDrop(ctx);
  if (!org) return say(ctx.t("newround-no-organisation"));
  if (action.op === "newround.confirm") return confirm(ctx, action.wizard, org);
  const next = await nextDraft(ctx, draft, action, org);
  if (next === null) return stale(ctx);
  if ("notice" in next) return screen(ctx, draft, org, { replace: true, notice: next.notice });
  await saveDraft(ctx, next);
  return screen(ctx, next, org, { replace: true });
}

/** Where a choice takes the draft; a notice keeps it where it is (the period chosen is already open). */
async function nextDraft(ctx: UseCaseContext, draft: Draft, action: WizardAction, org: OrganisationFacts): Promise<Draft | { notice: string } | null> {
  const { prisma } = ctx.deps;
  const periodChosen = async (period: Period): Promise<Draft | { notice: string }> => {
    const open = await openRoundOf(ctx, org, draft.templateId!, period);
    if (open !== null) return { notice: await alreadyOpen(ctx, open) };
    return { ...draft, step: "deadline", periodKind: period.kind, periodNumber: period.number, periodYear: period.year };
  };
  switch (action.op) {
    case "newround.template": {
      const exists = await prisma.template.findUnique({ where: { id: action.template }, select: { id: true } });
      return exists ? { ...draft, step: "kind", templateId: exists.id } : null;
    }
    case "newround.kind": {
      const kind = PERIOD_KINDS[action.kind];
      return kind ? { ...draft, step: "period", periodKind: kind } : null;
    }
    case "newround.period": {
      const kind = PERIOD_KINDS[action.kind];
      if (!kind || kind !== draft.periodKind) return null;
      try {
        return await periodChosen(makePeriod(kind, action.year, action.number));
      } catch {
        return null;
      }
    }
    case "newround.other-period": {
      const several = periodsPerYear(draft.periodKind!) > 1;
      return { ...draft, step: several ? "number" : "year", periodNumber: several ? undefined : 1 };
    }
    case "newround.number":
      return action.number >= 1 && action.number <= periodsPerYear(draft.periodKind!) ? { ...draft, step: "year", periodNumber: action.number } : null;
    case "newround.year":
      return action.year >= 2000 && action.year <= 2100 ? periodChosen(makePeriod(draft.periodKind!, action.year, draft.periodNumber ?? 1)) : null;
    case "newround.no-request":
      return { ...draft, step: afterRequest(draft), requestDocument: null };
    case "newround.deadline-again":
      return { ...draft, step: "deadline" };
    case "newround.request-again":
      return { ...draft, step: "request" };
    case "newround.keep-recipients":
      return { ...draft, step: "confirm", recipients: defaultRecipients(await templateById(prisma, draft.templateId!), org) };
    default:
      return null;
  }
}

/** After the request document: the recipients, or straight back to the summary when only the document was changed. */
function afterRequest(draft: Draft): Step {
  return draft.recipients === undefined ? "recipients" : "confirm";
}

/** The request document as the round stores it: kind, number, date, issuer and subject, a missing part said so. */
function requestPartsText(ctx: UseCaseContext, document: string): string {
  const parts = parseRequestDocumentParts(document);
  const shown = (value: string | null) => value ?? ctx.t("newround-request-part-missing");
  const date = parts.date === null ? null : parts.date.split("-").reverse().join("/");
  return ctx.t("newround-request-parsed", { kind: shown(parts.kind), number: shown(parts.number), date: shown(date), issuer: shown(parts.issuer), subject: shown(parts.subject) });
}

/** Typed text for the step that waits for it (the deadline, the request document, the recipients), or a choice's number. */
export async function newRoundText(ctx: UseCaseContext, typed: string): Promise<Answer> {
  const refused = await refuseUnless(ctx, "rounds.open", false, NEW_ROUND_PART);
  if (refused) return refused;
  const draft = await draftOf(ctx);
  if (!draft) {
    await saveDraft(ctx, null);
    return say(ctx.t("newround-stale-button"));
  }
  const org = await organisationOrDrop(ctx);
  if (!org) return say(ctx.t("newround-no-organisation"));
  let next: Draft;
  switch (draft.step) {
    case "deadline": {
      const period = draftPeriod(draft);
      const read = readDeadline(ctx, typed, org.timezone, period ? deadlineExample(period) : "");
      if (!read.ok) return say(read.message);
      // Back from the summary to change only the deadline: straight back to the summary.
      next = { ...draft, step: draft.recipients === undefined ? "request" : "confirm", deadline: read.deadline.toISOString() };
      break;
    }
    case "request": {
      const parsed = parseRequestDocument(typed);
      if (!parsed.ok) return say(ctx.t(`newround-request-${parsed.problem}`, { max: REQUEST_DOCUMENT_MAX, length: parsed.length ?? 0 }));
      next = { ...draft, step: afterRequest(draft), requestDocument: parsed.value };
      // The parts the round will store and the report will cite, for the secretary to check.
      await saveDraft(ctx, next);
      return screen(ctx, next, org, { replace: false, notice: requestPartsText(ctx, parsed.value) });
    }
    case "recipients": {
      const parsed = parseRecipientLines(typed);
      if (!parsed.ok) {
        return say(ctx.t(`newround-recipients-${parsed.problem}`, { max: parsed.problem === "too-many" ? RECIPIENTS_MAX : RECIPIENT_MAX_LENGTH, length: parsed.length ?? 0 }));
      }
      next = { ...draft, step: "confirm", recipients: parsed.value };
      break;
    }
    default: {
      const chosen = /^\d{1,2}$/.test(typed.trim()) ? numberedChoices((await screen(ctx, draft, org, { replace: false })).replies)[Number(typed.trim()) - 1] : undefined;
      if (chosen && chosen.action.op.startsWith("newround.")) return newRoundChoice(ctx, chosen.action as WizardAction);
      return say(ctx.t("newround-use-buttons"));
    }
  }
  await saveDraft(ctx, next);
  return screen(ctx, next, org, { replace: false });
}

/** A sticker or photo while the wizard is open: it asks for text, or for a choice. */
export async function newRoundNotText(ctx: UseCaseContext): Promise<Answer> {
  const step = (await draftOf(ctx))?.step;
  return say(ctx.t(step === "deadline" || step === "request" || step === "recipients" ? "rounds-not-text" : "newround-use-buttons"));
}

type ConfirmOutcome = { kind: "stale" } | { kind: "done"; result: OpenRoundResult; draft: Draft; template: Template; period: Period };

/** Serialises the opening of one report and period across chats, so two confirms at once open one round. */
function openingLockName(org: OrganisationFacts, templateId: number, period: Period): string {
  return `open-round:${org.id}:${templateId}:${period.kind}:${period.year}:${period.number}`;
}

/** Opens the round the summary showed, once: the chat's session row is held while the round is created. */
async function confirm(ctx: UseCaseContext, wizard: number, org: OrganisationFacts): Promise<Answer> {
  const { prisma, logger } = ctx.deps;
  const key = ctx.caller.sessionKey!;
  const now = ctx.now();
  const personId = ctx.caller.person!.id;
  const outcome = await prisma.$transaction(
    async (tx): Promise<ConfirmOutcome> => {
      const data = await lockSession(tx, key);
      const draft = readDraft(data[NEW_ROUND_PART]);
      if (!draft || draft.wizard !== wizard || draft.step !== "confirm") return { kind: "stale" };
      const template = await templateById(tx, draft.templateId!);
      const period = draftPeriod(draft)!;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${openingLockName(org, draft.templateId!, period)}))`;
      const result = await openRound(tx, {
        organisationId: org.id,
        templateId: draft.templateId!,
        template,
        period,
        deadline: new Date(draft.deadline!),
        requestDocument: draft.requestDocument ?? null,
        recipients: draft.recipients ?? [],
        actorId: personId,
        now,
      });
      const focused = data[FOCUS] === NEW_ROUND_PART;
      if (!result.ok && result.reason === "deadline-past") {
        // The summary waited too long: ask for the deadline again, keep the rest.
        await patchSession(tx, key, { [NEW_ROUND_PART]: { ...draft, step: "deadline" }, [FOCUS]: NEW_ROUND_PART });
      } else {
        await patchSession(tx, key, {}, focused ? [NEW_ROUND_PART, FOCUS] : [NEW_ROUND_PART]);
      }
      return { kind: "done", result, draft, template, period };
    },
    { timeout: 20_000 },
  );
  if (outcome.kind === "stale") return stale(ctx);
  const { result, draft, template, period } = outcome;
  const locale = ctx.caller.locale;
  const title = `${periodLabel(period, locale)} — ${template.name[locale]}`;
  const shown = (reply: string, choices?: Choice[][]): Answer => ({ replies: [text(reply, { replace: true, choices })] });
  if (!result.ok) {
    if (result.reason === "deadline-past") return shown(ctx.t("newround-deadline-passed-meanwhile", { deadline: await ctx.formatTime(new Date(draft.deadline!)) }));
    if (result.reason === "duplicate") return shown(await alreadyOpen(ctx, result.roundId), [[{ label: ctx.t("newround-button-rounds"), action: { op: "rounds.list" } }]]);
    return shown(ctx.t("newround-no-units"));
  }
  logger.info({ roundId: result.roundId, units: result.unitIds.length }, "round opened");
  const plan = await replanRound({ prisma, queue: ctx.deps.reminderQueue, logger, now: ctx.deps.now }, result.roundId);
  const deadline = showDeadline(ctx, new Date(draft.deadline!), org.timezone, await workingCalendar(ctx));
  const lines = [ctx.t("newround-opened", { round: title, deadline: deadline.when, units: result.unitIds.length })];
  try {
    // The notices go through the queue, paced; the secretary hears how the batch went when it is done.
    const prompted = await announceToReporters(ctx, result.roundId, "round-opened");
    if (prompted.queued > 0) lines.push(ctx.t("newround-opened-prompted", { count: prompted.queued }));
    else if (!ctx.deps.notices) lines.push(ctx.t("newround-opened-prompt-error"));
    if (prompted.unitsWithoutReporter.length > 0) {
      lines.push(ctx.t("newround-opened-no-reporter", { count: prompted.unitsWithoutReporter.length, units: namesWithin(ctx, prompted.unitsWithoutReporter) }));
    }
  } catch (error) {
    // The round is open and its reminders planned; the reporters hear of it from those.
    logger.warn({ err: error, roundId: result.roundId }, "could not prompt the reporters");
    lines.push(ctx.t("newround-opened-prompt-error"));
  }
  if (plan) lines.push(ctx.t("newround-opened-reminders", { count: plan.added.length + plan.kept.length }));
  return shown(lines.join("\n"));
}

