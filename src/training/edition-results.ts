import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { defineMessages } from '../i18n/catalogue.ts';
import type { Language } from '../i18n/languages.ts';
import { replaceResults, resultsOf } from '../results/service.ts';
import type { ResultIndicator } from '../results/taxonomy.ts';
import { certificates, participants, researchProjects, type trainingEditions } from './schema.ts';

/** Titles and source of the indicators an edition reports by itself, in the activity's language. */
export const editionResultsText = defineMessages({
  en: {
    trainedTitle: 'Participants trained in the edition',
    completionTitle: 'Participants who completed the programme (certificates issued per participant)',
    projectsTitle: 'Research projects delivered (submitted or completed)',
    editionRecords: 'the edition’s records in ipcoop (participants, certificates, research projects)',
  },
  fr: {
    trainedTitle: 'Participants formés lors de la session',
    completionTitle: 'Participants ayant achevé le programme (certificats délivrés par participant)',
    projectsTitle: 'Projets de recherche réalisés (remis ou achevés)',
    editionRecords: 'les données de la session dans ipcoop (participants, certificats, projets de recherche)',
  },
  es: {
    trainedTitle: 'Participantes formados en la edición',
    completionTitle: 'Participantes que completaron el programa (certificados expedidos por participante)',
    projectsTitle: 'Proyectos de investigación realizados (entregados o terminados)',
    editionRecords:
      'los datos de la edición en ipcoop (participantes, certificados, proyectos de investigación)',
  },
});

type Edition = Pick<
  typeof trainingEditions.$inferSelect,
  'id' | 'year' | 'startDate' | 'endDate' | 'status' | 'capacity'
>;

/** The edition's days, or its whole year when only the year is known. */
function measurementPeriod(edition: Edition): { start: string; end: string } {
  if (edition.startDate) return { start: edition.startDate, end: edition.endDate ?? edition.startDate };
  return { start: `${edition.year}-01-01`, end: `${edition.year}-12-31` };
}

const started = (edition: Edition, today: string) =>
  edition.status === 'running' ||
  edition.status === 'completed' ||
  (edition.startDate ?? `${edition.year}-12-31`) <= today;

/**
 * What a training edition achieved, computed from its records, never typed: participants trained
 * (target: the edition's capacity), completion (valid certificates per participant, in percent) and
 * research projects delivered (target: one per participant). Achieved values only once the edition
 * has started; an indicator with neither a target nor an achieved value is left out.
 */
export async function editionResults(
  db: Db,
  edition: Edition,
  language: Language,
  today: string = new Date().toISOString().slice(0, 10),
): Promise<ResultIndicator[]> {
  const [people] = await db
    .select({ n: count() })
    .from(participants)
    .where(eq(participants.editionId, edition.id));
  const participantCount = Number(people?.n ?? 0);
  const ids = db
    .select({ id: participants.id })
    .from(participants)
    .where(eq(participants.editionId, edition.id));
  const [issued] = await db
    .select({ n: count() })
    .from(certificates)
    .where(and(inArray(certificates.participantId, ids), isNull(certificates.revokedAt)));
  const [delivered] = await db
    .select({ n: count() })
    .from(researchProjects)
    .where(
      and(
        inArray(researchProjects.participantId, ids),
        inArray(researchProjects.status, ['submitted', 'completed']),
      ),
    );
  const text = editionResultsText(language);
  const period = measurementPeriod(edition);
  const hasStarted = started(edition, today);
  const indicator = (
    type: ResultIndicator['type'],
    measure: ResultIndicator['measure'],
    title: string,
    target: number | null,
    actual: number | null,
  ): ResultIndicator[] =>
    target === null && actual === null
      ? []
      : [
          {
            type,
            title,
            language,
            measure,
            baselineYear: null,
            baselineValue: null,
            periods: [
              {
                ...period,
                target: target === null ? null : String(target),
                actual: actual === null ? null : String(actual),
              },
            ],
            source: text('editionRecords'),
            origin: 'training-edition',
          },
        ];
  const completion =
    hasStarted && participantCount > 0
      ? Math.round((Number(issued?.n ?? 0) / participantCount) * 1000) / 10
      : null;
  return [
    ...indicator(
      'output',
      'people-trained',
      text('trainedTitle'),
      edition.capacity ?? null,
      hasStarted && participantCount > 0 ? participantCount : null,
    ),
    ...indicator('outcome', 'percentage', text('completionTitle'), null, completion),
    ...indicator(
      'output',
      'projects-delivered',
      text('projectsTitle'),
      participantCount > 0 ? participantCount : null,
      hasStarted && participantCount > 0 ? Number(delivered?.n ?? 0) : null,
    ),
  ];
}

/** The edition's computed indicators first, then those a person typed (computed ones before are dropped). */
export const withComputedFirst = (computed: ResultIndicator[], before: ResultIndicator[]) => [
  ...computed,
  ...before.filter((indicator) => indicator.origin === 'entered'),
];

/** Writes the edition's computed indicators on an activity that is edited in place. */
export async function refreshEditionResults(
  db: Db,
  activityId: number,
  edition: typeof trainingEditions.$inferSelect,
  language: Language,
): Promise<void> {
  const before = (await resultsOf(db, [activityId])).get(activityId) ?? [];
  await replaceResults(
    db,
    activityId,
    withComputedFirst(await editionResults(db, edition, language), before),
  );
}
