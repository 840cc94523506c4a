import { requestCitation, type RequestDocumentParts } from "../round-input.ts";

const PLACEHOLDER = "{requestDocument}";

/** "V/v …", "về …" or a bare subject as the phrase that follows the citation: "về việc …" / "về …". */
export function subjectPhrase(subject: string): string {
  const text = subject.trim().replace(/[\s.;,]+$/u, "");
  if (/^v\/v:?\s*/iu.test(text)) return `về việc ${text.replace(/^v\/v:?\s*/iu, "")}`;
  if (/^về\s/iu.test(text)) return text.replace(/^Về/u, "về");
  return `về việc ${text}`;
}

/**
 * The preamble's source text and the {requestDocument} value, so that no phrase is said twice: when the request
 * document carries its own subject ("Công văn số … về việc báo cáo …"), the template's own "về việc …" clause
 * right after {requestDocument} is left out, up to the end of its sentence.
 */
export function preambleSource(
  template: { preamble: string; preambleWithoutRequest?: string },
  request: RequestDocumentParts | null,
): { source: string; requestDocument: string | null } {
  if (request === null || request.text.trim() === "") {
    return { source: template.preambleWithoutRequest ?? template.preamble, requestDocument: null };
  }
  const citation = requestCitation(request);
  if (request.subject === null) return { source: template.preamble, requestDocument: citation };
  const requestDocument = `${citation} ${subjectPhrase(request.subject)}`;
  const at = template.preamble.indexOf(PLACEHOLDER);
  if (at < 0) return { source: template.preamble, requestDocument };
  const after = template.preamble.slice(at + PLACEHOLDER.length);
  const clause = /^\s*,?\s*(?:về việc|về|v\/v)\s/iu.exec(after);
  if (!clause) return { source: template.preamble, requestDocument };
  // The clause runs to the end of its sentence: ". ", a final ".", ";" or ":".
  let end = after.length;
  for (let i = clause[0].length; i < after.length; i++) {
    const c = after[i];
    if (c === ";" || c === ":" || (c === "." && (i === after.length - 1 || after[i + 1] === " " || after[i + 1] === "\n"))) {
      end = i;
      break;
    }
  }
  return { source: template.preamble.slice(0, at + PLACEHOLDER.length) + after.slice(end), requestDocument };
}
