import { isLate, isUnreachable, sortByLag, statusCounts, statusSummary, type UnitProgress } from "../domain/office/status-table.ts";
import { can } from "../domain/permissions.ts";
import type { Answer } from "../messaging/reply.ts";
import { roundSummary, type RoundSummary } from "../office/round-choice.ts";
import { dropReportOverride, overriddenSections, sectionLabels, setReportOverride, OVERRIDE_MAX_LENGTH } from "../report/report-overrides.ts";
import type { OpenedLink } from "../web-links/web-links.ts";
import { compileRun } from "./compile.ts";
import { personOf, type UseCaseContext } from "./context.ts";
import { exportRun } from "./export.ts";
import { remindRound } from "./remind.ts";
import { roundTitleOf } from "./round-pick.ts";
import { roundProgress, statusFormat } from "./status.ts";

// The office's desk: the same use cases as /status, /remind, /compile and /export, with the same rights.

export type DeskRow = {
  unitId: number;
  name: string;
  state: string;
  /** NOT_STARTED, IN_PROGRESS … for the page's colour key. */
  status: string;
  progress: string;
  lastChange: string;
  reachable: boolean;
  /** Who cannot be reached, and why; empty when everyone can. */
  reach: string;
  remindable: boolean;
};

export type DeskView = {
  roundId: number;
  title: string;
  deadline: string;
  summary: string;
  open: boolean;
  rows: DeskRow[];
  remindableCount: number;
  canRemind: boolean;
  canCompile: boolean;
  canExport: boolean;
  canEdit: boolean;
  sections: { key: string; label: string }[];
  overrides: { key: string; label: string; version: number; by: string }[];
  overrideMax: number;
};

type DeskRefusal = { refused: true; message: string };

/** The desk's round, for someone who may see the office's view. */
async function deskRound(ctx: UseCaseContext, link: OpenedLink): Promise<RoundSummary | DeskRefusal> {
  if (!can(ctx.caller.actor, "status.all")) return { refused: true, message: ctx.t("office-only") };
  const round = await roundSummary(ctx.deps.prisma, link.roundId);
  return round ?? { refused: true, message: ctx.t("web-not-found") };
}

export function isDeskRefusal(value: unknown): value is DeskRefusal {
  return typeof value === "object" && value !== null && "refused" in value;
}

function stateOf(ctx: UseCaseContext, unit: UnitProgress): string {
  if (unit.status === "SUBMITTED" && unit.editedAfterSubmitAt) return ctx.t("status-editing");
  return ctx.t(`status-${unit.status.toLowerCase().replace("_", "-")}`);
}

export async function deskView(ctx: UseCaseContext, link: OpenedLink): Promise<DeskView | DeskRefusal> {
  const round = await deskRound(ctx, link);
  if (isDeskRefusal(round)) return round;
  const { t, caller } = ctx;
  const fmt = await statusFormat(ctx);
  const units = sortByLag(await roundProgress(ctx, round.id));
  const open = round.status === "OPEN";
  const rows: DeskRow[] = units.map((unit) => {
    const unreachable = isUnreachable(unit);
    const last = [unit.lastActivityAt, unit.submittedAt, unit.returnedAt, unit.acceptedAt].filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0];
    return {
      unitId: unit.unitId,
      name: unit.name,
      state: stateOf(ctx, unit),
      status: unit.status,
      progress: `${unit.answered}/${unit.total}`,
      lastChange: last ? fmt.time(last) : "—",
      reachable: !unreachable,
      reach: unit.reporters === 0 ? t("office-line-no-reporter") : unit.unreachable.map((p) => `${p.name} (${t(`office-reach-${p.reach}`)})`).join(", "),
      remindable: open && isLate(unit) && !unreachable,
    };
  });
  const labels = await sectionLabels(ctx.deps.prisma, round.id);
  const overrides = await overriddenSections(ctx.deps.prisma, round.id);
  const label = (number: string, heading: string) => [number, heading].filter(Boolean).join(" ");
  const shownOverrides: DeskView["overrides"] = [];
  for (const o of overrides.filter((o) => o.item === null)) {
    shownOverrides.push({ key: o.sectionKey, label: label(o.number, o.heading), version: o.version, by: `${o.authorName ?? "—"}, ${await ctx.formatTime(o.at)}` });
  }
  return {
    roundId: round.id,
    title: await roundTitleOf(ctx, round),
    deadline: fmt.time(round.deadline),
    summary: statusSummary(statusCounts(units), t),
    open,
    rows,
    remindableCount: rows.filter((r) => r.remindable).length,
    canRemind: open && can(caller.actor, "rounds.remind"),
    canCompile: can(caller.actor, "reports.compile"),
    canExport: can(caller.actor, "reports.export"),
    canEdit: can(caller.actor, "reports.edit"),
    sections: [...labels.entries()].filter(([, l]) => l.number !== "" || l.heading !== "").map(([key, l]) => ({ key, label: label(l.number, l.heading) })),
    overrides: shownOverrides,
    overrideMax: OVERRIDE_MAX_LENGTH,
  };
}

/** The first text of an answer: what the desk shows after an action. */
function message(answer: Answer): string {
  const texts = answer.replies.flatMap((r) => (r.kind === "text" ? [r.text] : r.caption ? [r.caption] : []));
  return [answer.toast, ...texts].filter(Boolean).join("\n\n");
}

/** "Nhắc" for one late unit, or all of them: the chat's /remind. */
export async function deskRemind(ctx: UseCaseContext, link: OpenedLink, unitId: number | null): Promise<string> {
  const round = await deskRound(ctx, link);
  if (isDeskRefusal(round)) return round.message;
  if (!can(ctx.caller.actor, "rounds.remind")) return ctx.t("office-only");
  return message(await remindRound(ctx, round, unitId, "status"));
}

export type DeskFile = { ok: true; fileName: string; bytes: Uint8Array; contentType: string; note: string } | { ok: false; message: string };

function fileOf(answer: Answer, contentType: string): DeskFile {
  const document = answer.replies.find((r) => r.kind === "document");
  if (!document || document.kind !== "document") return { ok: false, message: message(answer) };
  return { ok: true, fileName: document.fileName, bytes: document.bytes, contentType, note: document.caption ?? "" };
}

/** The round's report compiled (a stored version; the same one when nothing changed), as /compile. */
export async function deskCompile(ctx: UseCaseContext, link: OpenedLink, options: { includeDrafts: boolean; attribution: boolean }): Promise<DeskFile> {
  const flags = (options.includeDrafts ? 1 : 0) | (options.attribution ? 2 : 0);
  return fileOf(await compileRun(ctx, { op: "compile.run", round: link.roundId, flags }), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
}

/** The round's answers as CSV, as /export. */
export async function deskExport(ctx: UseCaseContext, link: OpenedLink): Promise<DeskFile> {
  return fileOf(await exportRun(ctx, { op: "export.run", round: link.roundId }), "text/csv; charset=utf-8");
}

/** The secretary's own text for a section (or back to the generated one when `text` is null). */
export async function deskOverride(ctx: UseCaseContext, link: OpenedLink, sectionKey: string, text: string | null): Promise<string> {
  const round = await deskRound(ctx, link);
  if (isDeskRefusal(round)) return round.message;
  if (!can(ctx.caller.actor, "reports.edit")) return ctx.t("office-only");
  const authorId = personOf(ctx).id;
  const now = ctx.now();
  if (text === null) {
    const dropped = await dropReportOverride(ctx.deps.prisma, { roundId: round.id, sectionKey, authorId, now });
    return dropped.ok ? ctx.t("web-override-dropped") : ctx.t(`web-override-refused-${dropped.reason}`);
  }
  const result = await setReportOverride(ctx.deps.prisma, { roundId: round.id, sectionKey, text, authorId, now });
  return result.ok ? ctx.t("web-override-saved", { version: result.version }) : ctx.t(`web-override-refused-${result.reason}`, { max: OVERRIDE_MAX_LENGTH });
}
