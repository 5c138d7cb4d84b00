import { date, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { editableColumns, type LocalizedText } from '../db/columns.ts';

/** WTO Members, observer governments and IGOs. */
export const parties = pgTable(
  'parties',
  {
    code: text('code').primaryKey(),
    kind: text('kind', { enum: ['member', 'observer', 'igo'] }).notNull(),
    iso2: text('iso2'),
    iso3: text('iso3'),
    m49: text('m49'),
    nameEn: text('name_en').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEs: text('name_es').notNull(),
    fullNames: jsonb('full_names').$type<LocalizedText | null>(),
    regionCode: text('region_code'),
    subregionCode: text('subregion_code'),
    wtoMemberSince: date('wto_member_since'),
    scheduledGraduation: date('scheduled_graduation'),
    ...editableColumns(),
  },
  (t) => [index('parties_region_idx').on(t.regionCode)],
);

/** Development status is a dated history: LDCs graduate. */
export const partyStatusHistory = pgTable(
  'party_status_history',
  {
    partyCode: text('party_code')
      .notNull()
      .references(() => parties.code, { onDelete: 'cascade' }),
    status: text('status', { enum: ['developed', 'developing', 'ldc'] }).notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (t) => [primaryKey({ columns: [t.partyCode, t.validFrom] })],
);

export const partyAliases = pgTable(
  'party_aliases',
  {
    partyCode: text('party_code')
      .notNull()
      .references(() => parties.code, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
  },
  (t) => [primaryKey({ columns: [t.partyCode, t.alias] })],
);

/** M49 regions and named groupings ("Global South") that can stand as beneficiaries. */
export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  kind: text('kind', { enum: ['m49-region', 'm49-subregion', 'm49-intermediate', 'grouping'] }).notNull(),
  parentCode: text('parent_code'),
  nameEn: text('name_en').notNull(),
  nameFr: text('name_fr').notNull(),
  nameEs: text('name_es').notNull(),
  aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
});

/** Extensible reference lists (IP areas, activity types, levels, ...), each label in EN/FR/ES. */
export const taxonomyTerms = pgTable(
  'taxonomy_terms',
  {
    taxonomy: text('taxonomy').notNull(),
    key: text('key').notNull(),
    labelEn: text('label_en').notNull(),
    labelFr: text('label_fr').notNull(),
    labelEs: text('label_es').notNull(),
    position: integer('position').notNull(),
    ...editableColumns(),
  },
  (t) => [primaryKey({ columns: [t.taxonomy, t.key] })],
);
