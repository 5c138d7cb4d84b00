import { describe, expect, it } from 'vitest';
import { detectPresentation, safeFileName } from './presentation-files.ts';

const zip = (...parts: string[]) =>
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), ...parts.map((p) => Buffer.from(p))]);
const ole = (...parts: Buffer[]) =>
  Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), ...parts]);

describe('presentation files', () => {
  it('recognizes PDF, PPTX, ODP and PPT by their bytes', () => {
    expect(detectPresentation(Buffer.from('%PDF-1.4\n'))?.extension).toBe('pdf');
    expect(
      detectPresentation(zip('[Content_Types].xml', '_rels/.rels', 'ppt/presentation.xml'))?.extension,
    ).toBe('pptx');
    const odp = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.alloc(26),
      Buffer.from('mimetypeapplication/vnd.oasis.opendocument.presentation'),
    ]);
    expect(detectPresentation(odp)?.extension).toBe('odp');
    expect(detectPresentation(ole(Buffer.from('PowerPoint Document', 'utf16le')))?.extension).toBe('ppt');
  });

  it('refuses other files, whatever their name says', () => {
    expect(detectPresentation(Buffer.from('<!doctype html><script>alert(1)</script>'))).toBeNull();
    expect(detectPresentation(zip('[Content_Types].xml', 'word/document.xml'))).toBeNull();
    const odt = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.alloc(26),
      Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text'),
    ]);
    expect(detectPresentation(odt)).toBeNull();
    expect(detectPresentation(ole(Buffer.from('WordDocument', 'utf16le')))).toBeNull();
    expect(detectPresentation(Buffer.alloc(0))).toBeNull();
  });

  it('names downloads safely', () => {
    expect(safeFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(safeFileName('Présentation "KIPI".pptx', 'pptx')).toBe('Présentation KIPI.pptx');
    expect(safeFileName('名前 ü.pdf', 'pdf')).toBe('名前 ü.pdf');
    expect(safeFileName('Отчёт: 2024/итоги.pdf', 'pdf')).toBe('итоги.pdf');
    expect(safeFileName('a\u0000b<>|?*.pdf', 'pdf')).toBe('a b.pdf');
    expect(safeFileName('\r\n.pdf', 'pdf')).toBe('presentation.pdf');
  });
});
