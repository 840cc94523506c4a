import type { Translate } from "./status-table.ts";

/** Telegram's limit for a document's caption. */
export const CAPTION_LIMIT = 1024;

export type CaptionUnit = { name: string; submitted: boolean; included: boolean };

export type CaptionInput = {
  version: number;
  /** Nothing changed since this stored version: the same file is sent again. */
  reused: boolean;
  /** Compiled after the round closed. */
  final: boolean;
  includeDrafts: boolean;
  attribution: boolean;
  /** The page of who submitted is appended. */
  appendix: boolean;
  /** Sections whose text the secretary wrote. */
  overridden: number;
  /** Every unit of the round, in report order. */
  units: readonly CaptionUnit[];
  /** Answers the compile could not use. */
  warnings: number;
};

export type Caption = { caption: string; followUp: string[] };

/**
 * The caption under the compiled .docx: version, how many units are in it, which have not submitted. When the
 * list of missing units does not fit Telegram's caption limit it moves to a message of its own.
 */
export function compileCaption(input: CaptionInput, t: Translate, limit = CAPTION_LIMIT): Caption {
  const included = input.units.filter((u) => u.included);
  const drafts = included.filter((u) => !u.submitted);
  const missing = input.units.filter((u) => !u.submitted);
  const head: string[] = [t(input.final ? "office-compile-head-final" : "office-compile-head", { version: input.version })];
  if (input.reused) head.push(t("office-compile-reused"));
  head.push(t("office-compile-included", { included: included.length, total: input.units.length }));
  const options: string[] = [];
  if (input.includeDrafts) options.push(t("office-compile-option-drafts"));
  if (input.attribution) options.push(t("office-compile-option-attribution"));
  if (input.appendix) options.push(t("office-compile-option-appendix"));
  if (options.length > 0) head.push(t("office-compile-options", { options: options.join("; ") }));
  if (input.overridden > 0) head.push(t("office-compile-overridden", { count: input.overridden }));
  if (input.warnings > 0) head.push(t("office-compile-warnings", { count: input.warnings }));

  const tail: string[] = [];
  if (drafts.length > 0) tail.push(t("office-compile-drafts", { count: drafts.length, units: drafts.map((u) => u.name).join(", ") }));
  if (missing.length > 0) tail.push(t("office-compile-missing", { count: missing.length, units: missing.map((u) => u.name).join(", ") }));
  else tail.push(t("office-compile-all-submitted"));

  const whole = [...head, ...tail].join("\n");
  if (whole.length <= limit) return { caption: whole, followUp: [] };

  // The lists go to a message of their own; the caption says where they are.
  const short = [...head, t("office-compile-missing-below", { count: missing.length, drafts: drafts.length })].join("\n");
  const lists: string[] = [];
  if (missing.length > 0) lists.push([t("office-compile-missing-title", { count: missing.length }), ...missing.map((u, i) => `${i + 1}. ${u.name}`)].join("\n"));
  if (drafts.length > 0) lists.push([t("office-compile-drafts-title", { count: drafts.length }), ...drafts.map((u, i) => `${i + 1}. ${u.name}`)].join("\n"));
  return { caption: short.length <= limit ? short : `${short.slice(0, limit - 1)}…`, followUp: lists };
}
