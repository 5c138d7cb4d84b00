import { AlignmentType, HeadingLevel, Paragraph, type Table, TextRun } from 'docx';
import { headBlock as docxHead, numberedParagraph as docxNumbered, docxTable, wtoDocx } from './docx.ts';
import { heading, headBlock as pdfHead, numberedParagraph as pdfNumbered, wtoPdf } from './pdf.ts';
import { drawTable } from './pdf-table.ts';
import type { DocumentHead } from './report-document.ts';

/** A table of a note; `widths` are shares of the text width that add up to 1. */
export type NoteTable = { columns: string[]; widths: number[]; rows: string[][] };

export type NoteSection = {
  heading: string;
  /** Numbered on from the paragraphs before, as in WTO documents. */
  paragraphs: string[];
  table?: NoteTable;
  /** Said instead of an empty table. */
  emptyText?: string;
};

/**
 * A note of the Secretariat or any Council document that is not a Member's report, in one
 * language, every string final: the same WTO frame as the reports (header block, symbol on every
 * page, page numbers), then numbered paragraphs and sections with tables.
 */
export type NoteDocument = DocumentHead & {
  subtitle: string;
  /** A warning shown under the title, e.g. that the document holds sample data. */
  warning: string | null;
  paragraphs: string[];
  sections: NoteSection[];
};

/** Paragraph numbers run on through the sections: "1." … "n.". */
function numbered(doc: NoteDocument) {
  let number = 0;
  const next = (text: string) => ({ number: `${++number}.`, text });
  return {
    intro: doc.paragraphs.map(next),
    sections: doc.sections.map((section) => ({ ...section, numbered: section.paragraphs.map(next) })),
  };
}

export function noteDocx(doc: NoteDocument): Promise<Buffer> {
  const { intro, sections } = numbered(doc);
  const children: Array<Paragraph | Table> = [
    ...docxHead(doc),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, text: doc.subtitle }),
    ...(doc.warning
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: doc.warning, bold: true })],
          }),
        ]
      : []),
    ...intro.map((p) => docxNumbered(p.number, p.text)),
    ...sections.flatMap((section) => [
      new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, text: section.heading }),
      ...section.numbered.map((p) => docxNumbered(p.number, p.text)),
      ...(section.table && section.table.rows.length > 0
        ? [
            docxTable(
              section.table.columns,
              section.table.widths.map((share) => Math.round(share * 100)),
              section.table.rows,
            ),
          ]
        : section.emptyText
          ? [new Paragraph({ text: section.emptyText })]
          : []),
    ]),
  ];
  return wtoDocx(doc, children);
}

export function notePdf(doc: NoteDocument): Promise<Buffer> {
  const { intro, sections } = numbered(doc);
  return wtoPdf(doc, (pdf) => {
    const left = pdf.page.margins.left;
    const width = pdf.page.width - left - pdf.page.margins.right;
    pdfHead(pdf, doc);
    pdf.font('regular').fontSize(9.5).moveDown(0.5);
    pdf.text(doc.subtitle, { width, align: 'center' }).moveDown();
    if (doc.warning)
      pdf.font('bold').text(doc.warning, { width, align: 'center' }).font('regular').moveDown();
    for (const p of intro) pdfNumbered(pdf, p.number, p.text);
    for (const section of sections) {
      heading(pdf, section.heading, 11);
      for (const p of section.numbered) pdfNumbered(pdf, p.number, p.text);
      if (section.table && section.table.rows.length > 0) {
        drawTable(pdf, { ...section.table, fonts: { header: 'bold', body: 'regular' }, fontSize: 8.5 });
        pdf.moveDown();
      } else if (section.emptyText) {
        pdf.text(section.emptyText, left, pdf.y, { width }).moveDown();
      }
    }
  });
}
