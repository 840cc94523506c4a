import { randomUUID } from "node:crypto";
import { type Document, type IContext, type IXmlableObject, type Paragraph } from "docx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

/**
 * The report's sections written one paragraph at a time into the package `docx` made for the rest.
 *
 * `docx` turns the whole body into one object tree, then a second tree of the same size, then the XML: for a round of
 * 1,000 units that held about 100 MB at once. Here each paragraph is still a `docx` Paragraph, formatted by `docx`
 * (`prepForXml`), but written to XML and let go before the next, so only the text stays. The package is made with a
 * marker paragraph where the sections go, and the marker is replaced in `word/document.xml`.
 */

// docx's own escaping: the five XML characters and the C0 controls XML forbids.
// eslint-disable-next-line no-control-regex
const SPECIAL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&apos;", "<": "&lt;", ">": "&gt;" };
const escape = (value: unknown) => (typeof value === "string" ? value.replace(SPECIAL, (char) => ESCAPES[char] ?? "") : String(value));

/** The XML of one formatted component, written as `docx` writes it (its `stringifyXmlable` without indenting). */
function xmlOf(data: IXmlableObject): string {
  const name = Object.keys(data)[0];
  if (name === undefined) return "";
  const values: unknown = data[name];
  let attributes = "";
  const addAttributes = (attr: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(attr)) attributes += ` ${key}="${escape(value)}"`;
  };
  if (typeof values !== "object") return `<${name}>${values === undefined ? "" : escape(values)}</${name}>`;
  if (values === null) return `<${name}/>`;
  const { _attr: attr } = values as { _attr?: Record<string, unknown> };
  if (attr) addAttributes(attr);
  if (!Array.isArray(values)) return `<${name}${attributes}/>`;
  // As docx does: a text item takes the place of the item written before it.
  const content: string[] = [""];
  for (const value of values as unknown[]) {
    if (typeof value === "object" && value !== null) {
      if (Object.keys(value)[0] === "_attr") addAttributes((value as { _attr: Record<string, unknown> })._attr);
      else content.push(xmlOf(value as IXmlableObject));
    } else {
      content.pop();
      content.push(escape(value));
    }
  }
  return `<${name}${attributes}>${content.join("")}</${name}>`;
}

/** Writes paragraphs' XML, each formatted in the document's context (styles, relationships) as the whole body would be. */
export function paragraphWriter(document: Document): (paragraph: Paragraph) => string {
  const context: IContext = { file: document, viewWrapper: document.Document, stack: [] };
  return (paragraph) => {
    const formatted = paragraph.prepForXml(context);
    if (!formatted) throw new Error("docx did not format a report paragraph");
    return xmlOf(formatted);
  };
}

/** A paragraph with this text marks where the streamed body goes. */
export function bodyMarker(): string {
  return `tonghop-body-${randomUUID()}`;
}

/** The package with the marker's paragraph in `word/document.xml` replaced by the body's XML. */
export function spliceBody(packageBytes: Uint8Array, marker: string, bodyXml: string): Buffer {
  const files = unzipSync(packageBytes);
  const part = "word/document.xml";
  const xml = strFromU8(files[part]!);
  const at = xml.indexOf(marker);
  if (at < 0) throw new Error("the report body's marker is missing from the document");
  const start = Math.max(xml.lastIndexOf("<w:p>", at), xml.lastIndexOf("<w:p ", at));
  const end = xml.indexOf("</w:p>", at) + "</w:p>".length;
  files[part] = strToU8(xml.slice(0, start) + bodyXml + xml.slice(end));
  return Buffer.from(zipSync(files));
}
