import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, count, eq, inArray } from 'drizzle-orm';
import { activities, activityAgencies } from '../activities/schema.ts';
import { refreshActivitySearch } from '../activities/search-index.ts';
import { upsertAgencies } from '../agencies/service.ts';
import { type Config, config } from '../config.ts';
import { type Db, inTransaction } from '../db/database.ts';
import { confirmElements, suggestMissingElements } from '../elements/service.ts';
import type { ElementCode } from '../elements/taxonomy.ts';
import { importEtripsFile } from '../etrips/import-file.ts';
import { referenceResolver } from '../reference/reference-lookup.ts';
import { reportActivities } from '../reports/schema.ts';
import { readProgrammeArticle } from '../training/programme/programme-article.ts';
import { storeProgrammeEdition } from '../training/programme/store-programme.ts';
import { demoAgencies } from './agencies.ts';

export const canadaPageFile = '000_05d88512103c0841.txt';
export const executiveTrainingArticleFile = '002_be69657e022002dc.txt';

const bundledSeeds = fileURLToPath(new URL('./seeds', import.meta.url));
const sharedSeeds = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));

/** The shared seeds folder beside the checkout when there is one, else the bundled copies. */
export function seedsFolder(settings: Pick<Config, 'seedsDir'> = config()): string {
  if (settings.seedsDir) return settings.seedsDir;
  return existsSync(join(sharedSeeds, canadaPageFile)) ? sharedSeeds : bundledSeeds;
}

// Agencies the programme titles name, and in what role (titles are kept as written: "CPTL").
const titleMentions: Array<{ agency: string; words: string[]; role: 'implementing' | 'partner' }> = [
  { agency: 'CIPO', words: ['CIPO'], role: 'implementing' },
  { agency: 'WIPO', words: ['WIPO'], role: 'partner' },
  { agency: 'TFO-CANADA', words: ['TFO'], role: 'partner' },
  { agency: 'CTPL', words: ['CTPL', 'CPTL', 'Centre for Trade Policy and Law'], role: 'partner' },
  { agency: 'INTERPOL', words: ['Interpol'], role: 'partner' },
];

export type DemoSummary = { reportId: number; activities: number; programmeId: number; editionId: number };

/**
 * The demo registry: Canada's 2020–2021 report through the real e-TRIPS importer, the agencies
 * its narrative names, and the WIPO–CIPO Executive Training Program read from WIPO's article.
 * Running it again changes nothing.
 */
export function seedDemo(db: Db, folder = seedsFolder()): Promise<DemoSummary> {
  return inTransaction(db, (tx) => seedDemoIn(tx, folder));
}

async function seedDemoIn(db: Db, folder: string): Promise<DemoSummary> {
  const agencyIds = await upsertAgencies(db, demoAgencies);
  const imported = await importEtripsFile(db, join(folder, canadaPageFile), {});
  // A second run finds the very same file already imported ("unchanged") and keeps that report.
  const reportId = imported.reportId;
  if (!imported.ok || reportId === null) {
    const problems = imported.problems.map((p) => `line ${p.line}: ${p.message}`).join('\n');
    throw new Error(`the demo report could not be imported (${imported.outcome}):\n${problems}`);
  }
  await linkAgenciesNamedInTitles(db, reportId, agencyIds);

  const facts = readProgrammeArticle(readFileSync(join(folder, executiveTrainingArticleFile), 'utf8'));
  const idOf = (code: string) => {
    const id = agencyIds.get(code);
    if (!id) throw new Error(`demo agency ${code} is missing`);
    return id;
  };
  const stored = await storeProgrammeEdition(
    db,
    {
      code: 'WIPO-CIPO-ETP',
      name: 'WIPO-CIPO Executive Training Program',
      organizerAgency: { code: 'CIPO', id: idOf('CIPO'), partyCode: 'CAN' },
      partnerAgency: { code: 'WIPO-ACADEMY', id: idOf('WIPO-ACADEMY') },
      description:
        'Executive training for senior officials of IP offices in developing countries and least developed countries, run by CIPO with the WIPO Academy.',
      targetAudience: 'Senior officials of intellectual property offices of developing countries and LDCs',
      source: 'WIPO news article, 10 October 2024',
    },
    facts,
    referenceResolver().resolver,
  );
  await suggestAndConfirmElements(db, reportId);
  return {
    reportId,
    activities: await countReportActivities(db, reportId),
    programmeId: stored.programmeId,
    editionId: stored.editionId,
  };
}

async function countReportActivities(db: Db, reportId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(reportActivities)
    .where(eq(reportActivities.reportId, reportId));
  return row?.n ?? 0;
}

async function linkAgenciesNamedInTitles(db: Db, reportId: number, agencyIds: Map<string, number>) {
  const rows = await db
    .select({ id: activities.id, title: activities.title })
    .from(activities)
    .innerJoin(reportActivities, eq(reportActivities.activityId, activities.id))
    .where(eq(reportActivities.reportId, reportId));
  const links: Array<{ activityId: number; agencyId: number; role: 'implementing' | 'partner' }> = [];
  for (const row of rows) {
    const title = row.title.en ?? '';
    for (const mention of titleMentions) {
      const agencyId = agencyIds.get(mention.agency);
      if (agencyId && mention.words.some((word) => new RegExp(`\\b${word}\\b`).test(title))) {
        links.push({ activityId: row.id, agencyId, role: mention.role });
      }
    }
  }
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return;
  await inTransaction(db, async (tx) => {
    await tx
      .delete(activityAgencies)
      .where(
        and(
          inArray(activityAgencies.activityId, ids),
          inArray(activityAgencies.agencyId, [...agencyIds.values()]),
        ),
      );
    if (links.length > 0) await tx.insert(activityAgencies).values(links);
    await refreshActivitySearch(tx, ids);
  });
}

// A few of Canada's programmes whose elements of Article 67 the demo shows as confirmed; the
// others keep the rules' suggestions.
const demoConfirmedElements: Array<{ title: string; elements: ElementCode[] }> = [
  {
    title: 'CIPO-WIPO Executive Workshop on IP Office Management',
    elements: ['offices-agencies', 'training-personnel'],
  },
  { title: 'Pilot Program of Training for patent examiners', elements: ['training-personnel'] },
  { title: 'International IP Crime Training Seminars', elements: ['training-personnel'] },
];

/** Suggestions for every activity without elements (activities imported before the rules), and a few confirmed. */
async function suggestAndConfirmElements(db: Db, reportId: number) {
  const suggested = await suggestMissingElements(db);
  const rows = await db
    .select({ id: activities.id, title: activities.title })
    .from(activities)
    .innerJoin(reportActivities, eq(reportActivities.activityId, activities.id))
    .where(eq(reportActivities.reportId, reportId));
  const confirmed: number[] = [];
  for (const row of rows) {
    const pick = demoConfirmedElements.find((demo) => (row.title.en ?? '').startsWith(demo.title));
    if (pick && (await confirmElements(db, row.id, pick.elements, { userId: null, label: 'demo' })))
      confirmed.push(row.id);
  }
  await refreshActivitySearch(db, [...new Set([...suggested, ...confirmed])]);
}
