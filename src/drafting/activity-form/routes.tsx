import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { actorOf } from '../../audit/record.ts';
import type { Db } from '../../db/database.ts';
import type { PageContext } from '../../http/layout.tsx';
import { pageContext } from '../../http/page-context.ts';
import { formText, readForm } from '../../http/request.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { referenceData } from '../../reference/reference-data.ts';
import { LockedPage, reportTitle } from '../components.tsx';
import { type ReportHeader, reviewsListing } from '../report.ts';
import { activityIdOf, reportForRequest } from '../request-guards.tsx';
import { emptyFormState, formStateFromBody, formStateOfActivity, rawActivityInput } from './form-state.ts';
import { validateActivityInput } from './input.ts';
import { type ActivityFormMessageKey, activityFormText } from './messages.ts';
import { activityOnReport, createActivity, updateActivity } from './service.ts';
import { ActivityConflictPage, ActivityFormPage } from './views.tsx';

/** Why the activity cannot change now: the reports under review that list it, named. */
function underReviewText(
  page: PageContext,
  labels: ReferenceLabels,
  reviews: ReportHeader[],
  key: Extract<ActivityFormMessageKey, 'underReviewEdit' | 'underReviewRefused'>,
): string | undefined {
  if (reviews.length === 0) return undefined;
  const reports = reviews.map((report) => reportTitle(page.lang, labels, report)).join('; ');
  return activityFormText(page.lang)(key, { reports });
}

/** Adding and editing one activity of a draft, with optimistic locking on the activity's version. */
export function activityRoutes(db: Db, labels: () => Promise<ReferenceLabels>, reportPath: string) {
  const app = new Hono();
  const editPath = `${reportPath}/activities/:activityId{[0-9]+}/edit`;

  app.get(`${reportPath}/activities/new`, async (c) => {
    const page = pageContext(c);
    const { report } = await reportForRequest(c, db, labels, 'edit');
    return c.html(
      <ActivityFormPage
        page={page}
        labels={await labels()}
        reportId={report.id}
        activityId={null}
        state={emptyFormState(report.originalLanguage)}
        errors={{}}
      />,
    );
  });

  app.post(`${reportPath}/activities/new`, async (c) => {
    const page = pageContext(c);
    const { account, report } = await reportForRequest(c, db, labels, 'edit');
    const state = formStateFromBody(await readForm(c));
    const result = validateActivityInput(rawActivityInput(state), page.lang, referenceData());
    if (!result.ok) {
      return c.html(
        <ActivityFormPage
          page={page}
          labels={await labels()}
          reportId={report.id}
          activityId={null}
          state={state}
          errors={result.errors}
        />,
        400,
      );
    }
    const created = await createActivity(db, actorOf(account), report, result.value);
    if (!created) throw new HTTPException(404);
    if (!created.ok) {
      return c.html(<LockedPage page={page} labels={await labels()} report={created.current} />, 409);
    }
    return c.redirect(
      `/${page.lang}/drafting/reports/${report.id}?notice=activityAdded#activities-title`,
      303,
    );
  });

  app.get(editPath, async (c) => {
    const page = pageContext(c);
    const { report } = await reportForRequest(c, db, labels, 'edit');
    const activity = await activityOnReport(db, report.id, activityIdOf(c));
    if (!activity) throw new HTTPException(404);
    const referenceLabels = await labels();
    const reviews = await reviewsListing(db, activity.id, report.id);
    return c.html(
      <ActivityFormPage
        page={page}
        labels={referenceLabels}
        reportId={report.id}
        activityId={activity.id}
        state={formStateOfActivity(activity)}
        errors={{}}
        version={activity.version}
        isPublic={activity.isPublic}
        refusal={underReviewText(page, referenceLabels, reviews, 'underReviewEdit')}
      />,
    );
  });

  app.post(editPath, async (c) => {
    const page = pageContext(c);
    const { account, report } = await reportForRequest(c, db, labels, 'edit');
    const activityId = activityIdOf(c);
    const body = await readForm(c);
    const state = formStateFromBody(body);
    // No readable version: the form cannot prove it saw the latest record, so it meets the conflict page.
    const version = Number.parseInt(formText(body, 'version'), 10) || -1;
    const result = validateActivityInput(rawActivityInput(state), page.lang, referenceData());
    if (!result.ok) {
      const stored = await activityOnReport(db, report.id, activityId);
      if (!stored) throw new HTTPException(404);
      const referenceLabels = await labels();
      const reviews = await reviewsListing(db, activityId, report.id);
      return c.html(
        <ActivityFormPage
          page={page}
          labels={referenceLabels}
          reportId={report.id}
          activityId={activityId}
          state={state}
          errors={result.errors}
          version={version}
          isPublic={stored.isPublic}
          refusal={underReviewText(page, referenceLabels, reviews, 'underReviewEdit')}
        />,
        400,
      );
    }
    const saved = await updateActivity(db, actorOf(account), report, activityId, version, result.value);
    if (!saved) throw new HTTPException(404);
    if (!saved.ok && saved.reason === 'locked') {
      return c.html(<LockedPage page={page} labels={await labels()} report={saved.current} />, 409);
    }
    if (!saved.ok && saved.reason === 'under-review') {
      // Nothing saved; the form comes back as typed, with the version it was opened on.
      const referenceLabels = await labels();
      return c.html(
        <ActivityFormPage
          page={page}
          labels={referenceLabels}
          reportId={report.id}
          activityId={activityId}
          state={state}
          errors={{}}
          version={version}
          isPublic={saved.current.isPublic}
          refusal={underReviewText(page, referenceLabels, saved.reviews, 'underReviewRefused')}
        />,
        409,
      );
    }
    if (!saved.ok) {
      return c.html(
        <ActivityConflictPage
          page={page}
          labels={await labels()}
          reportId={report.id}
          activityId={activityId}
          typed={state}
          stored={formStateOfActivity(saved.current)}
          storedVersion={saved.current.version}
        />,
        409,
      );
    }
    return c.redirect(
      `/${page.lang}/drafting/reports/${report.id}?notice=activitySaved#activities-title`,
      303,
    );
  });

  return app;
}
