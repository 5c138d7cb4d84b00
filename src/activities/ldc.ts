import { type SQL, sql } from 'drizzle-orm';

/**
 * True when the activity lists a beneficiary that was an LDC when the activity started (today
 * when the start is unknown: graduations happen, so the status at the time is what counts), or
 * names the LDCs as a group.
 */
export const benefitsAnLdc = (activityId: SQL, startDate: SQL) =>
  sql`(EXISTS (SELECT 1 FROM activity_beneficiaries ldc_g WHERE ldc_g.activity_id = ${activityId} AND ldc_g.region_code = 'LDC')
   OR EXISTS (SELECT 1 FROM activity_beneficiaries ldc_b
               JOIN party_status_history ldc_h ON ldc_h.party_code = ldc_b.party_code AND ldc_h.status = 'ldc'
              WHERE ldc_b.activity_id = ${activityId}
                AND ldc_h.valid_from <= coalesce(${startDate}, current_date)
                AND (ldc_h.valid_to IS NULL OR coalesce(${startDate}, current_date) < ldc_h.valid_to)))`;
