import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { defineMessages } from '../../i18n/catalogue.ts';
import { formatDate, formatDateRange } from '../../i18n/format.ts';
import type { Language } from '../../i18n/languages.ts';

export const text = defineMessages({
  shared: { edition: 'editionOfYear' },
  en: {
    heading: 'Certificate of completion',
    certifies: 'This is to certify that',
    completed: 'has successfully completed the',
    issued: 'Issued on {date}',
    organizedBy: 'Organized by {organizer}',
    verify: 'Check that this certificate is genuine at',
  },
  fr: {
    heading: 'Certificat de réussite',
    certifies: 'Nous certifions que',
    completed: 'a suivi avec succès le',
    issued: 'Délivré le {date}',
    organizedBy: 'Organisé par {organizer}',
    verify: 'Vérifiez l’authenticité de ce certificat à l’adresse',
  },
  es: {
    heading: 'Certificado de finalización',
    certifies: 'Se certifica que',
    completed: 'ha completado satisfactoriamente el',
    issued: 'Expedido el {date}',
    organizedBy: 'Organizado por {organizer}',
    verify: 'Compruebe la autenticidad de este certificado en',
  },
});

// DejaVu from npm, not the system: the PDF must come out the same on a bare machine, and its
// glyphs cover the names participants bring (Vietnamese, Polish, Turkish letters...).
const require = createRequire(import.meta.url);
const font = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
const fonts = {
  serif: font('DejaVuSerif.ttf'),
  serifBold: font('DejaVuSerif-Bold.ttf'),
  sans: font('DejaVuSans.ttf'),
  mono: font('DejaVuSansMono.ttf'),
};

export type CertificateInput = {
  participantName: string;
  programmeName: string;
  editionYear: number;
  /** ISO dates of the edition; either may be unknown. */
  dates: { start: string | null; end: string | null };
  venue: string | null;
  issuedAt: Date;
  verificationUrl: string;
  lang: Language;
  /** The programme's organizers as they sign, e.g. "CIPO and WIPO Academy"; null to leave out. */
  organizer?: string | null;
  /** Who signs the certificates of the programme (not its agreements), with their signature image. */
  signatories?: Array<{
    name: string;
    title: string;
    organization: string;
    signature: { type: string; data: Buffer } | null;
  }>;
};

const ink = '#1b1f24';
const accent = '#0b5394';
const muted = '#4f5862';

/** A one-page landscape certificate of completion (tagged PDF, real text, the verification URL printed). */
export function certificatePdf(input: CertificateInput): Promise<Buffer> {
  const t = text(input.lang);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 72,
    font: fonts.serif,
    lang: input.lang,
    tagged: true,
    displayTitle: true,
    info: {
      Title: `${t('heading')} — ${input.participantName}`,
      Subject: input.programmeName,
      Creator: 'ipcoop',
      // The issue date, not "now": the same certificate renders to the same document.
      CreationDate: input.issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const { width, height } = doc.page;
  doc
    .lineWidth(3)
    .strokeColor(accent)
    .rect(28, 28, width - 56, height - 56)
    .stroke();
  doc
    .lineWidth(0.75)
    .rect(36, 36, width - 72, height - 72)
    .stroke();

  const box = { width: width - 144, align: 'center' as const };
  const dates = formatDateRange(input.lang, input.dates.start, input.dates.end);
  const editionLine = [t('edition', { year: input.editionYear }), dates, input.venue]
    .filter(Boolean)
    .join(' · ');
  const issued = t('issued', {
    date: formatDate(input.lang, input.issuedAt.toISOString().slice(0, 10)) ?? '',
  });

  doc.y = 80;
  doc.font(fonts.serifBold).fontSize(30).fillColor(accent).text(t('heading'), box);
  doc.moveDown(1.2).font(fonts.serif).fontSize(14).fillColor(ink).text(t('certifies'), box);
  doc.moveDown(0.6).font(fonts.serifBold).fontSize(26).text(input.participantName, box);
  doc.moveDown(0.6).font(fonts.serif).fontSize(14).text(t('completed'), box);
  doc.moveDown(0.6).font(fonts.serifBold).fontSize(18).text(input.programmeName, box);
  doc.moveDown(0.4).font(fonts.serif).fontSize(13).text(editionLine, box);
  if (input.organizer)
    doc
      .moveDown(0.5)
      .font(fonts.serif)
      .fontSize(12)
      .text(t('organizedBy', { organizer: input.organizer }), box);
  doc.moveDown(1).font(fonts.sans).fontSize(11).text(issued, box);

  drawSignatories(doc, input.signatories ?? [], { left: 72, width: width - 144, top: height - 245 });

  doc.x = 72;
  doc.y = height - 130;
  doc.font(fonts.sans).fontSize(10).fillColor(muted).text(t('verify'), box);
  doc.moveDown(0.3).font(fonts.mono).fontSize(10).fillColor(ink).text(input.verificationUrl, box);

  doc.end();
  return done;
}

/** Side by side, each centred in its column: the signature image, a line, name, title, organization. */
function drawSignatories(
  doc: PDFKit.PDFDocument,
  signatories: NonNullable<CertificateInput['signatories']>,
  area: { left: number; width: number; top: number },
) {
  if (signatories.length === 0) return;
  const column = area.width / signatories.length;
  signatories.forEach((person, index) => {
    const x = area.left + index * column;
    const inner = { x: x + 20, width: column - 40 };
    if (person.signature) {
      try {
        doc.image(person.signature.data, inner.x, area.top, {
          fit: [inner.width, 44],
          align: 'center',
          valign: 'bottom',
        });
      } catch {
        // An image whose first bytes looked right but that does not decode is left out, not fatal.
      }
    }
    const lineY = area.top + 48;
    doc
      .lineWidth(0.5)
      .strokeColor(muted)
      .moveTo(inner.x, lineY)
      .lineTo(inner.x + inner.width, lineY)
      .stroke();
    const text = { width: inner.width, align: 'center' as const };
    doc
      .font(fonts.sans)
      .fontSize(10)
      .fillColor(ink)
      .text(person.name, inner.x, lineY + 4, text);
    doc.font(fonts.sans).fontSize(8.5).fillColor(muted).text(person.title, text);
    doc.text(person.organization, text);
  });
}
