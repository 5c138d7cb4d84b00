import { index, integer, jsonb, numeric, pgTable, serial, text, unique } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns.ts';
import type { ResultIndicator } from '../../results/taxonomy.ts';
import { reports } from '../schema.ts';
import { incentiveTypes, ldcSpecificities } from './taxonomy.ts';

/**
 * One incentive or programme of an Article 66.2 report, with the fields decision IP/C/28 asks
 * for. It belongs to its report: public only once the report is published, gone with a deleted
 * draft. The report's narrative is the overview of the incentives regime.
 */
export const reportIncentives = pgTable(
  'report_incentives',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    /** 1, 2, … in the report's order. */
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    incentiveType: text('incentive_type', { enum: incentiveTypes }).notNull(),
    /** The government body that makes it available. */
    governmentBody: text('government_body').notNull().default(''),
    /** The enterprises and institutions eligible for it. */
    eligibleEntities: text('eligible_entities').notNull().default(''),
    /** Party codes of the beneficiary LDCs: parties that were LDCs during the report's period. */
    beneficiaryCodes: text('beneficiary_codes').array().notNull().default([]),
    /** Codes of technologySectors (taxonomy.ts). */
    sectors: text('sectors').array().notNull().default([]),
    technologyTransferred: text('technology_transferred').notNull().default(''),
    /** Mode and terms of transfer (licensing, joint venture, training, on what conditions). */
    modeAndTerms: text('mode_and_terms').notNull().default(''),
    ldcSpecificity: text('ldc_specificity', { enum: ldcSpecificities }).notNull(),
    amount: numeric('amount', { precision: 16, scale: 2 }),
    currency: text('currency'),
    enterprises: integer('enterprises'),
    peopleTrained: integer('people_trained'),
    /** Result indicators of the incentive (results/taxonomy.ts), as entered; part of the report. */
    results: jsonb('results').$type<ResultIndicator[]>().notNull().default([]),
    ...editableColumns(),
  },
  (t) => [
    unique('report_incentives_position_key').on(t.reportId, t.position),
    index('report_incentives_type_idx').on(t.incentiveType),
    index('report_incentives_beneficiaries_idx').using('gin', t.beneficiaryCodes),
    index('report_incentives_sectors_idx').using('gin', t.sectors),
  ],
);
