/**
 * A strict XML 1.0 well-formedness check for documents without a DTD (what Word writes and reads):
 * the XML declaration, one root element, tags nested and closed in order, names by the Name production,
 * attributes quoted and unique, only the five predefined entities, character references to allowed
 * characters, comments, CDATA sections and processing instructions as the grammar has them, and only
 * characters XML allows. Throws an Error naming the first problem and where it is.
 */
export function checkWellFormedXml(xml: string, name = "xml"): void {
  new XmlChecker(xml, name).document();
}

const CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const NAME_START = ":A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}";
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NAME = new RegExp(`[${NAME_START}][${NAME_CHAR}]*`, "uy");
const SPACE = /[ \t\r\n]+/y;
const PREDEFINED = new Set(["amp", "lt", "gt", "quot", "apos"]);

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

class XmlChecker {
  private at = 0;

  constructor(
    private readonly xml: string,
    private readonly name: string,
  ) {}

  private fail(message: string): never {
    const line = this.xml.slice(0, this.at).split("\n").length;
    throw new Error(`${this.name}: ${message} (line ${line}, offset ${this.at}: ${JSON.stringify(this.xml.slice(this.at, this.at + 40))})`);
  }

  private startsWith(text: string): boolean {
    return this.xml.startsWith(text, this.at);
  }

  private expect(text: string): void {
    if (!this.startsWith(text)) this.fail(`expected ${JSON.stringify(text)}`);
    this.at += text.length;
  }

  private match(pattern: RegExp): string | null {
    pattern.lastIndex = this.at;
    const found = pattern.exec(this.xml);
    if (!found) return null;
    this.at += found[0].length;
    return found[0];
  }

  private space(): boolean {
    return this.match(SPACE) !== null;
  }

  private nameHere(): string {
    return this.match(NAME) ?? this.fail("expected a name");
  }

  document(): void {
    if (!CHAR.test(this.xml)) {
      const bad = [...this.xml].findIndex((c) => !isXmlChar(c.codePointAt(0)!) || (c.length === 1 && c >= "\uD800" && c <= "\uDFFF"));
      this.at = bad < 0 ? 0 : [...this.xml].slice(0, bad).join("").length;
      this.fail("a character XML does not allow");
    }
    if (this.startsWith("<?xml")) this.declaration();
    this.misc();
    if (!this.startsWith("<") || this.startsWith("</")) this.fail("expected the root element");
    this.element();
    this.misc();
    if (this.at !== this.xml.length) this.fail("content after the root element");
  }

  private declaration(): void {
    this.expect("<?xml");
    const end = this.xml.indexOf("?>", this.at);
    if (end < 0) this.fail("unterminated XML declaration");
    const body = this.xml.slice(this.at, end);
    if (!/^\s+version\s*=\s*(["'])1\.\d+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*$/.test(body)) {
      this.fail("malformed XML declaration");
    }
    this.at = end + 2;
  }

  /** Comments, processing instructions and white space around the root. */
  private misc(): void {
    for (;;) {
      if (this.space()) continue;
      if (this.startsWith("<!--")) this.comment();
      else if (this.startsWith("<?")) this.processingInstruction();
      else return;
    }
  }

  private comment(): void {
    this.expect("<!--");
    const end = this.xml.indexOf("--", this.at);
    if (end < 0 || this.xml[end + 2] !== ">") this.fail("comment with -- inside, or not closed");
    this.at = end + 3;
  }

  private processingInstruction(): void {
    this.expect("<?");
    const target = this.nameHere();
    if (target.toLowerCase() === "xml") this.fail("processing instruction named xml");
    const end = this.xml.indexOf("?>", this.at);
    if (end < 0) this.fail("unterminated processing instruction");
    if (end > this.at && !/^[ \t\r\n]/.test(this.xml[this.at]!)) this.fail("processing instruction target not followed by space");
    this.at = end + 2;
  }

  private reference(): void {
    this.expect("&");
    const ref = this.match(/#x[0-9a-fA-F]+;|#[0-9]+;/y);
    if (ref) {
      const code = ref.startsWith("#x") ? parseInt(ref.slice(2, -1), 16) : parseInt(ref.slice(1, -1), 10);
      if (!isXmlChar(code)) this.fail(`character reference to a character XML does not allow (${ref})`);
      return;
    }
    const entity = this.nameHere();
    if (!PREDEFINED.has(entity)) this.fail(`undeclared entity &${entity};`);
    this.expect(";");
  }

  private attributeValue(): void {
    const quote = this.xml[this.at];
    if (quote !== '"' && quote !== "'") this.fail("attribute value not quoted");
    this.at++;
    for (;;) {
      const c = this.xml[this.at];
      if (c === undefined) this.fail("unterminated attribute value");
      if (c === quote) {
        this.at++;
        return;
      }
      if (c === "<") this.fail("< in an attribute value");
      if (c === "&") this.reference();
      else this.at++;
    }
  }

  private element(): void {
    this.expect("<");
    const tag = this.nameHere();
    const attributes = new Set<string>();
    for (;;) {
      const spaced = this.space();
      if (this.startsWith("/>")) {
        this.at += 2;
        return;
      }
      if (this.startsWith(">")) {
        this.at++;
        break;
      }
      if (!spaced) this.fail("attributes must be separated by white space");
      const attribute = this.nameHere();
      if (attributes.has(attribute)) this.fail(`attribute ${attribute} given twice`);
      attributes.add(attribute);
      this.space();
      this.expect("=");
      this.space();
      this.attributeValue();
    }
    this.content();
    this.expect("</");
    const closing = this.nameHere();
    if (closing !== tag) this.fail(`</${closing}> closes <${tag}>`);
    this.space();
    this.expect(">");
  }

  private content(): void {
    for (;;) {
      const c = this.xml[this.at];
      if (c === undefined) this.fail("element not closed");
      if (c === "<") {
        if (this.startsWith("</")) return;
        if (this.startsWith("<!--")) this.comment();
        else if (this.startsWith("<![CDATA[")) {
          const end = this.xml.indexOf("]]>", this.at);
          if (end < 0) this.fail("unterminated CDATA section");
          this.at = end + 3;
        } else if (this.startsWith("<?")) this.processingInstruction();
        else if (this.startsWith("<!")) this.fail("markup declaration inside an element");
        else this.element();
      } else if (c === "&") {
        this.reference();
      } else {
        if (this.startsWith("]]>")) this.fail("]]> in character data");
        this.at++;
      }
    }
  }
}
