import { eq } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { requireAccount } from '../../accounts/guard.ts';
import { coordinatedAgencies } from '../../accounts/policy.ts';
import { users } from '../../accounts/schema.ts';
import type { Account } from '../../accounts/service.ts';
import type { Db } from '../../db/database.ts';
import { pageContext } from '../../http/page-context.ts';
import { fieldErrors, readForm } from '../../http/request.ts';
import { reportActivities, reports } from '../../reports/schema.ts';
import {
  type Edition,
  editionForCoordinator,
  notFound,
  type Programme,
  programmeForCoordinator,
} from '../access.ts';
import { trainingText } from '../messages.ts';
import { afterPost, doneNotice, idParam, type Labels, training } from '../route-helpers.ts';
import { participants } from '../schema.ts';
import {
  editionFormValues,
  editionValuesOf,
  parseEditionForm,
  parseSessionForm,
  sessionFormValues,
} from './forms.ts';
import {
  addSession,
  advanceStatus,
  coordinatorProgrammes,
  createEdition,
  editionNominations,
  nextStatus,
  removeSession,
  sessionsOf,
  updateEdition,
  updateSession,
} from './service.ts';
import {
  CoordinatorHomePage,
  EditionPage,
  type EditionPageData,
  type EditionPageFailure,
  NewEditionPage,
} from './views.tsx';

const isCoordinator = (account: Account) => coordinatedAgencies(account).length > 0;

/** Everything the coordinator's edition page shows. */
export async function editionPageData(
  db: Db,
  edition: Edition,
  programme: Programme,
): Promise<EditionPageData> {
  const [sessions, nominationRows, participantRows, reportLinks] = await Promise.all([
    sessionsOf(db, edition.id),
    editionNominations(db, edition.id),
    db
      .select({ participant: participants, advisorName: users.displayName })
      .from(participants)
      .leftJoin(users, eq(users.id, participants.advisorId))
      .where(eq(participants.editionId, edition.id))
      .orderBy(participants.name),
    edition.activityId
      ? db
          .select({ reportId: reports.id, status: reports.status })
          .from(reportActivities)
          .innerJoin(reports, eq(reports.id, reportActivities.reportId))
          .where(eq(reportActivities.activityId, edition.activityId))
      : [],
  ]);
  const open = reportLinks.find((r) => r.status === 'draft' || r.status === 'returned');
  return {
    edition,
    programme,
    sessions,
    nominations: nominationRows,
    participants: participantRows.map((row) => ({ ...row.participant, advisorName: row.advisorName })),
    nextStatus: nextStatus(edition.status),
    editionValues: editionValuesOf(edition),
    report: {
      activityId: edition.activityId,
      reportId: open?.reportId ?? null,
      frozen: reportLinks.some((r) => r.status === 'submitted' || r.status === 'published'),
    },
  };
}

/** Coordinator pages: their programmes' editions, each edition's details, status and agenda. */
export function editionRoutes(db: Db, labels: Labels) {
  const app = new Hono();

  app.get(training, async (c) => {
    const account = requireAccount(c, isCoordinator);
    return c.html(
      <CoordinatorHomePage page={pageContext(c)} programmes={await coordinatorProgrammes(db, account)} />,
    );
  });

  app.get(`${training}/programmes/:id{[0-9]+}/editions/new`, async (c) => {
    const account = requireAccount(c, isCoordinator);
    const programme = await programmeForCoordinator(db, account, idParam(c));
    const values = editionValuesOf({
      year: new Date().getUTCFullYear() + 1,
      startDate: null,
      endDate: null,
      venue: null,
      venueCity: null,
      venuePartyCode: null,
      mode: 'in-person',
      deliveryLanguages: ['en'],
      capacity: null,
      topics: [],
      publicNominations: false,
      nominationDeadline: null,
    });
    return c.html(
      <NewEditionPage page={pageContext(c)} labels={await labels()} programme={programme} values={values} />,
    );
  });

  app.post(`${training}/programmes/:id{[0-9]+}/editions`, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, isCoordinator);
    const programme = await programmeForCoordinator(db, account, idParam(c));
    const values = editionFormValues(await readForm(c));
    const parsed = parseEditionForm(values);
    const referenceLabels = await labels();
    const errors = parsed.success ? {} : fieldErrors(parsed.error);
    if (values.venuePartyCode && !referenceLabels.parties.has(values.venuePartyCode))
      errors.venuePartyCode = 'unknownParty';
    if (!parsed.success || Object.keys(errors).length > 0) {
      return c.html(
        <NewEditionPage
          page={page}
          labels={referenceLabels}
          programme={programme}
          values={values}
          errors={errors}
        />,
        400,
      );
    }
    const id = await createEdition(db, account, programme.id, parsed.data);
    return afterPost(c, `/${page.lang}/training/editions/${id}`, 'created');
  });

  app.get(`${training}/editions/:id{[0-9]+}`, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, isCoordinator);
    const { edition, programme } = await editionForCoordinator(db, account, idParam(c));
    return c.html(
      <EditionPage
        page={page}
        labels={await labels()}
        data={await editionPageData(db, edition, programme)}
        notice={doneNotice(c, page.lang)}
      />,
    );
  });

  /** The edition page again, with the form that failed; for 400 and 409 answers. */
  const again = async (
    c: Context,
    row: { edition: Edition; programme: Programme },
    failure: EditionPageFailure,
    status: 400 | 409,
  ) =>
    c.html(
      <EditionPage
        page={pageContext(c)}
        labels={await labels()}
        data={await editionPageData(db, row.edition, row.programme)}
        failure={failure}
      />,
      status,
    );

  app.post(`${training}/editions/:id{[0-9]+}`, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, isCoordinator);
    const row = await editionForCoordinator(db, account, idParam(c));
    const values = editionFormValues(await readForm(c));
    const parsed = parseEditionForm(values);
    const errors = parsed.success ? {} : fieldErrors(parsed.error);
    if (values.venuePartyCode && !(await labels()).parties.has(values.venuePartyCode))
      errors.venuePartyCode = 'unknownParty';
    if (!parsed.success || Object.keys(errors).length > 0)
      return again(c, row, { form: 'edition', errors, values }, 400);
    const updated = await updateEdition(db, account, row.edition, parsed.data);
    if (!updated.ok)
      return again(c, row, { form: 'edition', errors: { [updated.field]: updated.message }, values }, 400);
    return afterPost(c, `/${page.lang}/training/editions/${row.edition.id}`, 'saved');
  });

  app.post(`${training}/editions/:id{[0-9]+}/status`, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, isCoordinator);
    const row = await editionForCoordinator(db, account, idParam(c));
    const form = await readForm(c);
    const to = typeof form.to === 'string' ? form.to : '';
    if (!(await advanceStatus(db, account, row.edition, to))) {
      return again(c, row, { form: 'status', message: trainingText(page.lang)('statusNotNext') }, 409);
    }
    return afterPost(c, `/${page.lang}/training/editions/${row.edition.id}`, 'statusChanged');
  });

  app.post(`${training}/editions/:id{[0-9]+}/sessions`, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, isCoordinator);
    const row = await editionForCoordinator(db, account, idParam(c));
    const values = sessionFormValues(await readForm(c));
    const parsed = parseSessionForm(values);
    if (!parsed.success)
      return again(
        c,
        row,
        { form: 'session', sessionId: null, errors: fieldErrors(parsed.error), values },
        400,
      );
    await addSession(db, account, row.edition.id, parsed.data);
    return afterPost(c, `/${page.lang}/training/editions/${row.edition.id}`, 'sessionAdded');
  });

  app.post(`${training}/editions/:id{[0-9]+}/sessions/:session{[0-9]+}`, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, isCoordinator);
    const row = await editionForCoordinator(db, account, idParam(c));
    const sessionId = idParam(c, 'session');
    const values = sessionFormValues(await readForm(c));
    const parsed = parseSessionForm(values);
    if (!parsed.success)
      return again(c, row, { form: 'session', sessionId, errors: fieldErrors(parsed.error), values }, 400);
    if (!(await updateSession(db, account, row.edition.id, sessionId, parsed.data))) return notFound();
    return afterPost(c, `/${page.lang}/training/editions/${row.edition.id}`, 'saved');
  });

  app.post(`${training}/editions/:id{[0-9]+}/sessions/:session{[0-9]+}/remove`, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, isCoordinator);
    const row = await editionForCoordinator(db, account, idParam(c));
    if (!(await removeSession(db, account, row.edition.id, idParam(c, 'session')))) return notFound();
    return afterPost(c, `/${page.lang}/training/editions/${row.edition.id}`, 'sessionRemoved');
  });

  return app;
}
