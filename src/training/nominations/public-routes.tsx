import { Hono } from 'hono';
import type { Db } from '../../db/database.ts';
import { NotFoundPage } from '../../http/error-pages.tsx';
import { pageContext } from '../../http/page-context.ts';
import { fieldErrors, positiveId, readForm, redirectAfterPost } from '../../http/request.ts';
import { programmeAgencies } from '../access.ts';
import { partyOptions } from '../components.tsx';
import type { Labels } from '../route-helpers.ts';
import { emptyNomination, nominationFormValues, parseNominationForm } from './forms.ts';
import { nominationsText } from './messages.ts';
import { createNomination, editionWithProgramme, takesNominations } from './service.ts';
import { NominationFormPage, NominationThanksPage } from './views.tsx';

const path = '/:lang{(?:en|fr|es)}/programmes/editions/:id{[0-9]+}/nominate';

/**
 * The public nomination form of an edition that accepts nominations from anyone (public_nominations):
 * no account, CSRF by double-submit cookie, strict validation, the party picked from the list.
 */
export function publicNominationRoutes(db: Db, labels: Labels) {
  const app = new Hono();

  const load = async (id: string | undefined) => {
    const editionId = positiveId(id);
    const row = editionId ? await editionWithProgramme(db, editionId) : null;
    return row?.edition.publicNominations ? row : null;
  };

  /** "CIPO and WIPO Academy": who will see the nomination, named on the form. */
  const organizerOf = async (programmeId: number) =>
    (await programmeAgencies(db, programmeId))
      .filter((agency) => agency.role === 'organizer')
      .map((agency) => agency.acronym ?? agency.name.en ?? '')
      .join(', ');

  app.get(path, async (c) => {
    const page = pageContext(c);
    const row = await load(c.req.param('id'));
    if (!row) return c.html(<NotFoundPage page={page} />, 404);
    return c.html(
      <NominationFormPage
        page={page}
        row={row}
        action={`/${page.lang}/programmes/editions/${row.edition.id}/nominate`}
        values={emptyNomination()}
        parties={partyOptions(await labels(), page.lang, { countriesOnly: true })}
        closed={!takesNominations(row.edition)}
        intro={nominationsText(page.lang)('publicIntro')}
        publicForm={{ organizer: await organizerOf(row.edition.programmeId) }}
      />,
    );
  });

  // Where the form lands after sending: a GET page, so a reload sends nothing again.
  app.get(`${path}/thanks`, async (c) => {
    const page = pageContext(c);
    const row = await load(c.req.param('id'));
    if (!row) return c.html(<NotFoundPage page={page} />, 404);
    return c.html(<NominationThanksPage page={page} row={row} />);
  });

  app.post(path, async (c) => {
    const page = pageContext(c);
    const row = await load(c.req.param('id'));
    if (!row) return c.html(<NotFoundPage page={page} />, 404);
    const parties = partyOptions(await labels(), page.lang, { countriesOnly: true });
    const values = nominationFormValues(await readForm(c));
    const parsed = parseNominationForm(values, new Set(parties.map((p) => p.value)), { publicForm: true });
    const organizer = await organizerOf(row.edition.programmeId);
    const form = (status: 400 | 409, errors = {}, closed = false) =>
      c.html(
        <NominationFormPage
          page={page}
          row={row}
          action={`/${page.lang}/programmes/editions/${row.edition.id}/nominate`}
          values={values}
          errors={errors}
          parties={parties}
          closed={closed}
          publicForm={{ organizer }}
        />,
        status,
      );
    if (!parsed.success) return form(400, fieldErrors(parsed.error), !takesNominations(row.edition));
    const id = await createNomination(db, null, row.edition.id, parsed.data);
    if (id === null) return form(409, {}, true);
    return redirectAfterPost(c, `/${page.lang}/programmes/editions/${row.edition.id}/nominate/thanks`);
  });

  return app;
}
