import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CertificateInput, certificatePdf } from './certificate-pdf.ts';

const folder = mkdtempSync(join(tmpdir(), 'ipcoop-certificate-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

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

/** Runs a poppler tool on the PDF, as a reader's software would see it. */
function poppler(tool: 'pdftotext' | 'pdfinfo', pdf: Buffer, name: string): string {
  const file = join(folder, name);
  writeFileSync(file, pdf);
  return execFileSync(`/usr/bin/${tool}`, tool === 'pdftotext' ? [file, '-'] : [file], { encoding: 'utf8' });
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('certificate PDF', () => {
  it('is one landscape page of real text with the verification URL', async () => {
    const pdf = await certificatePdf(input);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const info = poppler('pdfinfo', pdf, 'en.pdf');
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28/);
    expect(info).toMatch(/Tagged:\s+yes/);
    const text = flat(poppler('pdftotext', pdf, 'en.pdf'));
    expect(text).toContain('Certificate of completion');
    expect(text).toContain('Nguyễn Thị Lan (sample)');
    expect(text).toContain('WIPO-CIPO Executive Training Program');
    expect(text).toMatch(/2024 edition · 7 ?– ?11 October 2024 · CIPO Headquarters, Gatineau, Canada/);
    expect(text).toContain('Issued on 1 August 2025');
    expect(text).toContain(input.verificationUrl);
  });

  it('speaks the language asked for', async () => {
    const text = flat(poppler('pdftotext', await certificatePdf({ ...input, lang: 'fr' }), 'fr.pdf'));
    expect(text).toContain('Certificat de réussite');
    expect(text).toMatch(/Édition 2024 · 7 ?– ?11 octobre 2024/);
    expect(text).toContain('Délivré le 1 août 2025');
    const spanish = flat(poppler('pdftotext', await certificatePdf({ ...input, lang: 'es' }), 'es.pdf'));
    expect(spanish).toContain('Certificado de finalización');
    expect(spanish).toContain('octubre de 2024');
  });

  it('copes with unknown dates and venue', async () => {
    const pdf = await certificatePdf({ ...input, dates: { start: null, end: null }, venue: null });
    const text = flat(poppler('pdftotext', pdf, 'bare.pdf'));
    expect(text).toContain('2024 edition');
    expect(text).not.toContain('·');
  });
});
