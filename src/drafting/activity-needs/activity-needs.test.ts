import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../../accounts/test-sessions.ts';
import { activities, activityBeneficiaries } from '../../activities/schema.ts';
import { createApp } from '../../app.tsx';
import { systemActor } from '../../audit/record.ts';
import type { Database } from '../../db/database.ts';
import { openTestDatabase, testBackends } from '../../db/test-database.ts';
import { seedNeedsDemo } from '../../demo/needs-demo.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { advanceNeedsOfStartedActivities } from '../../needs/delivery/service.ts';
import { needStatusChanges, needs } from '../../needs/schema.ts';
import { publishedNeeds } from '../../needs/service.ts';
import { parties } from '../../reference/schema.ts';
import { reportActivities, reports } from '../../reports/schema.ts';

const title = 'Regional examination course LINKTEST';

describe.each(testBackends)(
  'activities of a draft linked to the needs they address (%s database)',
  (backend) => {
    let database: Database;
    let app: ReturnType<typeof createApp>;
    let reporter: TestSession;
    let otherReporter: TestSession;
    let secretariat: TestSession;
    let draftId: number;
    let runningId: number;
    let laterId: number;
    let openNeed: number;
    let secondNeed: number;
    let metNeed: number;

    const get = (path: string, session?: TestSession) =>
      app.request(path, session ? { headers: { Cookie: session.cookie } } : {});
    const post = (path: string, session: TestSession, fields: Record<string, string | string[]>) =>
      app.request(path, formRequest(session, fields));
    const statusOf = async (id: number) =>
      (await database.db.select({ status: needs.status }).from(needs).where(eq(needs.id, id)))[0]?.status;

    async function draftActivity(
      start: string,
      beneficiary: { regionCode?: string; partyCode?: string },
      row: number,
    ) {
      const [activity] = await database.db
        .insert(activities)
        .values({
          donorPartyCode: 'CAN',
          title: { en: `${title} ${row}` },
          originalLanguage: 'en',
          startDate: start,
          startPrecision: 'day',
          source: 'test',
          isPublic: false,
        })
        .returning({ id: activities.id });
      const id = activity?.id ?? 0;
      await database.db.insert(activityBeneficiaries).values({
        activityId: id,
        position: 1,
        kind: beneficiary.regionCode ? 'region' : 'party',
        partyCode: beneficiary.partyCode ?? null,
        regionCode: beneficiary.regionCode ?? null,
        nameAsWritten: 'as written',
      });
      await database.db
        .insert(reportActivities)
        .values({ reportId: draftId, activityId: id, rowNumber: row, origin: 'manual' });
      return id;
    }

    beforeAll(async () => {
      database = await openTestDatabase(backend);
      app = createApp(database);
      await seedDemo(database.db);
      await seedNeedsDemo(database.db);
      reporter = await testSession(database.db, 'officer@cipo.example', 'reporter', { party: 'CAN' });
      otherReporter = await testSession(database.db, 'officer@jpo.example', 'reporter', { party: 'JPN' });
      secretariat = await testSession(database.db, 'officer@wto.example', 'secretariat');
      const uganda = await publishedNeeds(database.db, { party: 'UGA' });
      const withStatus = (...statuses: string[]) =>
        uganda.filter((row) => statuses.includes(row.need.status)).map((row) => row.need.id);
      // The demo's Uganda: a need offered (a proposal accepted), one met, one withdrawn. A second
      // linkable need is made by reopening the withdrawn one.
      [openNeed = 0] = withStatus('open', 'offered');
      [metNeed = 0] = withStatus('met');
      [secondNeed = 0] = withStatus('withdrawn');
      await database.db.update(needs).set({ status: 'open' }).where(eq(needs.id, secondNeed));
      const [report] = await database.db
        .insert(reports)
        .values({
          reportingPartyCode: 'CAN',
          periodStart: '2024-01-01',
          periodEnd: '2024-12-31',
          originalLanguage: 'en',
          source: 'test',
          status: 'draft',
        })
        .returning({ id: reports.id });
      draftId = report?.id ?? 0;
      const [ugandaRow] = await database.db.select().from(parties).where(eq(parties.code, 'UGA'));
      // Open to Uganda's region, not naming Uganda: it still serves Uganda's needs.
      runningId = await draftActivity('2024-03-01', { regionCode: ugandaRow?.subregionCode ?? '' }, 1);
      laterId = await draftActivity('2099-01-01', { partyCode: 'UGA' }, 2);
    });
    afterAll(async () => {
      await database?.close();
    });

    it('suggests the open needs of Members in the regions an activity serves, never met or withdrawn ones', async () => {
      const page = await get(`/en/drafting/reports/${draftId}/activities/${runningId}/needs`, reporter);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(`value="${openNeed}"`);
      expect(html).not.toContain(`value="${metNeed}"`);
      // Words find needs of other Members too, across languages ("customs" finds "douanes").
      const found = await (
        await get(`/fr/drafting/reports/${draftId}/activities/${runningId}/needs?q=customs`, reporter)
      ).text();
      expect(found).toContain('Autres besoins trouvés');
      expect(found).toContain('Formation des agents des douanes');
    });

    it('links needs within the draft only: nothing shows on the need until the report is published', async () => {
      const refused = await post(`/fr/drafting/reports/${draftId}/activities/${runningId}/needs`, reporter, {
        need: [String(openNeed), String(metNeed)],
      });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('Choisissez au moins un besoin publié, ni satisfait ni retiré.');

      const linked = await post(`/en/drafting/reports/${draftId}/activities/${runningId}/needs`, reporter, {
        need: String(openNeed),
      });
      expect(linked.status).toBe(303);
      expect(
        (
          await post(`/en/drafting/reports/${draftId}/activities/${laterId}/needs`, reporter, {
            need: String(secondNeed),
          })
        ).status,
      ).toBe(303);
      expect(
        (
          await post(`/en/drafting/reports/${draftId}/activities/${runningId}/needs`, otherReporter, {
            need: String(openNeed),
          })
        ).status,
      ).toBe(403);
      const draftPage = await (
        await get(`/en/drafting/reports/${draftId}/activities/${runningId}/needs`, reporter)
      ).text();
      expect(draftPage).toContain(`/needs/${openNeed}/unlink`);

      const needPage = await (await get(`/en/needs/${openNeed}`)).text();
      expect(needPage).not.toContain(title);
      expect(await statusOf(openNeed)).toBe('offered');
    });

    it('after publication shows the activity on the need, in progress once it has started, explained', async () => {
      expect((await post(`/en/drafting/reports/${draftId}/submit`, reporter, {})).status).toBe(303);
      const published = await post(`/en/secretariat/reports/${draftId}/publish`, secretariat, {
        circulation_date: '2024-12-15',
        symbol: 'IP/C/R/TC/CAN/9',
      });
      expect(published.status).toBe(303);
      const needPage = await (await get(`/en/needs/${openNeed}`)).text();
      expect(needPage).toContain(`${title} 1`);
      expect(needPage).toContain('IP/C/R/TC/CAN/9');
      expect(await statusOf(openNeed)).toBe('in-progress');
      const [change] = await database.db
        .select()
        .from(needStatusChanges)
        .where(and(eq(needStatusChanges.needId, openNeed), eq(needStatusChanges.toStatus, 'in-progress')));
      expect(change?.note).toContain('IP/C/R/TC/CAN/9');

      // The other activity starts in 2099: its need waits, and the sweep moves it on that day.
      expect(await statusOf(secondNeed)).toBe('open');
      expect(await advanceNeedsOfStartedActivities(database.db, systemActor)).toEqual([]);
      expect(
        await advanceNeedsOfStartedActivities(database.db, systemActor, { today: '2099-01-01' }),
      ).toEqual([secondNeed]);
      expect(await statusOf(secondNeed)).toBe('in-progress');
    });

    it('closes the links with the report: no change once it is published', async () => {
      const late = await post(
        `/en/drafting/reports/${draftId}/activities/${runningId}/needs/${openNeed}/unlink`,
        reporter,
        {},
      );
      expect(late.status).toBe(409);
    });
  },
);
