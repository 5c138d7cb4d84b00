import { type Context, Hono } from 'hono';
import { requireAccount } from '../../accounts/guard.ts';
import { coordinatedAgencies } from '../../accounts/policy.ts';
import type { Db } from '../../db/database.ts';
import { NotFoundError } from '../../errors.ts';
import { pageContext } from '../../http/page-context.ts';
import { fieldErrors, formFile, formText, idParam, readForm, redirectAfterPost } from '../../http/request.ts';
import { type Programme, programmeForCoordinator } from '../access.ts';
import { training } from '../route-helpers.ts';
import {
  addSignatory,
  maxSignatories,
  removeSignatory,
  setSignature,
  signatoriesOf,
  signatoryFormSchema,
} from './certificate-signatories.ts';
import { type SignatoriesKey, signatoriesText } from './signatory-messages.ts';
import { SignatoriesPage, type SignatoryFailure } from './signatory-views.tsx';

const path = `${training}/programmes/:id{[0-9]+}/signatories`;
const doneKeys = ['signatoryAdded', 'signatoryRemoved', 'signatureUploaded'] as const;

/** The coordinators of a programme's organizer keep who signs its certificates. */
export function signatoryRoutes(db: Db) {
  const app = new Hono();

  const programmeOf = (c: Context) => {
    const account = requireAccount(c, (a) => coordinatedAgencies(a).length > 0);
    return programmeForCoordinator(db, account, idParam(c)).then((programme) => ({ account, programme }));
  };

  const show = async (
    c: Context,
    programme: Programme,
    failure?: SignatoryFailure,
    status: 200 | 400 | 413 = 200,
  ) => {
    const page = pageContext(c);
    const done = c.req.query('done');
    const notice =
      status === 200 && done && (doneKeys as readonly string[]).includes(done)
        ? signatoriesText(page.lang)(`done-${done}` as SignatoriesKey)
        : undefined;
    return c.html(
      <SignatoriesPage
        page={page}
        programme={programme}
        signatories={await signatoriesOf(db, programme.id)}
        maxSignatories={maxSignatories}
        notice={notice}
        failure={failure}
      />,
      status,
    );
  };
  const back = (c: Context, programme: Programme, done: (typeof doneKeys)[number]) =>
    redirectAfterPost(c, `/${pageContext(c).lang}/training/programmes/${programme.id}/signatories`, done);

  app.get(path, async (c) => show(c, (await programmeOf(c)).programme));

  app.post(path, async (c) => {
    const { account, programme } = await programmeOf(c);
    const form = await readForm(c);
    const values = {
      name: formText(form, 'name'),
      title: formText(form, 'title'),
      organization: formText(form, 'organization'),
    };
    const parsed = signatoryFormSchema.safeParse(values);
    if (!parsed.success)
      return show(c, programme, { form: 'add', errors: fieldErrors(parsed.error), values }, 400);
    if ((await addSignatory(db, account, programme.id, parsed.data)) === null)
      return show(c, programme, { form: 'add', errors: { form: 'tooManySignatories' }, values }, 400);
    return back(c, programme, 'signatoryAdded');
  });

  app.post(`${path}/:signatory{[0-9]+}/signature`, async (c) => {
    const { account, programme } = await programmeOf(c);
    const signatoryId = idParam(c, 'signatory');
    const outcome = await setSignature(
      db,
      account,
      programme.id,
      signatoryId,
      formFile(await readForm(c), 'file'),
    );
    if (!outcome) throw new NotFoundError('signatory');
    if (!outcome.ok)
      return show(
        c,
        programme,
        { form: 'signature', signatoryId, error: outcome.reason },
        outcome.reason === 'signatureTooLarge' ? 413 : 400,
      );
    return back(c, programme, 'signatureUploaded');
  });

  app.post(`${path}/:signatory{[0-9]+}/remove`, async (c) => {
    const { account, programme } = await programmeOf(c);
    if (!(await removeSignatory(db, account, programme.id, idParam(c, 'signatory'))))
      throw new NotFoundError('signatory');
    return back(c, programme, 'signatoryRemoved');
  });

  return app;
}
