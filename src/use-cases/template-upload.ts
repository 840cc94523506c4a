import { z } from "zod";
import { shorten } from "../conversation/display-answer.ts";
import { cleanText } from "../domain/answer-parsing.ts";
import { can } from "../domain/permissions.ts";
import { collapseSpaces } from "../domain/text-scan.ts";
import { decodeTemplateFile, isTemplateFileName, TEMPLATE_FILE_MAX_BYTES } from "../domain/template/template-file.ts";
import type { TemplateProblem } from "../domain/template/template-error.ts";
import type { TemplateSummary } from "../domain/template/template-summary.ts";
import type { ActionOf } from "../messaging/action.ts";
import type { InboundFile } from "../messaging/inbound-file.ts";
import { text, type Answer, type Reply } from "../messaging/reply.ts";
import { closeTemplateUpload, holdTemplateUpload, pendingTemplateUpload } from "../report/pending-template-uploads.ts";
import { checkTemplateUpload, storeTemplateUpload } from "../report/template-upload.ts";
import { refuseUnlessAllowed } from "./admin-access.ts";
import { chatPart, setChatPart } from "./chat-state.ts";
import { personOf, type UseCaseContext } from "./context.ts";

/** The chat part that names the file waiting for this chat's confirmation (its text is in the database). */
export const TEMPLATE_PART = "template";

const partSchema = z.object({ upload: z.number().int() });

/** Problems beyond this many messages of the channel are counted, not listed: one broken file, one screen. */
const PROBLEM_MESSAGES = 3;
/** One problem's text at most (a YAML reader's message may quote a long line). */
const PROBLEM_MAX = 400;

function say(value: string): Answer {
  return { replies: [text(value)] };
}

/** A file name as shown back: one line, short, nothing a messenger could misread. */
function shownName(fileName: string): string {
  return shorten(collapseSpaces(cleanText(fileName)), 80) || "?";
}

/** Whether a file goes to the template flow whatever screen is open: an administrator's .yaml file. */
export function takesTemplateFile(ctx: UseCaseContext, fileName: string): boolean {
  return can(ctx.caller.actor, "templates.manage") && isTemplateFileName(fileName);
}

function problemLine(ctx: UseCaseContext, problem: TemplateProblem): string {
  const message = shorten(`${problem.path ? `${problem.path}: ` : ""}${problem.message}`, PROBLEM_MAX);
  return problem.line === undefined ? ctx.t("template-upload-problem", { message }) : ctx.t("template-upload-problem-line", { line: problem.line, message });
}

/** As many problem lines as fit the channel's few messages, and how many were left out. */
function problemLines(ctx: UseCaseContext, problems: readonly TemplateProblem[], budget: number): { lines: string[]; left: number } {
  const lines: string[] = [];
  let used = 0;
  for (const problem of problems) {
    const line = problemLine(ctx, problem);
    if (lines.length > 0 && used + line.length + 1 > budget) break;
    lines.push(line);
    used += line.length + 1;
  }
  return { lines, left: problems.length - lines.length };
}

function problemsText(ctx: UseCaseContext, fileName: string, problems: readonly TemplateProblem[], warnings: readonly TemplateProblem[]): string {
  const budget = ctx.caller.textLimit * PROBLEM_MESSAGES - 400;
  const listed = problemLines(ctx, problems, budget);
  if (listed.left > 0) listed.lines.push(ctx.t("template-upload-problems-more", { count: listed.left }));
  const parts = [ctx.t("template-upload-problems", { file: fileName, count: problems.length, problems: listed.lines.join("\n") })];
  if (warnings.length > 0) parts.push([ctx.t("template-upload-warnings"), ...problemLines(ctx, warnings, ctx.caller.textLimit / 2).lines].join("\n"));
  return parts.join("\n\n");
}

/** The summary in the person's language: counts, the sections with their questions, figures, checks, who is asked what. */
function summaryText(ctx: UseCaseContext, summary: TemplateSummary, warnings: readonly TemplateProblem[]): string {
  const { t } = ctx;
  const blocks: string[][] = [
    [
      t("template-upload-summary", {
        name: summary.name,
        key: summary.key,
        sections: summary.sections.length,
        questions: summary.questionCount,
        figures: summary.figures.length,
        checks: summary.checks.length,
      }),
    ],
    [
      t("template-upload-sections-title"),
      ...summary.sections.map(
        (s) => `${"   ".repeat(s.depth)}${s.number ? `${s.number} ` : ""}${s.heading}${s.content === "questions" && s.questions.length > 0 ? ` — ${s.questions.join(", ")}` : ""}`,
      ),
    ],
  ];
  if (summary.figures.length > 0) blocks.push([t("template-upload-figures-title"), ...summary.figures.map((f) => `• ${f}`)]);
  if (summary.checks.length > 0) blocks.push([t("template-upload-checks-title"), ...summary.checks.map((c) => `• ${c}`)]);
  blocks.push([
    t("template-upload-asked-title"),
    ...summary.askedByKind.map((k) => t("template-upload-asked-line", { kind: k.label ? `${k.label} (${k.kind})` : k.kind, count: k.questions.length, questions: k.questions.join(", ") })),
  ]);
  if (summary.officeOnly.length > 0) blocks.push([t("template-upload-office-only", { questions: summary.officeOnly.join(", ") })]);
  if (warnings.length > 0) blocks.push([t("template-upload-warnings"), ...problemLines(ctx, warnings, ctx.caller.textLimit).lines]);
  return blocks.map((lines) => lines.join("\n")).join("\n\n");
}

/**
 * A file someone sent. An administrator's .yaml file is checked: its problems with their lines, or its summary
 * and a preview compiled from example answers, with a choice to store it as the next version. Nothing is stored
 * before that choice. Anyone else, and any other file, is told why the file is not read; a file over the limit
 * is refused before it is downloaded.
 */
export async function receiveTemplateFile(ctx: UseCaseContext, file: InboundFile): Promise<Answer> {
  const { t, caller, deps } = ctx;
  const name = shownName(file.fileName);
  if (!caller.person) return say(t("stranger-refusal"));
  if (!can(caller.actor, "templates.manage")) return say(t("template-upload-admin-only", { file: name }));
  if (!isTemplateFileName(file.fileName)) return say(t("template-upload-wrong-type", { file: name }));
  const maxKb = TEMPLATE_FILE_MAX_BYTES / 1024;
  if (file.size !== null && file.size > TEMPLATE_FILE_MAX_BYTES) return say(t("template-upload-too-large", { file: name, size: Math.ceil(file.size / 1024), max: maxKb }));
  if (file.size === 0) return say(t("template-upload-empty", { file: name }));

  const downloaded = await file.download(TEMPLATE_FILE_MAX_BYTES);
  if (!downloaded.ok) {
    if (downloaded.reason === "too-large") return say(t("template-upload-too-large-read", { file: name, max: maxKb }));
    deps.logger.warn({ channel: caller.channel, detail: downloaded.detail }, "a template file could not be downloaded");
    return say(t("template-upload-download-failed", { file: name }));
  }
  const decoded = decodeTemplateFile(downloaded.bytes);
  if (!decoded.ok) return say(t(decoded.reason === "empty" ? "template-upload-empty" : "template-upload-not-utf8", { file: name }));

  const now = ctx.now();
  const checked = await checkTemplateUpload(deps.prisma, { source: decoded.source, fileName: name, now });
  if (!checked.ok) {
    deps.logger.info({ problems: checked.problems.length, bytes: downloaded.bytes.byteLength }, "a template file was refused");
    return say(problemsText(ctx, name, checked.problems, checked.warnings));
  }
  const summary = summaryText(ctx, checked.summary, checked.warnings);
  const preview = { kind: "document" as const, fileName: checked.preview.fileName, bytes: checked.preview.bytes };
  if (checked.unchanged) {
    return { replies: [text(summary), { ...preview, caption: t("template-upload-unchanged", { version: checked.version }) }] };
  }
  const me = personOf(ctx);
  const upload = await holdTemplateUpload(deps.prisma, { personId: me.id, fileName: name, source: decoded.source, checksum: checked.checksum, now });
  await setChatPart(ctx, TEMPLATE_PART, { upload }, { focus: false });
  const confirm: Reply = {
    ...preview,
    caption: t("template-upload-confirm", { file: name, version: checked.version, key: checked.summary.key }),
    choices: [
      [{ label: t("template-upload-button-store", { version: checked.version }), action: { op: "template.store", upload } }],
      [{ label: t("template-upload-button-cancel"), action: { op: "template.cancel", upload } }],
    ],
  };
  return { replies: [text(summary), confirm] };
}

/** Whether this chat's waiting file is `upload` (a later file, /cancel or a stored one end the wait). */
async function waitingHere(ctx: UseCaseContext, upload: number): Promise<boolean> {
  const parsed = partSchema.safeParse((await chatPart(ctx, TEMPLATE_PART)).value);
  return parsed.success && parsed.data.upload === upload;
}

/**
 * For a choice under a checked file: refused unless the person manages templates; else who and when, and the file
 * while it still waits in this chat for them (null: a later file, /cancel or a stored one ended the wait).
 */
async function choiceOnUpload(ctx: UseCaseContext, upload: number) {
  const refused = refuseUnlessAllowed(ctx, "templates.manage", true);
  if (refused) return { refused };
  const me = personOf(ctx);
  const now = ctx.now();
  const pending = (await waitingHere(ctx, upload)) ? await pendingTemplateUpload(ctx.deps.prisma, upload, me.id, now) : null;
  return { me, now, pending };
}

/** Stores the checked file as the next version of its template (audited); a second confirmation changes nothing. */
export async function storeUploadedTemplate(ctx: UseCaseContext, action: ActionOf<"template.store">): Promise<Answer> {
  const choice = await choiceOnUpload(ctx, action.upload);
  if (choice.refused) return choice.refused;
  const { deps } = ctx;
  const { me, now, pending } = choice;
  if (!pending) return say(ctx.t("template-upload-stale"));
  const result = await storeTemplateUpload(deps.prisma, {
    source: pending.source,
    fileName: pending.fileName,
    actorId: me.id,
    checksum: pending.checksum,
    now,
    claim: (tx) => closeTemplateUpload(tx, pending.id, me.id, now),
  });
  if (!result.ok) {
    if (result.reason === "stale") return say(ctx.t("template-upload-stale"));
    if (result.reason === "changed-since") return say(ctx.t("template-upload-changed-since"));
    // The organisation changed since the check (a unit kind removed): the file waits, its problems shown.
    return say(problemsText(ctx, pending.fileName, result.problems, []));
  }
  await setChatPart(ctx, TEMPLATE_PART, null, { focus: false });
  if (result.unchanged) return say(ctx.t("template-upload-unchanged-at-store", { version: result.version }));
  deps.logger.info({ templateId: result.id, version: result.version }, "a template sent in chat was stored");
  return say(ctx.t("template-upload-stored", { name: result.name, version: result.version }));
}

/** Drops the checked file without storing it. */
export async function cancelUploadedTemplate(ctx: UseCaseContext, action: ActionOf<"template.cancel">): Promise<Answer> {
  const choice = await choiceOnUpload(ctx, action.upload);
  if (choice.refused) return choice.refused;
  const { deps } = ctx;
  const { me, now, pending } = choice;
  if (!pending || !(await closeTemplateUpload(deps.prisma, pending.id, me.id, now))) return say(ctx.t("template-upload-stale"));
  await setChatPart(ctx, TEMPLATE_PART, null, { focus: false });
  return say(ctx.t("template-upload-cancelled", { file: pending.fileName }));
}
