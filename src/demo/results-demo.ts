import { eq } from 'drizzle-orm';
import { activities } from '../activities/schema.ts';
import type { Db } from '../db/database.ts';
import { activityResults } from '../results/schema.ts';
import { replaceResults } from '../results/service.ts';
import type { ResultIndicator } from '../results/taxonomy.ts';

const sample = (indicator: Omit<ResultIndicator, 'origin' | 'isSample'>): ResultIndicator => ({
  ...indicator,
  origin: 'entered',
  isSample: true,
});

/**
 * Result indicators on three of Canada's demo programmes, marked as sample data wherever they
 * show: the programmes are real (Canada's 2020–2021 report), the figures are made up. Loaded once:
 * an activity that already has indicators keeps them.
 */
const demoResults: Array<{ title: string; results: ResultIndicator[] }> = [
  {
    title: 'CIPO-WIPO Executive Workshop on IP Office Management',
    results: [
      sample({
        type: 'output',
        title: 'Senior officials of IP offices trained in office management',
        language: 'en',
        measure: 'people-trained',
        baselineYear: 2019,
        baselineValue: '0',
        periods: [
          { start: '2020-01-01', end: '2020-12-31', target: '25', actual: '21' },
          { start: '2021-01-01', end: '2021-12-31', target: '25', actual: '24' },
        ],
        source: 'CIPO attendance records (sample)',
      }),
      sample({
        type: 'outcome',
        title: 'Offices that adopted an improvement plan after the workshop',
        language: 'en',
        measure: 'offices-supported',
        baselineYear: null,
        baselineValue: null,
        periods: [{ start: '2021-01-01', end: '2021-12-31', target: '10', actual: '7' }],
        source: 'Follow-up survey of participating offices (sample)',
      }),
    ],
  },
  {
    title: 'Pilot Program of Training for patent examiners',
    results: [
      sample({
        type: 'output',
        title: 'Patent examiners trained',
        language: 'en',
        measure: 'people-trained',
        baselineYear: null,
        baselineValue: null,
        periods: [{ start: '2020-09-01', end: '2021-08-31', target: '40', actual: '36' }],
        source: 'CIPO training records (sample)',
      }),
      sample({
        type: 'outcome',
        title: 'Share of trained examiners applying the search guidelines',
        language: 'en',
        measure: 'percentage',
        baselineYear: 2020,
        baselineValue: '35',
        periods: [{ start: '2021-01-01', end: '2021-12-31', target: '75', actual: '68' }],
        source: 'Quality review of examination files (sample)',
      }),
    ],
  },
  {
    title: 'International IP Crime Training Seminars',
    results: [
      sample({
        type: 'output',
        title: 'Customs and police officers trained in IP enforcement',
        language: 'en',
        measure: 'people-trained',
        baselineYear: null,
        baselineValue: null,
        periods: [{ start: '2020-01-01', end: '2021-12-31', target: '120', actual: '95' }],
        source: 'Seminar attendance lists (sample)',
      }),
      sample({
        type: 'impact',
        title: 'Cooperation between enforcement agencies of the region',
        language: 'en',
        measure: 'qualitative',
        baselineYear: 2019,
        baselineValue: 'Occasional contacts only',
        periods: [
          {
            start: '2020-01-01',
            end: '2021-12-31',
            target: 'A regional contact network',
            actual: 'Contact points named in six agencies',
          },
        ],
        source: null,
      }),
    ],
  },
];

export async function seedResultsDemo(db: Db): Promise<{ activities: number[] }> {
  const rows = await db
    .select({ id: activities.id, title: activities.title })
    .from(activities)
    .where(eq(activities.donorPartyCode, 'CAN'));
  const seeded: number[] = [];
  for (const demo of demoResults) {
    const row = rows.find((candidate) => (candidate.title.en ?? '').startsWith(demo.title));
    if (!row) continue;
    const [existing] = await db
      .select({ id: activityResults.id })
      .from(activityResults)
      .where(eq(activityResults.activityId, row.id))
      .limit(1);
    if (existing) continue;
    await replaceResults(db, row.id, demo.results);
    seeded.push(row.id);
  }
  return { activities: seeded };
}
