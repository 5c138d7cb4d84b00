import { type Context, Hono } from 'hono';
import { requireAccount } from '../../accounts/guard.ts';
import { coordinatedAgencies, focalPointParties } from '../../accounts/policy.ts';
import type { Account } from '../../accounts/service.ts';
import { actorOf } from '../../audit/record.ts';
import type { Db } from '../../db/database.ts';
import { pageContext } from '../../http/page-context.ts';
import { fieldErrors, formText, readForm } from '../../http/request.ts';
import { editionForCoordinator, notFound } from '../access.ts';
import { partyOptions } from '../components.tsx';
import { editionPageData } from '../editions/routes.tsx';
import { EditionPage } from '../editions/views.tsx';
import { trainingText } from '../messages.ts';
import { eraseNominationData } from '../privacy.ts';
import { afterPost, doneNotice, idParam, type Labels, training } from '../route-helpers.ts';
import { emptyNomination, nominationFormValues, parseNominationForm } from './forms.ts';
import {
  createNomination,
  type Decision,
  decideNomination,
  decisions,
  editionsTakingNominations,
  editionWithProgramme,
  nominationEdition,
  nominationsOfOffices,
  takesNominations,
} from './service.ts';
import { FocalPointPage, NominationFormPage } from './views.tsx';

const isFocalPoint = (account: Account) => focalPointParties(account).length > 0;

/** Focal points nominate candidates of their own party's office and follow them; coordinators decide. */
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
    const row = (await editionWithProgramme(db, idParam(c))) ?? notFound();
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
        intro={trainingText(page.lang)('focalPointIntro')}
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

  app.post(`${training}/nominations/:id{[0-9]+}/decision`, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, (a) => coordinatedAgencies(a).length > 0);
    const nomination = (await nominationEdition(db, idParam(c))) ?? notFound();
    const row = await editionForCoordinator(db, account, nomination.editionId);
    const form = await readForm(c);
    const text = trainingText(page.lang);
    const decision = formText(form, 'decision') as Decision;
    const rankText = formText(form, 'rank');
    const refuse = async (message: string, status: 400 | 409) =>
      c.html(
        <EditionPage
          page={page}
          labels={await labels()}
          data={await editionPageData(db, row.edition, row.programme)}
          failure={{ form: 'decision', nominationId: nomination.id, message }}
        />,
        status,
      );
    if (!decisions.includes(decision)) return refuse(text('decisionRequired'), 400);
    if (rankText && !/^\d{1,3}$/.test(rankText)) return refuse(text('invalidRank'), 400);
    const rank = rankText ? Number(rankText) : decision === 'rank' ? null : undefined;
    if (rank === 0) return refuse(text('invalidRank'), 400);
    const outcome = await decideNomination(db, account, nomination.id, decision, rank);
    if (!outcome.ok) {
      const message =
        outcome.reason === 'capacityFull'
          ? text('capacityFull', { capacity: row.edition.capacity ?? 0 })
          : outcome.reason === 'participantHasRecords'
            ? text('participantHasRecords')
            : text('notDeciding');
      return refuse(message, 409);
    }
    return afterPost(c, `/${page.lang}/training/editions/${row.edition.id}`, 'decided');
  });

  app.post(`${training}/nominations/:id{[0-9]+}/erase`, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, (a) => coordinatedAgencies(a).length > 0);
    const nomination = (await nominationEdition(db, idParam(c))) ?? notFound();
    const row = await editionForCoordinator(db, account, nomination.editionId);
    const refuse = async (message: string) =>
      c.html(
        <EditionPage
          page={page}
          labels={await labels()}
          data={await editionPageData(db, row.edition, row.programme)}
          failure={{ form: 'decision', nominationId: nomination.id, message }}
        />,
        409,
      );
    if (formText(await readForm(c), 'confirm') !== 'yes')
      return refuse(trainingText(page.lang)('eraseConfirmRequired'));
    const outcome = await eraseNominationData(db, actorOf(account), nomination.id);
    if (outcome === 'participant') return refuse(trainingText(page.lang)('eraseThroughParticipant'));
    return afterPost(c, `/${page.lang}/training/editions/${row.edition.id}`, 'erased');
  });

  return app;
}
