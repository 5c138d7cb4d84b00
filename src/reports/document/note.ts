import { AlignmentType, HeadingLevel, Paragraph, type Table, TextRun } from 'docx';
import {
  type DocxPart,
  headBlock as docxHead,
  numberedParagraph as docxNumbered,
  docxTable,
  wtoDocx,
} from './docx.ts';
import { heading, headBlock as pdfHead, numberedParagraph as pdfNumbered, wtoPdf } from './pdf.ts';
import { type ColumnAlign, drawTable, tableStartHeight } from './pdf-table.ts';
import type { DocumentHead } from './report-document.ts';

/**
 * A table of a note; `widths` are shares of the text width that add up to 1; `align` sets a
 * column's alignment (figures right), left when absent.
 */
export type NoteTable = { columns: string[]; widths: number[]; rows: string[][]; align?: ColumnAlign[] };

export type NoteSection = {
  heading: string;
  /** Numbered on from the paragraphs before, as in WTO documents. */
  paragraphs: string[];
  table?: NoteTable;
  /** Said instead of an empty table. */
  emptyText?: string;
  /**
   * On landscape pages, for tables too wide for portrait: a landscape section starts a new page,
   * consecutive landscape sections share pages, and the next portrait section starts a new page.
   */
  landscape?: boolean;
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

/** The note's sections in runs of one orientation, in order: the first run opens with the introduction. */
function orientationRuns<T extends { landscape?: boolean }>(sections: T[]) {
  const runs: Array<{ landscape: boolean; sections: T[] }> = [];
  for (const section of sections) {
    const landscape = section.landscape ?? false;
    const last = runs.at(-1);
    if (last && last.landscape === landscape) last.sections.push(section);
    else runs.push({ landscape, sections: [section] });
  }
  return runs;
}

export function noteDocx(doc: NoteDocument): Promise<Buffer> {
  const { intro, sections } = numbered(doc);
  const opening: Paragraph[] = [
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
  ];
  const sectionContent = (section: (typeof sections)[number]): Array<Paragraph | Table> => [
    new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, text: section.heading }),
    ...section.numbered.map((p) => docxNumbered(p.number, p.text)),
    ...(section.table && section.table.rows.length > 0
      ? [
          docxTable(
            section.table.columns,
            section.table.widths.map((share) => Math.round(share * 100)),
            section.table.rows,
            section.table.align,
          ),
        ]
      : section.emptyText
        ? [new Paragraph({ text: section.emptyText })]
        : []),
  ];
  const parts: DocxPart[] = [{ landscape: false, children: opening }];
  for (const run of orientationRuns(sections)) {
    const children = run.sections.flatMap(sectionContent);
    const last = parts.at(-1);
    if (last && last.landscape === run.landscape) last.children.push(...children);
    else parts.push({ landscape: run.landscape, children });
  }
  return wtoDocx(doc, parts);
}

export function notePdf(doc: NoteDocument): Promise<Buffer> {
  const { intro, sections } = numbered(doc);
  return wtoPdf(doc, (pdf) => {
    const width = () => pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
    pdfHead(pdf, doc);
    pdf.font('regular').fontSize(9.5).moveDown(0.5);
    pdf.text(doc.subtitle, { width: width(), align: 'center' }).moveDown();
    if (doc.warning)
      pdf.font('bold').text(doc.warning, { width: width(), align: 'center' }).font('regular').moveDown();
    for (const p of intro) pdfNumbered(pdf, p.number, p.text);
    for (const section of sections) {
      const layout = section.landscape ? 'landscape' : 'portrait';
      if (pdf.page.layout !== layout) {
        // Every page opened from here on (tables running on, headings kept with their text) too.
        pdf.options.layout = layout;
        pdf.addPage();
      }
      const table =
        section.table && section.table.rows.length > 0
          ? { ...section.table, fonts: { header: 'bold', body: 'regular' }, fontSize: 8.5 }
          : null;
      // A heading straight above a table stays with the table's header and first lines.
      if (table && section.numbered.length === 0) {
        const headingHeight = pdf
          .font('bold')
          .fontSize(11)
          .heightOfString(section.heading, { width: width() });
        const needed = headingHeight + 2 * pdf.currentLineHeight(true) + tableStartHeight(pdf, table);
        if (pdf.y + needed > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
      }
      heading(pdf, section.heading, 11);
      for (const p of section.numbered) pdfNumbered(pdf, p.number, p.text);
      if (table) {
        drawTable(pdf, table);
        pdf.moveDown();
      } else if (section.emptyText) {
        pdf.text(section.emptyText, pdf.page.margins.left, pdf.y, { width: width() }).moveDown();
      }
    }
  });
}
