import { readFileSync } from 'node:fs';
import { z } from 'zod';

const localized = z.object({ en: z.string().min(1), fr: z.string().min(1), es: z.string().min(1) });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const partyRecord = z.object({
  code: z.string().min(2),
  kind: z.enum(['member', 'observer', 'igo']),
  iso2: z.string().length(2).nullable(),
  iso3: z.string().length(3).nullable(),
  m49: z
    .string()
    .regex(/^\d{3}$/)
    .nullable(),
  names: localized,
  fullNames: localized.nullable(),
  region: z.string().nullable(),
  subregion: z.string().nullable(),
  wtoMemberSince: isoDate.nullable(),
  scheduledGraduation: isoDate.nullable(),
  status: z.array(
    z.object({
      status: z.enum(['developed', 'developing', 'ldc']),
      from: isoDate,
      to: isoDate.nullable(),
    }),
  ),
  aliases: z.array(z.string().min(1)),
});
export type PartyRecord = z.infer<typeof partyRecord>;

export const regionRecord = z.object({
  code: z.string().min(3),
  kind: z.enum(['m49-region', 'm49-subregion', 'm49-intermediate', 'grouping']),
  parent: z.string().nullable(),
  names: localized,
  aliases: z.array(z.string().min(1)),
});
export type RegionRecord = z.infer<typeof regionRecord>;

export const taxonomyTerm = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  en: z.string().min(1),
  fr: z.string().min(1),
  es: z.string().min(1),
});
export type TaxonomyTerm = z.infer<typeof taxonomyTerm>;
export const taxonomyNames = [
  'ip-area',
  'activity-type',
  'level',
  'funding-source',
  'delivery-mode',
  'activity-status',
] as const;
export type TaxonomyName = (typeof taxonomyNames)[number];

const taxonomiesFile = z.object(
  Object.fromEntries(taxonomyNames.map((name) => [name, z.array(taxonomyTerm).min(1)])) as Record<
    TaxonomyName,
    z.ZodArray<typeof taxonomyTerm>
  >,
);

export type ReferenceData = {
  parties: PartyRecord[];
  regions: RegionRecord[];
  taxonomies: Record<TaxonomyName, TaxonomyTerm[]>;
};

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8'));
}

let cached: ReferenceData | undefined;

/** The shipped reference files, validated; the migration loads the very same data into the database. */
export function referenceData(): ReferenceData {
  cached ??= {
    parties: z.array(partyRecord).parse(readJson('parties.json')),
    regions: z.array(regionRecord).parse(readJson('regions.json')),
    taxonomies: taxonomiesFile.parse(readJson('taxonomies.json')),
  };
  return cached;
}
