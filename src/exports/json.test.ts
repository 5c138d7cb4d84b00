import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { loadReferenceLabels, type ReferenceLabels } from '../reference/labels.ts';
import { activitiesJsonDocument } from './json.ts';
import { type ExportActivity, loadExportActivities } from './load.ts';
import { activityIdsOfReport, insertRichActivity } from './test-fixtures.ts';

describe('activitiesJsonDocument', () => {
  let database: Database;
  let labels: ReferenceLabels;
  let activities: ExportActivity[];
  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    const { reportId } = await seedDemo(database.db);
    labels = await loadReferenceLabels(database.db);
    const ids = await activityIdsOfReport(database.db, reportId);
    ids.push((await insertRichActivity(database.db)).id);
    activities = await loadExportActivities(database.db, ids);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('wraps the items with when, what was asked and how many', () => {
    const document = activitiesJsonDocument(activities.slice(0, 2), {
      labels,
      lang: 'fr',
      baseUrl: 'https://x.example',
      query: { donor: 'CAN', ip_area: ['patents', 'trademarks'] },
      total: 10,
      generatedAt: new Date('2025-01-02T03:04:05Z'),
    });
    expect(document).toMatchObject({
      formatVersion: 1,
      generatedAt: '2025-01-02T03:04:05.000Z',
      language: 'fr',
      query: { donor: 'CAN', ip_area: ['patents', 'trademarks'] },
      total: 10,
    });
    expect(document.items).toHaveLength(2);
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it('labels codes in the language asked for and keeps source texts whole', () => {
    const document = activitiesJsonDocument(activities, { labels, lang: 'es', baseUrl: 'https://x.example' });
    expect(document.total).toBe(11);
    const item7 = document.items[6];
    expect(item7?.beneficiaries[1]).toEqual({
      kind: 'party',
      code: 'BOL',
      name: 'Bolivia, Estado Plurinacional de',
      nameAsWritten: 'Bolivia, Plurinational State of',
      ldc: false,
    });
    expect(item7?.iatiIdentifier).toBe(`CAN-IPCOOP-${item7?.id}`);
    const rich = document.items[10];
    expect(rich).toMatchObject({
      donor: { code: 'CHE', name: 'Suiza' },
      level: { code: 'plurilateral', label: 'Plurilateral / regional' },
      ipAreas: [
        { code: 'patents', label: 'Patentes' },
        { code: 'office-administration', label: 'Administración de oficinas de PI e informática' },
      ],
      status: { code: 'ongoing', label: 'En curso' },
      budget: { amount: '125000.50', currency: 'CHF' },
      fundingShares: [
        { partyCode: 'CHE', agencyCode: null, name: 'Suiza', sharePercent: 60 },
        {
          partyCode: null,
          agencyCode: 'WIPO',
          name: 'Organización Mundial de la Propiedad Intelectual',
          sharePercent: 40,
        },
      ],
      contact: { name: 'Zoë O’Brien & <team>', email: 'ipcoop@example.org' },
      reports: [{ symbol: 'IP/C/R/TC/CHE/99', rowNumber: 3, reportingParty: { code: 'CHE', name: 'Suiza' } }],
    });
    expect(rich?.title.fr).toContain('<script>');
    expect(rich?.beneficiaries.find((b) => b.code === 'NPL')?.ldc).toBe(true);
    expect(rich?.beneficiaries.at(-1)).toMatchObject({ kind: 'unresolved', code: null });
  });
});
