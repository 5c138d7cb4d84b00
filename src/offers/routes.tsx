import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { requireAccount, requirePermission } from '../accounts/guard.ts';
import { reportingParties } from '../accounts/policy.ts';
import type { Account } from '../accounts/service.ts';
import { type WorkspaceEntries, workspaceItemLimit } from '../accounts/workspace-entries.ts';
import { actorOf } from '../audit/record.ts';
import type { Db } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';
import { pageContext } from '../http/page-context.ts';
import { problemJson } from '../http/problem.ts';
import { fieldErrors, idParam, readForm, redirectAfterPost } from '../http/request.ts';
import { byName } from '../i18n/collate.ts';
import { isLanguage, type Language } from '../i18n/languages.ts';
import { textIn } from '../i18n/localized-text.ts';
import { counted } from '../i18n/plural.ts';
import { mayHaveNeeds } from '../needs/policy.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { offerRegionChoices } from './eligibility.ts';
import { offersCsv, offersTable, offersXlsx } from './export.ts';
import { offerFilters } from './filters.ts';
import { emptyOffer, type OfferValues, offerForm, offerValues } from './forms.ts';
import { type OffersKey, offersText } from './messages.ts';
import { managesOffer, publishesOffers } from './policy.ts';
import {
  agencyNames,
  coordinatedAgencyNames,
  createOffer,
  editionMatches,
  editionsOpenForNominations,
  listOffers,
  type Offer,
  type OfferFilters,
  offerById,
  offersManagedBy,
  updateOffer,
} from './service.ts';
import { editionTitle, MyOffersPage, OfferFormPage, OfferPage, OffersListPage, ownerName } from './views.tsx';

type Labels = () => Promise<ReferenceLabels>;
const lang = '/:lang{(?:en|fr|es)}';
const doneKeys = ['created', 'saved'] as const;

function readFilters(c: Context): OfferFilters | null {
  const parsed = offerFilters.safeParse({
    q: c.req.query('q')?.trim() || undefined,
    area: c.req.query('area') || undefined,
    kind: c.req.query('kind') || undefined,
    region: c.req.query('region') || undefined,
    status: c.req.query('status') || undefined,
  });
  return parsed.success ? parsed.data : null;
}

/**
 * Offers: the public list (with training editions open for nominations) and page, the JSON, CSV
 * and XLSX of GET /api/v1/offers, and the pages where reporters (for their Member) and
 * coordinators (for their agency) publish and change offers.
 */
/** Sections of the offers' pages another room provides (the matching's, see app.tsx). */
export type OfferSections = {
  forOffer: (viewer: { account: Account | null; lang: Language }, offer: Offer) => Promise<Child | null>;
  forDonor: (viewer: { account: Account | null; lang: Language }, donor: string) => Promise<Child | null>;
};

export function offersRoutes(db: Db, labels: Labels, sections?: OfferSections) {
  const app = new Hono();

  const listed = async (filters: OfferFilters, language: Language) => {
    const offers = await listOffers(db, filters);
    const editions = (await editionsOpenForNominations(db)).filter((edition) =>
      editionMatches(edition, filters, editionTitle(language, edition)),
    );
    const agencies = await agencyNames(
      db,
      offers.flatMap((offer) => (offer.agencyId ? [offer.agencyId] : [])),
    );
    return { offers, editions, agencies };
  };

  const regionOptions = (all: ReferenceLabels, language: Language) =>
    offerRegionChoices(all).map((region) => ({ value: region.code, label: region.names[language] }));

  app.get(`${lang}/offers`, async (c) => {
    const page = pageContext(c);
    const all = await labels();
    const filters = readFilters(c) ?? {};
    const { offers, editions, agencies } = await listed(filters, page.lang);
    return c.html(
      <OffersListPage
        page={page}
        labels={all}
        offers={offers}
        editions={editions}
        agencies={agencies}
        filters={filters}
        regions={regionOptions(all, page.lang)}
        mayPublish={publishesOffers(page.account)}
      />,
    );
  });

  app.get('/api/v1/offers', async (c) => {
    const filters = readFilters(c);
    if (!filters)
      return problemJson(c, 400, 'Unknown filter value.', [
        { field: 'area, kind, region or status', message: 'see /en/api/v1/docs' },
      ]);
    const language = c.req.query('lang') ?? 'en';
    if (!isLanguage(language))
      return problemJson(c, 400, 'Unknown language.', [{ field: 'lang', message: 'en, fr or es' }]);
    const { offers, editions, agencies } = await listed(filters, language);
    const format = c.req.query('format') ?? 'json';
    if (format === 'csv' || format === 'xlsx') {
      const all = await labels();
      const table = offersTable(offers, editions, language, all, agencies, new URL(c.req.url).origin);
      c.header('Content-Disposition', `attachment; filename="ipcoop-offers.${format}"`);
      if (format === 'csv')
        return c.body(offersCsv(table), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
      const workbook = await offersXlsx(table, offersText(language)('offersTitle'));
      return c.body(new Uint8Array(workbook), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
    }
    if (format !== 'json')
      return problemJson(c, 400, 'Unknown format.', [{ field: 'format', message: 'json, csv or xlsx' }]);
    return c.json({
      total: offers.length + editions.length,
      offers: offers.map((offer) => {
        const agency = offer.agencyId ? agencies.get(offer.agencyId) : undefined;
        return {
          id: offer.id,
          kind: 'offer' as const,
          donor: offer.donorPartyCode,
          agency: agency ? agency.code : null,
          title: offer.title,
          description: offer.description,
          language: offer.language,
          ipAreas: offer.ipAreas,
          kindsOfHelp: offer.kindsOfHelp,
          eligibleParties: offer.eligibleParties,
          eligibleRegions: offer.eligibleRegions,
          languages: offer.languages,
          capacity: offer.capacity,
          deadline: offer.deadline,
          status: offer.status,
          createdAt: offer.createdAt,
          isSample: offer.isSample,
        };
      }),
      trainingEditions: editions.map((edition) => ({
        editionId: edition.editionId,
        kind: 'training-edition' as const,
        programmeId: edition.programmeId,
        programme: edition.programmeName,
        year: edition.year,
        organizers: edition.organizers,
        ipAreas: edition.ipAreas,
        kindsOfHelp: edition.kindsOfHelp,
        languages: edition.languages,
        capacity: edition.capacity,
        nominationDeadline: edition.deadline,
        startDate: edition.startDate,
      })),
    });
  });

  /** The parties and agencies the account publishes for: the owner choices of the form. */
  const ownerChoices = async (account: Account, language: Language) => {
    const all = await labels();
    const parties = reportingParties(account).map((code) => ({
      value: `party:${code}`,
      label: all.partyName(code, language),
    }));
    const agencies = [...(await coordinatedAgencyNames(db, account)).values()].map((agency) => ({
      value: `agency:${agency.id}`,
      label: textIn(agency.name, language),
    }));
    return [...parties, ...agencies];
  };

  const formPage = async (
    c: Context,
    account: Account,
    offer: Offer | null,
    values: OfferValues,
    errors: Record<string, string> = {},
    status: 200 | 400 | 409 = 200,
  ) => {
    const page = pageContext(c);
    const all = await labels();
    const parties = [...all.parties.keys()]
      .filter((code) => mayHaveNeeds(all, code))
      .map((code) => ({ value: code, label: all.partyName(code, page.lang) }))
      .sort((a, b) => byName(page.lang)(a.label, b.label));
    return c.html(
      <OfferFormPage
        page={page}
        labels={all}
        offer={offer}
        owners={await ownerChoices(account, page.lang)}
        parties={parties}
        regions={regionOptions(all, page.lang)}
        values={values}
        errors={errors}
      />,
      status,
    );
  };

  /** Reads and checks the form: every problem at once, the owner and codes against what exists. */
  const checked = async (c: Context, account: Account) => {
    const values = offerValues(await readForm(c));
    const parsed = offerForm.safeParse(values);
    const errors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error);
    const all = await labels();
    const owners = new Set((await ownerChoices(account, 'en')).map((owner) => owner.value));
    if (!errors.owner && !owners.has(values.owner)) errors.owner = 'ownerRequired';
    const areas = new Set(all.termsOf('ip-area').map((term) => term.key));
    if (!errors.ipAreas && values.ipAreas.some((area) => !areas.has(area))) errors.ipAreas = 'choose';
    if (!errors.eligibleParties && values.eligibleParties.some((code) => !mayHaveNeeds(all, code)))
      errors.eligibleParties = 'choose';
    const regions = new Set(offerRegionChoices(all).map((region) => region.code));
    if (!errors.eligibleRegions && values.eligibleRegions.some((code) => !regions.has(code)))
      errors.eligibleRegions = 'choose';
    return { values, input: parsed.success && !Object.keys(errors).length ? parsed.data : null, errors };
  };

  app.get(`${lang}/offers/mine`, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, publishesOffers);
    const all = await labels();
    const offers = await offersManagedBy(db, account);
    const agencies = await agencyNames(
      db,
      offers.flatMap((offer) => (offer.agencyId ? [offer.agencyId] : [])),
    );
    const donor = reportingParties(account)[0];
    return c.html(
      <MyOffersPage
        page={page}
        labels={all}
        matchingNeeds={donor && sections ? await sections.forDonor(page, donor) : null}
        offers={offers}
        owner={(offer) => ownerName(offer, page.lang, all, agencies)}
      />,
    );
  });

  app.get(`${lang}/offers/new`, async (c) => {
    const account = requireAccount(c, publishesOffers);
    const page = pageContext(c);
    const owners = await ownerChoices(account, page.lang);
    return formPage(c, account, null, emptyOffer(page.lang, owners[0]?.value ?? ''));
  });

  app.post(`${lang}/offers/new`, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, publishesOffers);
    const { values, input, errors } = await checked(c, account);
    if (!input) return formPage(c, account, null, values, errors, 400);
    const id = await createOffer(db, actorOf(account), input);
    return redirectAfterPost(c, `/${page.lang}/offers/${id}`, 'created');
  });

  /** The offer of the path, for whoever manages it. */
  const managedOffer = async (c: Context) => {
    const account = requireAccount(c, publishesOffers);
    const offer = await offerById(db, idParam(c));
    if (!offer) throw new NotFoundError('offer');
    requirePermission(managesOffer(account, offer));
    return { account, offer };
  };

  const valuesOf = (offer: Offer): OfferValues => ({
    owner: offer.donorPartyCode ? `party:${offer.donorPartyCode}` : `agency:${offer.agencyId}`,
    title: offer.title,
    description: offer.description,
    language: offer.language,
    ipAreas: offer.ipAreas,
    kindsOfHelp: offer.kindsOfHelp,
    eligibleParties: offer.eligibleParties,
    eligibleRegions: offer.eligibleRegions,
    languages: offer.languages,
    capacity: offer.capacity ?? '',
    deadline: offer.deadline ?? '',
    status: offer.status,
  });

  app.get(`${lang}/offers/:id{[0-9]+}/edit`, async (c) => {
    const { account, offer } = await managedOffer(c);
    return formPage(c, account, offer, valuesOf(offer));
  });

  app.post(`${lang}/offers/:id{[0-9]+}/edit`, async (c) => {
    const page = pageContext(c);
    const { account, offer } = await managedOffer(c);
    const { values, input, errors } = await checked(c, account);
    if (!input) return formPage(c, account, offer, values, errors, 400);
    const version = Number((await readForm(c)).version);
    const result = await updateOffer(db, actorOf(account), offer.id, version, input);
    if (!result.ok) {
      const now = (await offerById(db, offer.id)) ?? offer;
      return formPage(c, account, now, valuesOf(now), { form: 'stale' }, 409);
    }
    return redirectAfterPost(c, `/${page.lang}/offers/${offer.id}`, 'saved');
  });

  app.get(`${lang}/offers/:id{[0-9]+}`, async (c) => {
    const page = pageContext(c);
    const offer = await offerById(db, idParam(c));
    if (!offer) throw new NotFoundError('offer');
    const all = await labels();
    const agencies = await agencyNames(db, offer.agencyId ? [offer.agencyId] : []);
    const done = c.req.query('done');
    const notice =
      done && (doneKeys as readonly string[]).includes(done)
        ? offersText(page.lang)(`done-${done}` as OffersKey)
        : undefined;
    return c.html(
      <OfferPage
        page={page}
        labels={all}
        offer={offer}
        owner={ownerName(offer, page.lang, all, agencies)}
        manages={managesOffer(page.account, offer)}
        notice={notice}
        matchingNeeds={sections ? await sections.forOffer(page, offer) : null}
      />,
    );
  });

  return app;
}

/** The offers card of a reporter's or coordinator's workspace: their open offers, and the links. */
export function offersWorkspaceEntries(db: Db): WorkspaceEntries {
  return async (account, language) => {
    if (!publishesOffers(account)) return { cards: [], links: [] };
    const text = offersText(language);
    const link = { href: `/${language}/offers/mine`, label: text('myOffers') };
    const open = (await offersManagedBy(db, account)).filter((offer) => offer.status === 'open');
    return {
      cards: [
        {
          title: text('myOffers'),
          count: open.length,
          countText: counted(text, language, 'offerCount', open.length),
          needsAction: false,
          items: open.slice(0, workspaceItemLimit).map((offer) => ({
            href: `/${language}/offers/${offer.id}`,
            label: offer.title,
          })),
          link,
        },
      ],
      links: [link, { href: `/${language}/offers/new`, label: text('newOffer') }],
    };
  };
}
