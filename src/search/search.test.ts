import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, activityBeneficiaries } from '../activities/schema.ts';
import { refreshActivitySearch } from '../activities/search-index.ts';
import { createApp } from '../app.tsx';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { reportActivities, reports } from '../reports/schema.ts';
import { iatiSchemaErrors } from '../testing/xml.ts';

describe.each(testBackends)('gateway search, downloads and feed (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let hostileId: number;
  let reportId: number;
  const html = async (path: string) => {
    const response = await app.request(path);
    return { status: response.status, text: await response.text() };
  };

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await seedDemo(database.db);
    // Every stored text field carrying markup, to prove output is escaped everywhere.
    const hostile = '<script>alert(1)</script>';
    const [row] = await database.db
      .insert(activities)
      .values({
        donorPartyCode: 'CHE',
        title: { en: `Patent ${hostile} workshop`, fr: `Atelier ${hostile} sur la propriété` },
        description: { en: `Text ${hostile}` },
        originalLanguage: 'en',
        startDate: '2022-03-01',
        startPrecision: 'month',
        ipAreas: ['patents'],
        activityType: 'training',
        level: 'bilateral',
        status: 'ongoing',
        website: `javascript:alert(1)`,
        contactName: hostile,
        source: 'test',
      })
      .returning({ id: activities.id });
    hostileId = row?.id ?? 0;
    await database.db.insert(activityBeneficiaries).values([
      { activityId: hostileId, position: 1, kind: 'party', partyCode: 'NPL', nameAsWritten: 'Nepal' },
      { activityId: hostileId, position: 2, kind: 'unresolved', nameAsWritten: hostile },
    ]);
    await refreshActivitySearch(database.db, [hostileId]);
    // A published report with a symbol, listing only the hostile activity.
    const [report] = await database.db
      .insert(reports)
      .values({
        reportingPartyCode: 'CHE',
        periodStart: '2022-01-01',
        periodEnd: '2022-12-31',
        symbol: 'IP/C/R/TC/CHE/2022',
        originalLanguage: 'en',
        status: 'published',
        source: 'test',
      })
      .returning({ id: reports.id });
    reportId = report?.id ?? 0;
    await database.db.insert(reportActivities).values({ reportId, activityId: hostileId, rowNumber: 1 });
    app = createApp(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('finds "patent" with facets and narrows to Costa Rica through a link', async () => {
    const { status, text } = await html('/en/search?q=patent');
    expect(status).toBe(200);
    expect(text).toContain('Results for “patent”');
    expect(text).toMatch(/<strong>4 activities<\/strong>/);
    expect(text).toContain('href="/en/search?q=patent&amp;beneficiary=CRI"');
    const narrowed = await html('/en/search?q=patent&beneficiary=CRI');
    expect(narrowed.text).toMatch(/<strong>1 activity<\/strong>/);
    expect(narrowed.text).toContain('Pilot Program of Training for <mark>patent</mark> examiners');
  });

  it('finds across languages through the vocabulary and says what else it searched', async () => {
    const brevet = await html('/fr/search?q=brevet');
    expect(brevet.text).toContain('Pilot Program of Training for <mark>patent</mark>');
    expect(brevet.text).toMatch(/Également recherché\u202f: <q>patent<\/q>, <q>patente<\/q>/);
    const formacion = await html('/es/search?q=formaci%C3%B3n');
    expect(formacion.text).toContain('Pilot Program of <mark>Training</mark> for patent');
    expect(formacion.text).toContain('También se buscó: <q>training</q>');
    // Without the vocabulary, neither word is in the programme's English title.
    expect((await html('/fr/search?q=%22brevet%22')).text).not.toContain('Pilot Program of');
  });

  it('goes to a report by its symbol and filters by report and cycle', async () => {
    const bySymbol = await app.request('/en/search?q=ip%2Fc%2Fr%2Ftc%2Fche%2F2022');
    expect(bySymbol.status).toBe(302);
    expect(bySymbol.headers.get('location')).toBe(`/en/reports/${reportId}`);
    const listed = await html(`/en/search?report=${reportId}`);
    expect(listed.text).toMatch(/<strong>1 activity<\/strong>/);
    expect(listed.text).toContain('IP/C/R/TC/CHE/2022 ✕');
    expect((await html('/en/search?reporter=CHE&cycle=2021-2022')).text).toMatch(
      /<strong>1 activity<\/strong>/,
    );
    expect((await html('/en/search?reporter=CHE&cycle=2023-2024')).text).toMatch(
      /<strong>0 activities<\/strong>/,
    );
    const unknownReport = await html('/fr/search?report=99999');
    expect(unknownReport.status).toBe(400);
    expect(unknownReport.text).toContain('Rapport');
    const badCycle = await html('/es/search?cycle=2022');
    expect(badCycle.status).toBe(400);
    expect(badCycle.text).toContain('un ciclo de presentación de informes como 2021-2022');
  });

  it("proposes the registry's own words for misspellings and highlights matched words", async () => {
    const patnet = await html('/en/search?q=patnet');
    expect(patnet.text).toContain('Did you mean <a href="/en/search?q=patent">patent</a>?');
    const guatamala = await html('/en/search?q=Guatamala');
    expect(guatamala.text).toContain('Did you mean <a href="/en/search?q=guatemala">guatemala</a>?');
    // Beneficiary names are searched too.
    expect((await html('/en/search?q=guatemala')).text).toContain('Pilot Program of');
    expect((await html('/en/search?q=patent')).text).not.toContain('Did you mean');
    expect((await html('/en/search?q=examiners')).text).toContain('<mark>examiners</mark>');
    // Markup in a title stays escaped inside a highlight.
    const hostile = await html('/en/search?q=workshop');
    expect(hostile.text).toContain('<mark>workshop</mark>');
    expect(hostile.text).not.toContain('<script>');
  });

  it('answers a repeated search the same way until the registry changes, then at once anew', async () => {
    const path = '/en/search?q=quokkaquest';
    expect((await html(path)).text).toContain('No activity matches');
    expect((await html(path)).text).toContain('No activity matches');
    // As another process would: a public activity written straight to the database.
    const [row] = await database.db
      .insert(activities)
      .values({
        donorPartyCode: 'AUS',
        title: { en: 'Quokkaquest seminar' },
        originalLanguage: 'en',
        source: 'test',
      })
      .returning({ id: activities.id });
    await refreshActivitySearch(database.db, [row?.id ?? 0]);
    const after = (await html(path)).text;
    expect(after).not.toContain('No activity matches');
    expect(after).toContain(`/en/activities/${row?.id}`);
  });

  it('is accent-insensitive and language-aware', async () => {
    expect((await html('/fr/search?q=propriete')).text).toMatch(/<strong>1 activité<\/strong>/);
    expect((await html('/en/search?q=examiners')).text).toContain('Pilot Program of Training');
  });

  it('filters by region (with the parties in it), LDC, IP area, level, status and years', async () => {
    expect((await html('/en/search?region=013')).text).toContain('Pilot Program of Training');
    expect((await html('/en/search?region=019')).text).toMatch(/<strong>3 activities<\/strong>/);
    const ldc = await html('/en/search?ldc=1');
    expect(ldc.text).toMatch(/<strong>1 activity<\/strong>/);
    expect(ldc.text).toContain('Nepal');
    expect((await html('/en/search?region=142')).text).toMatch(/<strong>2 activities<\/strong>/);
    expect((await html('/es/search?ipArea=office-administration')).text).toMatch(
      /<strong>1 actividad<\/strong>/,
    );
    expect((await html('/en/search?level=bilateral&status=ongoing')).text).toMatch(
      /<strong>1 activity<\/strong>/,
    );
    expect((await html('/en/search?from=2019&to=2019')).text).toMatch(/<strong>2 activities<\/strong>/);
  });

  it('explains bad input in the page language instead of failing', async () => {
    const unknown = await html('/fr/search?beneficiary=ZZZ');
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('Ces filtres ne peuvent pas être utilisés');
    expect(unknown.text).toContain('rien n’est connu sous le code « ZZZ »');
    const spanishYears = await html('/es/search?from=2020&to=2010');
    expect(spanishYears.text).toContain('el último año es anterior al primero');
    expect((await html('/en/search?ipArea=astrology')).status).toBe(400);
    expect((await html('/en/search?page=999999999')).status).toBe(400);
    expect((await html(`/en/search?q=${'a'.repeat(500)}`)).status).toBe(400);
    expect((await html('/en/search?from=2020&to=2010')).status).toBe(400);
    const beyond = await html('/en/search?q=patent&page=50');
    expect(beyond.status).toBe(200);
    expect(beyond.text).not.toContain('No activity matches these filters.');
    expect(beyond.text).toContain('href="/en/search?q=patent" rel="prev"'); // back to the last page with results
    expect((await html('/en/search?q=%00')).status).toBe(200);
    expect((await app.request('/api/v1/activities?q=%00patent')).status).toBe(200);
    expect((await html('/en/reports/2147483648')).status).toBe(404);
    expect((await app.request('/api/v1/reports/2147483648')).status).toBe(400);
    expect((await app.request('/api/v1/activities/99999999999')).status).toBe(400);
    expect((await html('/en/search?q=%FF%FE%E2%82')).status).toBe(200);
    expect((await html('/es/activities/999999')).text).toContain('Página no encontrada');
  });

  it('builds links from the normalized filters and keeps the page size', async () => {
    const lower = await html('/en/search?donor=can&pageSize=2');
    expect(lower.text).toContain('href="/en/search?pageSize=2" aria-current="true"'); // Canada selected; its link removes it
    expect(lower.text).toContain('href="/en/search?donor=CAN&amp;pageSize=2&amp;page=2" rel="next"');
    expect(lower.text).toContain('/api/v1/activities?donor=CAN&amp;format=json');
    expect(lower.text).toContain('<input type="hidden" name="donor" value="CAN"/>');
  });

  it('offers one download block, CSV and XLSX of the chosen columns, and none for 0 results', async () => {
    const { text } = await html('/en/search?q=patent');
    expect(text.match(/Download these results/g)).toHaveLength(1);
    expect(text).toContain('<ul class="checkbox-columns">');
    expect(text).toContain('<button type="submit" name="format" value="csv">');
    expect(text).toContain('JSON and IATI XML hold every field of every activity');
    expect(text).not.toContain('type="date"');
    const none = await html('/en/search?q=zzzzzzqqq');
    expect(none.text).toContain('No activity matches these filters.');
    expect(none.text).not.toContain('Download these results');
    expect(none.text).not.toContain('/api/v1/activities?');
    // What the form sends when two columns are ticked: the CSV has those two columns, in that order.
    const csv = await (
      await app.request('/api/v1/activities?q=patent&lang=en&columns=title&columns=donor_code&format=csv')
    ).text();
    const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0];
    expect(header?.split(',')).toHaveLength(2);
  });

  it('escapes every stored text on every page', async () => {
    for (const path of [
      `/en/activities/${hostileId}`,
      `/fr/activities/${hostileId}?languages=all`,
      '/en/search?q=workshop',
      '/en/parties/CHE',
    ]) {
      const { text } = await html(path);
      expect(text, path).not.toContain('<script>');
      expect(text, path).not.toContain('href="javascript:');
    }
    expect((await html(`/en/activities/${hostileId}`)).text).toContain('&lt;script&gt;');
  });

  it('downloads CSV with localized labels and formula-safe cells', async () => {
    const response = await app.request('/api/v1/activities?q=patent&format=csv&lang=fr');
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="ipcoop-activities-.*\.csv"/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, so spreadsheet apps read UTF-8
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain('Costa Rica; République dominicaine');
    const chosen = await (
      await app.request('/api/v1/activities?beneficiary=CRI&format=csv&columns=id&columns=title')
    ).text();
    expect(chosen.trim().split('\r\n')).toHaveLength(2);
    expect((await app.request('/api/v1/activities?format=csv&columns=nonsense')).status).toBe(400);
  });

  it('tags a download before writing it, so a client that has it gets 304', async () => {
    const path = '/api/v1/activities?q=patent&format=csv';
    const first = await app.request(path);
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^W\/"[\w-]+"$/);
    await first.arrayBuffer();
    const again = await app.request(path, { headers: { 'If-None-Match': tag ?? '' } });
    expect(again.status).toBe(304);
    // Another download (other filters) is another file.
    const other = await app.request('/api/v1/activities?q=trademark&format=csv');
    expect(other.headers.get('etag')).not.toBe(tag);
    await other.arrayBuffer();
  });

  it('downloads XLSX and JSON', async () => {
    const xlsx = await app.request('/api/v1/activities?beneficiary=CRI&format=xlsx&lang=es');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Actividades');
    expect(JSON.stringify(sheet?.getRow(2).values)).toContain('Pilot Program of Training');
    const json = (await (await app.request('/api/v1/activities?beneficiary=CRI&format=json')).json()) as {
      total: number;
    };
    expect(json.total).toBe(1);
  });

  it('downloads IATI 2.03 XML that validates against the official schema', async () => {
    const response = await app.request('/api/v1/activities?format=iati');
    expect(response.status).toBe(200);
    expect(await iatiSchemaErrors(await response.text())).toEqual([]);
    expect((await app.request('/api/v1/activities?format=iati&q=zzzzzz')).status).toBe(404);
  });

  it('publishes an Atom feed filtered by reporting party and beneficiary', async () => {
    const feed = await (await app.request('/en/reports/feed.atom?beneficiary=CRI')).text();
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(feed).toContain('Canada');
    const none = await (await app.request('/en/reports/feed.atom?reporter=JPN')).text();
    expect(none).not.toContain('<entry>');
    // A feed reader gets the Atom type; a browser the same document as XML, so it applies the CSS.
    const reader = await app.request('/en/reports/feed.atom', {
      headers: { Accept: 'application/atom+xml' },
    });
    expect(reader.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const browser = await app.request('/en/reports/feed.atom', {
      headers: { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    });
    expect(browser.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(await browser.text()).toBe(await reader.text());
  });

  it('describes the API in OpenAPI 3.1 and a readable page', async () => {
    const spec = (await (await app.request('/api/v1/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toContain('/api/v1/activities');
    expect((await html('/en/api/v1/docs')).text).toContain('GET /api/v1/activities/facets');
  });
});
