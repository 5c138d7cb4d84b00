import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, activityBeneficiaries } from '../activities/schema.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { canadaPageFile, seedsFolder } from '../demo/seed-demo.ts';
import { reportActivities, reports } from '../reports/schema.ts';
import { importEtripsFile } from './import-file.ts';
import { storeEtripsReport } from './import-report.ts';
import type { ParsedPage } from './parse-page.ts';

const canadaPage = join(seedsFolder(), canadaPageFile);
const folder = mkdtempSync(join(tmpdir(), 'ipcoop-import-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
};

describe.each(testBackends)('e-TRIPS import (%s database)', (backend) => {
  let database: Database;
  const counts = async () => {
    const [r] = await database.db.select({ n: count() }).from(reports);
    const [a] = await database.db.select({ n: count() }).from(activities);
    const [l] = await database.db.select({ n: count() }).from(reportActivities);
    const [b] = await database.db.select({ n: count() }).from(activityBeneficiaries);
    return { reports: r?.n, activities: a?.n, links: l?.n, beneficiaries: b?.n };
  };

  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('stores the report, its ten programmes in order, and their beneficiaries', async () => {
    const result = await importEtripsFile(database.db, canadaPage, {});
    expect(result.ok).toBe(true);
    expect(result.stored).toMatchObject({ reportCreated: true, activitiesCreated: 10, activitiesUpdated: 0 });
    expect(await counts()).toEqual({ reports: 1, activities: 10, links: 10, beneficiaries: 20 });
    const [report] = await database.db.select().from(reports);
    expect(report).toMatchObject({
      reportingPartyCode: 'CAN',
      periodStart: '2020-01-01',
      periodEnd: '2021-12-31',
      originalLanguage: 'en',
      status: 'published',
      version: 1,
    });
    expect(report?.narrative).toHaveLength(3);
  });

  it('skips a file imported unchanged; updates on a forced re-import, never duplicates', async () => {
    const before = await database.db.select({ id: activities.id }).from(activities).orderBy(activities.id);
    const skipped = await importEtripsFile(database.db, canadaPage, {});
    expect(skipped).toMatchObject({ ok: true, outcome: 'unchanged', stored: null });
    const result = await importEtripsFile(database.db, canadaPage, { force: true });
    expect(result.stored).toMatchObject({
      reportCreated: false,
      activitiesCreated: 0,
      activitiesUpdated: 10,
      activitiesRemoved: 0,
    });
    expect(await counts()).toEqual({ reports: 1, activities: 10, links: 10, beneficiaries: 20 });
    const after = await database.db
      .select({ id: activities.id, version: activities.version })
      .from(activities)
      .orderBy(activities.id);
    expect(after.map((a) => a.id)).toEqual(before.map((a) => a.id));
    expect(after.every((a) => a.version === 2)).toBe(true);
    const [report] = await database.db.select({ version: reports.version }).from(reports);
    expect(report?.version).toBe(2);
  });

  it('finds activities by full-text search in the stored vector', async () => {
    const rows = await database.db.execute(
      "select count(*)::int as n from activity_search where search_vector @@ websearch_to_tsquery('ipcoop_en', 'patents')",
    );
    expect((rows as unknown as { rows: Array<{ n: number }> }).rows[0]?.n).toBe(3);
  });

  it('leaves the database exactly as it was when a file is refused', async () => {
    const before = await counts();
    const bad = [
      file(
        'bad-date.txt',
        `Technical Cooperation Activities under TRIPS Art. 67. - View details of the document\nCanada\n  1. For 2022-2023.\n# Title of programme or activity Start date Beneficiary Members or observers\n1 Fine 01/01/2022 Kenya\n2 Workshop 31/02/2022 Kenya\n`,
      ),
      file(
        'unknown.txt',
        `Technical Cooperation Activities under TRIPS Art. 67. - View details of the document\nCanada\n  1. For 2022-2023.\n# Title of programme or activity Start date Beneficiary Members or observers\n1 Workshop 01/02/2022 Atlantis\n`,
      ),
      file('empty.txt', ''),
      file('binary.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])),
      file('latin1.txt', Buffer.from([0x43, 0x61, 0x66, 0xe9])),
      file('other.txt', 'Minutes of the TRIPS Council\nItem 1\n'),
      file('huge.txt', Buffer.alloc(10 * 1024 * 1024 + 1, 0x61)),
    ];
    const messages = [];
    for (const path of bad) {
      const result = await importEtripsFile(database.db, path, {});
      expect(result.ok, path).toBe(false);
      expect(result.stored).toBeNull();
      messages.push(result.problems.find((p) => p.severity === 'error'));
    }
    expect(messages.map((m) => m?.message)).toEqual([
      'row 2: 31/02/2022 is not a date (DD/MM/YYYY)',
      'row 1: unknown beneficiary "Atlantis" (kept as written)',
      'the file is empty',
      'this is a binary file, not the text of an e-TRIPS page',
      'the file is not UTF-8 text; save the page as UTF-8 text and try again',
      expect.stringContaining('not an e-TRIPS'),
      'the file is 10.0 MB; pages over 10 MB are refused',
    ]);
    expect(messages[0]?.line).toBe(6);
    expect(await counts()).toEqual(before);
  });

  it('stores unknown beneficiaries verbatim, flagged, when asked to keep them', async () => {
    const path = file(
      'keep.txt',
      `Technical Cooperation Activities under TRIPS Art. 67. - View details of the document\nNorway\n  1. For 2022-2023.\n# Title of programme or activity Start date Beneficiary Members or observers\n1 Workshop 01/02/2022 Kenya; Atlantis\n`,
    );
    const result = await importEtripsFile(database.db, path, { keepUnknown: true });
    expect(result.ok).toBe(true);
    const rows = await database.db
      .select({
        kind: activityBeneficiaries.kind,
        name: activityBeneficiaries.nameAsWritten,
        party: activityBeneficiaries.partyCode,
      })
      .from(activityBeneficiaries)
      .innerJoin(activities, eq(activities.id, activityBeneficiaries.activityId))
      .where(eq(activities.donorPartyCode, 'NOR'))
      .orderBy(activityBeneficiaries.position);
    expect(rows).toEqual([
      { kind: 'party', name: 'Kenya', party: 'KEN' },
      { kind: 'unresolved', name: 'Atlantis', party: null },
    ]);
  });

  it('rolls back everything when storing fails half-way', async () => {
    const before = await counts();
    const page: ParsedPage = {
      reporter: { code: 'JPN', name: 'Japan' },
      reporterFrom: 'page',
      uiLanguage: 'en',
      contentLanguage: 'en',
      period: { start: '2030-01-01', end: '2030-12-31', precision: 'year' },
      periodFrom: 'page',
      periodText: '2030',
      symbol: null,
      circulationDate: null,
      preamble: null,
      outline: [{ kind: 'paragraph', number: '1.', text: 'Half-way failure.', line: 3 }],
      paragraphs: ['Half-way failure.'],
      programmes: [
        { n: 1, title: 'Stored first', start: null, beneficiaries: [], line: 5 },
        {
          n: 2,
          title: 'Breaks the foreign key',
          start: null,
          beneficiaries: [{ name: 'Nowhere', code: 'ZZZ', kind: 'party' }],
          line: 6,
        },
      ],
      problems: [],
    };
    await expect(storeEtripsReport(database.db, page, 'test')).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });

  it('keeps the date and beneficiaries of a programme a later report lists without them', async () => {
    const page = (years: string, row: string) =>
      file(
        `carry-${years}.txt`,
        `Technical Cooperation Activities under TRIPS Art. 67. - View details of the document\nNew Zealand\n  1. For the period ${years}.\n# Title of programme or activity Start date Beneficiary Members or observers\n${row}\n`,
      );
    await importEtripsFile(database.db, page('2020-2021', '1 Patent workshop 01/02/2021 Samoa; Tonga'), {});
    const later = await importEtripsFile(database.db, page('2021-2022', '1 Patent workshop'), {});
    expect(later.stored).toMatchObject({ activitiesCreated: 0, activitiesUpdated: 1 });
    const [kept] = await database.db
      .select({ start: activities.startDate, id: activities.id })
      .from(activities)
      .where(eq(activities.donorPartyCode, 'NZL'));
    expect(kept?.start).toBe('2021-02-01');
    const names = await database.db
      .select({ name: activityBeneficiaries.nameAsWritten })
      .from(activityBeneficiaries)
      .where(eq(activityBeneficiaries.activityId, kept?.id ?? 0));
    expect(names.map((n) => n.name)).toEqual(['Samoa', 'Tonga']);
  });

  it('counts an activity for "LDCs" as benefiting an LDC', async () => {
    const path = file(
      'ldc.txt',
      `Technical Cooperation Activities under TRIPS Art. 67. - View details of the document\nIceland\n  1. For the period 2022-2023.\n# Title of programme or activity Start date Beneficiary Members or observers\n1 Fisheries IP workshop 01/02/2022 Least developed countries\n`,
    );
    expect((await importEtripsFile(database.db, path, {})).ok).toBe(true);
    const rows = await database.db.execute(
      "select s.benefits_ldc from activity_search s join activities a on a.id = s.activity_id where a.donor_party_code = 'ISL'",
    );
    expect((rows as unknown as { rows: Array<{ benefits_ldc: boolean }> }).rows).toEqual([
      { benefits_ldc: true },
    ]);
  });

  it('removes programmes a re-imported page no longer lists', async () => {
    const path = file(
      'shrink.txt',
      `Technical Cooperation Activities under TRIPS Art. 67. - View details of the document\nAustralia\n  1. For 2022-2023.\n# Title of programme or activity Start date Beneficiary Members or observers\n1 Kept 01/02/2022 Fiji\n2 Dropped later 01/02/2022 Samoa\n`,
    );
    await importEtripsFile(database.db, path, {});
    writeFileSync(
      path,
      `Technical Cooperation Activities under TRIPS Art. 67. - View details of the document\nAustralia\n  1. For 2022-2023.\n# Title of programme or activity Start date Beneficiary Members or observers\n1 Kept 01/02/2022 Fiji; Tonga\n`,
    );
    const result = await importEtripsFile(database.db, path, {});
    expect(result.stored).toMatchObject({ activitiesCreated: 0, activitiesUpdated: 1, activitiesRemoved: 1 });
    const titles = await database.db
      .select({ title: activities.title })
      .from(activities)
      .where(eq(activities.donorPartyCode, 'AUS'));
    expect(titles).toEqual([{ title: { en: 'Kept' } }]);
  });
});
