import { brotliCompressSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.tsx';
import type { Database, Db } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { seedTrainingOperationsDemo } from '../demo/training-demo.ts';
import { verifyCertificate } from '../training/programme/certificate-verify.ts';
import { certificates, participants, trainingEditions } from '../training/schema.ts';

const validCode = 'VALIDCODE234567ABCDEFGHJK';
const revokedCode = 'revoked_code-0123456789abc';

describe.each(testBackends)('programme and certificate pages (%s)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let programmeId: number;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    programmeId = (await seedDemo(database.db)).programmeId;
    await seedTrainingOperationsDemo(database.db);
    const people = await database.db
      .select({ id: participants.id, name: participants.name })
      .from(participants);
    const idOf = (name: string) => people.find((p) => p.name === name)?.id ?? 0;
    await database.db.insert(certificates).values([
      {
        participantId: idOf('Amina Wanjiru (sample)'),
        code: validCode,
        issuedAt: new Date('2025-08-01T10:00:00Z'),
      },
      {
        participantId: idOf('Kwame Mensah (sample)'),
        code: revokedCode,
        issuedAt: new Date('2025-08-01T10:00:00Z'),
        revokedAt: new Date('2025-09-15T10:00:00Z'),
      },
    ]);
    app = createApp(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  const page = async (path: string, status = 200) => {
    const response = await app.request(path);
    expect(response.status, path).toBe(status);
    return response.text();
  };

  it('lists the programmes with organizers, founding year, editions and participants since inception', async () => {
    const html = await page('/en/programmes');
    expect(html).toContain(`href="/en/programmes/${programmeId}"`);
    expect(html).toContain('WIPO-CIPO Executive Training Program');
    expect(html).toContain('Canadian Intellectual Property Office, WIPO Academy');
    expect(html).toMatch(/<td>1997<\/td><td>2<\/td><td>209<\/td>/);
  });

  it('shows a programme with its agreement, reach, map and editions', async () => {
    const html = await page(`/en/programmes/${programmeId}`);
    expect(html).toContain('Hasan Kleib');
    expect(html).toContain('Signed on 7 October 2024');
    expect(html).toContain('<strong>209</strong> participants since 1997');
    expect(html).toContain('<strong>33%</strong> of recorded participants from least developed countries');
    expect(html).toMatch(/<svg [^>]*role="img"/);
    expect(html).toContain('<title>Kenya: 1 participant</title>');
    expect(html).toContain('2027 edition');
    expect(html).toContain('Open for nominations');
    expect(html).toContain('30 June 2027');
    expect(html).toContain('Fireside conversation on the cooperation between WIPO and CIPO');
    expect(html).toContain('IT modernization');
    expect(html).not.toMatch(/\sstyle=/i);
  });

  it('names only the participants who agreed, and marks sample people', async () => {
    const html = await page(`/en/programmes/${programmeId}`);
    for (const named of ['Amina Wanjiru (sample)', 'Farhana Rahman (sample)', 'Nguyễn Thị Lan (sample)']) {
      expect(html).toContain(named);
    }
    for (const unnamed of [
      'Kwame Mensah',
      'Sample Participant C',
      'Sok Dara',
      'Andrés Gómez',
      'Sample Participant I',
    ]) {
      expect(html).not.toContain(unnamed);
    }
    expect(html).not.toContain('@demo.ipcoop.test');
    expect(html).toContain('<span class="sample-badge">sample data</span>');
    expect(html).toContain('the source does not name the real participants');
    expect(html).toContain('Bangladesh (1)');
    expect(html).toContain('Other participants are counted but not named.');
  });

  it('speaks French on the French page', async () => {
    const html = await page(`/fr/programmes/${programmeId}`);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('participants depuis 1997');
    expect(html).toContain('Édition 2027');
    expect(html).toContain('Ouverte aux candidatures');
    expect(html).toContain('30 juin 2027');
    expect(html).toContain('données fictives');
    expect(html).toContain('Participants par région');
    expect(html).toContain('Afrique');
    expect(html).not.toContain('Open for nominations');
    expect(await page('/es/programmes')).toContain('Programas de formación');
  });

  it('fits the page weight budget with the map', async () => {
    const response = await app.request(`/en/programmes/${programmeId}`, {
      headers: { 'Accept-Encoding': 'br' },
    });
    const css = await app.request('/static/site.css', { headers: { 'Accept-Encoding': 'br' } });
    const bytes = (await response.arrayBuffer()).byteLength + (await css.arrayBuffer()).byteLength;
    expect(bytes).toBeLessThan(50 * 1024);
    expect(brotliCompressSync(await page(`/es/programmes/${programmeId}`)).length).toBeLessThan(40 * 1024);
  });

  it('links to the public nomination form only when the open edition takes public nominations', async () => {
    const link = /href="\/en\/programmes\/editions\/\d+\/nominate"/;
    expect(await page(`/en/programmes/${programmeId}`)).not.toMatch(link);
    const open = eq(trainingEditions.year, 2027);
    await database.db.update(trainingEditions).set({ publicNominations: true }).where(open);
    expect(await page(`/en/programmes/${programmeId}`)).toMatch(link);
    await database.db.update(trainingEditions).set({ publicNominations: false }).where(open);
  });

  it('answers 404 for unknown or malformed programme ids', async () => {
    await page('/en/programmes/987654', 404);
    await page('/en/programmes/abc', 404);
    await page('/en/programmes/99999999999999999999', 404);
  });

  it('confirms a genuine certificate with its holder, programme and date', async () => {
    const html = await page(`/en/certificates/${validCode}`);
    expect(html).toContain('Genuine certificate');
    expect(html).toContain(
      'issued a certificate of completion with this code to Amina Wanjiru (sample) on 1 August 2025',
    );
    expect(html).toMatch(/2024 edition \(7\s?–\s?11 October 2024\)/);
    expect(html).toContain('The holder is a sample person invented for the demonstration.');
    const response = await app.request(`/fr/certificates/${validCode}`);
    expect(response.headers.get('Cache-Control')).toBe('no-cache');
    expect(response.headers.get('X-Robots-Tag')).toBe('noindex');
    expect(await response.text()).toContain('Certificat authentique');
  });

  it('says when a certificate was revoked', async () => {
    const html = await page(`/en/certificates/${revokedCode}`);
    expect(html).toContain('Revoked certificate');
    expect(html).toContain('revoked on 15 September 2025. It is no longer valid.');
    expect(html).not.toContain('Genuine certificate');
  });

  it('answers 404 for unknown and malformed codes', async () => {
    expect(await page('/en/certificates/UNKNOWNCODE234567ABCDEFG', 404)).toContain('No such certificate');
    for (const code of [
      'short',
      'x'.repeat(300),
      "ABCDEFGHIJKLMNOPQRSTU'%20OR%201=1--",
      '%E2%9C%93ABCDEFGHIJKLMNOPQRSTUVW',
    ]) {
      expect(await page(`/es/certificates/${code}`, 404)).toContain('Certificado inexistente');
    }
  });

  it('refuses malformed codes without touching the database', async () => {
    const noDatabase = new Proxy({} as Db, {
      get: () => {
        throw new Error('the database was queried');
      },
    });
    expect(await verifyCertificate(noDatabase, 'short')).toBeNull();
    expect(await verifyCertificate(noDatabase, "ABCDEFGHIJKLMNOPQRSTU' OR 1=1")).toBeNull();
    const check = await verifyCertificate(database.db, validCode);
    expect(check).toMatchObject({ valid: true, revoked: false, participantName: 'Amina Wanjiru (sample)' });
    expect(check?.edition.year).toBe(2024);
    await database.db
      .update(certificates)
      .set({ revokedAt: new Date() })
      .where(eq(certificates.code, validCode));
    expect(await verifyCertificate(database.db, validCode)).toMatchObject({ valid: false, revoked: true });
  });

  it('counts who took part apart from who is selected for an edition to come, with one LDC test', async () => {
    const html = await (await app.request(`/en/programmes/${programmeId}`)).text();
    // Bangladesh, Cambodia and Rwanda of the nine 2024 participants; the 2027 selection is apart.
    expect(html).toContain('33%</strong> of recorded participants from least developed countries');
    expect(html).toContain('<strong>1</strong> selected for editions still to come, not counted above');
    expect(html).toContain('1 selected so far (the edition has not started)');
    const spanish = await (await app.request(`/es/programmes/${programmeId}`)).text();
    expect(spanish).toContain('seleccionados para ediciones futuras, no contados arriba');
    // The home page's share counts activities by the same test: the 2024 edition benefits LDCs.
    const home = await (await app.request('/en/')).text();
    expect(home).not.toMatch(/>0%<\/strong> of activities benefit an LDC/);
    expect(home).toMatch(/>9%<\/strong> of activities benefit an LDC/);
  });

  it('shows on party pages how many people took part or are selected, never who', async () => {
    const rwanda = await (await app.request('/en/parties/RWA')).text();
    expect(rwanda).toContain('People from Rwanda in training programmes');
    expect(rwanda).toContain('WIPO-CIPO Executive Training Program</a> 2024 — took part: 1');
    expect(rwanda).not.toContain('Sample Participant C');
    const bangladesh = await (await app.request('/fr/parties/BGD')).text();
    expect(bangladesh).toContain('sélectionnés, l’édition n’ayant pas commencé\u202f: 1');
    expect(bangladesh).toContain('ont participé\u202f: 1');
    expect(bangladesh).not.toContain('Farhana Rahman');
    expect(bangladesh).not.toContain('Nasrin Akter');
  });
});
