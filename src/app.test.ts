import { createHash } from 'node:crypto';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.tsx';
import type { Database } from './db/database.ts';
import { openTestDatabase, testBackends } from './db/test-database.ts';
import { seedDemo } from './demo/seed-demo.ts';

describe.each(testBackends)('web and API (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await seedDemo(database.db);
    app = createApp(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('reports health with the database kind', async () => {
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: database.kind });
  });

  it('sends / to the language the browser asks for', async () => {
    const response = await app.request('/', { headers: { 'Accept-Language': 'es-MX,es;q=0.9,en;q=0.5' } });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/es/');
    expect(response.headers.get('vary')).toContain('Accept-Language');
  });

  it('names the party with its article in French and Spanish: du Canada, del Canadá', async () => {
    const fr = await (await app.request('/fr/reports/1')).text();
    expect(fr).toContain('Activités de coopération technique du Canada, 2020–2021');
    expect(fr).not.toContain('de Canada');
    const es = await (await app.request('/es/reports/1')).text();
    expect(es).toContain('Actividades de cooperación técnica del Canadá, 2020–2021');
    // Beneficiaries in the alphabetical order of the page's language, not by code (SLV is not last).
    const listed = es.slice(es.indexOf('>Costa Rica<'));
    const order = [
      'Costa Rica',
      'El Salvador',
      'Guatemala',
      'Honduras',
      'Nicaragua',
      'Panamá',
      'República Dominicana',
    ];
    const at = order.map((name) => listed.indexOf(`>${name}</a>`));
    expect(at.every((position) => position >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    const home = await (await app.request('/fr/')).text();
    expect(home).toContain('Rapport du Canada, 2020–2021');
    expect(home).toMatch(/<strong>1<\/strong> partie déclarante</);
  });

  it('shows the report as e-TRIPS lists it, with strict security headers', async () => {
    const response = await app.request('/en/reports/1');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Technical cooperation activities of Canada, 2020–2021');
    expect(html).toContain('CIPO-WIPO Executive Workshop on IP Office Management');
    expect(html).toContain('Bolivia, Plurinational State of</a>; <a href="/en/parties/BRA">Brazil');
    expect(html).toContain('24 April 2021');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('etag')).toBeTruthy();
  });

  it('compresses with brotli or gzip, revalidates with ETag, and opens the API to other origins', async () => {
    const br = await app.request('/en/reports/1', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toContain('Accept-Encoding');
    const gzip = await app.request('/en/reports/1', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    const etag = br.headers.get('etag') ?? '';
    const again = await app.request('/en/reports/1', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(br.headers.get('cache-control')).toContain('max-age=60');
    const api = await app.request('/api/v1/reports', { headers: { Origin: 'https://example.org' } });
    expect(api.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('sends a kept page and a kept API answer with the ETag of their bytes, compressed alike each time', async () => {
    for (const path of ['/en/search?q=patent', '/en/activities/1', '/api/v1/activities?q=training']) {
      const plain = await app.request(path);
      const body = await plain.text();
      expect(plain.headers.get('vary')).toContain('Accept-Encoding');
      // Reckoned once when kept, it is the tag the ETag layer gives those bytes.
      expect(plain.headers.get('etag')).toBe(`W/"${createHash('sha1').update(body).digest('hex')}"`);
      const first = await app.request(path, { headers: { 'Accept-Encoding': 'br' } });
      const second = await app.request(path, { headers: { 'Accept-Encoding': 'br' } });
      expect(second.headers.get('content-encoding')).toBe('br');
      const unpacked = brotliDecompressSync(Buffer.from(await second.arrayBuffer())).toString();
      expect(unpacked).toBe(body);
      expect(Buffer.from(await first.arrayBuffer()).length).toBe(
        Number(second.headers.get('content-length')),
      );
      const again = await app.request(path, {
        headers: { 'If-None-Match': plain.headers.get('etag') ?? '' },
      });
      expect(again.status).toBe(304);
    }
  });

  it('names parties and formats dates in the page language', async () => {
    const french = await (await app.request('/fr/reports/1')).text();
    expect(french).toContain('Bolivie, État plurinational de');
    expect(french).toContain('24 avril 2021');
    expect(french).toContain('<html lang="fr">');
    const spanish = await (await app.request('/es/reports/1')).text();
    expect(spanish).toContain('Bolivia, Estado Plurinacional de');
    expect(spanish).toContain('24 de abril de 2021');
  });

  it('shows key figures and the latest reports on the home page', async () => {
    const html = await (await app.request('/en/')).text();
    expect(html).toContain('Report of Canada, 2020–2021');
    expect(html).toMatch(/<strong>11<\/strong> activities/);
  });

  it('serves reports and activities as JSON', async () => {
    const list = (await (await app.request('/api/v1/reports')).json()) as {
      items: Array<{ id: number; activityCount: number }>;
    };
    expect(list.items).toHaveLength(1);
    expect(list.items[0]?.activityCount).toBe(10);
    const report = (await (await app.request(`/api/v1/reports/${list.items[0]?.id}`)).json()) as {
      narrative: string[];
      programmes: Array<{ rowNumber: number; beneficiaries: unknown[] }>;
    };
    expect(report.narrative).toHaveLength(3);
    expect(report.programmes.map((p) => p.rowNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(report.programmes[6]?.beneficiaries).toHaveLength(13);

    const activities = (await (await app.request('/api/v1/activities?beneficiary=CRI')).json()) as {
      total: number;
      items: Array<{ id: number; title: { en: string } }>;
    };
    expect(activities.total).toBe(1);
    expect(activities.items[0]?.title.en).toMatch(/^Pilot Program of Training for patent examiners/);

    const detail = (await (await app.request(`/api/v1/activities/${activities.items[0]?.id}`)).json()) as {
      reports: Array<{ rowNumber: number }>;
    };
    expect(detail.reports).toEqual([expect.objectContaining({ rowNumber: 2, reportingParty: 'CAN' })]);
  });

  it('searches accent-insensitively across languages and agencies', async () => {
    const search = async (q: string) =>
      (
        (await (await app.request(`/api/v1/activities?q=${encodeURIComponent(q)}`)).json()) as {
          total: number;
        }
      ).total;
    expect(await search('patent')).toBe(3);
    expect(await search('Interpol')).toBe(1);
    expect(await search('Intellectual Property Office')).toBeGreaterThan(0);
  });

  it('answers bad input with a clear problem document, never a 500', async () => {
    const bad = await app.request('/api/v1/activities?pageSize=1000&beneficiary=%3Cscript%3E');
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { errors: Array<{ field: string }> };
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['beneficiary', 'pageSize']);
    expect((await app.request('/api/v1/reports/999999')).status).toBe(404);
    expect((await app.request('/api/v1/reports/abc')).status).toBe(400);
    expect((await app.request('/api/v1/activities/0')).status).toBe(400);
    const missing = await app.request('/fr/reports/999999');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page introuvable');
    expect((await app.request('/no/such/page')).status).toBe(404);
    expect((await app.request(`/api/v1/activities?q=${'x'.repeat(300)}`)).status).toBe(400);
  });
});
