import { describe, expect, it } from 'vitest';
import { pdfText, readPdf } from '../../testing/pdf.ts';
import { type CertificateInput, certificatePdf } from './certificate-pdf.ts';

const input: CertificateInput = {
  participantName: 'Nguyễn Thị Lan (sample)',
  programmeName: 'WIPO-CIPO Executive Training Program',
  editionYear: 2024,
  dates: { start: '2024-10-07', end: '2024-10-11' },
  venue: 'CIPO Headquarters, Gatineau, Canada',
  issuedAt: new Date('2025-08-01T10:00:00Z'),
  verificationUrl: 'https://ipcoop.example/en/certificates/ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  lang: 'en',
};

describe('certificate PDF', () => {
  it('is one landscape page of real text with the verification URL', async () => {
    const pdf = await certificatePdf(input);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const reading = await readPdf(pdf);
    expect(reading.pages).toBe(1);
    expect(reading.pageSizes).toEqual([[841.89, 595.28]]);
    expect(reading.tagged).toBe(true);
    const text = await pdfText(pdf);
    expect(text).toContain('Certificate of completion');
    expect(text).toContain('Nguyễn Thị Lan (sample)');
    expect(text).toContain('WIPO-CIPO Executive Training Program');
    expect(text).toMatch(/2024 edition · 7 ?– ?11 October 2024 · CIPO Headquarters, Gatineau, Canada/);
    expect(text).toContain('Issued on 1 August 2025');
    expect(text).toContain(input.verificationUrl);
  });

  it('speaks the language asked for', async () => {
    const text = await pdfText(await certificatePdf({ ...input, lang: 'fr' }));
    expect(text).toContain('Certificat de réussite');
    expect(text).toMatch(/Édition 2024 · 7 ?– ?11 octobre 2024/);
    expect(text).toContain('Délivré le 1er août 2025');
    const spanish = await pdfText(await certificatePdf({ ...input, lang: 'es' }));
    expect(spanish).toContain('Certificado de finalización');
    expect(spanish).toContain('octubre de 2024');
  });

  it('copes with unknown dates and venue', async () => {
    const pdf = await certificatePdf({ ...input, dates: { start: null, end: null }, venue: null });
    const text = await pdfText(pdf);
    expect(text).toContain('2024 edition');
    expect(text).not.toContain('·');
  });
});
