import { parseAnswerValue, type AnswerValue, type DocumentRef } from "../answer-value.ts";
import { parseRequestDocumentParts } from "../round-input.ts";
import { sanitizeXmlText, sanitizeXmlValue } from "../sanitize-xml-text.ts";
import { numberingOf, sectionNumber, type NumberingStyle } from "../template/numbering-style.ts";
import { fillPlaceholders } from "../template/placeholders.ts";
import { templateQuestions, type HeadingStyle, type Question, type TemplateSection } from "../template/template-schema.ts";
import { applyOverrides } from "./apply-overrides.ts";
import { distributionLines } from "./distribution-lines.ts";
import { formatDocumentDate, placeAndDateLine } from "./document-date.ts";
import { documentPlaceholders } from "./document-placeholders.ts";
import { createFigures } from "./figure-values.ts";
import { finishBulletRuns, joinBlocks, mergeQuestion, type Contribution } from "./merge-question.ts";
import { preambleSource } from "./preamble-text.ts";
import { listLines, textLines } from "./punctuation.ts";
import type { AssembleOptions, ReportInput, SubmissionInfo, SubmissionStatus, UnitInfo } from "./report-input.ts";
import type { ReportBlock, ReportModel, ReportSection, UnitStatusLine } from "./report-model.ts";
import { saysNothing } from "./says-nothing.ts";
import { isIncluded, isSubmitted, statusLabel } from "./submission-inclusion.ts";

export const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";
export const EMPTY_SECTION_PLACEHOLDER = "[Chưa có đơn vị nào báo cáo nội dung này]";
export const EMPTY_PROFILE_PLACEHOLDER = "[Chưa có thông tin khái quát của cơ quan: cập nhật trong hồ sơ cơ quan]";

type Built = {
  section: TemplateSection;
  style: NumberingStyle;
  blocks: ReportBlock[];
  overridden: ReportSection["overridden"];
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

/** Every paragraph and item begins a sentence: "quý IV năm 2024, …" at the start reads "Quý IV …". */
function sentenceCase(block: ReportBlock): ReportBlock {
  if (block.kind === "placeholder") return block;
  const first = block.text.charAt(0);
  const upperFirst = first.toLocaleUpperCase("vi");
  return first === upperFirst ? block : { ...block, text: upperFirst + block.text.slice(1) };
}

/** An answer with what only says "nothing to report" taken out; null when nothing is left. */
export function usableAnswer(question: Question, value: AnswerValue): AnswerValue | null {
  switch (question.type) {
    case "short_text":
    case "long_text":
      return saysNothing(value as string) ? null : value;
    case "list": {
      const items = (value as string[]).filter((item) => !saysNothing(item));
      return items.length === 0 ? null : items;
    }
    case "document_ref":
      return saysNothing((value as DocumentRef).text) ? null : value;
    default:
      return value;
  }
}

const DEFAULT_HEADING: Record<NumberingStyle, HeadingStyle> = { decimal: "bold", roman: "bold", outline: "bold", alpha: "bold-italic", none: "bold" };

/**
 * Organisation + round + template + submissions → the report model: sections numbered in order, each with the
 * answers of the included units consolidated in the agency's voice as the template says (merged, counted,
 * summed, computed), placeholders where nobody answered, the secretary's own texts where given, and the list of
 * who submitted. Pure: the same input gives the same model.
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
  const requestText = round.requestDocument === null ? "" : oneLine(round.requestDocument);
  const requestParts = requestText === "" ? null : round.requestDocumentParts ?? parseRequestDocumentParts(requestText);
  const preamble = preambleSource(template, requestParts === null ? null : { ...requestParts, text: oneLine(requestParts.text) });
  const placeholdersIn = (textCase: "heading" | "running") =>
    documentPlaceholders({
      period: round.period,
      organisationName: oneLine(org.shortName),
      organisationShortForm: oneLine(org.shortForm ?? ""),
      requestDocument: preamble.requestDocument === null ? null : oneLine(preamble.requestDocument),
      recipients,
      textCase,
    });
  const running = placeholdersIn("running");
  const headingCase = placeholdersIn("heading");
  const fill = (text: string) => sanitizeXmlText(fillPlaceholders(text, running));
  const fillHeading = (text: string) => sanitizeXmlText(fillPlaceholders(text, headingCase));

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
      if (!question.unitKinds.includes(unit.kind)) {
        warnings.push(`${unit.name}: answer to "${key}" ignored, the question is not asked of ${unit.kind} units`);
        continue;
      }
      if (answer.skipped) continue;
      const parsed = parseAnswerValue(question, sanitizeXmlValue(answer.value));
      if (!parsed.ok) {
        warnings.push(`${unit.name}: answer to "${key}" ignored (${parsed.error})`);
        continue;
      }
      const value = usableAnswer(question, parsed.value);
      if (value === null) continue;
      const list = contributions.get(key) ?? [];
      list.push({ unit, value });
      contributions.set(key, list);
    }
  }
  const askedUnits = (question: Question) => includedUnits.filter((unit) => question.unitKinds.includes(unit.kind));
  const figures = createFigures(template, {
    answers: (key) => (contributions.get(key) ?? []).map((c) => c.value),
    asked: (key) => {
      const question = questionsByKey.get(key);
      return question ? askedUnits(question).length : 0;
    },
  });

  const overridesOf = (key: string) => (input.overrides ?? []).filter((o) => o.sectionKey === key);

  const contentBlocks = (section: TemplateSection): ReportBlock[] => {
    const content = section.content;
    if (!content) return [];
    if (content.type === "text") {
      return textLines(sanitizeXmlText(fillPlaceholders(content.text, { ...running, ...figures.textValues(content.text) }))).map((text) =>
        sentenceCase({ kind: "paragraph", text, ending: "" }),
      );
    }
    if (content.type === "profile") {
      const lines = textLines(sanitizeXmlText(org.profileText));
      if (lines.length === 0) return [{ kind: "placeholder", text: EMPTY_PROFILE_PLACEHOLDER }];
      return lines.map((text) => ({ kind: "paragraph", text, ending: "" }));
    }
    let counter = 0;
    const blocks: ReportBlock[] = [];
    // join: previous continues the question just before, only when that one printed something.
    let previousPrinted = false;
    for (const question of content.questions) {
      if (!question.report) continue;
      const rule = question.merge ?? content.merge;
      const merged = mergeQuestion(question, rule, contributions.get(question.key) ?? [], {
        placeholders: running,
        attribution,
        nextNumber: () => ++counter,
        figures,
        askedUnits,
        warn: (message) => warnings.push(message),
      }).map((block) => (block.kind === "placeholder" ? block : { ...block, text: sanitizeXmlText(block.text) }));
      const previous = blocks.at(-1);
      if (rule.join === "previous" && previousPrinted && previous && merged.length > 0) {
        blocks[blocks.length - 1] = joinBlocks(previous, merged[0]!);
        blocks.push(...merged.slice(1));
      } else {
        blocks.push(...merged);
      }
      previousPrinted = merged.length > 0;
    }
    if (blocks.length > 0) return finishBulletRuns(blocks.map(sentenceCase));
    // An optional introduction above child sections may stay empty without a placeholder.
    const optionalIntro = section.children.length > 0 && content.questions.every((q) => !q.required);
    return section.omitWhenEmpty || optionalIntro ? [] : [{ kind: "placeholder", text: EMPTY_SECTION_PLACEHOLDER }];
  };

  const build = (section: TemplateSection, parentStyle: NumberingStyle | null): Built | null => {
    const style = numberingOf(section, parentStyle);
    const generated = contentBlocks(section);
    const { blocks, overridden } = applyOverrides(generated, overridesOf(section.key), (message) => warnings.push(message));
    const children = section.children.map((child) => build(child, style)).filter((b): b is Built => b !== null);
    const hasSomething = blocks.some((b) => b.kind !== "placeholder") || children.length > 0;
    if (section.omitWhenEmpty && !hasSomething) return null;
    if (blocks.length === 0 && children.length === 0) {
      return { section, style, blocks: [{ kind: "placeholder", text: EMPTY_SECTION_PLACEHOLDER }], overridden, children };
    }
    return { section, style, blocks, overridden, children };
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
      const heading = fillHeading(b.section.heading.vi);
      return {
        key: b.section.key,
        number,
        heading: b.style === "roman" ? upper(heading) : heading,
        style: b.style,
        headingStyle: b.section.headingStyle ?? template.layout.headingStyles[b.style] ?? DEFAULT_HEADING[b.style],
        overridden: b.overridden,
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

  const fallbackYear = round.deadline ? Number(round.deadline.slice(0, 4)) : round.period.year;
  const distribution = distributionLines(nonEmptyLines(org.distribution.length > 0 ? org.distribution : template.distribution), {
    drafterUnit: oneLine(org.drafterUnit ?? ""),
    initials: options.drafterInitials ? oneLine(options.drafterInitials) : null,
    placeholders: running,
  });

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
    title: upper(fillHeading(template.title)),
    subject: fillHeading(template.subject),
    recipients: listLines(recipients, { dashSingle: false }),
    preamble: fill(preamble.source).replace(/\s+/g, " "),
    sections,
    closing: fill(template.closing).replace(/\s+/g, " "),
    distribution,
    signer: {
      authority: org.signerAuthority && oneLine(org.signerAuthority) ? upper(oneLine(org.signerAuthority)) : null,
      title: upper(oneLine(org.signerTitle)),
      name: oneLine(org.signerName),
    },
    unitStatus,
    statusSummary: `Đã nộp ${submitted}/${units.length} đơn vị.`,
    deadlineLine: round.deadline ? `Hạn nộp: ${formatDocumentDate(round.deadline)}` : null,
    showStatusAppendix: options.statusAppendix ?? template.layout.statusAppendix,
    warnings,
  };
}

function nonEmptyLines(items: readonly string[]): string[] {
  return items.map((item) => oneLine(item)).filter((item) => item.length > 0);
}
