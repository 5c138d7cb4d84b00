import { type Context, Hono } from 'hono';
import { requireAccount } from '../../accounts/guard.ts';
import { coordinatedAgencies } from '../../accounts/policy.ts';
import type { Account } from '../../accounts/service.ts';
import { actorOf } from '../../audit/record.ts';
import type { Db } from '../../db/database.ts';
import { activityNeedsText } from '../../drafting/activity-needs/messages.ts';
import { NotFoundError } from '../../errors.ts';
import { pageContext } from '../../http/page-context.ts';
import {
  fieldErrors,
  formList,
  formText,
  idParam,
  positiveId,
  readForm,
  redirectAfterPost,
} from '../../http/request.ts';
import type { Language } from '../../i18n/languages.ts';
import { editionNeedsView, linkEditionNeeds, unlinkEditionNeed } from '../../needs/delivery/editions.ts';
import { deliveryText } from '../../needs/delivery/messages.ts';
import { publishedNeeds } from '../../needs/service.ts';
import { type Edition, editionForCoordinator, type Programme, programmeForCoordinator } from '../access.ts';
import { trainingText } from '../messages.ts';
import { eraseNominationData } from '../privacy.ts';
import { afterPost, doneNotice, found, type Labels, training } from '../route-helpers.ts';
import { addSession, removeSession, updateSession } from './agenda.ts';
import {
  type EditionPageFailure,
  editionFormValues,
  editionValuesOf,
  parseEditionForm,
  parseSessionForm,
  sessionFormValues,
} from './forms.ts';
import { editionsText } from './messages.ts';
import {
  type Decision,
  type DecisionRefusal,
  decideNomination,
  decisionRefusals,
  decisions,
  nominationById,
} from './selection.ts';
import {
  advanceStatus,
  coordinatorProgrammes,
  createEdition,
  editionPageData,
  updateEdition,
} from './service.ts';
import { CoordinatorHomePage, EditionPage, NewEditionPage } from './views.tsx';

const isCoordinator = (account: Account) => coordinatedAgencies(account).length > 0;

/**
 * Coordinator pages: their programmes' editions; each edition's details, status and agenda; and the
 * selection of its candidates (rank, select, waitlist, decline, erase a candidate's data).
 */
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

  /** The edition's needs section: what it answers, suggestions, and the word search's finds (`?needs=`). */
  const needsSection = async (c: Context, editionId: number, error?: string) => {
    const words = error ? '' : (c.req.query('needs')?.trim().slice(0, 200) ?? '');
    const matches = words ? await publishedNeeds(db, { q: words }, 50) : [];
    return { view: await editionNeedsView(db, editionId, matches), words, error };
  };

  /** The notice after linking or unlinking needs; else training's own. */
  const noticeOf = (c: Context, lang: Language) => {
    const done = c.req.query('done');
    if (done === 'needsLinked') return deliveryText(lang)('editionNeedsLinked');
    if (done === 'needUnlinked') return deliveryText(lang)('editionNeedUnlinked');
    return doneNotice(c, lang);
  };

  app.get(`${training}/editions/:id{[0-9]+}`, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, isCoordinator);
    const { edition, programme } = await editionForCoordinator(db, account, idParam(c));
    return c.html(
      <EditionPage
        page={page}
        labels={await labels()}
        data={await editionPageData(db, edition, programme)}
        notice={noticeOf(c, page.lang)}
        failure={refusalShown(c, page.lang, edition)}
        needs={await needsSection(c, edition.id)}
      />,
    );
  });

  // The needs the edition answers: public at once (needs/delivery/editions.ts), audited.
  app.post(`${training}/editions/:id{[0-9]+}/needs`, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, isCoordinator);
    const row = await editionForCoordinator(db, account, idParam(c));
    const needIds = formList(await readForm(c), 'need').map((value) => positiveId(value) ?? 0);
    const result = await linkEditionNeeds(db, actorOf(account), row.edition.id, needIds);
    if (!result.ok) {
      const error = activityNeedsText(page.lang)('notLinkable');
      return c.html(
        <EditionPage
          page={page}
          labels={await labels()}
          data={await editionPageData(db, row.edition, row.programme)}
          needs={await needsSection(c, row.edition.id, error)}
        />,
        400,
      );
    }
    return c.redirect(`/${page.lang}/training/editions/${row.edition.id}?done=needsLinked#needs`, 303);
  });

  app.post(`${training}/editions/:id{[0-9]+}/needs/:needId{[0-9]+}/unlink`, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, isCoordinator);
    const row = await editionForCoordinator(db, account, idParam(c));
    if (!(await unlinkEditionNeed(db, actorOf(account), row.edition.id, idParam(c, 'needId'))))
      throw new NotFoundError('need link');
    return c.redirect(`/${page.lang}/training/editions/${row.edition.id}?done=needUnlinked#needs`, 303);
  });

  /**
   * A refused decision, status change or erasure redirects like any other POST (a reload never
   * sends it again); the edition page then says why, beside the candidate concerned.
   */
  const refusalShown = (c: Context, lang: Language, edition: Edition): EditionPageFailure | undefined => {
    const refused = c.req.query('refused') ?? '';
    const nominationId = positiveId(c.req.query('nomination'));
    if (refused === 'statusNotNext') return { form: 'status', message: editionsText(lang)('statusNotNext') };
    if (!nominationId) return undefined;
    const message =
      refused === 'capacityFull'
        ? editionsText(lang)('capacityFull', { capacity: edition.capacity ?? 0 })
        : refused === 'eraseConfirmRequired'
          ? trainingText(lang)('eraseConfirmRequired')
          : refused === 'eraseThroughParticipant' || (decisionRefusals as readonly string[]).includes(refused)
            ? editionsText(lang)(refused as 'notDeciding')
            : undefined;
    return message ? { form: 'decision', nominationId, message } : undefined;
  };

  /** Back to the edition page, saying why the action on a candidate was refused. */
  const refusedAt = (c: Context, editionId: number, refused: string, nominationId?: number) =>
    redirectAfterPost(
      c,
      `/${pageContext(c).lang}/training/editions/${editionId}?refused=${refused}${
        nominationId ? `&nomination=${nominationId}#nomination-${nominationId}` : ''
      }`,
    );

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
        needs={await needsSection(c, row.edition.id)}
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
    const to = formText(form, 'to');
    if (!(await advanceStatus(db, account, row.edition, to)))
      return refusedAt(c, row.edition.id, 'statusNotNext');
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
    if (!(await updateSession(db, account, row.edition.id, sessionId, parsed.data)))
      throw new NotFoundError('session');
    return afterPost(c, `/${page.lang}/training/editions/${row.edition.id}`, 'saved');
  });

  app.post(`${training}/editions/:id{[0-9]+}/sessions/:session{[0-9]+}/remove`, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, isCoordinator);
    const row = await editionForCoordinator(db, account, idParam(c));
    if (!(await removeSession(db, account, row.edition.id, idParam(c, 'session'))))
      throw new NotFoundError('session');
    return afterPost(c, `/${page.lang}/training/editions/${row.edition.id}`, 'sessionRemoved');
  });

  /** A nomination and its edition, for one of the edition's coordinators. */
  const nominationForCoordinator = async (c: Context) => {
    const account = requireAccount(c, isCoordinator);
    const nomination = found(await nominationById(db, idParam(c)), 'nomination');
    const row = await editionForCoordinator(db, account, nomination.editionId);
    return { account, nomination, row };
  };

  app.post(`${training}/nominations/:id{[0-9]+}/decision`, async (c) => {
    const page = pageContext(c);
    const { account, nomination, row } = await nominationForCoordinator(c);
    const form = await readForm(c);
    const decision = formText(form, 'decision') as Decision;
    const rankText = formText(form, 'rank');
    const refuse = (reason: DecisionRefusal) => refusedAt(c, row.edition.id, reason, nomination.id);
    if (!decisions.includes(decision)) return refuse('decisionRequired');
    if (rankText && !/^\d{1,3}$/.test(rankText)) return refuse('invalidRank');
    const rank = rankText ? Number(rankText) : decision === 'rank' ? null : undefined;
    if (rank === 0) return refuse('invalidRank');
    const outcome = await decideNomination(db, account, nomination.id, decision, rank);
    if (!outcome.ok) return refuse(outcome.reason);
    return afterPost(c, `/${page.lang}/training/editions/${row.edition.id}`, 'decided');
  });

  app.post(`${training}/nominations/:id{[0-9]+}/erase`, async (c) => {
    const page = pageContext(c);
    const { account, nomination, row } = await nominationForCoordinator(c);
    if (formText(await readForm(c), 'confirm') !== 'yes')
      return refusedAt(c, row.edition.id, 'eraseConfirmRequired', nomination.id);
    const outcome = await eraseNominationData(db, actorOf(account), nomination.id);
    if (outcome === 'participant')
      return refusedAt(c, row.edition.id, 'eraseThroughParticipant', nomination.id);
    return afterPost(c, `/${page.lang}/training/editions/${row.edition.id}`, 'erased');
  });

  return app;
}
