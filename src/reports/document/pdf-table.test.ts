import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../testing/pdf.ts';
import { drawTable, type PdfTable, tableStartHeight } from './pdf-table.ts';

/** A table drawn `room` points above the foot of an A4 page, read back as a reader's software does. */
async function drawnNearFoot(table: Omit<PdfTable, 'fonts' | 'fontSize'>, room: (start: number) => number) {
  const pdf = new PDFDocument({ size: 'A4', margin: 56.7, bufferPages: true });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
  });
  const full: PdfTable = { ...table, fonts: { header: 'Helvetica-Bold', body: 'Helvetica' }, fontSize: 8.5 };
  pdf.y = pdf.page.height - pdf.page.margins.bottom - room(tableStartHeight(pdf, full));
  drawTable(pdf, full);
  pdf.end();
  return readPdf(new Uint8Array(await done));
}

describe('a PDF table near the foot of a page', () => {
  const table = {
    columns: ['Member', 'Need'],
    widths: [0.5, 0.5],
    rows: [['Uganda', 'First line\nSecond line\nThird line\nFourth line']],
  };

  it('never leaves its header row alone at the foot: header and first lines move to the next page', async () => {
    // Room for the header and one line of the row, not for the three lines a split keeps together.
    const reading = await drawnNearFoot(table, (start) => start - 10);
    expect(reading.pages).toBe(2);
    expect(reading.text.match(/Member/g)).toHaveLength(1);
    expect(reading.text).toContain('Fourth line');
  });

  it('starts where it is when its header and first lines fit', async () => {
    const reading = await drawnNearFoot(table, (start) => start + 2);
    // The row is split over the two pages, the header repeated over its continuation.
    expect(reading.pages).toBe(2);
    expect(reading.text.match(/Member/g)).toHaveLength(2);
  });

  it('sets a column right when asked, as figures are', async () => {
    const pdf = new PDFDocument({ size: 'A4', margin: 56.7 });
    const alignments: string[] = [];
    const original = pdf.text.bind(pdf);
    pdf.text = ((text: string, x?: number, y?: number, options?: PDFKit.Mixins.TextOptions) => {
      alignments.push(`${text}:${options?.align}`);
      return original(text, x, y, options);
    }) as typeof pdf.text;
    drawTable(pdf, {
      columns: ['Member', 'Needs'],
      widths: [0.7, 0.3],
      rows: [['Uganda', '3']],
      align: ['left', 'right'],
      fonts: { header: 'Helvetica-Bold', body: 'Helvetica' },
      fontSize: 8.5,
    });
    pdf.end();
    expect(alignments).toEqual(['Member:left', 'Needs:right', 'Uganda:left', '3:right']);
  });
});
