import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { locales } from '../../i18n/languages.ts';
import type { Grouped } from './programme-groups.ts';
import type { DocumentHead, ProgrammeDetail, ReportDocument } from './report-document.ts';

const headingLevels = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
];
const heading = (depth: number) => headingLevels[Math.min(depth, headingLevels.length - 1)];

/** Multi-line source text (descriptions) as runs with line breaks, never as one run with raw newlines. */
const textRuns = (text: string, bold = false, size?: number) =>
  text.split(/\r?\n/).map((line, index) => new TextRun({ text: line, bold, size, break: index > 0 ? 1 : 0 }));

/** Table text in half-points: 8.5 pt, as the PDF sets its tables. */
const tableTextSize = 17;

function line(text: string, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT) {
  return new Paragraph({ alignment: align, children: textRuns(text) });
}

/** "Page: {page}/{pages}" with Word's own page fields in place of the placeholders. */
function pageNumberRuns(template: string) {
  return template
    .split(/(\{page\}|\{pages\})/)
    .filter(Boolean)
    .map((part) =>
      part === '{page}'
        ? new TextRun({ children: [PageNumber.CURRENT] })
        : part === '{pages}'
          ? new TextRun({ children: [PageNumber.TOTAL_PAGES] })
          : new TextRun(part),
    );
}

/**
 * A table over the text width whose header row repeats on every page; widths in percent, kept as
 * given (fixed layout: Word does not squeeze a column to fit its longest word elsewhere); `align`
 * sets each column's alignment (figures right), left when absent.
 */
export function docxTable(
  columns: string[],
  widths: number[],
  rows: string[][],
  align: Array<'left' | 'right'> = [],
) {
  const cell = (text: string, index: number, bold = false) =>
    new TableCell({
      width: { size: widths[index] ?? 10, type: WidthType.PERCENTAGE },
      // As the PDF sets them: text clear of the borders, the header row shaded.
      margins: { top: 60, bottom: 60, left: 80, right: 80 },
      ...(bold ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8E8E8' } } : {}),
      children: [
        new Paragraph({
          alignment: align[index] === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: textRuns(text, bold, tableTextSize),
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((text, i) => cell(text, i, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((text, i) => cell(text, i)) })),
    ],
  });
}

function annexTable(doc: ReportDocument) {
  return docxTable(
    [...doc.annex.columns],
    [6, 46, 16, 32],
    doc.annex.rows.map((row) => [String(row.number), row.title, row.start, row.beneficiaries]),
  );
}

function programmeGroup(group: Grouped<ProgrammeDetail>, depth: number, colon: string): Paragraph[] {
  const inner = group.heading === null ? depth : depth + 1;
  return [
    ...(group.heading === null ? [] : [new Paragraph({ heading: heading(depth), text: group.heading })]),
    ...group.programmes.flatMap((programme) => [
      new Paragraph({
        heading: heading(inner),
        keepNext: true,
        text: `${programme.number}. ${programme.title}`,
      }),
      ...programme.fields.map(
        (field) =>
          new Paragraph({
            children: [new TextRun({ text: `${field.label}${colon}`, bold: true }), ...textRuns(field.value)],
          }),
      ),
    ]),
    ...group.groups.flatMap((subgroup) => programmeGroup(subgroup, inner, colon)),
  ];
}

/** The WTO header block: symbol and date on the right, the body, the original language, the title. */
export function headBlock(doc: DocumentHead): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: doc.symbolLine, bold: true })],
    }),
    ...(doc.date ? [line(doc.date, AlignmentType.RIGHT)] : []),
    line(doc.council),
    line(doc.original, AlignmentType.RIGHT),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { before: 480, after: 120 },
      children: [new TextRun({ text: doc.title, bold: true, size: 24 })],
    }),
  ];
}

/** A numbered paragraph as WTO documents set them: the number, a tab, the text justified. */
export function numberedParagraph(number: string, text: string) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { after: 160 },
    indent: { left: 567, hanging: 567 },
    children: [new TextRun(number), new TextRun({ children: [new Tab()] }), ...textRuns(text)],
  });
}

/** A run of a document's content on pages of one orientation. */
export type DocxPart = { landscape: boolean; children: Array<Paragraph | Table> };

/**
 * A Word document on A4 in Verdana, the symbol on top of every page but the first, page numbers
 * below. Given parts, each is a Word section on portrait or landscape pages, starting a new page.
 */
export function wtoDocx(head: DocumentHead, content: Array<Paragraph | Table> | DocxPart[]): Promise<Buffer> {
  const footer = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: pageNumberRuns(head.pageNumber) })],
  });
  const parts: DocxPart[] =
    content.length > 0 && content.every((item) => 'landscape' in item)
      ? (content as DocxPart[])
      : [{ landscape: false, children: content as Array<Paragraph | Table> }];
  const document = new Document({
    title: head.title,
    description: head.symbolLine,
    creator: 'ipcoop',
    styles: {
      default: {
        document: { run: { font: 'Verdana', size: 18, language: { value: locales[head.lang] } } },
        heading1: { run: { bold: true, size: 22 }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading2: { run: { bold: true, size: 20 }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { bold: true, size: 18 }, paragraph: { spacing: { before: 200, after: 80 } } },
        heading4: { run: { bold: true, italics: true, size: 18 }, paragraph: { spacing: { before: 160 } } },
      },
    },
    sections: parts.map((part, index) => ({
      properties: {
        titlePage: index === 0,
        page: {
          size: {
            width: 11906,
            height: 16838,
            orientation: part.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
        },
      },
      headers: {
        ...(index === 0 ? { first: new Header({ children: [] }) } : {}),
        default: new Header({ children: [line(head.symbolLine, AlignmentType.RIGHT)] }),
      },
      footers: { first: footer, default: footer },
      children: part.children,
    })),
  });
  return Packer.toBuffer(document);
}

/** The report as a Word document: WTO header block, numbered narrative, Annex table, programme details. */
export async function reportDocx(doc: ReportDocument): Promise<Buffer> {
  return wtoDocx(doc, [
    ...headBlock(doc),
    ...(doc.revision
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: doc.revision, bold: true })],
          }),
        ]
      : []),
    line(doc.subtitle, AlignmentType.CENTER),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      children: textRuns(doc.period),
    }),
    ...(doc.revisionNote ? [line(doc.revisionNote)] : []),
    ...doc.corrections.map(
      (correction, index) =>
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: { before: 120, after: 120 },
          indent: { left: 567, hanging: 567 },
          children: [
            new TextRun(`${index + 1}.`),
            new TextRun({ children: [new Tab()] }),
            ...textRuns(correction),
          ],
        }),
    ),
    ...(doc.introduction
      ? [
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            spacing: { after: 200 },
            children: [new TextRun({ text: doc.introduction, italics: true })],
          }),
        ]
      : []),
    ...doc.outline.map((block) =>
      block.kind === 'heading'
        ? new Paragraph({
            heading: heading(2),
            children: textRuns([block.number, block.text].filter(Boolean).join(' ')),
          })
        : block.kind === 'preamble' || block.number === null
          ? new Paragraph({
              alignment: AlignmentType.JUSTIFIED,
              spacing: { after: 160 },
              children: [new TextRun({ text: block.text, italics: block.kind === 'preamble' })],
            })
          : numberedParagraph(block.number, block.text),
    ),
    // A corrigendum lists its corrections only; an addendum has an Annex only when it adds programmes.
    ...(doc.scope === 'whole' || doc.annex.rows.length > 0
      ? [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            alignment: AlignmentType.CENTER,
            pageBreakBefore: true,
            text: doc.annex.heading,
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 200 },
            text: doc.annex.caption,
          }),
          doc.annex.rows.length > 0 ? annexTable(doc) : line(doc.annex.emptyText),
        ]
      : []),
    ...(doc.details.groups.length > 0
      ? [
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: doc.details.heading }),
          ...doc.details.groups.flatMap((group) => programmeGroup(group, 1, doc.colon)),
        ]
      : []),
  ]);
}
