import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import { requireAccount, requirePermission, requireSignedIn } from '../accounts/guard.ts';
import {
  coordinatedAgencies,
  focalPointParties,
  isSecretariat,
  reportingParties,
} from '../accounts/policy.ts';
import type { Account } from '../accounts/service.ts';
import { type WorkspaceEntries, workspaceItemLimit } from '../accounts/workspace-entries.ts';
import { actorOf } from '../audit/record.ts';
import type { Db } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';
import { pageContext } from '../http/page-context.ts';
import { problemJson } from '../http/problem.ts';
import { fieldErrors, formText, idParam, positiveId, readForm, redirectAfterPost } from '../http/request.ts';
import { byName } from '../i18n/collate.ts';
import { isLanguage, type Language } from '../i18n/languages.ts';
import { textIn } from '../i18n/localized-text.ts';
import { counted } from '../i18n/plural.ts';
import { publishesOffers } from '../offers/policy.ts';
import { coordinatedAgencyNames } from '../offers/service.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { expandQuery } from '../reference/vocabulary.ts';
import { AssessmentFormPage } from './assessment-views.tsx';
import { coverageRoutes } from './coverage/routes.tsx';
import { needDeliveries } from './delivery/open-data.ts';
import { editDraftAssessment, editDraftNeed, removeDraftNeed } from './drafts.ts';
import { needsCsv, needsTable, needsXlsx } from './export.ts';
import { needFilters } from './filters.ts';
import {
  assessmentForm,
  assessmentValues,
  changeNoteForm,
  decisionForm,
  emptyNeed,
  type NeedValues,
  needForm,
  needValues,
  proposalEditForm,
  proposalForm,
  seenVersion,
  statusForm,
  withdrawalForm,
} from './forms.ts';
import { type NeedsKey, needsText } from './messages.ts';
import {
  managesAnyNeeds,
  managesNeedsOf,
  mayHaveNeeds,
  seesNeedContacts,
  sideOf,
  speaksForProposal,
} from './policy.ts';
import type { PageForms as ProposalForms } from './proposal-views.tsx';
import {
  decideProposal,
  editProposal,
  openOffersOf,
  pendingProposalsFor,
  proposalOf,
  proposalsOf,
  proposeHelp,
  withdrawProposal,
} from './proposals.ts';
import { NeedEditPage } from './revision-views.tsx';
import { reviseNeed } from './revisions.ts';
import {
  type Assessment,
  addNeed,
  assessmentById,
  assessmentsOf,
  changeNeedStatus,
  countPublishedNeeds,
  createAssessment,
  type Need,
  type NeedFilters,
  needStory,
  needsOfAssessment,
  partiesWithPublishedNeeds,
  publishAssessment,
  publishedNeeds,
} from './service.ts';
import { needsSpreadsheetRoutes } from './spreadsheet/routes.tsx';
import { takesProposals } from './status.ts';
import { kindsOfHelp, needStatuses } from './taxonomy.ts';
import { AssessmentPage, AssessmentsPage, NeedPage, NeedsListPage } from './views.tsx';

type Labels = () => Promise<ReferenceLabels>;
const lang = '/:lang{(?:en|fr|es)}';
const needsPageSize = 50;
const doneKeys = [
  'created',
  'need-added',
  'imported',
  'published',
  'status',
  'proposed',
  'decided',
  'revised',
  'proposal-edited',
  'proposal-withdrawn',
  'need-edited',
  'need-removed',
  'assessment-edited',
] as const;

/** Filters from the query string; a value that is not one of the known ones is ignored on pages. */
function readFilters(c: Context): NeedFilters | null {
  const parsed = needFilters.safeParse({
    party: c.req.query('party') || undefined,
    status: c.req.query('status') || undefined,
    kind: c.req.query('kind') || undefined,
    q: c.req.query('q')?.trim() || undefined,
  });
  return parsed.success ? parsed.data : null;
}

const doneNotice = (c: Context, language: Language) => {
  const done = c.req.query('done');
  return done && (doneKeys as readonly string[]).includes(done)
    ? needsText(language)(`done-${done}` as NeedsKey)
    : undefined;
};

/**
 * Needs assessments: the public list and pages of needs, the JSON API, and the pages where a
 * Member's focal point (or the Secretariat for it) records an assessment, publishes it and
 * follows each need's status.
 */
export function needsRoutes(
  db: Db,
  labels: Labels,
  /** A section of the need's page another room provides (the matching's suggestions, see app.tsx). */
  needSection?: (
    viewer: { account: Account | null; lang: Language },
    row: { need: Need; assessment: Assessment },
  ) => Promise<Child | null>,
) {
  const app = new Hono();
  app.route('/', coverageRoutes(db, labels));
  app.route('/', needsSpreadsheetRoutes(db, labels));

  /** Parties the account may record needs for, for the form's list. */
  const partyChoices = async (account: Account, language: Language) => {
    const all = await labels();
    const codes = isSecretariat(account)
      ? [...all.parties.keys()].filter((code) => mayHaveNeeds(all, code))
      : focalPointParties(account);
    return codes
      .map((code) => ({ value: code, label: all.partyName(code, language) }))
      .sort((a, b) => byName(language)(a.label, b.label));
  };

  app.get(`${lang}/needs`, async (c) => {
    const page = pageContext(c);
    const all = await labels();
    const filters = readFilters(c) ?? {};
    // Fifty a page; a page number that is not one is the first page.
    const current = Math.min(positiveId(c.req.query('page') ?? '') ?? 1, 10_000);
    const [rows, total] = await Promise.all([
      publishedNeeds(db, filters, needsPageSize, (current - 1) * needsPageSize),
      countPublishedNeeds(db, filters),
    ]);
    const parties = (await partiesWithPublishedNeeds(db))
      .map((code) => ({ value: code, label: all.partyName(code, page.lang) }))
      .sort((a, b) => byName(page.lang)(a.label, b.label));
    const alsoSearched = filters.q ? expandQuery(filters.q).alsoSearched : [];
    return c.html(
      <NeedsListPage
        page={page}
        labels={all}
        rows={rows}
        filters={filters}
        parties={parties}
        alsoSearched={alsoSearched}
        pages={{ current, total: Math.ceil(total / needsPageSize), count: total }}
      />,
    );
  });

  app.get('/api/v1/needs', async (c) => {
    const filters = readFilters(c);
    if (!filters)
      return problemJson(c, 400, 'Unknown filter value.', [
        {
          field: 'status or kind',
          message: `status: ${needStatuses.join(', ')}; kind: ${kindsOfHelp.join(', ')}`,
        },
      ]);
    const format = c.req.query('format') ?? 'json';
    if (format !== 'json' && format !== 'csv' && format !== 'xlsx')
      return problemJson(c, 400, 'Unknown format.', [{ field: 'format', message: 'json, csv or xlsx' }]);
    // Only the spreadsheets carry labels in a language (null: JSON, undefined: an unknown one).
    const lang = c.req.query('lang') ?? 'en';
    const sheetLanguage = format === 'json' ? null : isLanguage(lang) ? lang : undefined;
    if (sheetLanguage === undefined)
      return problemJson(c, 400, 'Unknown language.', [{ field: 'lang', message: 'en, fr or es' }]);
    const rows = await publishedNeeds(db, filters);
    const deliveries = await needDeliveries(
      db,
      rows.map(({ need }) => need.id),
    );
    if (sheetLanguage) {
      const table = needsTable(rows, sheetLanguage, await labels(), new URL(c.req.url).origin, deliveries);
      c.header('Content-Disposition', `attachment; filename="ipcoop-needs.${format}"`);
      if (format === 'csv')
        return c.body(needsCsv(table), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
      const workbook = await needsXlsx(table, needsText(sheetLanguage)('needsTitle'));
      return c.body(new Uint8Array(workbook), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
    }
    return c.json({
      total: rows.length,
      needs: rows.map(({ need, assessment, revisionCount, revisedAt }) => ({
        id: need.id,
        party: assessment.partyCode,
        title: need.title,
        description: need.description,
        ipAreas: need.ipAreas,
        kindsOfHelp: need.kindsOfHelp,
        institution: need.institution,
        priority: need.priority,
        wishedStart: need.wishedStart,
        wishedEnd: need.wishedEnd,
        status: need.status,
        revisionCount,
        revisedAt: revisedAt ? new Date(revisedAt).toISOString() : null,
        assessment: {
          id: assessment.id,
          symbol: assessment.symbol,
          documentDate: assessment.documentDate,
          source: assessment.source,
          language: assessment.language,
          publishedAt: assessment.publishedAt,
        },
        addressedBy: deliveries.get(need.id) ?? { activities: [], trainingEditions: [] },
        isSample: assessment.isSample,
      })),
    });
  });

  /** The parties and agencies the account speaks for as a donor: the owner choices of a proposal. */
  const donorChoices = async (account: Account, language: Language) => {
    const all = await labels();
    const agencies = [...(await coordinatedAgencyNames(db, account)).values()];
    return [
      ...reportingParties(account).map((code) => ({
        value: `party:${code}`,
        label: all.partyName(code, language),
      })),
      ...agencies.map((agency) => ({ value: `agency:${agency.id}`, label: textIn(agency.name, language) })),
    ];
  };

  type PageForms = ProposalForms & {
    status?: { values: { status: string; note: string }; errors: Record<string, string> };
  };

  const needPage = async (c: Context, status = 200 as 200 | 400 | 409, forms: PageForms = {}) => {
    const page = pageContext(c);
    const story = await needStory(db, idParam(c));
    if (!story) throw new NotFoundError('need');
    const all = await labels();
    const suggestions = needSection ? await needSection(page, story) : null;
    const account = page.account;
    const proposing =
      account && publishesOffers(account) && (takesProposals(story.need.status) || forms.proposal)
        ? {
            owners: await donorChoices(account, page.lang),
            offers: (await openOffersOf(db, reportingParties(account), coordinatedAgencies(account))).map(
              (offer) => ({
                value: String(offer.id),
                label: offer.title,
              }),
            ),
          }
        : null;
    const proposals = await proposalsOf(db, story.need.id);
    return c.html(
      <NeedPage
        page={page}
        labels={all}
        story={story}
        suggestions={suggestions}
        proposals={proposals}
        proposing={proposing}
        speaksFor={proposals
          .filter((row) => speaksForProposal(account, row.proposal))
          .map((row) => row.proposal.id)}
        forms={forms}
        seesContact={seesNeedContacts(page.account)}
        manages={managesNeedsOf(page.account, story.assessment.partyCode)}
        notice={doneNotice(c, page.lang)}
        {...(forms.status ?? {})}
      />,
      status,
    );
  };

  app.get(`${lang}/needs/:id{[0-9]+}`, (c) => needPage(c));

  app.post(`${lang}/needs/:id{[0-9]+}/status`, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, managesAnyNeeds);
    const story = await needStory(db, idParam(c));
    if (!story) throw new NotFoundError('need');
    requirePermission(managesNeedsOf(account, story.assessment.partyCode));
    const form = await readForm(c);
    const values = { status: formText(form, 'status'), note: formText(form, 'note') };
    const parsed = statusForm.safeParse(values);
    if (!parsed.success) return needPage(c, 400, { status: { values, errors: fieldErrors(parsed.error) } });
    const seen = z.enum(needStatuses).safeParse(formText(form, 'seen'));
    const result = await changeNeedStatus(
      db,
      actorOf(account),
      story.need.id,
      seen.success ? seen.data : story.need.status,
      parsed.data.status,
      parsed.data.note,
    );
    if (!result.ok) {
      return needPage(c, 409, { status: { values, errors: { status: 'statusNotAllowed' } } });
    }
    return redirectAfterPost(c, `/${page.lang}/needs/${story.need.id}`, 'status');
  });

  app.post(`${lang}/needs/:id{[0-9]+}/proposals`, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, publishesOffers);
    const story = await needStory(db, idParam(c));
    if (!story) throw new NotFoundError('need');
    const form = await readForm(c);
    const values = {
      owner: formText(form, 'owner'),
      text: formText(form, 'text'),
      offer: formText(form, 'offer'),
    };
    const parsed = proposalForm.safeParse(values);
    const errors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error);
    const owners = new Set((await donorChoices(account, page.lang)).map((owner) => owner.value));
    if (!errors.owner && !owners.has(values.owner)) errors.owner = 'proposeOwnerRequired';
    if (!parsed.success || Object.keys(errors).length)
      return needPage(c, 400, { proposal: { values, errors } });
    const owner = parsed.data.owner;
    const result = await proposeHelp(db, actorOf(account), story.need.id, {
      donorPartyCode: owner.startsWith('party:') ? owner.slice(6) : null,
      agencyId: owner.startsWith('agency:') ? Number(owner.slice(7)) : null,
      text: parsed.data.text,
      language: page.lang,
      offerId: parsed.data.offer,
    });
    if (!result.ok) {
      const key = result.reason === 'offer' ? 'offer' : 'text';
      const message = result.reason === 'offer' ? 'proposalOfferInvalid' : 'proposalClosed';
      return needPage(c, result.reason === 'offer' ? 400 : 409, {
        proposal: { values, errors: { [key]: message } },
      });
    }
    return redirectAfterPost(c, `/${page.lang}/needs/${story.need.id}`, 'proposed');
  });

  app.post(`${lang}/needs/:id{[0-9]+}/proposals/:proposal{[0-9]+}`, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, managesAnyNeeds);
    const story = await needStory(db, idParam(c));
    if (!story) throw new NotFoundError('need');
    requirePermission(managesNeedsOf(account, story.assessment.partyCode));
    const proposalId = idParam(c, 'proposal');
    const form = await readForm(c);
    const parsed = decisionForm.safeParse({
      decision: formText(form, 'decision'),
      note: formText(form, 'note'),
    });
    if (!parsed.success)
      return needPage(c, 400, { decision: { proposal: proposalId, errors: fieldErrors(parsed.error) } });
    const result = await decideProposal(
      db,
      actorOf(account),
      story.need.id,
      proposalId,
      parsed.data.decision,
      parsed.data.note,
    );
    if (!result.ok) {
      if (result.reason === 'not-found') throw new NotFoundError('proposal');
      return needPage(c, 409, { decision: { proposal: proposalId, errors: { decision: 'proposalStale' } } });
    }
    return redirectAfterPost(c, `/${page.lang}/needs/${story.need.id}`, 'decided');
  });

  /** The need of the path (of a draft assessment too), for whoever records its Member's needs. */
  const managedNeed = async (c: Context) => {
    const account = requireAccount(c, managesAnyNeeds);
    const story = await needStory(db, idParam(c), { includeDrafts: true });
    if (!story) throw new NotFoundError('need');
    requirePermission(managesNeedsOf(account, story.assessment.partyCode));
    return { account, story };
  };

  /** A need's fields as its edit form shows them: the text in the assessment's language. */
  const valuesOfNeed = (need: Need, assessment: Assessment): NeedValues & { note: string } => {
    const language = assessment.language as Language;
    return {
      title: need.title[language] ?? textIn(need.title, language),
      description: need.description[language] ?? '',
      ipAreas: need.ipAreas,
      kindsOfHelp: need.kindsOfHelp,
      institution: need.institution ?? '',
      priority: need.priority,
      wishedStart: need.wishedStart ?? '',
      wishedEnd: need.wishedEnd ?? '',
      note: '',
    };
  };

  const editPage = async (
    c: Context,
    story: { need: Need; assessment: Assessment },
    values: NeedValues & { note: string },
    errors: Record<string, string> = {},
    status: 200 | 400 | 409 = 200,
  ) =>
    c.html(
      <NeedEditPage
        page={pageContext(c)}
        labels={await labels()}
        need={story.need}
        assessment={story.assessment}
        values={values}
        errors={errors}
      />,
      status,
    );

  app.get(`${lang}/needs/:id{[0-9]+}/edit`, async (c) => {
    const { story } = await managedNeed(c);
    return editPage(c, story, valuesOfNeed(story.need, story.assessment));
  });

  app.post(`${lang}/needs/:id{[0-9]+}/edit`, async (c) => {
    const page = pageContext(c);
    const { account, story } = await managedNeed(c);
    const form = await readForm(c);
    const values = { ...needValues(form), note: formText(form, 'note') };
    const parsed = needForm.safeParse(values);
    // A draft's need has no public history: no explanation asked.
    const draft = story.assessment.status === 'draft';
    const note = draft ? null : changeNoteForm.safeParse(values);
    // Every problem at once: the explanation is checked with the need's fields.
    const errors: Record<string, string> = {
      ...(parsed.success ? {} : fieldErrors(parsed.error)),
      ...(note && !note.success ? fieldErrors(note.error) : {}),
    };
    const knownAreas = new Set((await labels()).termsOf('ip-area').map((term) => term.key));
    if (!errors.ipAreas && values.ipAreas.some((area) => !knownAreas.has(area))) errors.ipAreas = 'choose';
    if (!parsed.success || (note && !note.success) || Object.keys(errors).length)
      return editPage(c, story, values, errors, 400);
    if (!note) {
      const done = await editDraftNeed(db, actorOf(account), story.need.id, seenVersion(form), parsed.data);
      if (!done.ok) {
        if (done.reason === 'not-found') throw new NotFoundError('need');
        if (done.reason === 'unchanged') return editPage(c, story, values, { form: 'needUnchanged' }, 400);
        // Changed or published meanwhile: the need as it is now, with the reason.
        const now = await needStory(db, story.need.id, { includeDrafts: true });
        if (!now) throw new NotFoundError('need');
        const key = done.reason === 'published' ? 'draftPublishedMeanwhile' : 'needStale';
        return editPage(c, now, valuesOfNeed(now.need, now.assessment), { form: key }, 409);
      }
      return redirectAfterPost(
        c,
        `/${page.lang}/needs/assessments/${story.assessment.id}?done=need-edited#need-${story.need.id}`,
      );
    }
    const result = await reviseNeed(
      db,
      actorOf(account),
      story.need.id,
      seenVersion(form),
      parsed.data,
      note.data.note,
      sideOf(account, story.assessment.partyCode),
    );
    if (!result.ok) {
      if (result.reason === 'not-found') throw new NotFoundError('need');
      if (result.reason === 'unchanged') return editPage(c, story, values, { form: 'needUnchanged' }, 400);
      // Stale or closed meanwhile: the need as it is now, with the reason.
      const now = (await needStory(db, story.need.id)) ?? story;
      const key = result.reason === 'closed' ? 'needClosed' : 'needStale';
      return editPage(c, now, valuesOfNeed(now.need, now.assessment), { form: key }, 409);
    }
    return redirectAfterPost(c, `/${page.lang}/needs/${story.need.id}`, 'revised');
  });

  // Removing a need: only from a draft assessment (a published need is marked withdrawn instead).
  app.post(`${lang}/needs/:id{[0-9]+}/remove`, async (c) => {
    const page = pageContext(c);
    const { account, story } = await managedNeed(c);
    const form = await readForm(c);
    const result = await removeDraftNeed(db, actorOf(account), story.need.id, seenVersion(form));
    if (!result.ok) {
      if (result.reason === 'not-found') throw new NotFoundError('need');
      const assessment = (await assessmentById(db, story.assessment.id)) ?? story.assessment;
      const error = result.reason === 'published' ? 'needPublishedNotRemovable' : 'needStale';
      return assessmentPage(c, assessment, emptyNeed, {}, 409, { needId: story.need.id, error });
    }
    return redirectAfterPost(c, `/${page.lang}/needs/assessments/${story.assessment.id}`, 'need-removed');
  });

  /** The proposal of the path on a published need, for its proposing side only. */
  const ownProposal = async (c: Context) => {
    const { account } = requireSignedIn(c);
    const story = await needStory(db, idParam(c));
    if (!story) throw new NotFoundError('need');
    const proposal = await proposalOf(db, story.need.id, idParam(c, 'proposal'));
    if (!proposal) throw new NotFoundError('proposal');
    requirePermission(speaksForProposal(account, proposal));
    return { account, story, proposal };
  };

  app.post(`${lang}/needs/:id{[0-9]+}/proposals/:proposal{[0-9]+}/edit`, async (c) => {
    const page = pageContext(c);
    const { account, story, proposal } = await ownProposal(c);
    const form = await readForm(c);
    const values = { text: formText(form, 'text') };
    const parsed = proposalEditForm.safeParse(values);
    if (!parsed.success)
      return needPage(c, 400, { edit: { proposal: proposal.id, values, errors: fieldErrors(parsed.error) } });
    const result = await editProposal(
      db,
      actorOf(account),
      story.need.id,
      proposal.id,
      seenVersion(form),
      parsed.data.text,
    );
    if (!result.ok) {
      if (result.reason === 'not-found') throw new NotFoundError('proposal');
      return needPage(c, 409, {
        edit: { proposal: proposal.id, values, errors: { form: 'proposalChanged' } },
      });
    }
    return redirectAfterPost(c, `/${page.lang}/needs/${story.need.id}`, 'proposal-edited');
  });

  app.post(`${lang}/needs/:id{[0-9]+}/proposals/:proposal{[0-9]+}/withdraw`, async (c) => {
    const page = pageContext(c);
    const { account, story, proposal } = await ownProposal(c);
    const form = await readForm(c);
    const values = { note: formText(form, 'note') };
    const parsed = withdrawalForm.safeParse(values);
    if (!parsed.success)
      return needPage(c, 400, {
        withdraw: { proposal: proposal.id, values, errors: fieldErrors(parsed.error) },
      });
    const result = await withdrawProposal(
      db,
      actorOf(account),
      story.need.id,
      proposal.id,
      seenVersion(form),
      parsed.data.note,
    );
    if (!result.ok) {
      if (result.reason === 'not-found') throw new NotFoundError('proposal');
      return needPage(c, 409, {
        withdraw: { proposal: proposal.id, values, errors: { form: 'proposalChanged' } },
      });
    }
    return redirectAfterPost(c, `/${page.lang}/needs/${story.need.id}`, 'proposal-withdrawn');
  });

  app.get(`${lang}/needs/assessments`, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, managesAnyNeeds);
    const rows = await assessmentsOf(db, isSecretariat(account) ? 'all' : focalPointParties(account));
    return c.html(
      <AssessmentsPage page={page} labels={await labels()} rows={rows} notice={doneNotice(c, page.lang)} />,
    );
  });

  const assessmentForm_ = async (
    c: Context,
    account: Account,
    values: ReturnType<typeof assessmentValues>,
    errors = {},
    status: 200 | 400 = 200,
  ) => {
    const page = pageContext(c);
    const all = await labels();
    return c.html(
      <AssessmentFormPage
        page={page}
        parties={await partyChoices(account, page.lang)}
        languageName={(code) => all.languageName(code, page.lang)}
        values={values}
        errors={errors}
      />,
      status,
    );
  };

  app.get(`${lang}/needs/assessments/new`, async (c) => {
    const account = requireAccount(c, managesAnyNeeds);
    const values = assessmentValues({});
    values.party = focalPointParties(account)[0] ?? '';
    values.language = pageContext(c).lang;
    return assessmentForm_(c, account, values);
  });

  app.post(`${lang}/needs/assessments/new`, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, managesAnyNeeds);
    const values = assessmentValues(await readForm(c));
    const parsed = assessmentForm.safeParse(values);
    // Every problem at once: the party is checked with the other fields, not after them.
    const errors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error);
    if (!errors.party && !managesNeedsOf(account, values.party)) errors.party = 'partyRequired';
    else if (!errors.party && !mayHaveNeeds(await labels(), values.party)) errors.party = 'partyNotEligible';
    if (!parsed.success || Object.keys(errors).length)
      return assessmentForm_(c, account, values, errors, 400);
    const id = await createAssessment(db, actorOf(account), parsed.data);
    return redirectAfterPost(c, `/${page.lang}/needs/assessments/${id}`, 'created');
  });

  /** The assessment of the path, for whoever manages its party's needs. */
  const managedAssessment = async (c: Context) => {
    const account = requireAccount(c, managesAnyNeeds);
    const assessment = await assessmentById(db, idParam(c));
    if (!assessment) throw new NotFoundError('assessment');
    requirePermission(managesNeedsOf(account, assessment.partyCode));
    return { account, assessment };
  };

  const assessmentPage = async (
    c: Context,
    assessment: NonNullable<Awaited<ReturnType<typeof assessmentById>>>,
    values = emptyNeed,
    errors = {},
    status: 200 | 400 | 409 = 200,
    removal?: { needId: number; error: string },
  ) => {
    const page = pageContext(c);
    return c.html(
      <AssessmentPage
        page={page}
        labels={await labels()}
        assessment={assessment}
        needs={await needsOfAssessment(db, assessment.id)}
        values={values}
        errors={errors}
        notice={doneNotice(c, page.lang)}
        removal={removal}
      />,
      status,
    );
  };

  app.get(`${lang}/needs/assessments/:id{[0-9]+}`, async (c) => {
    const { assessment } = await managedAssessment(c);
    return assessmentPage(c, assessment);
  });

  app.post(`${lang}/needs/assessments/:id{[0-9]+}/needs`, async (c) => {
    const page = pageContext(c);
    const { account, assessment } = await managedAssessment(c);
    const values = needValues(await readForm(c));
    const parsed = needForm.safeParse(values);
    const knownAreas = new Set((await labels()).termsOf('ip-area').map((term) => term.key));
    if (!parsed.success) return assessmentPage(c, assessment, values, fieldErrors(parsed.error), 400);
    if (parsed.data.ipAreas.some((area) => !knownAreas.has(area))) {
      return assessmentPage(c, assessment, values, { ipAreas: 'choose' }, 400);
    }
    await addNeed(db, actorOf(account), assessment, parsed.data);
    return redirectAfterPost(c, `/${page.lang}/needs/assessments/${assessment.id}`, 'need-added');
  });

  /** The draft assessment's own fields, as its edit form shows them. */
  const draftValues = (assessment: Assessment) =>
    assessmentValues({
      party: assessment.partyCode,
      symbol: assessment.symbol ?? '',
      documentDate: assessment.documentDate ?? '',
      source: assessment.source,
      language: assessment.language,
      contactName: assessment.contactName ?? '',
      contactEmail: assessment.contactEmail ?? '',
    });

  const assessmentEditPage = async (
    c: Context,
    assessment: Assessment,
    values: ReturnType<typeof assessmentValues>,
    errors: Record<string, string> = {},
    status: 200 | 400 | 409 = 200,
  ) => {
    const page = pageContext(c);
    const all = await labels();
    return c.html(
      <AssessmentFormPage
        page={page}
        parties={[]}
        languageName={(code) => all.languageName(code, page.lang)}
        values={values}
        errors={errors}
        editing={{
          id: assessment.id,
          version: assessment.version,
          partyName: all.partyName(assessment.partyCode, page.lang),
          published: assessment.status !== 'draft',
        }}
      />,
      status,
    );
  };

  // A draft assessment's own fields (symbol, date, source, language, contact), while it is a draft.
  app.get(`${lang}/needs/assessments/:id{[0-9]+}/edit`, async (c) => {
    const { assessment } = await managedAssessment(c);
    if (assessment.status !== 'draft')
      return assessmentEditPage(c, assessment, draftValues(assessment), {}, 409);
    return assessmentEditPage(c, assessment, draftValues(assessment));
  });

  app.post(`${lang}/needs/assessments/:id{[0-9]+}/edit`, async (c) => {
    const page = pageContext(c);
    const { account, assessment } = await managedAssessment(c);
    const form = await readForm(c);
    // The Member stays: the form does not send it, the assessment's own is checked with the rest.
    const values = { ...assessmentValues(form), party: assessment.partyCode };
    const parsed = assessmentForm.safeParse(values);
    if (!parsed.success) return assessmentEditPage(c, assessment, values, fieldErrors(parsed.error), 400);
    const { party: _party, ...input } = parsed.data;
    const result = await editDraftAssessment(db, actorOf(account), assessment.id, seenVersion(form), input);
    if (!result.ok) {
      if (result.reason === 'not-found') throw new NotFoundError('assessment');
      if (result.reason === 'unchanged')
        return assessmentEditPage(c, assessment, values, { form: 'assessmentUnchanged' }, 400);
      const now = (await assessmentById(db, assessment.id)) ?? assessment;
      const errors: Record<string, string> = result.reason === 'published' ? {} : { form: 'assessmentStale' };
      return assessmentEditPage(c, now, draftValues(now), errors, 409);
    }
    return redirectAfterPost(c, `/${page.lang}/needs/assessments/${assessment.id}`, 'assessment-edited');
  });

  app.post(`${lang}/needs/assessments/:id{[0-9]+}/publish`, async (c) => {
    const page = pageContext(c);
    const { account, assessment } = await managedAssessment(c);
    const result = await publishAssessment(db, actorOf(account), assessment.id);
    if (!result.ok && result.reason === 'no-needs') {
      return assessmentPage(c, assessment, emptyNeed, {}, 400);
    }
    return redirectAfterPost(
      c,
      `/${page.lang}/needs/assessments/${assessment.id}`,
      result.ok ? 'published' : undefined,
    );
  });

  return app;
}

/**
 * The needs card of a focal point's or the Secretariat's workspace: assessments still in draft
 * (they wait on this person to publish them), and the link to every assessment.
 */
export function needsWorkspaceEntries(db: Db, labels: Labels): WorkspaceEntries {
  return async (account, language) => {
    if (!managesAnyNeeds(account)) return { cards: [], links: [] };
    const text = needsText(language);
    const link = { href: `/${language}/needs/assessments`, label: text('myAssessments') };
    const rows = await assessmentsOf(db, isSecretariat(account) ? 'all' : focalPointParties(account));
    const drafts = rows.filter((row) => row.assessment.status === 'draft');
    const all = await labels();
    const pending = await pendingProposalsFor(
      db,
      isSecretariat(account) ? 'all' : focalPointParties(account),
    );
    return {
      cards: [
        {
          title: text('workspaceProposalsTitle'),
          count: pending.length,
          countText: counted(text, language, 'workspaceProposals', pending.length),
          needsAction: pending.length > 0,
          items: pending.slice(0, workspaceItemLimit).map((row) => ({
            href: `/${language}/needs/${row.needId}#proposal-${row.proposalId}`,
            label: textIn(row.title, language, row.language),
          })),
          link: { href: `/${language}/needs?status=offered`, label: text('needsTitle') },
        },
        {
          title: text('workspaceDraftsTitle'),
          count: drafts.length,
          countText: counted(text, language, 'workspaceDrafts', drafts.length),
          needsAction: drafts.length > 0,
          items: drafts.slice(0, workspaceItemLimit).map(({ assessment, needCount }) => ({
            href: `/${language}/needs/assessments/${assessment.id}`,
            label: text('assessmentOf', { party: all.partyName(assessment.partyCode, language) }),
            detail: counted(text, language, 'needCount', needCount),
          })),
          link,
        },
      ],
      links: [link],
    };
  };
}
