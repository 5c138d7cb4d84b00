import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { locales } from '../../i18n/languages.ts';
import { drawTable } from './pdf-table.ts';
import type { Grouped } from './programme-groups.ts';
import type { DocumentHead, ProgrammeDetail, ReportDocument } from './report-document.ts';

export type Pdf = PDFKit.PDFDocument;

// DejaVu comes from npm, not the system: every Latin, Greek and Cyrillic name and typographic quote
// renders on a bare machine, and the embedded subset keeps the text extractable.
const require = createRequire(import.meta.url);
const fontFiles = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold', italic: 'DejaVuSans-Oblique' } as const;
let fontData: Record<keyof typeof fontFiles, Buffer> | undefined;
function fonts() {
  fontData ??= {
    regular: readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${fontFiles.regular}.ttf`)),
    bold: readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${fontFiles.bold}.ttf`)),
    italic: readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${fontFiles.italic}.ttf`)),
  };
  return fontData;
}

const bodySize = 9.5;
const margin = 56.7; // 2 cm

const bottomOf = (pdf: Pdf) => pdf.page.height - pdf.page.margins.bottom;
const textWidth = (pdf: Pdf) => pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;

/** A new page unless `height` points still fit: keeps headings with the text that follows them. */
function keepTogether(pdf: Pdf, height: number) {
  if (pdf.y + height > bottomOf(pdf)) pdf.addPage();
}

export function heading(pdf: Pdf, text: string, size: number, align: 'left' | 'center' = 'left') {
  pdf.font('bold').fontSize(size);
  const height = pdf.heightOfString(text, { width: textWidth(pdf) });
  keepTogether(pdf, height + 4 * pdf.currentLineHeight(true));
  pdf.moveDown(0.6).text(text, pdf.page.margins.left, pdf.y, { width: textWidth(pdf), align });
  pdf.moveDown(0.3).font('regular').fontSize(bodySize);
}

/** The WTO header block: symbol and date on the right, the body, the original language, the title. */
export function headBlock(pdf: Pdf, doc: DocumentHead) {
  const left = pdf.page.margins.left;
  const width = textWidth(pdf);
  pdf.font('bold').fontSize(11).text(doc.symbolLine, left, pdf.y, { width, align: 'right' });
  pdf.font('regular').fontSize(bodySize);
  if (doc.date) pdf.text(doc.date, { width, align: 'right' });
  pdf.moveDown();
  pdf.text(doc.council, { width });
  pdf.text(doc.original, { width, align: 'right' });
  pdf.moveDown(2);
  pdf.font('bold').fontSize(13).text(doc.title, { width, align: 'center' });
}

/** A numbered paragraph: the number in its own column, the text justified beside it. */
export function numberedParagraph(pdf: Pdf, number: string, text: string, indent = 22) {
  const left = pdf.page.margins.left;
  const width = textWidth(pdf);
  keepTogether(pdf, 2 * pdf.currentLineHeight(true));
  const top = pdf.y;
  pdf.text(number, left, top, { width: indent, lineBreak: false });
  pdf.text(text, left + indent, top, { width: width - indent, align: 'justify' });
  pdf.moveDown(0.6);
}

function firstPage(pdf: Pdf, doc: ReportDocument) {
  const left = pdf.page.margins.left;
  const width = textWidth(pdf);
  headBlock(pdf, doc);
  if (doc.revision) pdf.fontSize(11).text(doc.revision, { width, align: 'center' });
  pdf.font('regular').fontSize(bodySize).moveDown(0.5);
  pdf.text(doc.subtitle, { width, align: 'center' });
  pdf.text(doc.period, { width, align: 'center' });
  pdf.moveDown(1.5);
  if (doc.revisionNote) pdf.font('regular').text(doc.revisionNote, { width, align: 'justify' }).moveDown(0.6);
  doc.corrections.forEach((correction, index) => {
    numberedParagraph(pdf, `${index + 1}.`, correction);
  });
  if (doc.introduction) pdf.font('italic').text(doc.introduction, { width, align: 'justify' });
  pdf.font('regular').moveDown();
  // The report's own outline: its preamble, its headings, its paragraph numbers as written ("1.1").
  const indent = Math.max(22, ...doc.outline.map((block) => 6 * (block.number?.length ?? 0) + 6));
  for (const block of doc.outline) {
    if (block.kind === 'heading') {
      heading(pdf, [block.number, block.text].filter(Boolean).join(' '), 10.5);
      continue;
    }
    if (block.kind === 'preamble' || block.number === null) {
      keepTogether(pdf, 2 * pdf.currentLineHeight(true));
      pdf.font(block.kind === 'preamble' ? 'italic' : 'regular');
      pdf.text(block.text, left, pdf.y, { width, align: 'justify' });
      pdf.font('regular').moveDown(0.6);
      continue;
    }
    numberedParagraph(pdf, block.number, block.text, indent);
  }
}

function annex(pdf: Pdf, doc: ReportDocument) {
  pdf.addPage();
  heading(pdf, doc.annex.heading, 12, 'center');
  pdf.text(doc.annex.caption, { width: textWidth(pdf), align: 'center' }).moveDown();
  if (doc.annex.rows.length === 0) {
    pdf.text(doc.annex.emptyText, pdf.page.margins.left, pdf.y, { width: textWidth(pdf) });
    return;
  }
  drawTable(pdf, {
    columns: [...doc.annex.columns],
    widths: [0.07, 0.43, 0.17, 0.33],
    rows: doc.annex.rows.map((row) => [String(row.number), row.title, row.start, row.beneficiaries]),
    fonts: { header: 'bold', body: 'regular' },
    fontSize: 8.5,
  });
}

const headingSizes = [12, 11, 10.5, 10];

function programmeGroup(pdf: Pdf, group: Grouped<ProgrammeDetail>, depth: number, colon: string) {
  if (group.heading !== null) heading(pdf, group.heading, headingSizes[Math.min(depth, 3)] ?? 10);
  const inner = group.heading === null ? depth : depth + 1;
  const left = pdf.page.margins.left;
  for (const programme of group.programmes) {
    heading(pdf, `${programme.number}. ${programme.title}`, headingSizes[Math.min(inner, 3)] ?? 10);
    for (const field of programme.fields) {
      pdf
        .font('bold')
        .text(`${field.label}${colon}`, left, pdf.y, { width: textWidth(pdf), continued: true });
      pdf.font('regular').text(field.value);
    }
  }
  for (const subgroup of group.groups) programmeGroup(pdf, subgroup, inner, colon);
}

/** Symbol on top of every page but the first, page numbers at the foot of all. */
function pageFurniture(pdf: Pdf, doc: DocumentHead) {
  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    pdf.switchToPage(index);
    const { left, bottom } = pdf.page.margins;
    // Writing inside the margins would otherwise make pdfkit open a new page.
    pdf.page.margins.bottom = 0;
    const width = textWidth(pdf);
    const page = doc.pageNumber.replace('{page}', String(index + 1)).replace('{pages}', String(range.count));
    pdf
      .font('regular')
      .fontSize(8)
      .text(page, left, pdf.page.height - margin / 2 - 8, {
        width,
        align: 'center',
        lineBreak: false,
      });
    if (index > range.start)
      pdf.text(doc.symbolLine, left, margin / 2, { width, align: 'right', lineBreak: false });
    pdf.page.margins.bottom = bottom;
  }
}

/**
 * A WTO-style PDF with real, extractable text in an embedded font: `draw` lays out the body, then
 * every page gets the symbol on top (but the first) and its number at the foot.
 */
export function wtoPdf(head: DocumentHead, draw: (pdf: Pdf) => void): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin,
    bufferPages: true,
    lang: locales[head.lang],
    displayTitle: true,
    info: { Title: head.title, Subject: head.symbolLine, Creator: 'ipcoop' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const data = fonts();
  pdf.registerFont('regular', data.regular);
  pdf.registerFont('bold', data.bold);
  pdf.registerFont('italic', data.italic);
  pdf.font('regular').fontSize(bodySize);
  draw(pdf);
  pageFurniture(pdf, head);
  pdf.end();
  return done;
}

/** The report as a PDF. */
export function reportPdf(doc: ReportDocument): Promise<Buffer> {
  return wtoPdf(doc, (pdf) => {
    firstPage(pdf, doc);
    // A corrigendum lists its corrections only; an addendum has an Annex only when it adds programmes.
    if (doc.scope === 'whole' || doc.annex.rows.length > 0) annex(pdf, doc);
    if (doc.details.groups.length > 0) {
      heading(pdf, doc.details.heading, 12);
      for (const group of doc.details.groups) programmeGroup(pdf, group, 1, doc.colon);
    }
  });
}
