import { describe, expect, it } from 'vitest';
import { readPdf } from '../../testing/pdf.ts';
import { type NoteDocument, notePdf } from './note.ts';

const note = (paragraphs: number, landscape = false): NoteDocument => ({
  lang: 'en',
  symbolLine: 'Draft',
  date: '15 January 2026',
  council: 'Council for Trade-Related Aspects of Intellectual Property Rights',
  original: 'Original: English',
  title: 'A note',
  pageNumber: 'Page: {page}/{pages}',
  subtitle: 'Note by the Secretariat',
  warning: null,
  paragraphs: Array.from(
    { length: paragraphs },
    (_, i) => `Paragraph ${i + 1} of the introduction, one line.`,
  ),
  sections: [
    {
      heading: 'Needs by Member',
      paragraphs: [],
      table: {
        columns: ['Member', 'Needs'],
        widths: [0.8, 0.2],
        align: ['left', 'right'],
        rows: [['Uganda\nsecond line\nthird line', '3']],
      },
      landscape,
    },
  ],
});

/** Each page's body text, without its page number. */
async function pages(doc: NoteDocument) {
  const reading = await readPdf(new Uint8Array(await notePdf(doc)));
  return { reading, bodies: reading.text.split(/Page: \d+\/\d+/).slice(0, reading.pages) };
}

describe('a note of the Secretariat as PDF', () => {
  it('keeps a section heading on the page of its table, wherever the introduction ends', async () => {
    for (let count = 30; count <= 60; count += 1) {
      const { bodies } = await pages(note(count));
      const withHeading = bodies.findIndex((body) => body.includes('Needs by Member'));
      const withTable = bodies.findIndex(
        (body) => body.includes('Member\nNeeds') || body.includes('MemberNeeds'),
      );
      expect(withHeading, `${count} paragraphs`).toBeGreaterThanOrEqual(0);
      expect(bodies[withHeading], `${count} paragraphs`).toContain('Uganda');
      expect(withTable === -1 || withTable === withHeading, `${count} paragraphs`).toBe(true);
    }
  });

  it('sets a landscape section on landscape pages after a portrait introduction', async () => {
    const { reading } = await pages(note(2, true));
    expect(reading.pages).toBe(2);
    const [first, second] = reading.pageSizes;
    expect(first?.[0]).toBeLessThan(first?.[1] ?? 0);
    expect(second?.[0]).toBeGreaterThan(second?.[1] ?? 0);
  });
});
