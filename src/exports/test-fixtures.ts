import { eq, inArray } from 'drizzle-orm';
import { activities, activityAgencies, activityBeneficiaries } from '../activities/schema.ts';
import { agencies } from '../agencies/schema.ts';
import type { Db } from '../db/database.ts';
import { reportActivities, reports } from '../reports/schema.ts';
import { replaceResults } from '../results/service.ts';
import type { ResultIndicator } from '../results/taxonomy.ts';

/** Text meant to break naive CSV, spreadsheet and XML writers. */
export const hostileTitle = {
  fr: 'Atelier « brevets & marques » <script>alert("x")</script> l’OMPI',
  es: 'Taller sobre patentes y señales — año 2023 & "comillas"',
  en: '=HYPERLINK("http://x") workshop on patents & <b>marks</b>',
};

type ActivityInsert = typeof activities.$inferInsert;

export async function insertActivity(db: Db, values: Partial<ActivityInsert> = {}): Promise<number> {
  const [row] = await db
    .insert(activities)
    .values({
      donorPartyCode: 'CAN',
      title: { en: 'Test activity' },
      originalLanguage: 'en',
      source: 'test',
      ...values,
    })
    .returning({ id: activities.id });
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}

/**
 * A Swiss, French-original activity that uses every field: several languages, a party, a region,
 * a grouping, an IGO and an unresolved name as beneficiaries, agencies in both roles, a budget,
 * funding shares, and two reports (one published, one draft that exports must not show).
 */
/** Three indicators: counted, percentage and qualitative, one with a formula-like title. */
export const richResults: ResultIndicator[] = [
  {
    type: 'output',
    title: 'Examinateurs formés & <certifiés>',
    language: 'fr',
    measure: 'people-trained',
    baselineYear: 2022,
    baselineValue: '0',
    periods: [
      { start: '2023-03-01', end: '2023-12-31', target: '40', actual: '35' },
      { start: '2024-01-01', end: '2024-12-31', target: '60', actual: null },
    ],
    source: 'Registre des formations',
    origin: 'entered',
  },
  {
    type: 'outcome',
    title: '=Share of examiners applying the guidelines',
    language: 'en',
    measure: 'percentage',
    baselineYear: null,
    baselineValue: null,
    periods: [{ start: '2024-01-01', end: '2024-12-31', target: '80', actual: '72.5' }],
    source: null,
    origin: 'entered',
  },
  {
    type: 'impact',
    title: 'Pratique d’examen',
    language: 'fr',
    measure: 'qualitative',
    baselineYear: 2022,
    baselineValue: 'Pas de lignes directrices',
    periods: [
      { start: '2023-03-01', end: '2024-12-31', target: 'Lignes directrices adoptées', actual: null },
    ],
    source: null,
    origin: 'entered',
  },
];

export async function insertRichActivity(db: Db): Promise<{ id: number; publishedReportId: number }> {
  const id = await insertActivity(db, {
    donorPartyCode: 'CHE',
    title: hostileTitle,
    description: {
      fr: 'Formation sur l’examen des brevets & la gestion des offices. Première ligne.\nDeuxième ligne, "citée".',
      es: 'Formación sobre el examen de patentes y la gestión de oficinas.',
    },
    originalLanguage: 'fr',
    startDate: '2023-03-01',
    startPrecision: 'month',
    endDate: '2024-12-31',
    endPrecision: 'day',
    level: 'plurilateral',
    activityType: 'training',
    ipAreas: ['patents', 'office-administration'],
    budgetAmount: '125000.50',
    budgetCurrency: 'CHF',
    fundingSource: 'co-financed',
    fundingShares: [
      { partyCode: 'CHE', sharePercent: 60 },
      { agencyCode: 'WIPO', sharePercent: 40 },
    ],
    deliveryMode: 'blended',
    deliveryLanguages: ['fr', 'es'],
    website: 'https://example.org/atelier?x=1&y=2',
    contactName: 'Zoë O’Brien & <team>',
    contactEmail: 'ipcoop@example.org',
    status: 'ongoing',
  });
  await replaceResults(db, id, richResults);
  await db.insert(activityBeneficiaries).values([
    { activityId: id, position: 1, kind: 'party', partyCode: 'NPL', nameAsWritten: 'Népal' },
    { activityId: id, position: 2, kind: 'region', regionCode: '013', nameAsWritten: 'Amérique centrale' },
    { activityId: id, position: 3, kind: 'party', partyCode: 'BOL', nameAsWritten: 'Bolivie' },
    { activityId: id, position: 4, kind: 'region', regionCode: 'LDC', nameAsWritten: 'PMA' },
    { activityId: id, position: 5, kind: 'party', partyCode: 'OAPI', nameAsWritten: 'OAPI' },
    { activityId: id, position: 6, kind: 'unresolved', nameAsWritten: 'Îles du Pacifique & <autres>' },
  ]);
  const agencyRows = await db
    .select({ id: agencies.id, code: agencies.code })
    .from(agencies)
    .where(inArray(agencies.code, ['CIPO', 'WIPO']));
  const agencyId = (code: string) => {
    const row = agencyRows.find((a) => a.code === code);
    if (!row) throw new Error(`seed the demo first: agency ${code} is missing`);
    return row.id;
  };
  await db.insert(activityAgencies).values([
    { activityId: id, agencyId: agencyId('WIPO'), role: 'partner' },
    { activityId: id, agencyId: agencyId('CIPO'), role: 'implementing' },
  ]);
  const [published] = await db
    .insert(reports)
    .values({
      reportingPartyCode: 'CHE',
      periodStart: '2023-01-01',
      periodEnd: '2023-12-31',
      symbol: 'IP/C/R/TC/CHE/99',
      originalLanguage: 'fr',
      narrative: ['La Suisse & la coopération : « premier » paragraphe <b>gras</b>.', 'Second.'],
      status: 'published',
      source: 'test',
    })
    .returning({ id: reports.id });
  const [draft] = await db
    .insert(reports)
    .values({
      reportingPartyCode: 'CHE',
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      originalLanguage: 'fr',
      status: 'draft',
      source: 'test',
    })
    .returning({ id: reports.id });
  if (!published || !draft) throw new Error('insert returned nothing');
  await db.insert(reportActivities).values([
    { reportId: published.id, activityId: id, rowNumber: 3 },
    { reportId: draft.id, activityId: id, rowNumber: 1 },
  ]);
  return { id, publishedReportId: published.id };
}

export async function allActivityIds(db: Db): Promise<number[]> {
  const rows = await db.select({ id: activities.id }).from(activities).orderBy(activities.id);
  return rows.map((row) => row.id);
}

export async function activityIdsOfReport(db: Db, reportId: number): Promise<number[]> {
  const rows = await db
    .select({ id: reportActivities.activityId })
    .from(reportActivities)
    .where(eq(reportActivities.reportId, reportId))
    .orderBy(reportActivities.rowNumber);
  return rows.map((row) => row.id);
}
