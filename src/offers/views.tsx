import type { Child } from 'hono/jsx';
import {
  CheckboxList,
  DateField,
  ErrorSummary,
  FieldError,
  invalidProps,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../http/form-fields.tsx';
import { CsrfField, Layout, type PageContext } from '../http/layout.tsx';
import type { FieldErrors } from '../http/request.ts';
import { formatDate } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';
import { textIn } from '../i18n/localized-text.ts';
import { counted } from '../i18n/plural.ts';
import { type NeedsKey, needsText } from '../needs/messages.ts';
import { kindsOfHelp } from '../needs/taxonomy.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { deliveryLanguages, type OfferValues } from './forms.ts';
import { type OffersKey, offersText } from './messages.ts';
import { offerStatuses } from './schema.ts';
import type { AgencyName, EditionOffer, Offer, OfferFilters } from './service.ts';

type Option = { value: string; label: string };

/** A word of offers, or of needs for what both say alike (kinds of help, generic form errors). */
export const wordOf = (lang: Language) => {
  const own = new Set([
    ...Object.keys(offersText.catalogues.en),
    ...Object.keys(offersText.catalogues.shared ?? {}),
  ]);
  return (key: string, params?: Record<string, string | number>) =>
    own.has(key) ? offersText(lang)(key as OffersKey, params) : needsText(lang)(key as NeedsKey, params);
};

export const kindLabel = (lang: Language, kind: string) => needsText(lang)(`kind-${kind}` as NeedsKey);

/** Who offers it: the donor Member, or the agency by its acronym and name. */
export function ownerName(
  offer: Pick<Offer, 'donorPartyCode' | 'agencyId'>,
  lang: Language,
  labels: ReferenceLabels,
  agencies: Map<number, AgencyName>,
): string {
  if (offer.donorPartyCode) return labels.partyName(offer.donorPartyCode, lang);
  const agency = offer.agencyId ? agencies.get(offer.agencyId) : undefined;
  if (!agency) return '—';
  const name = textIn(agency.name, lang);
  return agency.acronym && agency.acronym !== name ? `${name} (${agency.acronym})` : name;
}

const StatusTag = (props: { lang: Language; status: string }) => (
  <span class={`tag tag-${props.status === 'open' ? 'success' : 'warning'}`}>
    {wordOf(props.lang)(`status-${props.status}`)}
  </span>
);

function eligibilityText(offer: Offer, lang: Language, labels: ReferenceLabels): string {
  const names = [
    ...offer.eligibleRegions.map((code) => labels.regionName(code, lang)),
    ...offer.eligibleParties.map((code) => labels.partyName(code, lang)),
  ];
  return names.length ? names.join(', ') : wordOf(lang)('everyMember');
}

/** The facts of an offer as a list of terms. */
function OfferFacts(props: { lang: Language; labels: ReferenceLabels; offer: Offer; owner: string }) {
  const { lang, labels, offer } = props;
  const word = wordOf(lang);
  return (
    <dl class="fields">
      <dt>{word('offeredBy')}</dt>
      <dd>{props.owner}</dd>
      <dt>{word('kindsOfHelp')}</dt>
      <dd>{offer.kindsOfHelp.map((kind) => kindLabel(lang, kind)).join(', ')}</dd>
      {offer.ipAreas.length ? (
        <>
          <dt>{word('ipAreas')}</dt>
          <dd>{offer.ipAreas.map((area) => labels.term('ip-area', area, lang)).join(', ')}</dd>
        </>
      ) : null}
      <dt>{word('eligibility')}</dt>
      <dd>{eligibilityText(offer, lang, labels)}</dd>
      <dt>{word('languages')}</dt>
      <dd>{offer.languages.map((code) => labels.languageName(code, lang)).join(', ')}</dd>
      {offer.capacity ? (
        <>
          <dt>{word('capacity')}</dt>
          <dd>{offer.capacity}</dd>
        </>
      ) : null}
      {offer.deadline ? (
        <>
          <dt>{word('deadline')}</dt>
          <dd>{formatDate(lang, offer.deadline)}</dd>
        </>
      ) : null}
    </dl>
  );
}

export const editionTitle = (lang: Language, edition: EditionOffer) =>
  `${textIn(edition.programmeName, lang)} (${edition.year})`;

export function OffersListPage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  offers: Offer[];
  editions: EditionOffer[];
  agencies: Map<number, AgencyName>;
  filters: OfferFilters;
  regions: Option[];
  mayPublish: boolean;
}) {
  const { page, labels, filters } = props;
  const { lang } = page;
  const word = wordOf(lang);
  const apiQuery = new URLSearchParams(
    Object.entries(filters).flatMap(([key, value]) => (value ? [[key, String(value)]] : [])),
  ).toString();
  const total = props.offers.length + props.editions.length;
  return (
    <Layout page={page} title={word('offersTitle')}>
      <h1>{word('offersTitle')}</h1>
      <p>{word('offersIntro')}</p>
      <p>
        <a href={`/${lang}/needs`}>{needsText(lang)('needsTitle')}</a>
      </p>
      {props.mayPublish ? (
        <p>
          <a href={`/${lang}/offers/mine`}>{word('myOffers')}</a> ·{' '}
          <a href={`/${lang}/offers/new`}>{word('newOffer')}</a>
        </p>
      ) : null}
      <form method="get" action={`/${lang}/offers`} class="filters">
        <TextField name="q" label={word('words')} value={filters.q ?? ''} maxLength={200} />
        <SelectField
          name="area"
          label={word('filterArea')}
          options={labels.termsOf('ip-area').map((term) => ({ value: term.key, label: term.names[lang] }))}
          value={filters.area ?? ''}
          emptyLabel={word('anyValue')}
        />
        <SelectField
          name="kind"
          label={word('filterKind')}
          options={kindsOfHelp.map((kind) => ({ value: kind, label: kindLabel(lang, kind) }))}
          value={filters.kind ?? ''}
          emptyLabel={word('anyValue')}
        />
        <SelectField
          name="region"
          label={word('filterRegion')}
          options={props.regions}
          value={filters.region ?? ''}
          emptyLabel={word('anyValue')}
        />
        <SelectField
          name="status"
          label={word('filterStatus')}
          options={offerStatuses.map((status) => ({ value: status, label: word(`status-${status}`) }))}
          value={filters.status ?? ''}
          emptyLabel={word('anyValue')}
        />
        <div class="actions">
          <button type="submit">{word('applyFilters')}</button>
        </div>
      </form>
      <p>
        {counted(offersText(lang), lang, 'offerCount', total)} ·{' '}
        <a href={`/api/v1/offers${apiQuery ? `?${apiQuery}` : ''}`}>{word('apiOffers')}</a> ·{' '}
        <a href={`/api/v1/offers?${apiQuery ? `${apiQuery}&` : ''}format=csv&lang=${lang}`}>CSV</a> ·{' '}
        <a href={`/api/v1/offers?${apiQuery ? `${apiQuery}&` : ''}format=xlsx&lang=${lang}`}>XLSX</a> ·{' '}
        <a
          href={`/${lang}/needs/feed.atom${filters.area || filters.region ? `?${new URLSearchParams(Object.entries({ area: filters.area, region: filters.region }).filter((e): e is [string, string] => !!e[1])).toString()}` : ''}`}
          type="application/atom+xml"
        >
          Atom
        </a>
      </p>
      {total === 0 ? <p>{word('noOffers')}</p> : null}
      <ul class="offer-list">
        {props.editions.map((edition) => (
          <li>
            <h2 class="h3">
              <a href={`/${lang}/programmes/${edition.programmeId}`}>{editionTitle(lang, edition)}</a>
            </h2>
            <p>
              {word('editionOpenOffer')} · {edition.organizers.join(', ')}
              {edition.deadline
                ? ` · ${word('nominationDeadline', { date: formatDate(lang, edition.deadline) ?? '' })}`
                : ''}
            </p>
          </li>
        ))}
        {props.offers.map((offer) => (
          <li>
            <h2 class="h3">
              <a href={`/${lang}/offers/${offer.id}`} lang={offer.language}>
                {offer.title}
              </a>
            </h2>
            <p>
              {ownerName(offer, lang, labels, props.agencies)} ·{' '}
              <StatusTag lang={lang} status={offer.status} /> ·{' '}
              {offer.kindsOfHelp.map((kind) => kindLabel(lang, kind)).join(', ')}
              {offer.isSample ? (
                <>
                  {' '}
                  <span class="sample-badge">{word('sampleNotice')}</span>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function OfferPage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  offer: Offer;
  owner: string;
  manages: boolean;
  notice?: string | undefined;
  /** Another room's section: the needs it could serve (the matching's), or null. */
  matchingNeeds: Child | null;
}) {
  const { page, labels, offer } = props;
  const { lang } = page;
  const word = wordOf(lang);
  return (
    <Layout page={page} title={offer.title}>
      <p>
        <a href={`/${lang}/offers`}>{word('offersTitle')}</a>
      </p>
      <Notice message={props.notice} />
      <h1 lang={offer.language}>{offer.title}</h1>
      {offer.isSample ? <p class="sample-badge">{word('sampleNotice')}</p> : null}
      <p>
        <StatusTag lang={lang} status={offer.status} />
      </p>
      {offer.description ? <p lang={offer.language}>{offer.description}</p> : null}
      <OfferFacts lang={lang} labels={labels} offer={offer} owner={props.owner} />
      {props.manages ? (
        <p>
          <a href={`/${lang}/offers/${offer.id}/edit`}>{word('editOffer')}</a>
        </p>
      ) : null}
      {props.matchingNeeds ?? null}
    </Layout>
  );
}

export function MyOffersPage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  /** For a reporter: the needs the Member's past activities fit (the matching's section), or null. */
  matchingNeeds: Child | null;
  offers: Offer[];
  owner: (offer: Offer) => string;
}) {
  const { page } = props;
  const { lang } = page;
  const word = wordOf(lang);
  return (
    <Layout page={page} title={word('myOffers')}>
      <h1>{word('myOffers')}</h1>
      <p>{word('myOffersIntro')}</p>
      <p>
        <a href={`/${lang}/offers/new`}>{word('newOffer')}</a>
      </p>
      {props.offers.length === 0 ? <p>{word('noMyOffers')}</p> : null}
      <ul>
        {props.offers.map((offer) => (
          <li>
            <a href={`/${lang}/offers/${offer.id}`} lang={offer.language}>
              {offer.title}
            </a>{' '}
            · {props.owner(offer)} · <StatusTag lang={lang} status={offer.status} />
          </li>
        ))}
      </ul>
      {props.matchingNeeds ?? null}
    </Layout>
  );
}

export function OfferFormPage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  /** The offer being changed, or null for a new one. */
  offer: Offer | null;
  owners: Option[];
  parties: Option[];
  regions: Option[];
  values: OfferValues;
  errors?: FieldErrors;
}) {
  const { page, labels, values, offer, errors = {} } = props;
  const { lang } = page;
  const word = wordOf(lang);
  const error = (name: string) => (errors[name] ? word(errors[name]) : undefined);
  const title = offer ? word('editOffer') : word('newOffer');
  const action = offer ? `/${lang}/offers/${offer.id}/edit` : `/${lang}/offers/new`;
  const partiesHint = 'eligibleParties-hint';
  return (
    <Layout page={page} title={title}>
      <p>
        <a href={`/${lang}/offers/mine`}>{word('myOffers')}</a>
      </p>
      <h1>{title}</h1>
      <form method="post" action={action} class="stacked" novalidate>
        <CsrfField page={page} />
        {offer ? <input type="hidden" name="version" value={String(offer.version)} /> : null}
        <ErrorSummary
          page={page}
          errors={Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, word(key)]))}
          labels={{
            owner: word('owner'),
            title: word('offerTitle'),
            description: word('description'),
            language: word('language'),
            kindsOfHelp: word('kindsOfHelp'),
            ipAreas: word('ipAreas'),
            eligibleParties: word('eligibleParties'),
            eligibleRegions: word('eligibleRegions'),
            languages: word('languages'),
            capacity: word('capacityField'),
            deadline: word('deadlineField'),
            status: word('status'),
          }}
          targets={{
            kindsOfHelp: `kindsOfHelp-${kindsOfHelp[0]}`,
            ipAreas: `ipAreas-${labels.termsOf('ip-area')[0]?.key ?? ''}`,
            eligibleRegions: `eligibleRegions-${props.regions[0]?.value ?? ''}`,
            languages: `languages-${deliveryLanguages[0]}`,
          }}
        />
        <SelectField
          name="owner"
          label={word('owner')}
          options={props.owners}
          value={values.owner}
          error={error('owner')}
        />
        <TextField
          name="title"
          label={word('offerTitle')}
          value={values.title}
          maxLength={300}
          error={error('title')}
          required
        />
        <TextArea
          name="description"
          label={word('description')}
          value={values.description}
          maxLength={4000}
          error={error('description')}
        />
        <SelectField
          name="language"
          label={word('language')}
          options={(['en', 'fr', 'es'] as const).map((code) => ({
            value: code,
            label: labels.languageName(code, lang),
          }))}
          value={values.language || lang}
          error={error('language')}
        />
        <CheckboxList
          name="kindsOfHelp"
          legend={word('kindsOfHelp')}
          options={kindsOfHelp.map((kind) => ({
            value: kind,
            label: kindLabel(lang, kind),
            checked: values.kindsOfHelp.includes(kind),
          }))}
        />
        <FieldError id="kindsOfHelp-error" message={error('kindsOfHelp')} />
        <CheckboxList
          name="ipAreas"
          legend={word('ipAreas')}
          options={labels.termsOf('ip-area').map((area) => ({
            value: area.key,
            label: area.names[lang],
            checked: values.ipAreas.includes(area.key),
          }))}
        />
        <FieldError id="ipAreas-error" message={error('ipAreas')} />
        <CheckboxList
          name="eligibleRegions"
          legend={word('eligibleRegions')}
          options={props.regions.map((region) => ({
            value: region.value,
            label: region.label,
            checked: values.eligibleRegions.includes(region.value),
          }))}
        />
        <FieldError id="eligibleRegions-error" message={error('eligibleRegions')} />
        <div class="field">
          <label for="eligibleParties">{word('eligibleParties')}</label>
          <p class="hint" id={partiesHint}>
            {word('eligiblePartiesHint')}
          </p>
          <select
            id="eligibleParties"
            name="eligibleParties"
            multiple
            size={8}
            {...invalidProps('eligibleParties', error('eligibleParties'), partiesHint)}
          >
            {props.parties.map((party) => (
              <option value={party.value} selected={values.eligibleParties.includes(party.value)}>
                {party.label}
              </option>
            ))}
          </select>
          <FieldError id="eligibleParties-error" message={error('eligibleParties')} />
        </div>
        <CheckboxList
          name="languages"
          legend={word('languages')}
          options={deliveryLanguages.map((code) => ({
            value: code,
            label: labels.languageName(code, lang),
            checked: values.languages.includes(code),
          }))}
        />
        <FieldError id="languages-error" message={error('languages')} />
        <TextField
          name="capacity"
          label={word('capacityField')}
          hint={word('capacityHint')}
          value={values.capacity}
          maxLength={200}
          error={error('capacity')}
        />
        <DateField
          name="deadline"
          label={word('deadlineField')}
          lang={lang}
          precision="day"
          value={values.deadline}
          error={error('deadline')}
        />
        {offer ? (
          <SelectField
            name="status"
            label={word('status')}
            options={offerStatuses.map((status) => ({ value: status, label: word(`status-${status}`) }))}
            value={values.status}
            error={error('status')}
          />
        ) : (
          <input type="hidden" name="status" value="open" />
        )}
        <button type="submit">{word('saveOffer')}</button>
      </form>
    </Layout>
  );
}
