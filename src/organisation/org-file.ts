import { LineCounter, parseDocument, type Document, type Node } from "yaml";
import { z } from "zod";
import { isTimeZone } from "../domain/calendar/zoned-time.ts";
import { UNIT_KINDS } from "../domain/unit-kind.ts";

const text = z.string().trim().min(1, "must not be empty");


export const UNIT_CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const unitSchema = z.strictObject({
  code: z.string().regex(UNIT_CODE, "must be lower-case letters and digits joined by -, e.g. phong-quan-ly-khoa-hoc"),
  name: text,
  kind: z.enum(UNIT_KINDS, { message: `must be one of ${UNIT_KINDS.join(", ")}` }),
  order: z.number().int().min(1, "must be 1 or more").optional(),
  active: z.boolean().default(true),
});

const organisationSchema = z.strictObject({
  name: text,
  shortName: text,
  parentName: text,
  symbol: text,
  place: text,
  signerAuthority: text.optional(),
  signerTitle: text,
  signerName: text,
  recipients: z.array(text).default([]),
  distribution: z.array(text).default([]),
  profileText: z.string().default(""),
  timezone: z.string().refine(isTimeZone, "must be an IANA time zone such as Asia/Ho_Chi_Minh").default("Asia/Ho_Chi_Minh"),
});

export const orgFileSchema = z.strictObject({ organisation: organisationSchema, units: z.array(unitSchema).default([]) });

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
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new OrgFileError(
      sourceName,
      doc.errors.map((e) => ({ path: "", line: lines.linePos(e.pos[0]).line, message: `YAML syntax: ${e.message.split("\n")[0]}` })),
    );
  }
  const raw = doc.toJS();
  const result = orgFileSchema.safeParse(raw);
  const problems = [
    ...(result.success ? [] : result.error.issues).flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => ({ path: pathText([...issue.path, key]), line: lineOf(doc, lines, [...issue.path, key]), message: "unknown field (check the spelling)" }))
        : [{ path: pathText(issue.path), line: lineOf(doc, lines, issue.path), message: issue.message }],
    ),
    ...duplicateCodes(raw).map((p) => ({ path: pathText(p.path), line: lineOf(doc, lines, p.path), message: p.message })),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (problems.length > 0 || !result.success) throw new OrgFileError(sourceName, problems);
  return result.data;
}
