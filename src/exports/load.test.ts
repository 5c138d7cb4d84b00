import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { loadExportActivities } from './load.ts';
import { activityIdsOfReport, hostileTitle, insertRichActivity } from './test-fixtures.ts';

describe('loadExportActivities', () => {
  let database: Database;
  let demoReportId: number;
  let rich: { id: number; publishedReportId: number };
  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    demoReportId = (await seedDemo(database.db)).reportId;
    rich = await insertRichActivity(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('keeps the order asked for, skips unknown ids and repeats', async () => {
    const ids = await activityIdsOfReport(database.db, demoReportId);
    const wanted = [ids[6], rich.id, 999_999, ids[0], rich.id].filter((id) => id !== undefined);
    const loaded = await loadExportActivities(database.db, wanted);
    expect(loaded.map((a) => a.id)).toEqual([ids[6], rich.id, ids[0]]);
  });

  it("carries Canada's item 7 with its thirteen beneficiaries in source order", async () => {
    const ids = await activityIdsOfReport(database.db, demoReportId);
    const [item7] = await loadExportActivities(database.db, [ids[6] ?? 0]);
    expect(item7?.title.en).toBe('Initiative for Digital Rights in Latin America (INDELA)');
    expect(item7?.beneficiaries).toHaveLength(13);
    expect(item7?.beneficiaries[1]).toEqual({
      kind: 'party',
      code: 'BOL',
      name: 'Bolivia, Plurinational State of',
    });
    expect(item7?.reports).toEqual([
      {
        reportId: demoReportId,
        reportingParty: 'CAN',
        periodStart: '2020-01-01',
        periodEnd: '2021-12-31',
        periodPrecision: 'year',
        rowNumber: 7,
        symbol: null,
      },
    ]);
  });

  it('loads every field, agencies in both roles, and only published reports', async () => {
    const [activity] = await loadExportActivities(database.db, [rich.id]);
    expect(activity).toMatchObject({
      donorCode: 'CHE',
      title: hostileTitle,
      originalLanguage: 'fr',
      startDate: '2023-03-01',
      startPrecision: 'month',
      budgetAmount: '125000.50',
      budgetCurrency: 'CHF',
      fundingShares: [
        { partyCode: 'CHE', sharePercent: 60 },
        { agencyCode: 'WIPO', sharePercent: 40 },
      ],
      status: 'ongoing',
    });
    expect(activity?.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(activity?.beneficiaries.map((b) => `${b.kind}:${b.code ?? b.name}`)).toEqual([
      'party:NPL',
      'region:013',
      'party:BOL',
      'region:LDC',
      'party:OAPI',
      'unresolved:Îles du Pacifique & <autres>',
    ]);
    expect(activity?.agencies.map((a) => `${a.code}:${a.role}:${a.partyCode}`)).toEqual([
      'CIPO:implementing:CAN',
      'WIPO:partner:WIPO',
    ]);
    expect(activity?.reports.map((r) => [r.reportId, r.rowNumber, r.symbol])).toEqual([
      [rich.publishedReportId, 3, 'IP/C/R/TC/CHE/99'],
    ]);
    const [withDrafts] = await loadExportActivities(database.db, [rich.id], {
      includeUnpublishedReports: true,
    });
    expect(withDrafts?.reports).toHaveLength(2);
  });

  it('answers an empty list without a query', async () => {
    expect(await loadExportActivities(database.db, [])).toEqual([]);
  });
});
