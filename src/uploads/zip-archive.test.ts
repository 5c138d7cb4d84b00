import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Account } from '../accounts/service.ts';
import type { Db } from '../db/database.ts';
import { storePresentation } from '../training/participants/presentation-files.ts';
import { checkZipArchive, documentZipLimits } from './zip-archive.ts';

type Part = { name: string; data: Buffer; declaredSize?: number };

/** A ZIP archive of deflated parts, each declaring `declaredSize` (by default its true size). */
function buildZip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const compressed = deflateRawSync(part.data);
    const size = part.declaredSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const presentationParts = (slide: Part): Part[] => [
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  { name: 'ppt/presentation.xml', data: Buffer.from('<p:presentation/>') },
  slide,
];

const coordinator = { id: 1, email: 'c@example.org', roles: [] } as unknown as Account;
// A refused file is refused before anything is written: no database is needed to prove it.
const noDatabase = null as unknown as Db;
const upload = (bytes: Buffer, name = 'deck.pptx') => new File([new Uint8Array(bytes)], name);

describe('ZIP uploads', () => {
  it('accepts an honest presentation', () => {
    const zip = buildZip(presentationParts({ name: 'ppt/slides/slide1.xml', data: Buffer.from('<p:sld/>') }));
    expect(checkZipArchive(zip, documentZipLimits).ok).toBe(true);
  });

  it('refuses a part declaring 2 GB, by its declaration', async () => {
    const zip = buildZip(
      presentationParts({
        name: 'ppt/slides/slide1.xml',
        data: Buffer.alloc(2_000_000),
        declaredSize: 2 ** 31,
      }),
    );
    expect(zip.length).toBeLessThan(100_000);
    expect(checkZipArchive(zip, documentZipLimits)).toEqual({ ok: false, problem: 'too-expanded' });
    expect(await storePresentation(noDatabase, coordinator, 1, upload(zip))).toEqual({
      ok: false,
      reason: 'fileExpanded',
    });
  });

  it('refuses a part that inflates to more than it declares', async () => {
    const zip = buildZip(
      presentationParts({ name: 'ppt/media/image1.png', data: Buffer.alloc(5_000_000), declaredSize: 4_000 }),
    );
    expect(checkZipArchive(zip, documentZipLimits)).toEqual({ ok: false, problem: 'too-expanded' });
    expect((await storePresentation(noDatabase, coordinator, 1, upload(zip))).ok).toBe(false);
  });

  it('refuses parts that together pass the limit, each small', () => {
    const parts = Array.from({ length: 3 }, (_, i) => ({
      name: `ppt/media/image${i}.bin`,
      data: Buffer.alloc(600_000, i),
    }));
    const zip = buildZip(presentationParts(parts[0] as Part).concat(parts.slice(1)));
    const limits = { ...documentZipLimits, maxUncompressedBytes: 1_000_000 };
    expect(checkZipArchive(zip, limits)).toEqual({ ok: false, problem: 'too-expanded' });
  });

  it('calls a cut-off archive damaged', async () => {
    const zip = buildZip(presentationParts({ name: 'ppt/slides/slide1.xml', data: Buffer.from('<p:sld/>') }));
    const cut = Buffer.concat([zip.subarray(0, 60), zip.subarray(zip.length - 120)]);
    expect(checkZipArchive(cut, documentZipLimits).ok).toBe(false);
  });
});
