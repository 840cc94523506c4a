import type { Reach } from "../reachability.ts";
import type { SubmissionStatus } from "../submission-rules.ts";
import { pageLines } from "./page-lines.ts";

/** Where one unit stands in a round, as the office's progress table shows it. */
export type UnitProgress = {
  unitId: number;
  name: string;
  order: number;
  status: SubmissionStatus;
  /** Questions of the unit with a stored answer (a deliberate skip counts), and all its questions. */
  answered: number;
  total: number;
  lastActivityAt: Date | null;
  submittedAt: Date | null;
  /** Set while a submitted report is changed and not submitted again (the office keeps the submitted version). */
  editedAfterSubmitAt: Date | null;
  returnedAt: Date | null;
  acceptedAt: Date | null;
  /** Questions the office returned for more detail. */
  returnedCount: number;
  /** Active reporters of the unit. */
  reporters: number;
  /** Reporters the bot cannot reach, and why (blocked or unfollowed; Zalo's messaging window closed). */
  unreachable: UnreachablePerson[];
};

export type UnreachablePerson = { name: string; reach: Exclude<Reach, "reachable"> };

export type StatusCounts = {
  total: number;
  /** Submitted or accepted. */
  submitted: number;
  accepted: number;
  inProgress: number;
  notStarted: number;
  returned: number;
  /** Late units nobody can be reminded in (no reporter, or every reporter unreachable). */
  unreachable: number;
};

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export type StatusFormat = { t: Translate; time: (instant: Date) => string };

/** A unit that still owes its report (the reminders' notion too). */
export function isLate(unit: Pick<UnitProgress, "status">): boolean {
  return unit.status !== "SUBMITTED" && unit.status !== "ACCEPTED";
}

/** Nobody in the unit can be reached by the bot. */
export function isUnreachable(unit: Pick<UnitProgress, "reporters" | "unreachable">): boolean {
  return unit.reporters === 0 || unit.unreachable.length >= unit.reporters;
}

// Laggards first: nothing done, sent back, half done; then what is in.
const RANK: Record<SubmissionStatus, number> = { NOT_STARTED: 0, RETURNED: 1, IN_PROGRESS: 2, SUBMITTED: 3, ACCEPTED: 4 };

function fraction(unit: UnitProgress): number {
  return unit.total === 0 ? 1 : unit.answered / unit.total;
}

/**
 * The table's order: not started, returned, in progress (least answered first), submitted, accepted; within
 * a late group the units nobody can be reached in come first, then the report's unit order.
 */
export function sortByLag(units: readonly UnitProgress[]): UnitProgress[] {
  return [...units].sort(
    (a, b) =>
      RANK[a.status] - RANK[b.status] ||
      (isLate(a) ? Number(isUnreachable(b)) - Number(isUnreachable(a)) : 0) ||
      (a.status === "IN_PROGRESS" ? fraction(a) - fraction(b) : 0) ||
      a.order - b.order ||
      a.unitId - b.unitId,
  );
}

export function statusCounts(units: readonly UnitProgress[]): StatusCounts {
  const count = (status: SubmissionStatus) => units.filter((u) => u.status === status).length;
  return {
    total: units.length,
    submitted: count("SUBMITTED") + count("ACCEPTED"),
    accepted: count("ACCEPTED"),
    inProgress: count("IN_PROGRESS"),
    notStarted: count("NOT_STARTED"),
    returned: count("RETURNED"),
    unreachable: units.filter((u) => isLate(u) && isUnreachable(u)).length,
  };
}

function when(fmt: StatusFormat, instant: Date | null): string {
  return instant ? fmt.time(instant) : "—";
}

/** One unit's line: "3. ✍️ Thanh tra Sở — đang trả lời 4/9, lần cuối 10:32 ngày 14/10/2024". */
export function statusLine(unit: UnitProgress, number: number, fmt: StatusFormat): string {
  const { t } = fmt;
  const common = { number, unit: unit.name };
  let line: string;
  switch (unit.status) {
    case "NOT_STARTED":
      line = t("office-line-not-started", common);
      break;
    case "IN_PROGRESS":
      line = t("office-line-in-progress", { ...common, answered: unit.answered, total: unit.total, time: when(fmt, unit.lastActivityAt) });
      break;
    case "RETURNED":
      line = t("office-line-returned", { ...common, count: unit.returnedCount, time: when(fmt, unit.returnedAt) });
      break;
    case "SUBMITTED":
      line = unit.editedAfterSubmitAt
        ? t("office-line-editing", { ...common, time: when(fmt, unit.submittedAt) })
        : t("office-line-submitted", { ...common, time: when(fmt, unit.submittedAt) });
      break;
    case "ACCEPTED":
      line = t("office-line-accepted", { ...common, time: when(fmt, unit.acceptedAt ?? unit.submittedAt) });
      break;
  }
  if (!isLate(unit)) return line;
  if (unit.reporters === 0) return `${line}\n   ${t("office-line-no-reporter")}`;
  if (unit.unreachable.length > 0) {
    const people = unit.unreachable.map((p) => `${p.name} (${t(`office-reach-${p.reach}`)})`).join(", ");
    return `${line}\n   ${t("office-line-unreachable", { people })}`;
  }
  return line;
}

/** The summary under the title: "Đã nộp 12/15 · đang trả lời 2 · …". */
export function statusSummary(counts: StatusCounts, t: Translate): string {
  const lines = [
    t("office-summary", {
      submitted: counts.submitted,
      total: counts.total,
      accepted: counts.accepted,
      inProgress: counts.inProgress,
      notStarted: counts.notStarted,
      returned: counts.returned,
    }),
  ];
  if (counts.unreachable > 0) lines.push(t("office-summary-unreachable", { count: counts.unreachable }));
  return lines.join("\n");
}

/** A page of the table: its text, and which numbered unit is on it (for the remind buttons). */
export type StatusPage = { text: string; units: { number: number; unitId: number; name: string; late: boolean }[] };

export type StatusPagesInput = {
  /** Lines above the table on every page (round, deadline). */
  title: string;
  units: readonly UnitProgress[];
  fmt: StatusFormat;
  /** The channel's message limit (Telegram 4096). */
  limit: number;
  /** At most this many units a page, so a page stays readable on a phone. */
  unitsPerPage: number;
};

/**
 * The office's progress table for one round, laggards first, numbered across pages, each page within the
 * message limit with the title and summary repeated and "Trang 2/3" under it.
 */
export function statusPages(input: StatusPagesInput): StatusPage[] {
  const { t } = input.fmt;
  const sorted = sortByLag(input.units);
  const head = [input.title, statusSummary(statusCounts(sorted), t)].join("\n");
  if (sorted.length === 0) return [{ text: `${head}\n\n${t("office-no-units")}`, units: [] }];
  const lines = sorted.map((unit, i) => statusLine(unit, i + 1, input.fmt));
  // Room for the head, the blank lines around the table and the longest footer.
  const footerRoom = t("office-page", { page: 9999, pages: 9999 }).length + 2;
  const pages = pageLines(lines, { limit: input.limit - head.length - 2 - footerRoom, maxLines: input.unitsPerPage });
  let at = 0;
  return pages.map((pageLinesOf, index) => {
    const units = pageLinesOf.map((_, j) => {
      const unit = sorted[at + j]!;
      return { number: at + j + 1, unitId: unit.unitId, name: unit.name, late: isLate(unit) };
    });
    at += pageLinesOf.length;
    const footer = pages.length > 1 ? `\n\n${t("office-page", { page: index + 1, pages: pages.length })}` : "";
    return { text: `${head}\n\n${pageLinesOf.join("\n")}${footer}`, units };
  });
}
