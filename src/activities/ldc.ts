import { type SQL, sql } from 'drizzle-orm';

/**
 * The one LDC test: the party was a least developed country on the given day (graduations
 * happen, so the status at the time is what counts; today when the day is unknown). Activities
 * (below) and the training figures (src/training/programme/figures.ts) both use it.
 */
export const wasLdcOn = (partyCode: SQL, day: SQL) =>
  sql`EXISTS (SELECT 1 FROM party_status_history ldc_h
               WHERE ldc_h.party_code = ${partyCode} AND ldc_h.status = 'ldc'
                 AND ldc_h.valid_from <= coalesce(${day}, current_date)
                 AND (ldc_h.valid_to IS NULL OR coalesce(${day}, current_date) < ldc_h.valid_to))`;

/**
 * True when the activity lists a beneficiary that was an LDC when the activity started, or names
 * the LDCs as a group.
 */
export const benefitsAnLdc = (activityId: SQL, startDate: SQL) =>
  sql`(EXISTS (SELECT 1 FROM activity_beneficiaries ldc_g WHERE ldc_g.activity_id = ${activityId} AND ldc_g.region_code = 'LDC')
   OR EXISTS (SELECT 1 FROM activity_beneficiaries ldc_b
              WHERE ldc_b.activity_id = ${activityId} AND ${wasLdcOn(sql`ldc_b.party_code`, startDate)}))`;
