import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../../accounts/test-sessions.ts';
import { activities } from '../../activities/schema.ts';
import { createApp } from '../../app.tsx';
import { systemActor } from '../../audit/record.ts';
import { auditLog } from '../../audit/schema.ts';
import type { Database } from '../../db/database.ts';
import { openTestDatabase, testBackends } from '../../db/test-database.ts';
import { seedNeedsDemo } from '../../demo/needs-demo.ts';
import { needActivityLinks } from '../../needs/delivery/schema.ts';
import { needs } from '../../needs/schema.ts';
import { addNeed, createAssessment, publishedNeeds } from '../../needs/service.ts';
import { reports } from '../../reports/schema.ts';
import { activitiesWorkbook, multipartRequest } from '../test-helpers.ts';
import { isNeedsHeader, parseNeedsCell } from './needs-column.ts';

describe('the "Needs addressed" cell', () => {
  it('reads numbers, #numbers and need addresses separated by ";", and says which parts are none', () => {
    expect(parseNeedsCell('12; #14 ;https://hub.example/fr/needs/15/; /en/needs/12?x=1; n° 16')).toEqual({
      ids: [12, 14, 15, 16],
      invalid: [],
    });
    expect(parseNeedsCell('twelve; 0; /needs/abc; 7')).toEqual({
      ids: [7],
      invalid: ['twelve', '0', '/needs/abc'],
    });
    expect(parseNeedsCell('')).toEqual({ ids: [], invalid: [] });
  });

  it('is recognised by its header in English, French or Spanish, or by its key', () => {
    for (const header of [
      'Needs addressed',
      'Besoins traités',
      'besoins traites',
      'Necesidades atendidas',
      'needs',
    ])
      expect(isNeedsHeader(header), header).toBe(true);
    expect(isNeedsHeader('Needs')).toBe(true);
    expect(isNeedsHeader('Title')).toBe(false);
  });
});

describe.each(testBackends)('an Art. 67 spreadsheet linking activities to needs (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let reporter: TestSession;
  let secretariat: TestSession;
  let draftId: number;
  let offered: number;
  let legislative: number;
  let met: number;
  let withdrawn: number;
  let unpublished: number;

  const upload = async (rows: string[][], lang = 'en') => {
    const response = await app.request(
      `/${lang}/drafting/reports/${draftId}/upload`,
      multipartRequest(reporter, {}, { name: 'activities.xlsx', bytes: await activitiesWorkbook(rows) }),
    );
    expect(response.status).toBe(303);
    return response.headers.get('location') ?? '';
  };
  const linksOf = (titlePattern: string) =>
    database.db
      .select({ needId: needActivityLinks.needId, reportId: needActivityLinks.reportId })
      .from(needActivityLinks)
      .innerJoin(activities, eq(activities.id, needActivityLinks.activityId))
      .where(sql`${activities.title}->>'en' LIKE ${`%${titlePattern}%`}`);

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = createApp(database);
    await seedNeedsDemo(database.db);
    reporter = await testSession(database.db, 'sheet@cipo.example', 'reporter', { party: 'CAN' });
    secretariat = await testSession(database.db, 'sheet@wto.example', 'secretariat');
    const all = await publishedNeeds(database.db);
    const id = (party: string, status: string) =>
      all.find((row) => row.assessment.partyCode === party && row.need.status === status)?.need.id ?? 0;
    offered = id('UGA', 'offered');
    met = id('UGA', 'met');
    withdrawn = id('UGA', 'withdrawn');
    legislative = all.find((row) => row.need.kindsOfHelp.includes('legislative-advice'))?.need.id ?? 0;
    const draftAssessment = await createAssessment(database.db, systemActor, {
      party: 'SEN',
      symbol: null,
      documentDate: '2026-01',
      source: 'trips-council',
      language: 'fr',
      contactName: null,
      contactEmail: null,
    });
    unpublished = await addNeed(
      database.db,
      systemActor,
      { id: draftAssessment, language: 'fr', status: 'draft' },
      {
        title: 'Formation non publiée',
        description: null,
        ipAreas: [],
        kindsOfHelp: ['training-personnel'],
        institution: null,
        priority: 'low',
        wishedStart: null,
        wishedEnd: null,
      },
    );
    const [report] = await database.db
      .insert(reports)
      .values({
        reportingPartyCode: 'CAN',
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
        originalLanguage: 'en',
        source: 'test',
        status: 'draft',
      })
      .returning({ id: reports.id });
    draftId = report?.id ?? 0;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('says at the cell, in the user’s language, which need is unknown, unpublished, met or withdrawn', async () => {
    expect([offered, legislative, met, withdrawn, unpublished].every((id) => id > 0)).toBe(true);
    const location = await upload(
      [
        ['Titre', 'Date de début', 'Besoins traités'],
        ['SHEETNEEDS good', '2024-03-01', `#${offered}; https://hub.example/en/needs/${legislative}`],
        ['SHEETNEEDS met', '2024-04-01', String(met)],
        ['SHEETNEEDS withdrawn', '2024-04-01', String(withdrawn)],
        ['SHEETNEEDS unpublished', '2024-04-01', String(unpublished)],
        ['SHEETNEEDS unknown', '2024-04-01', '999999'],
        ['SHEETNEEDS words', '2024-04-01', 'le besoin des douanes'],
      ],
      'fr',
    );
    const html = await (await app.request(location, { headers: { Cookie: reporter.cookie } })).text();
    expect(html).toContain('<th scope="col">Besoins traités</th>');
    expect(html).toContain(`Le besoin n° ${met} est satisfait\u202f: une activité ne peut plus y répondre.`);
    expect(html).toContain(
      `Le besoin n° ${withdrawn} est retiré\u202f: une activité ne peut plus y répondre.`,
    );
    expect(html).toContain(`Le besoin n° ${unpublished} n’est pas un besoin publié.`);
    expect(html).toContain('Le besoin n° 999999 n’est pas un besoin publié.');
    expect(html).toContain('« le besoin des douanes » n’est pas un besoin');
    // At the cell: column C of the sheet.
    expect(html).toMatch(/Colonne C\u202f:<\/strong> Le besoin n° \d+ est satisfait/);
    // The good row shows its needs by number and title.
    expect(html).toContain(`#${offered} Training of patent examiners in substantive examination`);
    expect(html).toContain('Importer la ligne correcte');
  });

  it('links the good rows’ needs on import, in the same transaction, audited; refused rows link nothing', async () => {
    const location = await upload([
      ['title', 'startDate', 'Needs addressed'],
      ['SHEETIMPORT one', '2024-03-01', `${offered};#${legislative}`],
      ['SHEETIMPORT bad', '2024-03-01', String(met)],
    ]);
    const confirmed = await app.request(`${location}/confirm`, formRequest(reporter, {}));
    expect(confirmed.status).toBe(303);
    const links = await linksOf('SHEETIMPORT');
    expect(links.map((link) => link.needId).sort()).toEqual([offered, legislative].sort());
    expect(links.every((link) => link.reportId === draftId)).toBe(true);
    const audited = await database.db
      .select({ id: auditLog.recordId })
      .from(auditLog)
      .where(and(eq(auditLog.tableName, 'need_activity_links'), eq(auditLog.action, 'link')));
    expect(audited.filter((row) => row.id.endsWith(`/${draftId}`))).toHaveLength(2);
    // Part of the draft: the need's page shows nothing yet.
    const page = await (await app.request(`/en/needs/${offered}`)).text();
    expect(page).not.toContain('SHEETIMPORT');
  });

  it('imports nothing when a need was met or withdrawn between the preview and the import', async () => {
    const location = await upload([
      ['Title', 'Needs addressed'],
      ['SHEETLATE one', String(legislative)],
    ]);
    await database.db.update(needs).set({ status: 'withdrawn' }).where(eq(needs.id, legislative));
    const refused = await app.request(`${location}/confirm`, formRequest(reporter, {}));
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(
      'A need named in the file was met or withdrawn since the preview.',
    );
    expect(
      await database.db
        .select({ id: activities.id })
        .from(activities)
        .where(sql`${activities.title}->>'en' LIKE '%SHEETLATE%'`),
    ).toEqual([]);
    await database.db.update(needs).set({ status: 'open' }).where(eq(needs.id, legislative));
  });

  it('follows the draft’s rule: public at publication, and the needs move to in progress', async () => {
    expect(
      (await app.request(`/en/drafting/reports/${draftId}/submit`, formRequest(reporter, {}))).status,
    ).toBe(303);
    const published = await app.request(
      `/en/secretariat/reports/${draftId}/publish`,
      formRequest(secretariat, { circulation_date: '2024-12-15', symbol: 'IP/C/R/TC/CAN/9' }),
    );
    expect(published.status).toBe(303);
    const page = await (await app.request(`/en/needs/${offered}`)).text();
    expect(page).toContain('SHEETIMPORT one');
    const statuses = await database.db
      .select({ id: needs.id, status: needs.status })
      .from(needs)
      .where(inArray(needs.id, [offered, legislative]));
    expect(statuses.map((row) => row.status)).toEqual(['in-progress', 'in-progress']);
  });
});
