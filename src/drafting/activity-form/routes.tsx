import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { actorOf } from '../../audit/record.ts';
import type { Db } from '../../db/database.ts';
import { pageContext } from '../../http/page-context.ts';
import { formText, readForm } from '../../http/request.ts';
import type { Language } from '../../i18n/languages.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { referenceData } from '../../reference/reference-data.ts';
import { validateResults } from '../../results/input.ts';
import { LockedPage } from '../components.tsx';
import { activityIdOf, reportForRequest } from '../request-guards.tsx';
import type { ActivityFormState } from './form-state.ts';
import { emptyFormState, formStateFromBody, formStateOfActivity, rawActivityInput } from './form-state.ts';
import { type ActivityInput, validateActivityInput } from './input.ts';
import { activityOnReport, createActivity, updateActivity } from './service.ts';
import { ActivityConflictPage, ActivityFormPage } from './views.tsx';

/** The activity and its result indicators, checked together: the form shows every error at once. */
function validateForm(state: ActivityFormState, lang: Language) {
  const activity = validateActivityInput(rawActivityInput(state), lang, referenceData());
  const language = activity.ok ? activity.value.originalLanguage : lang;
  const results = validateResults(state.results, lang, language);
  if (activity.ok && results.ok)
    return { ok: true as const, value: activity.value as ActivityInput, results: results.value };
  return {
    ok: false as const,
    errors: activity.ok ? {} : activity.errors,
    resultErrors: results.ok ? {} : results.errors,
  };
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
    const result = validateForm(state, page.lang);
    if (!result.ok) {
      return c.html(
        <ActivityFormPage
          page={page}
          labels={await labels()}
          reportId={report.id}
          activityId={null}
          state={state}
          errors={result.errors}
          resultErrors={result.resultErrors}
        />,
        400,
      );
    }
    const created = await createActivity(db, actorOf(account), report, {
      ...result.value,
      results: result.results,
    });
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
    return c.html(
      <ActivityFormPage
        page={page}
        labels={await labels()}
        reportId={report.id}
        activityId={activity.id}
        state={formStateOfActivity(activity)}
        errors={{}}
        version={activity.version}
        isPublic={activity.isPublic}
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
    const result = validateForm(state, page.lang);
    if (!result.ok) {
      const stored = await activityOnReport(db, report.id, activityId);
      if (!stored) throw new HTTPException(404);
      state.computedResults = stored.results.filter((indicator) => indicator.origin !== 'entered');
      return c.html(
        <ActivityFormPage
          page={page}
          labels={await labels()}
          reportId={report.id}
          activityId={activityId}
          state={state}
          errors={result.errors}
          resultErrors={result.resultErrors}
          version={version}
          isPublic={stored.isPublic}
        />,
        400,
      );
    }
    const saved = await updateActivity(
      db,
      actorOf(account),
      report,
      activityId,
      version,
      result.value,
      result.results,
    );
    if (!saved) throw new HTTPException(404);
    if (!saved.ok && saved.reason === 'locked') {
      return c.html(<LockedPage page={page} labels={await labels()} report={saved.current} />, 409);
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
          storedResults={saved.current.results}
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
