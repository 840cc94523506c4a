import { LineCounter, parseDocument, type Document, type Node } from "yaml";
import { z } from "zod";
import { isTimeZone } from "../domain/calendar/zoned-time.ts";
import { DISTRIBUTION_PLACEHOLDERS, scanPlaceholders } from "../domain/template/placeholders.ts";
import { checkYamlLimits, ORG_YAML_LIMITS } from "../domain/yaml-limits.ts";
import { UNIT_KIND_KEY, unitKindsOf } from "../domain/unit-kind.ts";

const text = z.string().trim().min(1, "must not be empty");


export const UNIT_CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const unitSchema = z.strictObject({
  code: z.string().regex(UNIT_CODE, "must be lower-case letters and digits joined by -, e.g. phong-quan-ly-khoa-hoc"),
  name: text,
  /** One of the organisation's unitKinds (or of the six default kinds when it defines none). */
  kind: z.string().regex(UNIT_KIND_KEY, "must be a unit kind key: lower-case letters, digits and _"),
  order: z.number().int().min(1, "must be 1 or more").optional(),
  active: z.boolean().default(true),
});

const unitKindSchema = z.strictObject({
  key: z.string().regex(UNIT_KIND_KEY, "must be lower-case letters, digits and _, starting with a letter, e.g. office"),
  label: z.preprocess(
    (value) => (typeof value === "string" ? { vi: value } : value),
    z.strictObject({ vi: text, en: text.optional() }).transform((l) => ({ vi: l.vi, en: l.en ?? l.vi })),
  ),
});

const organisationSchema = z.strictObject({
  name: text,
  shortName: text,
  /** Short form after the first mention in running text, {orgShort}: "Sở". */
  shortForm: z.string().trim().default(""),
  /** The unit that drafts reports, for "Lưu: VT, {drafterUnit}": "VP". */
  drafterUnit: z.string().trim().default(""),
  parentName: text,
  symbol: text,
  place: text,
  signerAuthority: text.optional(),
  signerTitle: text,
  signerName: text,
  recipients: z.array(text).default([]),
  distribution: z.array(text).default([]),
  profileText: z.string().default(""),
  // Left out: a new organisation takes TZ_REPORTS, an existing one keeps its own.
  timezone: z.string().refine(isTimeZone, "must be an IANA time zone such as Asia/Ho_Chi_Minh").optional(),
});

export const orgFileSchema = z.strictObject({
  organisation: organisationSchema,
  /** The organisation's own kinds of units; none: department, affiliated, trade_union, youth_union, party_cell, other. */
  unitKinds: z.array(unitKindSchema).default([]),
  units: z.array(unitSchema).default([]),
});

/** Units whose kind the organisation does not have, and kinds defined twice; on the raw data, like duplicateCodes. */
function kindProblems(raw: unknown): { path: (string | number)[]; message: string }[] {
  const file = (raw ?? {}) as { unitKinds?: unknown; units?: unknown };
  const defined = Array.isArray(file.unitKinds) ? file.unitKinds.map((k) => (k as { key?: unknown } | null)?.key).filter((k): k is string => typeof k === "string") : [];
  const problems: { path: (string | number)[]; message: string }[] = [];
  defined.forEach((key, i) => {
    if (defined.indexOf(key) !== i) problems.push({ path: ["unitKinds", i, "key"], message: `unit kind "${key}" is defined twice` });
  });
  const known = [...new Set(unitKindsOf(defined.map((key) => ({ key, label: { vi: key, en: key } }))).map((k) => k.key))];
  if (!Array.isArray(file.units)) return problems;
  file.units.forEach((unit, i) => {
    const kind = (unit as { kind?: unknown } | null)?.kind;
    if (typeof kind === "string" && UNIT_KIND_KEY.test(kind) && !known.includes(kind)) {
      problems.push({ path: ["units", i, "kind"], message: `must be one of ${known.join(", ")}${defined.length === 0 ? " (or define the organisation's own under unitKinds)" : ""}` });
    }
  });
  return problems;
}

/** "Nơi nhận" lines may name {drafterUnit}, {org} and {orgShort}; anything else in braces would print as typed. */
function distributionProblems(raw: unknown): { path: (string | number)[]; message: string }[] {
  const lines = (raw as { organisation?: { distribution?: unknown } } | null)?.organisation?.distribution;
  if (!Array.isArray(lines)) return [];
  return lines.flatMap((line, i) =>
    typeof line !== "string"
      ? []
      : scanPlaceholders(line)
          .filter((use) => use.name === null || !(DISTRIBUTION_PLACEHOLDERS as readonly string[]).includes(use.name))
          .map((use) => ({ path: ["organisation", "distribution", i], message: `${use.raw} is not a placeholder here; allowed: {drafterUnit}, {org}, {orgShort}` })),
  );
}

/** Unit codes used twice; checked on the raw data so they are reported along with every other problem. */
function duplicateCodes(raw: unknown): { path: (string | number)[]; message: string }[] {
  const units = (raw as { units?: unknown } | null)?.units;
  if (!Array.isArray(units)) return [];
  const seen = new Map<string, number>();
  const problems: { path: (string | number)[]; message: string }[] = [];
  units.forEach((unit, i) => {
    const code = (unit as { code?: unknown } | null)?.code;
    if (typeof code !== "string") return;
    const previous = seen.get(code);
    if (previous !== undefined) problems.push({ path: ["units", i, "code"], message: `duplicate unit code "${code}" (also units[${previous}])` });
    else seen.set(code, i);
  });
  return problems;
}

export type OrgFile = z.infer<typeof orgFileSchema>;
export type OrgFileUnit = OrgFile["units"][number];

export class OrgFileError extends Error {
  override name = "OrgFileError";
  constructor(
    readonly source: string,
    readonly problems: readonly { path: string; line?: number; message: string }[],
  ) {
    super(`${source}: invalid organisation file\n${problems.map((p) => `  ${p.line ? `line ${p.line}: ` : ""}${p.path || "(root)"}: ${p.message}`).join("\n")}`);
  }
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("");
}

function lineOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = (depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true)) as Node | null;
    const start = node && typeof node === "object" && "range" in node ? node.range?.[0] : undefined;
    if (start !== undefined) return lines.linePos(start).line;
  }
  return undefined;
}

/** Parses and validates an organisation file; every problem is named by its path and line. */
export function parseOrgFile(source: string, sourceName = "org.yaml"): OrgFile {
  const limit = checkYamlLimits(source, ORG_YAML_LIMITS);
  if (limit) throw new OrgFileError(sourceName, [{ path: "", line: limit.line, message: limit.message }]);
  try {
    return parseOrgYaml(source, sourceName);
  } catch (error) {
    if (error instanceof OrgFileError) throw error;
    // What the YAML reader itself throws: an alias naming no anchor, aliases multiplying the document.
    throw new OrgFileError(sourceName, [{ path: "", message: `YAML: ${(error as Error).message}` }]);
  }
}

function parseOrgYaml(source: string, sourceName: string): OrgFile {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new OrgFileError(
      sourceName,
      doc.errors.map((e) => ({ path: "", line: lines.linePos(e.pos[0]).line, message: `YAML syntax: ${e.message.split("\n")[0]}` })),
    );
  }
  const raw = doc.toJS({ maxAliasCount: 100 });
  const result = orgFileSchema.safeParse(raw);
  const problems = [
    ...(result.success ? [] : result.error.issues).flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => ({ path: pathText([...issue.path, key]), line: lineOf(doc, lines, [...issue.path, key]), message: "unknown field (check the spelling)" }))
        : [{ path: pathText(issue.path), line: lineOf(doc, lines, issue.path), message: issue.message }],
    ),
    ...duplicateCodes(raw).map((p) => ({ path: pathText(p.path), line: lineOf(doc, lines, p.path), message: p.message })),
    ...distributionProblems(raw).map((p) => ({ path: pathText(p.path), line: lineOf(doc, lines, p.path), message: p.message })),
    ...kindProblems(raw).map((p) => ({ path: pathText(p.path), line: lineOf(doc, lines, p.path), message: p.message })),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (problems.length > 0 || !result.success) throw new OrgFileError(sourceName, problems);
  return result.data;
}
