// Text parsing on 1 MB inputs built to make backtracking patterns take quadratic time: every parser that
// reads what a person types (or a template says), on each input; the slowest input per parser.
import { cleanText, isDoneWord, parseAnswer, parseDocumentRef, splitListItems } from "../src/domain/answer-parsing.ts";
import { foldText } from "../src/domain/text-scan.ts";
import { parseDeadlineInput } from "../src/domain/calendar/deadline-input.ts";
import { cleanDisplayName } from "../src/domain/display-name.ts";
import { itemText } from "../src/domain/report/punctuation.ts";
import { parseRecipientLines, parseRequestDocument } from "../src/domain/round-input.ts";
import { fillPlaceholders, findPlaceholders } from "../src/domain/template/placeholders.ts";
import { templateQuestions, type Question } from "../src/domain/template/template-schema.ts";
import { loadBundledTemplate } from "../src/report/bundled-templates.ts";
import { markdownTable } from "./markdown-table.ts";

export const title = "Text parsing on pathological input";
export const description =
  "`npx tsx bench/text-parsing.bench.ts` — each parser of typed or template text on inputs of 1 MB (1,048,576 characters) " +
  "shaped to make a backtracking pattern retry from every position: long runs of spaces, dots, commas, digits, line breaks " +
  "or braces that do not end the way a pattern wants. Question limits are lifted so the whole input is parsed. " +
  "Median of 3 runs after a warm-up, as CPU time of the process (what the parse costs the bot's thread, whatever else runs " +
  "on the machine) and as wall time; the slowest input per parser. Target: under 50 ms each.";

const SIZE = 1 << 20;
const TARGET_MS = 50;

/** `unit` repeated to SIZE characters, then `tail`. */
const fill = (unit: string, tail = "x", head = "") => head + unit.repeat(Math.ceil((SIZE - head.length - tail.length) / unit.length)).slice(0, SIZE - head.length - tail.length) + tail;

const INPUTS: Record<string, string> = {
  "spaces, then a letter": fill(" "),
  "a letter, spaces, a letter": fill(" ", "x", "x"),
  "tabs and spaces": fill("\t "),
  "dots, then a letter": fill("."),
  "“!” and dots": fill("!."),
  "commas and semicolons": fill(",;"),
  "digits": fill("1", "1"),
  "digits and dots": fill("1.", "1"),
  "digits and spaces": fill("1 ", "1"),
  "digit, long space, slash": fill(" ", "/", "1"),
  "digits and dashes": fill("12-", "-"),
  "letters and digits, no separator": fill("9a", "9"),
  "“của” then spaces": fill(" ", "b", "của a"),
  "line breaks and spaces": fill(" \n"),
  "blank lines": fill("\n"),
  "list bullets": fill("- ", "- x"),
  "open braces": fill("{a", "a"),
  "one brace, then letters": fill("a", "a", "{"),
  "Vietnamese text": fill("Tổ chức hội nghị cán bộ, công chức năm 2024; "),
  "short lines": fill("x\n"),
  "carriage returns": fill("\r"),
  "lone surrogates": fill("\uD800a"),
  "decomposed diacritics": fill("e\u0302\u0301"),
  "bidi and controls": fill("\u202E\u0007 "),
};

const questions = templateQuestions(loadBundledTemplate("dan-chu-co-so"));
const byType = (type: Question["type"]): Question => {
  const question = questions.find((q) => q.type === type);
  // Lifted limits: a long input is parsed whole rather than refused by its length first.
  const base = question ?? { ...questions[0]!, type };
  return { ...base, limits: { ...base.limits, maxLength: SIZE * 2, maxItems: SIZE } };
};
const dateQuestion: Question = { ...byType("short_text"), type: "date" };

const PARSERS: Record<string, (input: string) => unknown> = {
  cleanText: (input) => cleanText(input),
  foldText: (input) => foldText(input),
  "isDoneWord (“xong”)": (input) => isDoneWord(input),
  splitListItems: (input) => splitListItems(input),
  "short text": (input) => parseAnswer(byType("short_text"), input),
  "long text": (input) => parseAnswer(byType("long_text"), input),
  list: (input) => parseAnswer(byType("list"), input),
  number: (input) => parseAnswer(byType("number"), input),
  "yes / no": (input) => parseAnswer({ ...byType("short_text"), type: "yes_no" }, input),
  "single choice": (input) => parseAnswer(byType("single_choice"), input),
  "multiple choice": (input) => parseAnswer(byType("multiple_choice"), input),
  date: (input) => parseAnswer(dateQuestion, input),
  "document reference": (input) => parseDocumentRef(input, SIZE * 2),
  deadline: (input) => parseDeadlineInput(input, "2026-11-30"),
  "request document": (input) => parseRequestDocument(input),
  "recipient lines": (input) => parseRecipientLines(input),
  "display name": (input) => cleanDisplayName(input),
  "report item punctuation": (input) => itemText(input),
  "template placeholders (find)": (input) => findPlaceholders(input),
  "template placeholders (fill)": (input) => fillPlaceholders(input, { a: "x", period: "Quý IV năm 2026" }),
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median CPU and wall milliseconds of one parse. */
function time(parse: (input: string) => unknown, input: string): { cpu: number; wall: number } {
  parse(input);
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < 3; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    parse(input);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { cpu: median(cpu), wall: median(wall) };
}

export async function run(): Promise<string> {
  const rows: (string | number)[][] = [];
  for (const [name, parse] of Object.entries(PARSERS)) {
    let worst = { input: "", cpu: -1, wall: 0 };
    for (const [label, input] of Object.entries(INPUTS)) {
      const measured = time(parse, input);
      if (measured.cpu > worst.cpu) worst = { input: label, ...measured };
    }
    rows.push([name, worst.input, worst.cpu.toFixed(1), worst.wall.toFixed(1), worst.cpu < TARGET_MS ? "met" : "**not met**"]);
  }
  return markdownTable(["parser", "slowest 1 MB input", "CPU (ms)", "wall (ms)", `< ${TARGET_MS} ms`], rows);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await run());
