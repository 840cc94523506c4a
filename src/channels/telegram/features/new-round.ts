import { Composer, InlineKeyboard } from "grammy";
import { formatDateTime } from "../../../conversation/format-time.ts";
import { FOCUS, lockSession, patchSession } from "../../../conversation/session-store.ts";
import { deadlineExample } from "../../../domain/calendar/deadline-input.ts";
import { makePeriod, periodLabel, periodLabelWithoutYear, type Period, type PeriodKind } from "../../../domain/calendar/period.ts";
import { PERIOD_KINDS, periodsPerYear, suggestedPeriods } from "../../../domain/calendar/period-suggestion.ts";
import { localDateOf } from "../../../domain/calendar/zoned-time.ts";
import { parseRecipientLines, parseRequestDocument, RECIPIENT_MAX_LENGTH, RECIPIENTS_MAX, REQUEST_DOCUMENT_MAX } from "../../../domain/round-input.ts";
import type { Template } from "../../../domain/template/template-schema.ts";
import { ensureBundledTemplates, type StoredTemplate } from "../../../report/ensure-template.ts";
import { askedUnits } from "../../../rounds/asked-units.ts";
import { openRound, type OpenRoundResult } from "../../../rounds/open-round.ts";
import { templateById } from "../../../submissions/round-template.ts";
import { sessionKeyOf } from "../../../use-cases/identify.ts";

const telegramSessionKey = (chatId: number) => sessionKeyOf("telegram", String(chatId));
import type { BotContext } from "../context.ts";
import { secretOf } from "../legacy-secret.ts";
import { readRoundsButton, roundsButton, ROUNDS_PREFIX } from "../keyboards/rounds-keyboard.ts";
import { announceToReporters } from "../../../use-cases/announce.ts";
import { replanWithBot } from "../legacy-bridge.ts";
import { nowOf, requireOffice, showScreen } from "./office-access.ts";
import { readRoundsPending, ROUNDS_FOCUS, ROUNDS_PART, roundsPending, setRoundsPending, type NewRoundDraft, type NewRoundStep } from "./rounds-session.ts";
import { readDeadline } from "./typed-deadline.ts";

/** /newround (office): template, period, deadline, request document, recipients, summary, open. */
export const newRoundFeature = new Composer<BotContext>();
const priv = newRoundFeature.chatType("private");

type Organisation = { id: number; timezone: string; recipients: string[] };

const KIND_KEYS: Record<PeriodKind, string> = {
  MONTH: "newround-kind-month",
  QUARTER: "newround-kind-quarter",
  HALF_YEAR: "newround-kind-half-year",
  NINE_MONTHS: "newround-kind-nine-months",
  YEAR: "newround-kind-year",
};

/** The button each step waits for; a button of another step is an old one. */
const STEP_OF_OP: Record<string, NewRoundStep> = { nt: "template", nk: "kind", np: "period", no: "period", nn: "number", ny: "year", nq: "request", nr: "recipients", nc: "confirm" };

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && v.trim() !== "") : [];
}

// One deployment serves one organisation: the first one imported.
async function organisation(ctx: BotContext): Promise<Organisation | null> {
  const org = await ctx.deps.prisma.organisation.findFirst({ orderBy: { id: "asc" }, select: { id: true, timezone: true, recipients: true } });
  return org ? { id: org.id, timezone: org.timezone, recipients: strings(org.recipients) } : null;
}

function sessionKey(ctx: BotContext): string {
  return telegramSessionKey(ctx.chat!.id);
}

function draftPeriod(draft: NewRoundDraft): Period | null {
  if (!draft.periodKind || draft.periodYear === undefined || draft.periodNumber === undefined) return null;
  return makePeriod(draft.periodKind, draft.periodYear, draft.periodNumber);
}

/** The recipients a round gets unless the office types others: the template's, else the organisation's. */
function defaultRecipients(template: Template, org: Organisation): string[] {
  return template.recipients.length > 0 ? [...template.recipients] : org.recipients;
}

function time(ctx: BotContext, org: Organisation, instant: Date): string {
  return formatDateTime(instant, org.timezone, ctx.locale);
}

function cancelRow(ctx: BotContext, keyboard: InlineKeyboard): InlineKeyboard {
  return keyboard.row().add(roundsButton(ctx.t("newround-button-cancel"), "nx", [], secretOf(ctx)));
}

/** The screen of the draft's current step, in place of the pressed message or as a new one. */
async function showStep(ctx: BotContext, draft: NewRoundDraft, org: Organisation, templates: readonly StoredTemplate[] = []): Promise<void> {
  const secret = secretOf(ctx);
  const keyboard = new InlineKeyboard();
  const template = draft.templateId === undefined ? null : await templateById(ctx.deps.prisma, draft.templateId);
  const templateName = template?.name[ctx.locale] ?? "";
  const period = draftPeriod(draft);
  const today = localDateOf(nowOf(ctx), org.timezone);
  let text: string;
  switch (draft.step) {
    case "template": {
      for (const row of templates) {
        const name = (await templateById(ctx.deps.prisma, row.id)).name[ctx.locale];
        keyboard.add(roundsButton(name, "nt", [row.id], secret)).row();
      }
      text = ctx.t("newround-pick-template");
      break;
    }
    case "kind":
      PERIOD_KINDS.forEach((kind, i) => {
        keyboard.add(roundsButton(ctx.t(KIND_KEYS[kind]), "nk", [i], secret));
        if (i === 1) keyboard.row();
      });
      text = ctx.t("newround-pick-kind", { template: templateName });
      break;
    case "period": {
      const kind = draft.periodKind!;
      for (const suggestion of suggestedPeriods(kind, today)) {
        keyboard.add(roundsButton(periodLabel(suggestion, ctx.locale), "np", [PERIOD_KINDS.indexOf(kind), suggestion.number, suggestion.year], secret)).row();
      }
      keyboard.add(roundsButton(ctx.t("newround-button-other-period"), "no", [], secret));
      text = ctx.t("newround-pick-period", { template: templateName, kind: ctx.t(KIND_KEYS[kind]) });
      break;
    }
    case "number": {
      const kind = draft.periodKind!;
      const count = periodsPerYear(kind);
      const perRow = kind === "MONTH" ? 4 : 2;
      for (let n = 1; n <= count; n++) {
        keyboard.add(roundsButton(periodLabelWithoutYear(makePeriod(kind, 2000, n), ctx.locale), "nn", [n], secret));
        if (n % perRow === 0) keyboard.row();
      }
      text = ctx.t("newround-pick-number", { template: templateName, kind: ctx.t(KIND_KEYS[kind]) });
      break;
    }
    case "year": {
      const year = Number(today.slice(0, 4));
      for (const y of [year - 1, year, year + 1]) {
        const label = periodLabel(makePeriod(draft.periodKind!, y, draft.periodNumber ?? 1), ctx.locale);
        keyboard.add(roundsButton(label, "ny", [y], secret)).row();
      }
      text = ctx.t("newround-pick-year", { template: templateName });
      break;
    }
    case "deadline":
      text = ctx.t("newround-ask-deadline", { template: templateName, period: period ? periodLabel(period, ctx.locale) : "", example: period ? deadlineExample(period) : "" });
      break;
    case "request":
      keyboard.add(roundsButton(ctx.t("newround-button-no-request"), "nq", [], secret));
      text = ctx.t("newround-ask-request", { deadline: time(ctx, org, new Date(draft.deadline!)) });
      break;
    case "recipients": {
      const defaults = template ? defaultRecipients(template, org) : [];
      if (defaults.length > 0) keyboard.add(roundsButton(ctx.t("newround-button-keep-recipients"), "nr", [], secret));
      text = ctx.t(defaults.length > 0 ? "newround-ask-recipients" : "newround-ask-recipients-none", {
        recipients: defaults.map((r) => `- ${r}`).join("\n"),
        max: RECIPIENTS_MAX,
      });
      break;
    }
    case "confirm": {
      const units = await askedUnits(ctx.deps.prisma, org.id, template!);
      const withoutReporter = units.filter((u) => u.reporters === 0).map((u) => u.name);
      const lines = [
        ctx.t("newround-summary", {
          template: templateName,
          period: periodLabel(period!, ctx.locale),
          deadline: time(ctx, org, new Date(draft.deadline!)),
          request: draft.requestDocument ?? ctx.t("newround-summary-no-request"),
          recipients: (draft.recipients ?? []).map((r) => `   - ${r}`).join("\n") || `   ${ctx.t("newround-summary-no-recipients")}`,
          units: units.length,
        }),
      ];
      if (withoutReporter.length > 0) lines.push(ctx.t("newround-summary-no-reporter", { count: withoutReporter.length, units: withoutReporter.join(", ") }));
      keyboard.add(roundsButton(ctx.t("newround-button-confirm"), "nc", [], secret));
      text = lines.join("\n\n");
      break;
    }
  }
  cancelRow(ctx, keyboard);
  await showScreen(ctx, text, { reply_markup: keyboard });
}

priv.command("newround", async (ctx) => {
  if (!(await requireOffice(ctx, "rounds.open"))) return;
  const org = await organisation(ctx);
  if (!org) {
    await ctx.reply(ctx.t("newround-no-organisation"));
    return;
  }
  const templates = await ensureBundledTemplates(ctx.deps.prisma);
  // With one template there is nothing to choose.
  const draft: NewRoundDraft = templates.length === 1 ? { kind: "new", step: "kind", templateId: templates[0]!.id } : { kind: "new", step: "template" };
  await setRoundsPending(ctx.deps.prisma, sessionKey(ctx), draft);
  await showStep(ctx, draft, org, templates);
});

async function stale(ctx: BotContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t("newround-stale-button"), show_alert: true });
}

priv.callbackQuery(new RegExp(`^${ROUNDS_PREFIX}:n[a-z]:`), async (ctx) => {
  const button = readRoundsButton(ctx.callbackQuery.data, secretOf(ctx));
  if (!button) {
    await ctx.answerCallbackQuery({ text: ctx.t("button-forged"), show_alert: true });
    return;
  }
  if (!(await requireOffice(ctx, "rounds.open"))) return;
  const { prisma } = ctx.deps;
  const key = sessionKey(ctx);
  const { pending } = await roundsPending(prisma, key);
  const draft = pending?.kind === "new" ? pending : null;
  if (button.op === "nx") {
    if (draft) await setRoundsPending(prisma, key, null);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, ctx.t(draft ? "newround-cancelled" : "newround-nothing-to-cancel"));
    return;
  }
  const org = await organisation(ctx);
  if (!draft || !org || STEP_OF_OP[button.op] !== draft.step) return stale(ctx);
  const [a, b, c] = button.args;
  let next: NewRoundDraft | null = null;
  switch (button.op) {
    case "nt": {
      const exists = a === undefined ? null : await prisma.template.findUnique({ where: { id: a }, select: { id: true } });
      if (exists) next = { ...draft, step: "kind", templateId: exists.id };
      break;
    }
    case "nk": {
      const kind = PERIOD_KINDS[a ?? -1];
      if (kind) next = { ...draft, step: "period", periodKind: kind };
      break;
    }
    case "np": {
      const kind = PERIOD_KINDS[a ?? -1];
      if (kind && kind === draft.periodKind && b !== undefined && c !== undefined) {
        try {
          const period = makePeriod(kind, c, b);
          next = { ...draft, step: "deadline", periodNumber: period.number, periodYear: period.year };
        } catch {
          next = null;
        }
      }
      break;
    }
    case "no":
      next = { ...draft, step: periodsPerYear(draft.periodKind!) > 1 ? "number" : "year", periodNumber: periodsPerYear(draft.periodKind!) > 1 ? undefined : 1 };
      break;
    case "nn":
      if (a !== undefined && a >= 1 && a <= periodsPerYear(draft.periodKind!)) next = { ...draft, step: "year", periodNumber: a };
      break;
    case "ny":
      if (a !== undefined && a >= 2000 && a <= 2100) next = { ...draft, step: "deadline", periodYear: a };
      break;
    case "nq":
      next = { ...draft, step: "recipients", requestDocument: null };
      break;
    case "nr": {
      const template = await templateById(prisma, draft.templateId!);
      next = { ...draft, step: "confirm", recipients: defaultRecipients(template, org) };
      break;
    }
    case "nc":
      await ctx.answerCallbackQuery();
      return confirm(ctx, org);
  }
  if (!next) return stale(ctx);
  await setRoundsPending(prisma, key, next);
  await ctx.answerCallbackQuery();
  await showStep(ctx, next, org);
});

/** Typed text for the step that waits for it: the deadline, the request document, the recipients. */
export async function newRoundText(ctx: BotContext, draft: NewRoundDraft, text: string): Promise<void> {
  if (!(await requireOffice(ctx, "rounds.open"))) return setRoundsPending(ctx.deps.prisma, sessionKey(ctx), null);
  const org = await organisation(ctx);
  if (!org) return setRoundsPending(ctx.deps.prisma, sessionKey(ctx), null);
  let next: NewRoundDraft;
  switch (draft.step) {
    case "deadline": {
      const period = draftPeriod(draft);
      const deadline = readDeadline(ctx, text, org.timezone, period ? deadlineExample(period) : "");
      if (typeof deadline === "string") {
        await ctx.reply(deadline);
        return;
      }
      next = { ...draft, step: "request", deadline: deadline.toISOString() };
      break;
    }
    case "request": {
      const parsed = parseRequestDocument(text);
      if (!parsed.ok) {
        await ctx.reply(ctx.t(`newround-request-${parsed.problem}`, { max: REQUEST_DOCUMENT_MAX, length: parsed.length ?? 0 }));
        return;
      }
      next = { ...draft, step: "recipients", requestDocument: parsed.value };
      break;
    }
    case "recipients": {
      const parsed = parseRecipientLines(text);
      if (!parsed.ok) {
        await ctx.reply(ctx.t(`newround-recipients-${parsed.problem}`, { max: parsed.problem === "too-many" ? RECIPIENTS_MAX : RECIPIENT_MAX_LENGTH, length: parsed.length ?? 0 }));
        return;
      }
      next = { ...draft, step: "confirm", recipients: parsed.value };
      break;
    }
    default:
      await ctx.reply(ctx.t("newround-use-buttons"));
      return;
  }
  await setRoundsPending(ctx.deps.prisma, sessionKey(ctx), next);
  await showStep(ctx, next, org);
}

type ConfirmOutcome = { kind: "stale" } | { kind: "done"; result: OpenRoundResult; draft: NewRoundDraft; title: string };

/** Opens the round the summary showed, once: the chat's session row is held while the round is created. */
async function confirm(ctx: BotContext, org: Organisation): Promise<void> {
  const { prisma } = ctx.deps;
  const key = sessionKey(ctx);
  const now = nowOf(ctx);
  const outcome = await prisma.$transaction(
    async (tx): Promise<ConfirmOutcome> => {
      const data = await lockSession(tx, key);
      const draft = readRoundsPending(data[ROUNDS_PART]);
      if (draft?.kind !== "new" || draft.step !== "confirm") return { kind: "stale" };
      const template = await templateById(tx, draft.templateId!);
      const period = draftPeriod(draft)!;
      const result = await openRound(tx, {
        organisationId: org.id,
        templateId: draft.templateId!,
        template,
        period,
        deadline: new Date(draft.deadline!),
        requestDocument: draft.requestDocument ?? null,
        recipients: draft.recipients ?? [],
        actorId: ctx.person!.id,
        now,
      });
      const focused = data[FOCUS] === ROUNDS_FOCUS;
      if (!result.ok && result.reason === "deadline-past") {
        // The summary waited too long: ask for the deadline again, keep the rest.
        await patchSession(tx, key, { [ROUNDS_PART]: { ...draft, step: "deadline" }, [FOCUS]: ROUNDS_FOCUS });
      } else {
        await patchSession(tx, key, {}, focused ? [ROUNDS_PART, FOCUS] : [ROUNDS_PART]);
      }
      return { kind: "done", result, draft, title: `${periodLabel(period, ctx.locale)} — ${template.name[ctx.locale]}` };
    },
    { timeout: 20_000 },
  );
  if (outcome.kind === "stale") {
    await showScreen(ctx, ctx.t("newround-stale-button"));
    return;
  }
  const { result, draft, title } = outcome;
  if (!result.ok) {
    if (result.reason === "deadline-past") {
      await showScreen(ctx, ctx.t("newround-deadline-passed-meanwhile", { deadline: time(ctx, org, new Date(draft.deadline!)) }));
      return;
    }
    await showScreen(ctx, result.reason === "duplicate" ? ctx.t("newround-duplicate", { round: title }) : ctx.t("newround-no-units"));
    return;
  }
  ctx.logger.info({ roundId: result.roundId, units: result.unitIds.length }, "round opened");
  const plan = await replanWithBot(ctx.deps, result.roundId);
  const lines = [ctx.t("newround-opened", { round: title, deadline: time(ctx, org, new Date(draft.deadline!)), units: result.unitIds.length })];
  try {
    const prompted = await announceToReporters(ctx.useCase, result.roundId, "round-opened");
    lines.push(ctx.t("newround-opened-prompted", { count: prompted.queued }));
    if (prompted.unitsWithoutReporter.length > 0) {
      lines.push(ctx.t("newround-opened-no-reporter", { count: prompted.unitsWithoutReporter.length, units: prompted.unitsWithoutReporter.join(", ") }));
    }
  } catch (error) {
    // The round is open and its reminders planned; the reporters hear of it from those.
    ctx.logger.warn({ err: error, roundId: result.roundId }, "could not prompt the reporters");
    lines.push(ctx.t("newround-opened-prompt-error"));
  }
  if (plan) lines.push(ctx.t("newround-opened-reminders", { count: plan.added.length + plan.kept.length }));
  await showScreen(ctx, lines.join("\n"));
}
