import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from "docx";
import type { ReportBlock, ReportModel, ReportSection } from "../domain/report/report-model.ts";
import { sanitizeXmlText } from "../domain/sanitize-xml-text.ts";
import { bodyMarker, paragraphWriter, spliceBody } from "./streamed-body.ts";
import { textWidthTwips } from "./text-width.ts";

/** Page and type per Nghị định 30/2020/NĐ-CP, Phụ lục I. All lengths in twips (1/20 pt, 1/1440 inch). */
const mm = (value: number) => Math.round((value * 1440) / 25.4);

export const PAGE = {
  width: 11906, // A4 210 mm
  height: 16838, // A4 297 mm
  marginTop: mm(20),
  marginBottom: mm(20),
  marginLeft: mm(30),
  marginRight: mm(15),
  headerDistance: mm(10),
} as const;

export const FONT = "Times New Roman";

const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;
const FIRST_LINE_INDENT = 720; // 1.27 cm
const PARAGRAPH_SPACING = 120; // 6 pt before each paragraph
const LINE_SPACING = 288; // 1.2 lines
const CELL_MARGIN = 57; // 1 mm inside header cells

// The header table reaches 8 mm into the left margin (and a little into the right one) so the national
// title (13 pt bold) and a usual agency name fit on one line each, as in printed originals.
const HEADER_INDENT = -mm(8);
const HEADER_LEFT = 4300;
const HEADER_RIGHT = 5670;

type RunStyle = { size: number; bold?: boolean; italics?: boolean; highlight?: boolean; superScript?: boolean };

const BODY_SIZE = 14;

/**
 * Every run goes through here: cleaned text, line breaks for "\n". Font and the 14 pt body size come from
 * the document defaults, so a long report does not repeat them on every run.
 */
function runs(text: string, style: RunStyle): TextRun[] {
  const lines = sanitizeXmlText(text).split("\n");
  return lines.map(
    (line, i) =>
      new TextRun({
        text: line,
        size: style.size === BODY_SIZE ? undefined : style.size * 2,
        bold: style.bold,
        italics: style.italics,
        highlight: style.highlight ? "yellow" : undefined,
        superScript: style.superScript,
        break: i > 0 ? 1 : undefined,
      } satisfies IRunOptions),
  );
}

function centred(text: string, style: RunStyle, extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0 },
    children: runs(text, style),
    ...extra,
  });
}

/** A thin solid rule of the given length, centred in the available width: an empty paragraph with a bottom border. */
function rule(length: number, available: number): Paragraph {
  const side = Math.max(0, Math.floor((available - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 40, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    run: { size: 4 },
    children: [],
  });
}

const NO_BORDERS = TableBorders.NONE;

function borderlessTable(columns: readonly number[], cells: readonly Paragraph[][], indent = 0): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...columns],
    indent: indent === 0 ? undefined : { size: indent, type: WidthType.DXA },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: cells.map(
          (children, i) =>
            new TableCell({
              width: { size: columns[i]!, type: WidthType.DXA },
              margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 },
              verticalAlign: VerticalAlignTable.TOP,
              children,
            }),
        ),
      }),
    ],
  });
}

function headerTable(model: ReportModel): Table {
  const { header } = model;
  const leftWidth = HEADER_LEFT - 2 * CELL_MARGIN;
  const rightWidth = HEADER_RIGHT - 2 * CELL_MARGIN;
  // Under the issuing agency: 40 % of its (first line's) length; under the motto: its full length.
  const agencyLine = Math.round(0.4 * Math.min(textWidthTwips(header.organisationName, 13, true), leftWidth));
  const mottoLine = Math.min(textWidthTwips(header.motto, 14, true), rightWidth);
  const left = [
    centred(header.parentName, { size: 13 }),
    centred(header.organisationName, { size: 13, bold: true }),
    rule(agencyLine, leftWidth),
    centred(header.documentNumber, { size: 13 }, { spacing: { before: 120, after: 0 } }),
  ];
  const right = [
    centred(header.nationalTitle, { size: 13, bold: true }),
    centred(header.motto, { size: 14, bold: true }),
    rule(mottoLine, rightWidth),
    centred(header.placeAndDate, { size: 14, italics: true }, { spacing: { before: 120, after: 0 } }),
  ];
  return borderlessTable([HEADER_LEFT, HEADER_RIGHT], [left, right], HEADER_INDENT);
}

/** Body text and section headings share one paragraph style, so Word users can restyle the whole report at once. */
const BODY_STYLE = "ReportBody";
const HEADING_STYLE = "ReportHeading";

function bodyParagraph(children: TextRun[], extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({ style: BODY_STYLE, children, ...extra });
}

function titleBlock(model: ReportModel): Paragraph[] {
  const subjectLine = Math.round(Math.min(textWidthTwips(model.subject, 14, true), TEXT_WIDTH) / 3);
  return [
    centred(model.title, { size: 14, bold: true }, { spacing: { before: 480, after: 0 } }),
    centred(model.subject, { size: 14, bold: true }),
    rule(subjectLine, TEXT_WIDTH),
  ];
}

/** "Kính gửi: X." on one line for one recipient; otherwise each on its own line, aligned after the label. */
function recipientBlock(model: ReportModel): Paragraph[] {
  if (model.recipients.length === 0) return [];
  const spacing = { before: PARAGRAPH_SPACING, after: 0 };
  if (model.recipients.length === 1) {
    return [centred(`Kính gửi: ${model.recipients[0]}`, { size: 14 }, { spacing: { before: 240, after: 0 } })];
  }
  const label = 1134; // "Kính gửi:" starts 2 cm into the text
  const list = label + 1247; // recipients start 2.2 cm after it
  return model.recipients.map((line, i) =>
    new Paragraph({
      indent: { left: list, hanging: i === 0 ? list - label : 0 },
      tabStops: [{ type: TabStopType.LEFT, position: list }],
      spacing: i === 0 ? { ...spacing, before: 240 } : { before: 0, after: 0 },
      children: runs(i === 0 ? `Kính gửi:\t${line}` : line, { size: 14 }),
    }),
  );
}

function blockParagraph(block: ReportBlock): Paragraph {
  if (block.kind === "placeholder") return bodyParagraph(runs(block.text, { size: 14, italics: true, highlight: true }));
  const prefix = block.kind === "bullet" ? "- " : block.kind === "numbered" ? `${block.number}. ` : "";
  if (!block.attribution) return bodyParagraph(runs(`${prefix}${block.text}${block.ending}`, { size: 14 }));
  return bodyParagraph([
    ...runs(`${prefix}${block.text}`, { size: 14 }),
    ...runs(` (${block.attribution})`, { size: 14, italics: true }),
    ...(block.ending ? runs(block.ending, { size: 14 }) : []),
  ]);
}

function* sectionParagraphs(section: ReportSection): Generator<Paragraph> {
  const heading = section.number ? `${section.number} ${section.heading}` : section.heading;
  const bold = section.headingStyle === "bold" || section.headingStyle === "bold-italic";
  const italics = section.headingStyle === "italic" || section.headingStyle === "bold-italic";
  // The heading style sets bold; a plain or italic heading says so on its run.
  yield new Paragraph({ style: HEADING_STYLE, children: runs(heading, { size: 14, bold, italics }) });
  for (const block of section.blocks) yield blockParagraph(block);
  for (const child of section.children) yield* sectionParagraphs(child);
}

function signatureTable(model: ReportModel): Table {
  const left = [
    new Paragraph({ spacing: { before: 0, after: 0 }, children: runs("Nơi nhận:", { size: 12, bold: true, italics: true }) }),
    ...model.distribution.map(
      (line) =>
        new Paragraph({
          spacing: { before: 0, after: 0 },
          children: [
            ...runs(line.text, { size: 11 }),
            ...(line.superscript ? runs(line.superscript, { size: 11, superScript: true }) : []),
            ...(line.ending ? runs(line.ending, { size: 11 }) : []),
          ],
        }),
    ),
  ];
  const signer = model.signer;
  const right = [
    ...(signer.authority ? [centred(signer.authority, { size: 14, bold: true })] : []),
    centred(signer.title, { size: 14, bold: true }),
    // Room for the signature and the seal.
    ...Array.from({ length: 4 }, () => centred("", { size: 14 })),
    centred(signer.name, { size: 14, bold: true }),
  ];
  return borderlessTable([4253, TEXT_WIDTH - 4253], [left, right]);
}

function statusAppendix(model: ReportModel): (Paragraph | Table)[] {
  const cell = (text: string, width: number, bold = false, center = false) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { left: 85, right: 85, top: 40, bottom: 40 },
      children: [
        new Paragraph({
          alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { before: 0, after: 0 },
          children: runs(text, { size: 13, bold }),
        }),
      ],
    });
  const columns = [851, 5103, TEXT_WIDTH - 851 - 5103];
  const rows = [
    new TableRow({
      tableHeader: true,
      children: [cell("STT", columns[0]!, true, true), cell("Đơn vị", columns[1]!, true, true), cell("Tình trạng", columns[2]!, true, true)],
    }),
    ...model.unitStatus.map(
      (line, i) =>
        new TableRow({
          cantSplit: true,
          children: [cell(String(i + 1), columns[0]!, false, true), cell(line.unitName, columns[1]!), cell(line.statusLabel, columns[2]!)],
        }),
    ),
  ];
  return [
    centred("PHỤ LỤC", { size: 14, bold: true }, { pageBreakBefore: true }),
    centred("TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC ĐƠN VỊ", { size: 14, bold: true }),
    centred([model.statusSummary, model.deadlineLine].filter(Boolean).join(" "), { size: 14, italics: true }, {
      spacing: { before: 60, after: 240 },
    }),
    new Table({
      layout: TableLayoutType.FIXED,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: columns,
      rows,
    }),
  ];
}

/** Report model → .docx bytes, laid out by Nghị định 30/2020. */
export async function renderReportDocx(model: ReportModel): Promise<Buffer> {
  // The sections, which grow with the number of units, are written paragraph by paragraph (streamed-body.ts).
  const marker = bodyMarker();
  const body: (Paragraph | Table)[] = [
    headerTable(model),
    ...titleBlock(model),
    ...recipientBlock(model),
    bodyParagraph(runs(model.preamble, { size: 14 }), { spacing: { before: 240, after: 0, line: LINE_SPACING, lineRule: LineRuleType.AUTO } }),
    new Paragraph({ children: [new TextRun(marker)] }),
    bodyParagraph(runs(model.closing, { size: 14 })),
    new Paragraph({ spacing: { before: 120, after: 0 }, children: [] }),
    signatureTable(model),
    ...(model.showStatusAppendix ? statusAppendix(model) : []),
  ];

  const document = new Document({
    creator: sanitizeXmlText(model.header.organisationName),
    title: sanitizeXmlText(`${model.title} ${model.subject}`),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: BODY_SIZE * 2, language: { value: "vi-VN" } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
      paragraphStyles: [
        {
          id: BODY_STYLE,
          name: "Report body",
          basedOn: "Normal",
          quickFormat: true,
          paragraph: {
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: FIRST_LINE_INDENT },
            spacing: { before: PARAGRAPH_SPACING, after: 0, line: LINE_SPACING, lineRule: LineRuleType.AUTO },
          },
        },
        {
          id: HEADING_STYLE,
          name: "Report heading",
          basedOn: BODY_STYLE,
          next: BODY_STYLE,
          quickFormat: true,
          paragraph: { keepNext: true, keepLines: true },
          run: { bold: true },
        },
      ],
    },
    sections: [
      {
        properties: {
          // Page 1 gets the empty first-page header; numbers start on page 2.
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: PAGE.marginTop,
              bottom: PAGE.marginBottom,
              left: PAGE.marginLeft,
              right: PAGE.marginRight,
              header: PAGE.headerDistance,
              footer: PAGE.headerDistance,
            },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  const xml = paragraphWriter(document);
  const sections: string[] = [];
  for (const section of model.sections) for (const paragraph of sectionParagraphs(section)) sections.push(xml(paragraph));
  return spliceBody(await Packer.toBuffer(document), marker, sections.join(""));
}
