import { and, eq } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/record.ts';
import { type Db, inTransaction } from '../db/database.ts';
import { reportSnapshot } from '../reports/document/snapshot.ts';
import { reportIncentives } from '../reports/incentives/schema.ts';
import type { IncentiveValues } from '../reports/incentives/service.ts';
import { reports } from '../reports/schema.ts';

const demoActor: Actor = { userId: null, label: 'demo' };

/**
 * Three incentives, invented: Canada is a real Member that reports under Article 66.2, but these
 * programmes, bodies and figures are made up to show the structure of decision IP/C/28.
 */
const sampleIncentives: IncentiveValues[] = [
  {
    title: 'Clean energy technology partnerships fund',
    description:
      'Matching grants to Canadian enterprises that set up off-grid solar and storage ventures with firms in least developed countries, on condition that the technology and the know-how to maintain it stay with the local partner.',
    incentiveType: 'financial',
    governmentBody: 'Federal development finance agency (sample)',
    eligibleEntities: 'Canadian small and medium enterprises in clean technology',
    beneficiaryCodes: ['HTI', 'MOZ', 'SEN'],
    sectors: ['energy-environment'],
    technologyTransferred:
      'Off-grid solar and battery storage systems; installation and maintenance know-how',
    modeAndTerms:
      'Joint ventures with local firms; royalty-free non-exclusive licences for five years, then on terms agreed with the partner',
    ldcSpecificity: 'specific',
    amount: '4500000',
    currency: 'CAD',
    enterprises: 9,
    peopleTrained: 210,
  },
  {
    title: 'Tax credit for technology licensing to enterprises in LDCs',
    description:
      'An additional deduction for the costs Canadian enterprises bear in licensing patented technology and giving the related technical assistance to enterprises established in a least developed country.',
    incentiveType: 'fiscal',
    governmentBody: 'Federal finance department (sample)',
    eligibleEntities: 'Enterprises taxable in Canada that license technology to an enterprise in an LDC',
    beneficiaryCodes: ['BGD', 'NPL', 'UGA'],
    sectors: ['health-pharmaceuticals', 'manufacturing'],
    technologyTransferred: 'Production processes for generic medicines and medical devices',
    modeAndTerms:
      'Licences with technical assistance; the credit applies only to licences on reduced royalties',
    ldcSpecificity: 'partly',
    amount: '2750000',
    currency: 'CAD',
    enterprises: 14,
    peopleTrained: null,
  },
  {
    title: 'University partnerships in agricultural biotechnology',
    description:
      'Grants for joint research between Canadian universities and agricultural research institutes of least developed countries, with laboratory training for their researchers.',
    incentiveType: 'institutional-partnership',
    governmentBody: 'Federal research granting council (sample)',
    eligibleEntities: 'Canadian universities, colleges and public research institutes',
    beneficiaryCodes: ['ETH', 'RWA', 'TZA'],
    sectors: ['agriculture-food'],
    technologyTransferred: 'Breeding methods for drought-tolerant crops; seed testing laboratory methods',
    modeAndTerms: 'Joint research agreements; results licensed free of charge to the partner institutes',
    ldcSpecificity: 'general',
    amount: '1200000',
    currency: 'CAD',
    enterprises: null,
    peopleTrained: 85,
  },
];

/**
 * Canada's Article 66.2 report for 2023, detailed format, published and marked as sample data
 * wherever it shows (it has no WTO symbol: a sample must not take one of the real series). Loaded
 * once: nothing is added when it exists.
 */
export async function seedIncentivesDemo(db: Db): Promise<{ reportId: number }> {
  return inTransaction(db, async (tx) => {
    const [existing] = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(
        and(eq(reports.isSample, true), eq(reports.kind, 'art66-2'), eq(reports.reportingPartyCode, 'CAN')),
      );
    if (existing) return { reportId: existing.id };
    const values = {
      reportingPartyCode: 'CAN',
      kind: 'art66-2' as const,
      format: 'detailed' as const,
      isSample: true,
      periodStart: '2023-01-01',
      periodEnd: '2023-12-31',
      originalLanguage: 'en' as const,
      narrative: [
        'Sample data: this report and its incentives are invented to show how an Article 66.2 report reads; Canada is a real Member, these programmes are not.',
        'The incentives below rest on the general framework of federal grants and contributions and on the income tax rules on the deduction of licensing costs. Each programme sets its own conditions on the transfer of technology to least developed countries.',
      ],
      status: 'published' as const,
      source: 'demo: invented sample data',
      circulationDate: '2024-03-15',
      publishedAt: new Date('2024-03-15T12:00:00Z'),
      submittedAt: new Date('2024-03-01T12:00:00Z'),
    };
    const [report] = await tx.insert(reports).values(values).returning({ id: reports.id });
    if (!report) throw new Error('report insert returned nothing');
    await tx
      .insert(reportIncentives)
      .values(
        sampleIncentives.map((incentive, i) => ({ ...incentive, reportId: report.id, position: i + 1 })),
      );
    await tx
      .update(reports)
      .set({ snapshot: await reportSnapshot(tx, report.id) })
      .where(eq(reports.id, report.id));
    await recordAudit(tx, demoActor, {
      action: 'create',
      table: 'reports',
      id: report.id,
      after: { ...values, incentives: sampleIncentives.map((incentive) => incentive.title) },
      note: 'demo: invented sample data',
    });
    return { reportId: report.id };
  });
}
