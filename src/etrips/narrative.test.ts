import { describe, expect, it } from 'vitest';
import { splitNarrative } from './narrative.ts';

const blocks = (text: string) =>
  splitNarrative(text.split('\n').map((line, index) => ({ text: line, line: index + 10 }))).map(
    ({ kind, number, text: body }) => [kind, number, body],
  );

describe('the narrative’s outline', () => {
  it('keeps numbered lines as paragraphs with their numbers', () => {
    expect(
      blocks('  1. Canada reports.\n  2. It trains examiners.\n  3. Details are in the Annex.;;'),
    ).toEqual([
      ['paragraph', '1.', 'Canada reports.'],
      ['paragraph', '2.', 'It trains examiners.'],
      ['paragraph', '3.', 'Details are in the Annex.'],
    ]);
  });

  it('splits inline numbering, also "1.1. … 1.2. … 1.3.", but not "Article 2." or "para. 4."', () => {
    expect(blocks('1. Under Article 2. of the Act, see para. 4. for more. 2. The Office trains.')).toEqual([
      ['paragraph', '1.', 'Under Article 2. of the Act, see para. 4. for more.'],
      ['paragraph', '2.', 'The Office trains.'],
    ]);
    expect(blocks('1.1. First point. 1.2. Second point. 1.3. Third point.')).toEqual([
      ['paragraph', '1.1.', 'First point.'],
      ['paragraph', '1.2.', 'Second point.'],
      ['paragraph', '1.3.', 'Third point.'],
    ]);
  });

  it('keeps a leading section heading apart: "1 INTRODUCTION 1. …"', () => {
    expect(blocks('1 INTRODUCTION 1. Japan reports on its cooperation. 2. It funds WIPO.')).toEqual([
      ['heading', '1', 'INTRODUCTION'],
      ['paragraph', '1.', 'Japan reports on its cooperation.'],
      ['paragraph', '2.', 'It funds WIPO.'],
    ]);
  });

  it('keeps sub-headings and numbering that restarts in each section', () => {
    const text = [
      '1 OVERVIEW',
      '1. The Office cooperates with many partners.',
      '2. It reports every year.',
      '1.2 Programmes of the Office',
      '1.2.1 Training of examiners took place in Geneva.',
      '1.2.2 Seminars were held online.',
      '2 BILATERAL COOPERATION',
      '1. Ten countries received support.',
    ].join('\n');
    expect(blocks(text)).toEqual([
      ['heading', '1', 'OVERVIEW'],
      ['paragraph', '1.', 'The Office cooperates with many partners.'],
      ['paragraph', '2.', 'It reports every year.'],
      ['heading', '1.2', 'Programmes of the Office'],
      ['paragraph', '1.2.1', 'Training of examiners took place in Geneva.'],
      ['paragraph', '1.2.2', 'Seminars were held online.'],
      ['heading', '2', 'BILATERAL COOPERATION'],
      ['paragraph', '1.', 'Ten countries received support.'],
    ]);
  });

  it('keeps the preamble before paragraph 1 apart, ended by a line of underscores or not', () => {
    const formula =
      'The following communication, dated 15 October 2012, is being circulated at the request of the delegation of Japan.';
    expect(blocks(`${formula}\n_______________\n1. Japan reports.\n2. More.`)).toEqual([
      ['preamble', null, formula],
      ['paragraph', '1.', 'Japan reports.'],
      ['paragraph', '2.', 'More.'],
    ]);
    expect(blocks(`${formula}\nTECHNICAL COOPERATION\n1. Japan reports.`)).toEqual([
      ['preamble', null, formula],
      ['heading', null, 'TECHNICAL COOPERATION'],
      ['paragraph', '1.', 'Japan reports.'],
    ]);
  });

  it('keeps unnumbered text one paragraph per line, with its headings', () => {
    expect(blocks('Introduction\nSwitzerland supports IP offices.\nIt also funds projects.')).toEqual([
      ['heading', null, 'Introduction'],
      ['paragraph', null, 'Switzerland supports IP offices.'],
      ['paragraph', null, 'It also funds projects.'],
    ]);
  });

  it('moves an unnumbered heading at the end of a paragraph to the next section', () => {
    expect(blocks('1. First paragraph.\nMULTILATERAL LEVEL\n2. Second paragraph.')).toEqual([
      ['paragraph', '1.', 'First paragraph.'],
      ['heading', null, 'MULTILATERAL LEVEL'],
      ['paragraph', '2.', 'Second paragraph.'],
    ]);
  });

  it('gives each block the line it starts on', () => {
    const lines = splitNarrative([
      { text: 'Preamble text is being circulated at the request of Norway.', line: 3 },
      { text: '1. One.', line: 5 },
      { text: '2. Two.', line: 6 },
    ]).map((block) => block.line);
    expect(lines).toEqual([3, 5, 6]);
  });
});
