import { type Context, Hono } from 'hono';
import { requireAccount } from '../../accounts/guard.ts';
import { focalPointParties } from '../../accounts/policy.ts';
import type { Account } from '../../accounts/service.ts';
import type { Db } from '../../db/database.ts';
import { pageContext } from '../../http/page-context.ts';
import {
  type FieldErrors,
  fieldErrors,
  formText,
  idParam,
  readForm,
  redirectAfterPost,
} from '../../http/request.ts';
import type { Language } from '../../i18n/languages.ts';
import { partyOptions, personName } from '../components.tsx';
import { afterPost, doneNotice, found, type Labels, training } from '../route-helpers.ts';
import {
  emptyNomination,
  type NominationFormValues,
  nominationFormValues,
  nominationValuesOf,
  parseNominationForm,
} from './forms.ts';
import { type NominationsKey, nominationsText } from './messages.ts';
import {
  createNomination,
  editionsTakingNominations,
  editionWithProgramme,
  nominationForFocalPoint,
  nominationsOfOffices,
  takesNominations,
  undecided,
  updateNomination,
  withdrawNomination,
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
        notice={doneNotice(c, page.lang) ?? officeNotice(c, page.lang)}
      />,
    );
  });

  /** What an edit or a withdrawal just did (or why it could not), after its redirect. */
  const officeNotice = (c: Context, lang: Language) => {
    const done = c.req.query('done');
    return done && (officeDone as readonly string[]).includes(done)
      ? nominationsText(lang)(`done-${done}` as NominationsKey)
      : undefined;
  };
  const backToOffice = (c: Context, done: (typeof officeDone)[number]) =>
    redirectAfterPost(c, `/${pageContext(c).lang}/training/nominations`, done);

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

  /** The nomination of the path, for a focal point of its party, with the form's party list. */
  const ownNomination = async (c: Context) => {
    const account = requireAccount(c, isFocalPoint);
    const row = await nominationForFocalPoint(db, account, idParam(c));
    const parties = partyOptions(await labels(), pageContext(c).lang, { only: focalPointParties(account) });
    return { account, row, parties };
  };
  const editForm = (
    c: Context,
    row: Awaited<ReturnType<typeof ownNomination>>['row'],
    parties: Array<{ value: string; label: string }>,
    values: NominationFormValues,
    errors?: FieldErrors,
  ) => {
    const page = pageContext(c);
    const text = nominationsText(page.lang);
    return c.html(
      <NominationFormPage
        page={page}
        row={row}
        action={`/${page.lang}/training/nominations/${row.nomination.id}/edit`}
        values={values}
        errors={errors}
        parties={parties}
        title={text('editNominationOf', { candidate: personName(row.nomination.candidateName, page.lang) })}
        submitLabel={text('saveNomination')}
      />,
      errors ? 400 : 200,
    );
  };

  app.get(`${training}/nominations/:id{[0-9]+}/edit`, async (c) => {
    const { row, parties } = await ownNomination(c);
    if (!undecided(row.nomination)) return backToOffice(c, 'alreadyDecided');
    return editForm(c, row, parties, nominationValuesOf(row.nomination));
  });

  app.post(`${training}/nominations/:id{[0-9]+}/edit`, async (c) => {
    const { account, row, parties } = await ownNomination(c);
    const values = nominationFormValues(await readForm(c));
    const parsed = parseNominationForm(values, new Set(focalPointParties(account)));
    if (!parsed.success) return editForm(c, row, parties, values, fieldErrors(parsed.error));
    const outcome = await updateNomination(db, account, row.nomination.id, parsed.data);
    return backToOffice(c, outcome === 'updated' ? 'nominationUpdated' : 'alreadyDecided');
  });

  app.post(`${training}/nominations/:id{[0-9]+}/withdraw`, async (c) => {
    const { account, row } = await ownNomination(c);
    if (formText(await readForm(c), 'confirm') !== 'yes') return backToOffice(c, 'withdrawNeedsConfirm');
    const outcome = await withdrawNomination(db, account, row.nomination.id);
    return backToOffice(c, outcome === 'withdrawn' ? 'nominationWithdrawn' : 'alreadyDecided');
  });

  return app;
}

const officeDone = [
  'nominationUpdated',
  'nominationWithdrawn',
  'alreadyDecided',
  'withdrawNeedsConfirm',
] as const;
