import { cleanText, parseDocumentRef, splitDocumentSubject } from "./answer-parsing.ts";
import { countFilledLines, lineBreaksToSpaces } from "./text-scan.ts";
import { trimEndOfSpaceAnd } from "./text-trim.ts";

/** Longest request document reference kept ("Công văn số … ngày … của …" is rarely over 200). */
export const REQUEST_DOCUMENT_MAX = 500;
export const RECIPIENTS_MAX = 15;
export const RECIPIENT_MAX_LENGTH = 300;

export type RoundInputResult<T> = { ok: true; value: T } | { ok: false; problem: "empty" | "too-long" | "too-many"; length?: number };

/**
 * The request document as it is cited in the preamble ("Thực hiện {requestDocument} về việc …"): one
 * line, without the full stop a person may end it with.
 */
export function parseRequestDocument(raw: string): RoundInputResult<string> {
  const text = trimEndOfSpaceAnd(lineBreaksToSpaces(cleanText(raw)), ".;,");
  if (text === "") return { ok: false, problem: "empty" };
  if (text.length > REQUEST_DOCUMENT_MAX) return { ok: false, problem: "too-long", length: text.length };
  return { ok: true, value: text };
}

/** "Kính gửi" recipients typed one a line; list marks ("- ", "• ") and the ";" or "." ending each are dropped. */
export function parseRecipientLines(raw: string): RoundInputResult<string[]> {
  const text = cleanText(raw);
  // A paste of far too many lines is refused before each line is read.
  const filled = countFilledLines(text);
  if (filled > RECIPIENTS_MAX * 4) return { ok: false, problem: "too-many", length: filled };
  const lines = text
    .split("\n")
    .map((line) => trimEndOfSpaceAnd(line.replace(/^\s*(?:[-–•+*]|\d+[.)])\s*/, ""), ";.,").trim())
    .filter((line) => line !== "");
  if (lines.length === 0) return { ok: false, problem: "empty" };
  if (lines.length > RECIPIENTS_MAX) return { ok: false, problem: "too-many", length: lines.length };
  const long = lines.find((line) => line.length > RECIPIENT_MAX_LENGTH);
  if (long) return { ok: false, problem: "too-long", length: long.length };
  return { ok: true, value: lines };
}

/**
 * The request document in parts, as the round stores it and the wizard shows it for confirmation:
 * "Công văn" số "215/BDVTU-CQ" ngày 2024-09-12 của "Ban Dân vận Tỉnh ủy" "về việc báo cáo …".
 * Parts not found are null; the text is always kept.
 */
export type RequestDocumentParts = {
  text: string;
  /** "Công văn", "Kế hoạch", "Quyết định" … the words before "số". */
  kind: string | null;
  number: string | null;
  /** "YYYY-MM-DD" */
  date: string | null;
  issuer: string | null;
  /** Trích yếu, beginning "về việc …" (or "về …"). */
  subject: string | null;
};

export function parseRequestDocumentParts(text: string): RequestDocumentParts {
  const parsed = parseDocumentRef(text, Number.MAX_SAFE_INTEGER);
  const ref = parsed.ok ? parsed.value : { text };
  const kindMatch = /^(.{1,40}?)\s+số(?=\s|$)/iu.exec(ref.text);
  return {
    text: ref.text,
    kind: kindMatch ? kindMatch[1]!.trim() : null,
    number: ref.number ?? null,
    date: ref.date ?? null,
    issuer: ref.issuer ?? null,
    subject: ref.subject ?? null,
  };
}

/** The document without its subject, for "Thực hiện {requestDocument} …": "Công văn số … ngày … của …". */
export function requestCitation(parts: Pick<RequestDocumentParts, "text" | "subject">): string {
  return parts.subject === null ? parts.text : splitDocumentSubject(parts.text).citation;
}
