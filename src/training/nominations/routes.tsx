import { type Context, Hono } from 'hono';
import { requireAccount } from '../../accounts/guard.ts';
import { focalPointParties } from '../../accounts/policy.ts';
import type { Account } from '../../accounts/service.ts';
import type { Db } from '../../db/database.ts';
import { pageContext } from '../../http/page-context.ts';
import { fieldErrors, idParam, readForm } from '../../http/request.ts';
import { partyOptions } from '../components.tsx';
import { afterPost, doneNotice, found, type Labels, training } from '../route-helpers.ts';
import { emptyNomination, nominationFormValues, parseNominationForm } from './forms.ts';
import { nominationsText } from './messages.ts';
import {
  createNomination,
  editionsTakingNominations,
  editionWithProgramme,
  nominationsOfOffices,
  takesNominations,
} from './service.ts';
import { FocalPointPage, NominationFormPage } from './views.tsx';

const isFocalPoint = (account: Account) => focalPointParties(account).length > 0;

/** Focal points nominate candidates of their own party's office and follow them (coordinators decide on the edition page). */
export function nominationRoutes(db: Db, labels: Labels) {
  const app = new Hono();

  app.get(`${training}/nominations`, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, isFocalPoint);
    return c.html(
      <FocalPointPage
        page={page}
        labels={await labels()}
        open={await editionsTakingNominations(db)}
        nominations={await nominationsOfOffices(db, focalPointParties(account))}
        notice={doneNotice(c, page.lang)}
      />,
    );
  });

  const nominationPage = async (c: Context) => {
    const account = requireAccount(c, isFocalPoint);
    const row = found(await editionWithProgramme(db, idParam(c)), 'edition');
    const parties = partyOptions(await labels(), pageContext(c).lang, { only: focalPointParties(account) });
    return { account, row, parties };
  };

  app.get(`${training}/editions/:id{[0-9]+}/nominations/new`, async (c) => {
    const page = pageContext(c);
    const { row, parties } = await nominationPage(c);
    return c.html(
      <NominationFormPage
        page={page}
        row={row}
        action={`/${page.lang}/training/editions/${row.edition.id}/nominations/new`}
        values={emptyNomination(parties[0]?.value)}
        parties={parties}
        closed={!takesNominations(row.edition)}
        intro={nominationsText(page.lang)('focalPointIntro')}
      />,
    );
  });

  app.post(`${training}/editions/:id{[0-9]+}/nominations/new`, async (c) => {
    const page = pageContext(c);
    const { account, row, parties } = await nominationPage(c);
    const values = nominationFormValues(await readForm(c));
    const parsed = parseNominationForm(values, new Set(focalPointParties(account)));
    const form = (status: 400 | 409, errors = {}, closed = false) =>
      c.html(
        <NominationFormPage
          page={page}
          row={row}
          action={`/${page.lang}/training/editions/${row.edition.id}/nominations/new`}
          values={values}
          errors={errors}
          parties={parties}
          closed={closed}
        />,
        status,
      );
    if (!parsed.success) return form(400, fieldErrors(parsed.error), !takesNominations(row.edition));
    const id = await createNomination(db, account, row.edition.id, parsed.data);
    if (id === null) return form(409, {}, true);
    return afterPost(c, `/${page.lang}/training/nominations`, 'nominated');
  });

  return app;
}
