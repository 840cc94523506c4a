import { parseAnswerValue } from "../answer-value.ts";
import { sanitizeXmlText, sanitizeXmlValue } from "../sanitize-xml-text.ts";
import { numberingOf, sectionNumber, type NumberingStyle } from "../template/numbering-style.ts";
import { fillPlaceholders } from "../template/placeholders.ts";
import { templateQuestions, type Question, type TemplateSection } from "../template/template-schema.ts";
import { formatDocumentDate, placeAndDateLine } from "./document-date.ts";
import { documentPlaceholders } from "./document-placeholders.ts";
import { finishBulletRuns, mergeQuestion, type Contribution } from "./merge-question.ts";
import { itemText, listLines, textLines } from "./punctuation.ts";
import type { AssembleOptions, ReportInput, SubmissionInfo, SubmissionStatus, UnitInfo } from "./report-input.ts";
import type { ReportBlock, ReportModel, ReportSection, UnitStatusLine } from "./report-model.ts";
import { isIncluded, isSubmitted, statusLabel } from "./submission-inclusion.ts";

export const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";
export const EMPTY_SECTION_PLACEHOLDER = "[Chưa có đơn vị nào báo cáo nội dung này]";
export const EMPTY_PROFILE_PLACEHOLDER = "[Chưa có thông tin khái quát của cơ quan: cập nhật trong hồ sơ cơ quan]";

type Built = {
  section: TemplateSection;
  style: NumberingStyle;
  blocks: ReportBlock[];
  children: Built[];
};

const upper = (text: string) => text.toLocaleUpperCase("vi");

function byReportOrder(a: UnitInfo, b: UnitInfo): number {
  return a.order - b.order || a.name.localeCompare(b.name, "vi") || a.id - b.id;
}

/** Names and titles print on one line whatever was stored. */
function oneLine(text: string): string {
  return sanitizeXmlText(text).replace(/\s+/g, " ").trim();
}

function nonEmptyLines(items: readonly string[]): string[] {
  return items.map((item) => itemText(oneLine(item))).filter((item) => item.length > 0);
}

/**
 * Organisation + round + template + submissions → the report model: sections numbered in order, each with
 * the merged answers of the included units in unit order, placeholders where nobody answered, and the
 * list of who submitted. Pure: the same input gives the same model.
 */
export function assembleReport(input: ReportInput, options: AssembleOptions = {}): ReportModel {
  const includeDrafts = options.includeDrafts ?? false;
  const attribution = options.attribution ?? false;
  const { organisation: org, round, template } = input;
  const warnings: string[] = [];

  const units = [...input.units].sort(byReportOrder);
  const submissions = new Map<number, SubmissionInfo>(input.submissions.map((s) => [s.unitId, s]));
  const statusOf = (unit: UnitInfo): SubmissionStatus => submissions.get(unit.id)?.status ?? "NOT_STARTED";
  const includedUnits = units.filter((unit) => isIncluded(statusOf(unit), includeDrafts));

  const recipients = nonEmptyLines(
    round.recipients.length > 0 ? round.recipients : template.recipients.length > 0 ? template.recipients : org.recipients,
  );
  const placeholders = documentPlaceholders({
    period: round.period,
    organisationShortName: oneLine(org.shortName),
    requestDocument: round.requestDocument === null ? null : oneLine(round.requestDocument),
    recipients,
  });
  const fill = (text: string) => sanitizeXmlText(fillPlaceholders(text, placeholders));

  // Every question's usable answers, validated once, in unit order.
  const questionsByKey = new Map<string, Question>(templateQuestions(template).map((q) => [q.key, q]));
  const contributions = new Map<string, Contribution[]>();
  for (const unit of includedUnits) {
    const answers = submissions.get(unit.id)?.answers ?? {};
    for (const [key, answer] of Object.entries(answers)) {
      const question = questionsByKey.get(key);
      if (!question) {
        warnings.push(`${unit.name}: answer to "${key}" ignored, the template has no such question`);
        continue;
      }
      if (!(question.unitKinds as readonly string[]).includes(unit.kind)) {
        warnings.push(`${unit.name}: answer to "${key}" ignored, the question is not asked of ${unit.kind} units`);
        continue;
      }
      if (answer.skipped) continue;
      const parsed = parseAnswerValue(question, sanitizeXmlValue(answer.value));
      if (!parsed.ok) {
        warnings.push(`${unit.name}: answer to "${key}" ignored (${parsed.error})`);
        continue;
      }
      const list = contributions.get(key) ?? [];
      list.push({ unit, value: parsed.value });
      contributions.set(key, list);
    }
  }

  const contentBlocks = (section: TemplateSection): ReportBlock[] => {
    const content = section.content;
    if (!content) return [];
    if (content.type === "text") {
      return textLines(fill(content.text)).map((text) => ({ kind: "paragraph", text, ending: "" }));
    }
    if (content.type === "profile") {
      const lines = textLines(sanitizeXmlText(org.profileText));
      if (lines.length === 0) return [{ kind: "placeholder", text: EMPTY_PROFILE_PLACEHOLDER }];
      return lines.map((text) => ({ kind: "paragraph", text, ending: "" }));
    }
    let counter = 0;
    const blocks = content.questions.flatMap((question) =>
      mergeQuestion(question, question.merge ?? content.merge, contributions.get(question.key) ?? [], {
        placeholders,
        attribution,
        nextNumber: () => ++counter,
      }),
    );
    if (blocks.length > 0) return finishBulletRuns(blocks);
    // An optional introduction above child sections may stay empty without a placeholder.
    const optionalIntro = section.children.length > 0 && content.questions.every((q) => !q.required);
    return section.omitWhenEmpty || optionalIntro ? [] : [{ kind: "placeholder", text: EMPTY_SECTION_PLACEHOLDER }];
  };

  const build = (section: TemplateSection, parentStyle: NumberingStyle | null): Built | null => {
    const style = numberingOf(section, parentStyle);
    const blocks = contentBlocks(section);
    const children = section.children.map((child) => build(child, style)).filter((b): b is Built => b !== null);
    const hasSomething = blocks.some((b) => b.kind !== "placeholder") || children.length > 0;
    if (section.omitWhenEmpty && !hasSomething) return null;
    if (blocks.length === 0 && children.length === 0) {
      return { section, style, blocks: [{ kind: "placeholder", text: EMPTY_SECTION_PLACEHOLDER }], children };
    }
    return { section, style, blocks, children };
  };

  // Numbers are given after omitted sections are gone, so there are no gaps.
  const numberSections = (built: readonly Built[], parentCore: string | null, depth: number): ReportSection[] => {
    let n = 0;
    return built.map((b) => {
      let number = "";
      let core = parentCore;
      if (b.style !== "none") {
        n += 1;
        ({ label: number, core } = sectionNumber(b.style, n, parentCore));
      }
      const heading = fill(b.section.heading.vi);
      return {
        key: b.section.key,
        number,
        heading: b.style === "roman" ? upper(heading) : heading,
        style: b.style,
        depth,
        blocks: b.blocks,
        children: numberSections(b.children, core, depth + 1),
      };
    });
  };

  const sections = numberSections(
    template.sections.map((s) => build(s, null)).filter((b): b is Built => b !== null),
    null,
    0,
  );

  const unitStatus: UnitStatusLine[] = units.map((unit) => {
    const status = statusOf(unit);
    const included = isIncluded(status, includeDrafts);
    return { unitId: unit.id, unitName: oneLine(unit.name), kind: unit.kind, status, statusLabel: statusLabel(status, included), included };
  });
  const submitted = unitStatus.filter((line) => isSubmitted(line.status)).length;

  const preambleText = round.requestDocument?.trim() || !template.preambleWithoutRequest ? template.preamble : template.preambleWithoutRequest;
  const fallbackYear = round.deadline ? Number(round.deadline.slice(0, 4)) : round.period.year;
  const distribution = nonEmptyLines(org.distribution.length > 0 ? org.distribution : template.distribution);

  return {
    draft: round.reportDate === null,
    header: {
      parentName: upper(oneLine(org.parentName)),
      organisationName: upper(oneLine(org.name)),
      documentNumber: `Số:   /BC-${oneLine(org.symbol)}`,
      nationalTitle: NATIONAL_TITLE,
      motto: MOTTO,
      placeAndDate: placeAndDateLine(oneLine(org.place), round.reportDate, fallbackYear),
    },
    title: upper(fill(template.title)),
    subject: fill(template.subject),
    recipients: listLines(recipients, { dashSingle: false }),
    preamble: fill(preambleText).replace(/\s+/g, " "),
    sections,
    closing: fill(template.closing).replace(/\s+/g, " "),
    distribution: listLines(distribution, { dashSingle: true }),
    signer: {
      authority: org.signerAuthority && oneLine(org.signerAuthority) ? upper(oneLine(org.signerAuthority)) : null,
      title: upper(oneLine(org.signerTitle)),
      name: oneLine(org.signerName),
    },
    unitStatus,
    statusSummary: `Đã nộp ${submitted}/${units.length} đơn vị.`,
    deadlineLine: round.deadline ? `Hạn nộp: ${formatDocumentDate(round.deadline)}` : null,
    showStatusAppendix: options.statusAppendix ?? true,
    warnings,
  };
}
