type Pdf = PDFKit.PDFDocument;

export type ColumnAlign = 'left' | 'right';

export type PdfTable = {
  columns: string[];
  /** Share of the text width each column takes; they add up to 1. */
  widths: number[];
  rows: string[][];
  /** Each column's alignment (figures right); left when absent. */
  align?: ColumnAlign[];
  fonts: { header: string; body: string };
  fontSize: number;
};

const padding = 4;
/** Lines of a row that must fit under the header row, so that no header stands alone at a page foot. */
const minimumLines = 3;

/** A table's geometry on the current page: column widths and text heights in its fonts. */
function measure(pdf: Pdf, table: PdfTable) {
  const fullWidth = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  const columnWidths = table.widths.map((share) => share * fullWidth);
  const textWidth = (column: number) => (columnWidths[column] ?? 0) - 2 * padding;
  const textHeight = (text: string, column: number, font: string) =>
    pdf
      .font(font)
      .fontSize(table.fontSize)
      .heightOfString(text || ' ', { width: textWidth(column) });
  const rowHeight = (cells: string[], font: string) =>
    Math.max(...cells.map((text, column) => textHeight(text, column, font))) + 2 * padding;
  const headerHeight = rowHeight(table.columns, table.fonts.header);
  const lineHeight = textHeight('X', 0, table.fonts.body);
  // The first row, or as much of it as a split leaves on a page.
  const firstRow = table.rows[0];
  const firstHeight = Math.min(
    firstRow ? rowHeight(firstRow, table.fonts.body) : 0,
    minimumLines * lineHeight + 2 * padding,
  );
  return {
    columnWidths,
    textWidth,
    textHeight,
    rowHeight,
    headerHeight,
    lineHeight,
    startHeight: headerHeight + firstHeight,
  };
}

/** The height the table's header row and (the start of) its first row take: what must fit before it starts. */
export function tableStartHeight(pdf: Pdf, table: PdfTable) {
  return measure(pdf, table).startHeight;
}

/**
 * A bordered table that repeats its header row on every page. A row that fits on no page is split
 * between words and continued on the next page, so no text is ever clipped.
 */
export function drawTable(pdf: Pdf, table: PdfTable) {
  const left = pdf.page.margins.left;
  const { columnWidths, textWidth, textHeight, rowHeight, headerHeight, lineHeight, startHeight } = measure(
    pdf,
    table,
  );
  const bottom = () => pdf.page.height - pdf.page.margins.bottom;

  const drawRow = (cells: string[], font: string, height: number, shaded = false) => {
    const top = pdf.y;
    let x = left;
    cells.forEach((text, column) => {
      const width = columnWidths[column] ?? 0;
      if (shaded) pdf.rect(x, top, width, height).fillColor('#e8e8e8').fill();
      pdf.rect(x, top, width, height).lineWidth(0.5).strokeColor('#555555').stroke();
      // The height bound stops pdfkit from opening a page on its own.
      pdf
        .fillColor('black')
        .font(font)
        .fontSize(table.fontSize)
        .text(text, x + padding, top + padding, {
          width: textWidth(column),
          height: height - 2 * padding + 1,
          align: table.align?.[column] ?? 'left',
        });
      x += width;
    });
    pdf.x = left;
    pdf.y = top + height;
  };

  const drawHeader = () => drawRow(table.columns, table.fonts.header, headerHeight, true);
  const newPage = () => {
    pdf.addPage();
    drawHeader();
  };

  if (pdf.y + startHeight > bottom()) pdf.addPage();
  drawHeader();
  for (const row of table.rows) {
    let cells = row;
    while (cells.some((text) => text !== '')) {
      const height = rowHeight(cells, table.fonts.body);
      if (pdf.y + height <= bottom()) {
        drawRow(cells, table.fonts.body, height);
        break;
      }
      const freshPageRoom = bottom() - pdf.page.margins.top - headerHeight;
      const room = bottom() - pdf.y;
      if (height <= freshPageRoom || room < minimumLines * lineHeight + 2 * padding) {
        newPage();
        continue;
      }
      const parts = cells.map((text, column) =>
        splitToFit(text, room - 2 * padding, (t) => textHeight(t, column, table.fonts.body)),
      );
      drawRow(
        parts.map((part) => part.head),
        table.fonts.body,
        room,
      );
      cells = parts.map((part) => part.tail);
      if (cells.some((text) => text !== '')) newPage();
    }
  }
}

/** The longest run of whole words that fits in maxHeight (at least one word, so a row always progresses). */
function splitToFit(text: string, maxHeight: number, heightOf: (text: string) => number) {
  if (heightOf(text) <= maxHeight) return { head: text, tail: '' };
  const words = text.split(/(?<=\s)/);
  let low = 1;
  let high = words.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (heightOf(words.slice(0, middle).join('')) <= maxHeight) low = middle;
    else high = middle - 1;
  }
  return { head: words.slice(0, low).join('').trimEnd(), tail: words.slice(low).join('') };
}
