import { Document, HighlightColor, Packer, Paragraph, TextRun } from "docx";
import { describe, expect, it } from "vitest";
import { bodyMarker, paragraphWriter, spliceBody } from "../src/report/streamed-body.ts";
import { openDocx, paragraphTexts } from "./support/docx-xml.ts";

/** What docx itself writes for these paragraphs as a whole document's body. */
async function docxBody(paragraphs: Paragraph[]): Promise<string> {
  const xml = (await openDocx(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })))).xml("word/document.xml");
  return xml.slice(xml.indexOf("<w:body>") + "<w:body>".length, xml.lastIndexOf("<w:sectPr"));
}

const kinds: (() => Paragraph)[] = [
  () => new Paragraph({ style: "ReportBody", children: [new TextRun("Tổ chức 3 hội nghị & 2 lớp <tập huấn> về \"dân chủ\" ở 'cơ sở'")] }),
  () => new Paragraph({ style: "ReportHeading", children: [new TextRun({ text: "1. Kết quả", bold: false, italics: true })] }),
  () => new Paragraph({ children: [new TextRun({ text: "[cần bổ sung]", italics: true, highlight: HighlightColor.YELLOW }), new TextRun({ text: "dòng hai", break: 1 })] }),
  () => new Paragraph({ children: [new TextRun({ text: "VT, P.TH", size: 22 }), new TextRun({ text: "NVA", size: 22, superScript: true })] }),
  () => new Paragraph({ spacing: { before: 0, after: 0 }, children: [new TextRun("Kính gửi:\tSở Nội vụ"), new TextRun(""), new TextRun("  cách  ")] }),
  () => new Paragraph({ children: [] }),
  () => new Paragraph({ style: "ReportBody", children: [new TextRun("Khen thưởng 12 tập thể 🎉, 5 cá nhân; tỷ lệ 100 %.")] }),
];

describe("the report body written paragraph by paragraph", () => {
  it("is the XML docx writes for the same paragraphs", async () => {
    const paragraphXml = paragraphWriter(new Document({ sections: [] }));
    for (const make of kinds) expect(paragraphXml(make())).toBe(await docxBody([make()]));
    expect(kinds.map((make) => paragraphXml(make())).join("")).toBe(await docxBody(kinds.map((make) => make())));
  });

  it("takes the marker paragraph's place in the package, and only it", async () => {
    const marker = bodyMarker();
    const document = new Document({
      sections: [{ children: [new Paragraph("trước"), new Paragraph({ children: [new TextRun(marker)] }), new Paragraph("sau")] }],
    });
    const paragraphXml = paragraphWriter(document);
    const body = kinds.map((make) => paragraphXml(make())).join("");
    const xml = (await openDocx(spliceBody(await Packer.toBuffer(document), marker, body))).xml("word/document.xml");
    expect(xml).not.toContain(marker);
    const texts = paragraphTexts(xml);
    expect(texts[0]).toBe("trước");
    expect(texts.at(-1)).toBe("sau");
    expect(texts).toHaveLength(kinds.length + 2);
    expect(() => spliceBody(new Uint8Array(0), marker, body)).toThrow();
  });
});
