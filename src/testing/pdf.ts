import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Reads a PDF as a reader's software does, with Mozilla's PDF.js (pdfjs-dist, pure JavaScript):
 * page count and size, whether it is tagged for assistive technology, and its text.
 */
export type PdfReading = {
  pages: number;
  /** Width and height of each page in points. */
  pageSizes: Array<[number, number]>;
  /** The document says it is tagged (MarkInfo /Marked true), as pdfinfo's "Tagged: yes". */
  tagged: boolean;
  /** The text, page after page, with a line break at each end of line PDF.js finds. */
  text: string;
};

export async function readPdf(pdf: Uint8Array): Promise<PdfReading> {
  // PDF.js takes ownership of the buffer it is given: hand it a copy.
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 })
    .promise;
  try {
    const pageSizes: Array<[number, number]> = [];
    const texts: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const { width, height } = page.getViewport({ scale: 1 });
      pageSizes.push([width, height]);
      const content = await page.getTextContent();
      texts.push(
        content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''),
      );
    }
    const markInfo = (await document.getMarkInfo()) as { Marked?: boolean } | null;
    return { pages: document.numPages, pageSizes, tagged: markInfo?.Marked === true, text: texts.join('\n') };
  } finally {
    await document.destroy();
  }
}

/** The PDF's text with every run of white space as one space, as a reader would quote it. */
export const pdfText = async (pdf: Uint8Array) => (await readPdf(pdf)).text.replace(/\s+/g, ' ');
