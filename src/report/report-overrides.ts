import { cleanText } from "../domain/answer-parsing.ts";
import { assembleReport } from "../domain/report/assemble-report.ts";
import type { ReportSection } from "../domain/report/report-model.ts";
import { questionsBehindSection } from "../domain/report/section-sources.ts";
import { parseTemplateDefinition } from "../domain/template/load-template.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { inTransaction, type Db } from "../submissions/db-client.ts";
import { itemKey, latestRows } from "./active-overrides.ts";
import { loadRoundRows } from "./round-rows.ts";
import { roundToReportInput } from "./round-report-input.ts";

/** Longest text the secretary may put in place of a section. */
export const OVERRIDE_MAX_LENGTH = 20_000;

// Serialises version numbers per round (pg_advisory_xact_lock(class, roundId)).
const LOCK_CLASS = 0x544f; // "TO"

export type OverrideTarget = { roundId: number; sectionKey: string; /** 1-based item; absent or null: the whole section. */ item?: number | null };

export type SetOverrideResult =
  | { ok: true; version: number; sectionKey: string; item: number | null }
  | { ok: false; reason: "round-not-found" | "round-closed" | "no-such-section" | "no-such-item" | "empty" | "too-long" | "section-overridden" };

export type DropOverrideResult = { ok: true; version: number } | { ok: false; reason: "round-not-found" | "round-closed" | "not-overridden" };

export type OverrideVersion = { version: number; text: string; dropped: boolean; authorId: number | null; authorName: string | null; at: Date };

/** A section or item whose text the secretary wrote, as /status lists it. */
export type OverriddenSection = {
  sectionKey: string;
  /** "3.", "4.1.", "a)"; "" for unnumbered sections or a section left out of the report. */
  number: string;
  heading: string;
  item: number | null;
  version: number;
  authorId: number | null;
  authorName: string | null;
  at: Date;
};

/** An overridden section whose underlying answers changed: the secretary should look at their text again. */
export type AffectedOverride = OverriddenSection & { questionKeys: string[] };


function findSection(sections: readonly ReportSection[], key: string): ReportSection | null {
  for (const section of sections) {
    if (section.key === key) return section;
    const inner = findSection(section.children, key);
    if (inner) return inner;
  }
  return null;
}

async function nextVersion(db: Db, target: OverrideTarget): Promise<number> {
  const last = await db.reportOverride.aggregate({
    where: { roundId: target.roundId, sectionKey: target.sectionKey, itemKey: itemKey(target.item) },
    _max: { version: true },
  });
  return (last._max.version ?? 0) + 1;
}

/**
 * Puts the secretary's text in place of a section's consolidated text (or of one item of it) for every later
 * compile. Each change is a new version; the history is kept.
 */
export function setReportOverride(
  prisma: PrismaClient,
  input: OverrideTarget & { text: string; authorId: number; now?: Date },
): Promise<SetOverrideResult> {
  const text = cleanText(input.text);
  if (text === "") return Promise.resolve({ ok: false, reason: "empty" });
  if (text.length > OVERRIDE_MAX_LENGTH) return Promise.resolve({ ok: false, reason: "too-long" });
  const item = input.item ?? null;
  return inTransaction(prisma, async (tx) => {
    const round = await tx.round.findUnique({ where: { id: input.roundId }, select: { id: true, status: true } });
    if (!round) return { ok: false, reason: "round-not-found" };
    // A closed round's compile is final: its text changes only after the round is reopened.
    if (round.status === "CLOSED") return { ok: false, reason: "round-closed" };
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_CLASS}::int, ${input.roundId}::int)`;
    const rows = await loadRoundRows(tx, input.roundId);
    // Items are counted in the generated text, without the secretary's texts.
    const generated = assembleReport(roundToReportInput({ ...rows, overrides: [] }));
    const section = findSection(generated.sections, input.sectionKey);
    if (!section) return { ok: false, reason: "no-such-section" };
    let replacedText: string | null = null;
    if (item !== null) {
      if (rows.overrides.some((o) => o.sectionKey === input.sectionKey && o.item === null)) return { ok: false, reason: "section-overridden" };
      const block = section.blocks[item - 1];
      if (!Number.isInteger(item) || !block || block.kind === "placeholder") return { ok: false, reason: "no-such-item" };
      replacedText = block.text;
    }
    const version = await nextVersion(tx, input);
    await tx.reportOverride.create({
      data: {
        roundId: input.roundId,
        sectionKey: input.sectionKey,
        item,
        itemKey: itemKey(item),
        version,
        text,
        replacedText,
        authorId: input.authorId,
        createdAt: input.now ?? new Date(),
      },
    });
    await tx.auditEvent.create({
      data: {
        actorId: input.authorId,
        action: "report.override.set",
        entityType: "Round",
        entityId: String(input.roundId),
        data: { sectionKey: input.sectionKey, item, version, length: text.length },
        createdAt: input.now ?? new Date(),
      },
    });
    return { ok: true, version, sectionKey: input.sectionKey, item };
  });
}

/** Returns a section (or item) to its generated text: a new version marked dropped, the history kept. */
export function dropReportOverride(prisma: PrismaClient, input: OverrideTarget & { authorId: number; now?: Date }): Promise<DropOverrideResult> {
  const item = input.item ?? null;
  return inTransaction(prisma, async (tx) => {
    const round = await tx.round.findUnique({ where: { id: input.roundId }, select: { id: true, status: true } });
    if (!round) return { ok: false, reason: "round-not-found" };
    // A closed round's compile is final: its text changes only after the round is reopened.
    if (round.status === "CLOSED") return { ok: false, reason: "round-closed" };
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_CLASS}::int, ${input.roundId}::int)`;
    const latest = await tx.reportOverride.findFirst({
      where: { roundId: input.roundId, sectionKey: input.sectionKey, itemKey: itemKey(item) },
      orderBy: { version: "desc" },
      select: { dropped: true },
    });
    if (!latest || latest.dropped) return { ok: false, reason: "not-overridden" };
    const version = await nextVersion(tx, input);
    await tx.reportOverride.create({
      data: { roundId: input.roundId, sectionKey: input.sectionKey, item, itemKey: itemKey(item), version, dropped: true, authorId: input.authorId, createdAt: input.now ?? new Date() },
    });
    await tx.auditEvent.create({
      data: {
        actorId: input.authorId,
        action: "report.override.dropped",
        entityType: "Round",
        entityId: String(input.roundId),
        data: { sectionKey: input.sectionKey, item, version },
        createdAt: input.now ?? new Date(),
      },
    });
    return { ok: true, version };
  });
}

/** Every version of one target, newest first. */
export async function reportOverrideHistory(db: Db, target: OverrideTarget): Promise<OverrideVersion[]> {
  const rows = await db.reportOverride.findMany({
    where: { roundId: target.roundId, sectionKey: target.sectionKey, itemKey: itemKey(target.item) },
    orderBy: { version: "desc" },
    select: { version: true, text: true, dropped: true, authorId: true, createdAt: true, author: { select: { name: true } } },
  });
  return rows.map((row) => ({ version: row.version, text: row.text, dropped: row.dropped, authorId: row.authorId, authorName: row.author?.name ?? null, at: row.createdAt }));
}

/** Number and heading of every section of the round's report, by key (sections left out have none). */
export async function sectionLabels(prisma: PrismaClient, roundId: number): Promise<Map<string, { number: string; heading: string }>> {
  const rows = await loadRoundRows(prisma, roundId);
  const model = assembleReport(roundToReportInput(rows));
  const labels = new Map<string, { number: string; heading: string }>();
  const visit = (sections: readonly ReportSection[]) => {
    for (const s of sections) {
      labels.set(s.key, { number: s.number, heading: s.heading });
      visit(s.children);
    }
  };
  visit(model.sections);
  const template = parseTemplateDefinition(rows.template.definition);
  const visitTemplate = (sections: typeof template.sections) => {
    for (const s of sections) {
      if (!labels.has(s.key)) labels.set(s.key, { number: "", heading: s.heading.vi });
      visitTemplate(s.children);
    }
  };
  visitTemplate(template.sections);
  return labels;
}

/** Sections and items whose text the secretary wrote, in force, in report order: for /status. */
export async function overriddenSections(prisma: PrismaClient, roundId: number): Promise<OverriddenSection[]> {
  const rows = (await latestRows(prisma, roundId)).filter((row) => !row.dropped);
  if (rows.length === 0) return [];
  const labels = await sectionLabels(prisma, roundId);
  const order = [...labels.keys()];
  return rows
    .map((row) => ({
      sectionKey: row.sectionKey,
      number: labels.get(row.sectionKey)?.number ?? "",
      heading: labels.get(row.sectionKey)?.heading ?? row.sectionKey,
      item: row.item,
      version: row.version,
      authorId: row.authorId,
      authorName: row.author?.name ?? null,
      at: row.createdAt,
    }))
    .sort((a, b) => order.indexOf(a.sectionKey) - order.indexOf(b.sectionKey) || (a.item ?? 0) - (b.item ?? 0));
}

/**
 * The overridden sections (and items) whose text is built from any of these questions: after a unit changes
 * such an answer, the secretary's text may no longer say what the units said. Cheap when nothing is
 * overridden, so the answer-saving path can call it on every save.
 */
export async function overriddenSectionsAffectedBy(prisma: PrismaClient, roundId: number, questionKeys: readonly string[]): Promise<AffectedOverride[]> {
  if (questionKeys.length === 0) return [];
  const active = await prisma.reportOverride.findFirst({ where: { roundId }, select: { id: true } });
  if (!active) return [];
  const overridden = await overriddenSections(prisma, roundId);
  if (overridden.length === 0) return [];
  const round = await prisma.round.findUnique({ where: { id: roundId }, select: { template: { select: { definition: true } } } });
  if (!round) return [];
  const template = parseTemplateDefinition(round.template.definition);
  const out: AffectedOverride[] = [];
  for (const section of overridden) {
    const behind = questionsBehindSection(template, section.sectionKey);
    const hit = questionKeys.filter((key) => behind.includes(key));
    if (hit.length > 0) out.push({ ...section, questionKeys: hit });
  }
  return out;
}

/** A message for the secretary who wrote a section's text, by locale key: the channel renders and sends it. */
export type OverrideNotice = { personId: number; key: "office-override-affected"; vars: { unit: string; number: string; heading: string } };

/**
 * The notices to send after a unit changed these answers: one per secretary whose own section text (or item) is
 * built from them, naming the section once even when several of its items were rewritten. Each text is
 * told about once per unit: the first change is news, the next ones (a page saving as the person types) are
 * not. What was told is kept as an audit event, which is also how the next call knows.
 */
export async function overrideNoticesAfterAnswers(prisma: PrismaClient, input: { roundId: number; unitName: string; questionKeys: readonly string[] }): Promise<OverrideNotice[]> {
  const affected = await overriddenSectionsAffectedBy(prisma, input.roundId, input.questionKeys);
  const seen = new Set<string>();
  const notices: OverrideNotice[] = [];
  for (const section of affected) {
    if (section.authorId === null) continue;
    const key = `${section.authorId}\u0000${section.sectionKey}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const told = `${input.roundId}/${section.sectionKey}/${section.item ?? 0}/v${section.version}/${section.authorId}/${input.unitName}`;
    const already = await prisma.auditEvent.findFirst({ where: { action: "report.override.affected", entityType: "ReportOverride", entityId: told }, select: { id: true } });
    if (already) continue;
    await prisma.auditEvent.create({
      data: { action: "report.override.affected", entityType: "ReportOverride", entityId: told, data: { roundId: input.roundId, sectionKey: section.sectionKey, version: section.version, unit: input.unitName } },
    });
    notices.push({ personId: section.authorId, key: "office-override-affected", vars: { unit: input.unitName, number: section.number, heading: section.heading } });
  }
  return notices;
}

/** A section as the secretary's pen shows it: its place, its text now, and whose text that is. */
export type PenSection = {
  /** Its place among the template's sections, depth first: stable for the round, so a choice can carry it. */
  index: number;
  sectionKey: string;
  /** "3.", "4.1."; a lettered sub-section carries its parent's: "2. a)". */
  number: string;
  heading: string;
  depth: number;
  /** Paragraphs as the report prints them, the secretary's texts applied. */
  lines: string[];
  /** Paragraphs of the generated text: the items an item's text replaces, counted from 1. */
  generatedItems: number;
  overridden: ReportSection["overridden"];
};

function blockLine(block: ReportSection["blocks"][number]): string {
  if (block.kind === "placeholder") return `[${block.text}]`;
  const prefix = block.kind === "bullet" ? "- " : block.kind === "numbered" ? `${block.number}. ` : "";
  return `${prefix}${block.text}${block.ending}`;
}

/**
 * Every section of the round's report in report order, for the secretary to pick one and write its text:
 * sections with no text of their own and only sub-sections are left out (their sub-sections are listed).
 */
export async function penSections(prisma: PrismaClient, roundId: number): Promise<PenSection[]> {
  const rows = await loadRoundRows(prisma, roundId);
  const current = assembleReport(roundToReportInput(rows));
  const generated = assembleReport(roundToReportInput({ ...rows, overrides: [] }));
  const template = parseTemplateDefinition(rows.template.definition);
  const order = new Map<string, number>();
  const number = (sections: typeof template.sections) => {
    for (const s of sections) {
      order.set(s.key, order.size);
      number(s.children);
    }
  };
  number(template.sections);
  const out: PenSection[] = [];
  const visit = (sections: readonly ReportSection[], parent: string) => {
    for (const section of sections) {
      const number = section.number.endsWith(")") && parent ? `${parent} ${section.number}` : section.number;
      if (section.blocks.length > 0 || section.children.length === 0) {
        const plain = findSection(generated.sections, section.key);
        out.push({
          index: order.get(section.key) ?? -1,
          sectionKey: section.key,
          number,
          heading: section.heading,
          depth: section.depth,
          lines: section.blocks.map(blockLine),
          generatedItems: plain ? plain.blocks.filter((b) => b.kind !== "placeholder").length : 0,
          overridden: section.overridden,
        });
      }
      visit(section.children, section.number || parent);
    }
  };
  visit(current.sections, "");
  return out;
}
