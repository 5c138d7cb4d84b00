import { elementName, isElementCode } from '../elements/taxonomy.ts';
import { CheckboxList } from '../http/form-fields.tsx';
import { Layout, type PageContext } from '../http/layout.tsx';
import { byName } from '../i18n/collate.ts';
import { formatDate, formatNumber } from '../i18n/format.ts';
import { pickText } from '../i18n/localized-text.ts';
import { counted } from '../i18n/plural.ts';
import type { MessageKey } from '../i18n/translate.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { BeneficiaryList } from '../reports/components.tsx';
import { SearchBox } from './components.tsx';
import type { ReportLabel } from './lookup.ts';
import { markEnd, markStart } from './lookup.ts';
import { searchText } from './messages.ts';
import { type SearchParamName, type SearchParams, searchQuery } from './url.ts';

export type FacetValue = { code: string; count: number };

export type SearchPageData = {
  params: SearchParams;
  total: number;
  page: number;
  pageSize: number;
  sort: 'relevance' | 'date';
  items: Array<{
    id: number;
    donor: string;
    title: Record<string, string | undefined>;
    originalLanguage: string;
    startDate: string | null;
    startPrecision: 'day' | 'month' | 'year' | null;
    beneficiaries: Array<{ name: string; code: string | null; kind: string }>;
  }>;
  /** Titles with the matched words between markStart and markEnd, by activity id. */
  highlights: Map<number, string>;
  /** The vocabulary's forms in the other languages, searched as well. */
  alsoSearched: string[];
  /** "Did you mean": a corrected text that finds something. */
  suggestion: string | null;
  /** The report filtered on, if any. */
  report: ReportLabel | null;
  facets: {
    donors: FacetValue[];
    beneficiaries: FacetValue[];
    regions: FacetValue[];
    ldc: number;
    ipAreas: FacetValue[];
    elements: FacetValue[];
    types: FacetValue[];
    levels: FacetValue[];
    statuses: FacetValue[];
    years: FacetValue[];
  };
  exportColumns: Array<{ key: string; label: string; selected: boolean }>;
};

type Props = { page: PageContext; labels: ReferenceLabels; data: SearchPageData };

/** One facet: each value links to the search with that filter set, or removed when it is the current one. */
function Facet(
  props: Props & {
    name: SearchParamName;
    heading: MessageKey;
    values: FacetValue[];
    label: (code: string) => string;
  },
) {
  const { page, data, name, values } = props;
  const current = data.params[name];
  if (values.length === 0 && !current) return null;
  const base = `/${page.lang}/search`;
  // Most activities first; equal counts in the alphabetical order of the page's language.
  const compare = byName(page.lang);
  const ordered = [...values].sort(
    (a, b) => b.count - a.count || compare(props.label(a.code), props.label(b.code)),
  );
  return (
    <section aria-labelledby={`facet-${name}`}>
      <h3 id={`facet-${name}`}>{page.t(props.heading)}</h3>
      <ul>
        {ordered.map((value) => {
          const selected = String(current ?? '') === value.code;
          return (
            <li>
              <a
                href={`${base}${searchQuery(data.params, { [name]: selected ? undefined : value.code })}`}
                {...(selected ? { 'aria-current': 'true' } : {})}
              >
                {props.label(value.code)}
              </a>{' '}
              <span class="muted">({formatNumber(page.lang, value.count)})</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A report by its symbol, or by its party and period when it has none. */
function reportName(report: ReportLabel | null, lang: PageContext['lang'], labels: ReferenceLabels) {
  if (!report) return null;
  if (report.symbol) return report.symbol;
  const period =
    report.periodStart.slice(0, 4) === report.periodEnd.slice(0, 4)
      ? report.periodStart.slice(0, 4)
      : `${report.periodStart.slice(0, 4)}–${report.periodEnd.slice(0, 4)}`;
  return searchText(lang)('reportOf', { ofParty: labels.partyIn(report.party, lang, 'of'), period });
}

/** A title with the matched words in <mark>, from text carrying markStart/markEnd. */
function Highlighted(props: { text: string }) {
  const parts = props.text.split(new RegExp(`(${markStart}[^${markEnd}]*${markEnd})`, 'u'));
  return <>{parts.map((part) => (part.startsWith(markStart) ? <mark>{part.slice(1, -1)}</mark> : part))}</>;
}

/** "Also searched: patent, patente" and "Did you mean patent?" under the count. */
function QueryNotes(props: Props) {
  const { page, data } = props;
  const st = searchText(page.lang);
  const [before, after] = st('didYouMean').split('{suggestion}');
  return (
    <>
      {data.alsoSearched.length > 0 ? (
        <p class="muted">
          {st('alsoSearched')}{' '}
          {data.alsoSearched.map((term, n) => (
            <>
              {n > 0 ? ', ' : ''}
              <q>{term}</q>
            </>
          ))}
        </p>
      ) : null}
      {data.suggestion ? (
        <p>
          {before}
          <a href={`/${page.lang}/search${searchQuery(data.params, { q: data.suggestion })}`}>
            {data.suggestion}
          </a>
          {after}
        </p>
      ) : null}
    </>
  );
}

function ActiveFilters(props: Props) {
  const { page, labels, data } = props;
  const { t, lang } = page;
  const describe: Partial<Record<SearchParamName, (v: string) => string>> = {
    donor: (v) => labels.partyName(v, lang),
    beneficiary: (v) => labels.partyName(v, lang),
    region: (v) => labels.regionName(v, lang),
    ldc: () => t('facetLdcOnly'),
    ipArea: (v) => labels.term('ip-area', v, lang),
    element: (v) => (isElementCode(v) ? elementName(v, lang) : v),
    type: (v) => labels.term('activity-type', v, lang),
    level: (v) => labels.term('level', v, lang),
    status: (v) => labels.term('activity-status', v, lang),
    report: (v) => reportName(data.report, lang, labels) ?? v,
    reporter: (v) => `${searchText(lang)('facetReporter')}${t('colon')} ${labels.partyName(v, lang)}`,
    cycle: (v) => searchText(lang)('cycleLabel', { cycle: v }),
    from: (v) => `${t('yearFrom')} ${v}`,
    to: (v) => `${t('yearTo')} ${v}`,
  };
  const active = (Object.keys(describe) as SearchParamName[]).filter((name) => data.params[name]);
  if (active.length === 0) return null;
  return (
    <ul class="chips">
      {active.map((name) => {
        const label = describe[name]?.(String(data.params[name])) ?? '';
        return (
          <li>
            <a
              href={`/${lang}/search${searchQuery(data.params, { [name]: undefined })}`}
              aria-label={t('removeFilter', { label })}
            >
              {label} ✕
            </a>
          </li>
        );
      })}
      <li>
        <a href={`/${lang}/search${data.params.q ? searchQuery({ q: data.params.q }) : ''}`}>
          {t('clearFilters')}
        </a>
      </li>
    </ul>
  );
}

function Pagination(props: Props) {
  const { page, data } = props;
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  // Past the last page (an old link), the way back is the last page that has results.
  if (pages <= 1 && data.page <= 1) return null;
  const previous = Math.min(data.page - 1, pages);
  const base = `/${page.lang}/search`;
  return (
    <nav class="pages" aria-label={page.t('pagination')}>
      <ul>
        {data.page > 1 ? (
          <li>
            <a href={`${base}${searchQuery(data.params, { page: previous })}`} rel="prev">
              {page.t('previousPage')}
            </a>
          </li>
        ) : null}
        <li aria-current="page">{page.t('pageOf', { page: data.page, pages })}</li>
        {data.page < pages ? (
          <li>
            <a href={`${base}${searchQuery(data.params, { page: data.page + 1 })}`} rel="next">
              {page.t('nextPage')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** Download links and a column chooser: a plain GET form, so it works without JavaScript. */
function Downloads(props: Props) {
  const { page, data } = props;
  const filters = Object.entries(data.params).filter(
    ([name, value]) => name !== 'page' && name !== 'pageSize' && value,
  );
  // Downloads keep the filters and the order, not the paging: they hold every match.
  const query = searchQuery({ ...data.params, page: undefined, pageSize: undefined });
  const join = query ? `${query}&` : '?';
  return (
    <section class="downloads" aria-labelledby="downloads">
      <h2 id="downloads">{page.t('download')}</h2>
      {/* CSV and XLSX are tables of the columns ticked here: the buttons send the choice. */}
      <form method="get" action="/api/v1/activities">
        {filters.map(([name, value]) => (
          <input type="hidden" name={name} value={String(value)} />
        ))}
        <input type="hidden" name="lang" value={page.lang} />
        <CheckboxList
          name="columns"
          idPrefix="download-column"
          legend={page.t('downloadColumns')}
          options={data.exportColumns.map((column) => ({
            value: column.key,
            label: column.label,
            checked: column.selected,
          }))}
        />
        <p class="download-buttons">
          <button type="submit" name="format" value="csv">
            CSV
          </button>{' '}
          <button type="submit" name="format" value="xlsx">
            XLSX
          </button>
        </p>
      </form>
      <p>
        {page.t('downloadComplete')}{' '}
        <a href={`/api/v1/activities${join}format=json&lang=${page.lang}`}>JSON</a> ·{' '}
        <a href={`/api/v1/activities${join}format=iati&lang=${page.lang}`}>IATI</a>
      </p>
    </section>
  );
}

/** The facets of the search page, in the order they are shown, each with how its codes are named. */
function facetSections({ page, labels, data }: Props) {
  const { t, lang } = page;
  const term = (taxonomy: string) => (code: string) => labels.term(taxonomy, code, lang);
  const party = (code: string) => labels.partyName(code, lang);
  const ldc = data.facets.ldc > 0 || data.params.ldc ? [{ code: '1', count: data.facets.ldc }] : [];
  return [
    { name: 'donor', heading: 'facetDonor', values: data.facets.donors, label: party },
    { name: 'beneficiary', heading: 'facetBeneficiary', values: data.facets.beneficiaries, label: party },
    {
      name: 'region',
      heading: 'facetRegion',
      values: data.facets.regions,
      label: (c: string) => labels.regionName(c, lang),
    },
    { name: 'ldc', heading: 'facetLdc', values: ldc, label: () => t('facetLdcOnly') },
    { name: 'ipArea', heading: 'facetIpArea', values: data.facets.ipAreas, label: term('ip-area') },
    {
      name: 'element',
      heading: 'facetElement',
      values: data.facets.elements,
      label: (c: string) => (isElementCode(c) ? elementName(c, lang) : c),
    },
    { name: 'type', heading: 'facetType', values: data.facets.types, label: term('activity-type') },
    { name: 'level', heading: 'facetLevel', values: data.facets.levels, label: term('level') },
    { name: 'status', heading: 'facetStatus', values: data.facets.statuses, label: term('activity-status') },
  ] satisfies Array<{
    name: SearchParamName;
    heading: MessageKey;
    values: FacetValue[];
    label: (code: string) => string;
  }>;
}

export function SearchPage(props: Props) {
  const { page, labels, data } = props;
  const { t, lang } = page;
  const q = data.params.q ? String(data.params.q) : '';
  const heading = q ? t('searchResultsFor', { q }) : t('searchTitle');
  const count = counted(t, lang, 'activityCount', data.total);
  const base = `/${lang}/search`;
  return (
    <Layout page={page} title={heading}>
      <h1>{heading}</h1>
      <SearchBox page={page} q={q} />
      {/* Results come first in the page, so a phone shows them first with a link down to the filters;
          on a wide screen the filters sit in the left column (site.css). */}
      <div class="search-layout">
        <div class="search-results">
          <p class="filters-link">
            <a href="#filters">{t('filters')}</a>
          </p>
          <ActiveFilters {...props} />
          <p role="status">
            <strong>{count}</strong>
            {q ? (
              <>
                {' · '}
                {t('sortBy')}
                {t('colon')}{' '}
                {data.sort === 'relevance' ? (
                  <span aria-current="true">{t('sortRelevance')}</span>
                ) : (
                  <a href={`${base}${searchQuery(data.params, { sort: undefined })}`}>{t('sortRelevance')}</a>
                )}
                {' | '}
                {data.sort === 'date' ? (
                  <span aria-current="true">{t('sortDate')}</span>
                ) : (
                  <a href={`${base}${searchQuery(data.params, { sort: 'date' })}`}>{t('sortDate')}</a>
                )}
              </>
            ) : null}
          </p>
          <QueryNotes {...props} />
          {data.total === 0 ? <p>{t('noResults')}</p> : null}
          <ol class="results">
            {data.items.map((item) => {
              const title = pickText(item.title, lang, item.originalLanguage);
              return (
                <li>
                  <h2>
                    <a href={`/${lang}/activities/${item.id}`} lang={title.lang}>
                      <Highlighted text={data.highlights.get(item.id) ?? title.value} />
                    </a>
                  </h2>
                  <p class="muted">
                    {labels.partyName(item.donor, lang)}
                    {item.startDate ? ` · ${formatDate(lang, item.startDate, item.startPrecision)}` : ''}
                  </p>
                  {item.beneficiaries.length > 0 ? (
                    <p>
                      {t('fieldBeneficiaries')}
                      {t('colon')} <BeneficiaryList page={page} labels={labels} list={item.beneficiaries} />
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ol>
          <Pagination {...props} />
          {data.total > 0 ? <Downloads {...props} /> : null}
        </div>
        <aside class="facets" id="filters" aria-label={t('filters')}>
          <h2>{t('filters')}</h2>
          {facetSections(props).map((section) => (
            <Facet {...props} {...section} />
          ))}
          <form method="get" action={base}>
            <h3>{t('facetYears')}</h3>
            {Object.entries(data.params)
              .filter(([name, value]) => !['from', 'to', 'cycle', 'page'].includes(name) && value)
              .map(([name, value]) => (
                <input type="hidden" name={name} value={String(value)} />
              ))}
            {(['from', 'to'] as const).map((bound) => (
              <>
                <label for={bound}>{t(bound === 'from' ? 'yearFrom' : 'yearTo')}</label>{' '}
                <input
                  id={bound}
                  name={bound}
                  type="number"
                  min="1950"
                  max="2100"
                  size={5}
                  value={String(data.params[bound] ?? '')}
                />{' '}
              </>
            ))}
            <br />
            <label for="cycle">{searchText(lang)('facetCycle')}</label>{' '}
            <input
              id="cycle"
              name="cycle"
              type="text"
              inputmode="numeric"
              pattern="[0-9]{4}-[0-9]{4}"
              placeholder="2021-2022"
              size={9}
              value={String(data.params.cycle ?? '')}
            />{' '}
            <button type="submit">{t('applyFilters')}</button>
          </form>
          {data.facets.years.length > 0 ? (
            <ul>
              {data.facets.years.map((y) => (
                <li>
                  <a href={`${base}${searchQuery(data.params, { from: y.code, to: y.code })}`}>{y.code}</a>{' '}
                  <span class="muted">({formatNumber(lang, y.count)})</span>
                </li>
              ))}
            </ul>
          ) : null}
        </aside>
      </div>
    </Layout>
  );
}
