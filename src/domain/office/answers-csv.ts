/** CSV for spreadsheets (RFC 4180): comma-separated, CRLF line ends, UTF-8 with a byte order mark. */

export type CsvCell = string | number | boolean | null;

/** Excel reads a file as UTF-8 (Vietnamese intact) only when it starts with this mark. */
export const UTF8_BOM = "\uFEFF";

/**
 * A text a spreadsheet would run as a formula ("=", "+", "-", "@", or a leading tab or carriage return)
 * gets a leading apostrophe, so opening the export never runs anything a user typed.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One field, quoted when it holds a comma, a quote, a line break or edge spaces; quotes doubled. */
export function csvField(value: CsvCell): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(cells: readonly CsvCell[]): string {
  return cells.map(csvField).join(",");
}

/** The whole file: BOM, header record, data records, each ended by CRLF. */
export function buildCsv(header: readonly string[], records: readonly (readonly CsvCell[])[]): string {
  return UTF8_BOM + [header, ...records].map((cells) => `${csvRecord(cells)}\r\n`).join("");
}

/** One unit's answer to one question, as the export lists it. */
export type AnswerExportRow = {
  unitOrder: number;
  unitCode: string;
  unitName: string;
  status: string;
  questionNumber: number;
  questionKey: string;
  question: string;
  /** Readable answer ("" when unanswered). */
  answer: string;
  /** The stored value as JSON ("" when unanswered), for exact re-use. */
  valueJson: string;
  skipped: boolean;
  revision: number | null;
  author: string;
  updatedAt: string;
  /** false for the office's own questions (self-assessments …), which the report never prints. */
  inReport: boolean;
};

export const ANSWER_EXPORT_COLUMNS = [
  "unitOrder",
  "unitCode",
  "unitName",
  "status",
  "questionNumber",
  "questionKey",
  "question",
  "answer",
  "valueJson",
  "skipped",
  "revision",
  "author",
  "updatedAt",
  "inReport",
] as const satisfies readonly (keyof AnswerExportRow)[];

// Text a person typed or named is neutralised; numbers, keys, JSON and our own labels are not.
const TYPED: ReadonlySet<keyof AnswerExportRow> = new Set(["unitName", "question", "answer", "author"]);

/** The export file: one record per unit × question, columns in ANSWER_EXPORT_COLUMNS order. */
export function answersCsv(header: readonly string[], rows: readonly AnswerExportRow[], yesNo: { yes: string; no: string }): string {
  if (header.length !== ANSWER_EXPORT_COLUMNS.length) throw new Error(`the export has ${ANSWER_EXPORT_COLUMNS.length} columns, got ${header.length} headings`);
  return buildCsv(
    header,
    rows.map((row) =>
      ANSWER_EXPORT_COLUMNS.map((column): CsvCell => {
        const value = row[column];
        if (typeof value === "boolean") return value ? yesNo.yes : yesNo.no;
        return typeof value === "string" && TYPED.has(column) ? neutraliseFormula(value) : value;
      }),
    ),
  );
}
