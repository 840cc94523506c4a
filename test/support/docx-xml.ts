import JSZip from "jszip";

/** A .docx opened as its parts: the XML of each file by name. */
export type DocxParts = { names: string[]; xml(name: string): string };

export async function openDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  const texts = new Map<string, string>();
  for (const name of names) if (/\.(xml|rels)$/.test(name)) texts.set(name, await zip.file(name)!.async("string"));
  return {
    names,
    xml(name) {
      const text = texts.get(name);
      if (text === undefined) throw new Error(`no part ${name} in the docx`);
      return text;
    },
  };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, name: string) =>
    name.startsWith("#x") ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith("#") ? String.fromCodePoint(Number(name.slice(1))) : ENTITIES[name]!,
  );
}

/** The text of every paragraph (w:p) in order; tabs as "\t", breaks as "\n". */
/** The text of every paragraph of a .docx's body (word/document.xml), in order. */
export async function bodyParagraphs(bytes: Uint8Array): Promise<string[]> {
  return paragraphTexts((await openDocx(bytes)).xml("word/document.xml"));
}

export function paragraphTexts(xml: string): string[] {
  const out: string[] = [];
  for (const match of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    let text = "";
    for (const token of match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) {
      if (token[0] === "<w:tab/>") text += "\t";
      else if (token[0] === "<w:br/>") text += "\n";
      else text += unescapeXml(token[1]!);
    }
    out.push(text);
  }
  return out;
}

/** The paragraphs of each cell of each table row: tables[t][cell] = paragraph texts. */
export function tableCells(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) =>
    [...table[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => paragraphTexts(cell[0])),
  );
}

const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/**
 * A small well-formedness check: only XML 1.0 characters, every tag closed in order, attributes quoted,
 * entities known. Enough to catch what user text could break.
 */
export function assertWellFormedXml(xml: string, name = "xml"): void {
  if (!XML_CHARS.test(xml)) throw new Error(`${name}: contains characters XML 1.0 forbids`);
  const body = xml.replace(/^<\?xml[^?]*\?>/, "");
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(tag)) {
    if (m[6] !== undefined) throw new Error(`${name}: stray "<" at ${m.index}`);
    if (m[5] !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(m[5])) throw new Error(`${name}: bad entity at ${m.index}`);
      continue;
    }
    const [, closing, tagName, , selfClosing] = m;
    if (selfClosing) continue;
    if (closing) {
      const open = stack.pop();
      if (open !== tagName) throw new Error(`${name}: </${tagName}> closes <${open}> at ${m.index}`);
    } else stack.push(tagName!);
  }
  if (stack.length > 0) throw new Error(`${name}: unclosed <${stack.at(-1)}>`);
}
