import { Hono } from 'hono';
import { requireAccount } from '../accounts/guard.ts';
import { actorOf } from '../audit/record.ts';
import { type Db, inTransaction } from '../db/database.ts';
import { mayConfirmElements } from '../elements/access.ts';
import { confirmElements, elementParties } from '../elements/service.ts';
import { elementsText, isElementCode, orderedElements } from '../elements/taxonomy.ts';
import { NotFoundPage } from '../http/error-pages.tsx';
import { pagesKeptWhileUnchanged, sendPage } from '../http/kept-answers.ts';
import { pageContext } from '../http/page-context.ts';
import { formList, positiveId, readForm, redirectAfterPost } from '../http/request.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { registryVersion } from '../reports/registry-version.ts';
import { activityDetail } from './detail.ts';
import { refreshActivitySearch } from './search-index.ts';
import { ActivityPage } from './views.tsx';

/** The public activity page ("click for more information"), and its elements-of-Article-67 form. */
export function activityPages(db: Db, labels: () => Promise<ReferenceLabels>) {
  const app = new Hono();
  // Activity pages are asked for far more than they change: kept per state of the registry for
  // visitors who are not signed in (a confirmation of elements moves the registry's version too).
  const pagesOf = pagesKeptWhileUnchanged(() => registryVersion(db), 2000);
  app.get('/:lang{(?:en|fr|es)}/activities/:id', async (c) => {
    const id = positiveId(c.req.param('id'));
    const done = c.req.query('done') === 'elements';
    const allLanguages = c.req.query('languages') === 'all';
    const answer = await pagesOf(pageContext(c), async (page) => {
      const activity = id ? await activityDetail(db, id) : null;
      if (!activity) return { status: 404, html: String(await (<NotFoundPage page={page} />).toString()) };
      const mayConfirm = mayConfirmElements(page.account, activity.elementParties);
      // The form carries a CSRF token: that page is for its reader only.
      if (mayConfirm) c.header('Cache-Control', 'private, no-store');
      const view = (
        <ActivityPage
          page={page}
          labels={await labels()}
          activity={activity}
          allLanguages={allLanguages}
          mayConfirmElements={mayConfirm}
          notice={done ? elementsText(page.lang)('elementsSaved') : null}
        />
      );
      return { status: 200, html: String(await view.toString()) };
    });
    return sendPage(c, answer);
  });

  /** A reporter of the party, or the Secretariat, confirms or changes the elements (all boxes sent). */
  app.post('/:lang{(?:en|fr|es)}/activities/:id/elements', async (c) => {
    const page = pageContext(c);
    const id = positiveId(c.req.param('id'));
    const found = id ? await activityDetail(db, id) : null;
    if (!id || !found) return c.html(<NotFoundPage page={page} />, 404);
    const parties = await elementParties(db, id);
    const account = requireAccount(c, (signedIn) => mayConfirmElements(signedIn, parties));
    const values = formList(await readForm(c), 'elements');
    const text = elementsText(page.lang);
    const error = values.some((value) => !isElementCode(value))
      ? text('elementsInvalid')
      : values.length === 0
        ? text('elementsNone')
        : undefined;
    if (error) {
      c.header('Cache-Control', 'private, no-store');
      return c.html(
        <ActivityPage
          page={page}
          labels={await labels()}
          activity={found}
          allLanguages={false}
          mayConfirmElements
          elementsError={error}
          checkedElements={orderedElements(values)}
        />,
        400,
      );
    }
    await inTransaction(db, async (tx) => {
      if (await confirmElements(tx, id, orderedElements(values), actorOf(account)))
        await refreshActivitySearch(tx, [id]);
    });
    return redirectAfterPost(c, `/${page.lang}/activities/${id}`, 'elements');
  });
  return app;
}
