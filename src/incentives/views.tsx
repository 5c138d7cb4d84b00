import type { PageContext } from '../http/layout.tsx';
import { Layout } from '../http/layout.tsx';
import { byName } from '../i18n/collate.ts';
import { formatDate, formatPeriod } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';
import { counted } from '../i18n/plural.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import {
  incentiveTypes,
  ldcSpecificities,
  taxonomyLabel,
  technologySectors,
} from '../reports/incentives/taxonomy.ts';
import { ResultsSection } from '../results/components.tsx';
import { incentivesText } from './messages.ts';
import type { IncentiveFacets, IncentiveFilters, PublicIncentive } from './service.ts';

type Common = { page: PageContext; labels: ReferenceLabels };

/** The query string of a set of filters (empty values left out). */
export function filterQuery(filters: IncentiveFilters): string {
  return new URLSearchParams(
    Object.entries(filters).flatMap(([key, value]) => (value ? [[key, String(value)]] : [])),
  ).toString();
}

/** "Article 66.2 report of Canada, 2023 (IP/C/R/TTI/CAN/1)". */
function reportLabel(page: PageContext, labels: ReferenceLabels, row: PublicIncentive): string {
  const name = page.t('art66ReportOf', {
    ofParty: labels.partyIn(row.report.partyCode, page.lang, 'of'),
    period: formatPeriod(row.report.periodStart, row.report.periodEnd),
  });
  return row.report.symbol ? `${name} (${row.report.symbol})` : name;
}

function SampleTag(props: { lang: Language; row: PublicIncentive }) {
  return props.row.report.isSample ? (
    <>
      {' '}
      <span class="sample-badge">{incentivesText(props.lang)('sampleTag')}</span>
    </>
  ) : null;
}

/** One facet: its values with counts, each a link that sets (or, when chosen, clears) the filter. */
function Facet(props: {
  page: PageContext;
  heading: string;
  name: keyof IncentiveFilters;
  filters: IncentiveFilters;
  values: Array<{ value: string; label: string }>;
  counts: Map<string, number>;
}) {
  const { page, filters, name } = props;
  const shown = props.values.filter((v) => (props.counts.get(v.value) ?? 0) > 0 || filters[name] === v.value);
  if (shown.length === 0) return null;
  const href = (value: string | undefined) => {
    const query = filterQuery({ ...filters, [name]: value });
    return `/${page.lang}/incentives${query ? `?${query}` : ''}`;
  };
  return (
    <>
      <h3>{props.heading}</h3>
      <ul>
        {shown.map(({ value, label }) => {
          const chosen = filters[name] === value;
          return (
            <li>
              <a href={href(chosen ? undefined : value)} aria-current={chosen ? 'true' : undefined}>
                {label}
              </a>{' '}
              <span class="muted">({props.counts.get(value) ?? 0})</span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** The searchable list: words, facets (type, sector, beneficiary LDC, specific to LDCs, Member), downloads. */
export function IncentivesListPage(
  props: Common & { rows: PublicIncentive[]; filters: IncentiveFilters; facets: IncentiveFacets },
) {
  const { page, labels, rows, filters, facets } = props;
  const { lang } = page;
  const text = incentivesText(lang);
  const query = filterQuery(filters);
  const api = (format?: string) => {
    const params = new URLSearchParams(query);
    if (format) {
      params.set('format', format);
      params.set('lang', lang);
    }
    const all = params.toString();
    return `/api/v1/incentives${all ? `?${all}` : ''}`;
  };
  const parties = (codes: Iterable<string>) =>
    [...codes]
      .map((code) => ({ value: code, label: labels.partyName(code, lang) }))
      .sort((a, b) => byName(lang)(a.label, b.label));
  return (
    <Layout page={page} title={text('incentivesTitle')}>
      <h1>{text('incentivesTitle')}</h1>
      <p>{text('incentivesIntro')}</p>
      <p class="muted">{text('notIpArea')}</p>
      <form method="get" action={`/${lang}/incentives`} class="search">
        <label for="incentive-q">{text('searchWords')}</label>{' '}
        <input id="incentive-q" name="q" type="search" value={filters.q ?? ''} maxlength={200} />
        {(['type', 'sector', 'ldc', 'specificity', 'party'] as const).map((name) =>
          filters[name] ? <input type="hidden" name={name} value={filters[name]} /> : null,
        )}{' '}
        <button type="submit">{text('showIncentives')}</button>
      </form>
      <div class="search-layout">
        <section class="search-results" aria-labelledby="incentive-count">
          <h2 id="incentive-count">{counted(text, lang, 'incentiveCount', rows.length)}</h2>
          <p>
            {text('downloads')}
            {page.t('colon')} <a href={api()}>{text('apiIncentives')}</a> · <a href={api('csv')}>CSV</a> ·{' '}
            <a href={api('xlsx')}>XLSX</a>
            {query ? (
              <>
                {' '}
                · <a href={`/${lang}/incentives`}>{text('allIncentives')}</a>
              </>
            ) : null}
          </p>
          {rows.length === 0 ? <p>{text('noIncentivesMatch')}</p> : null}
          <ul class="results">
            {rows.map((row) => (
              <li>
                <h2>
                  <a href={`/${lang}/incentives/${row.id}`} lang={row.report.originalLanguage}>
                    {row.title}
                  </a>
                </h2>
                <p>
                  {labels.partyName(row.report.partyCode, lang)} ·{' '}
                  {taxonomyLabel(lang, 'type', row.incentiveType)} ·{' '}
                  {taxonomyLabel(lang, 'specificity', row.ldcSpecificity)}
                  <SampleTag lang={lang} row={row} />
                </p>
                {row.beneficiaryCodes.length > 0 ? (
                  <p class="muted">
                    {text('fieldLdcBeneficiaries')}
                    {page.t('colon')}{' '}
                    {row.beneficiaryCodes.map((code) => labels.partyName(code, lang)).join(', ')}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
        <nav class="facets" aria-label={text('incentivesTitle')}>
          <Facet
            page={page}
            heading={text('fieldIncentiveType')}
            name="type"
            filters={filters}
            counts={facets.type}
            values={incentiveTypes.map((code) => ({ value: code, label: taxonomyLabel(lang, 'type', code) }))}
          />
          <Facet
            page={page}
            heading={text('fieldSectors')}
            name="sector"
            filters={filters}
            counts={facets.sector}
            values={technologySectors.map((code) => ({
              value: code,
              label: taxonomyLabel(lang, 'sector', code),
            }))}
          />
          <Facet
            page={page}
            heading={text('filterBeneficiary')}
            name="ldc"
            filters={filters}
            counts={facets.ldc}
            values={parties(new Set([...facets.ldc.keys(), ...(filters.ldc ? [filters.ldc] : [])]))}
          />
          <Facet
            page={page}
            heading={text('fieldLdcSpecificity')}
            name="specificity"
            filters={filters}
            counts={facets.specificity}
            values={ldcSpecificities.map((code) => ({
              value: code,
              label: taxonomyLabel(lang, 'specificity', code),
            }))}
          />
          <Facet
            page={page}
            heading={text('reportingParty')}
            name="party"
            filters={filters}
            counts={facets.party}
            values={parties(new Set([...facets.party.keys(), ...(filters.party ? [filters.party] : [])]))}
          />
        </nav>
      </div>
    </Layout>
  );
}

/** One incentive with every field IP/C/28 asks for, and the report it comes from. */
export function IncentivePage(props: Common & { row: PublicIncentive }) {
  const { page, labels, row } = props;
  const { lang } = page;
  const text = incentivesText(lang);
  const list = (values: string[]) => values.join('; ');
  const amount =
    row.amount === null
      ? null
      : `${Number(row.amount).toLocaleString(lang, { maximumFractionDigits: 2 })}${row.currency ? ` ${row.currency}` : ''}`;
  const fields: Array<[string, string | null]> = [
    [text('fieldIncentiveType'), taxonomyLabel(lang, 'type', row.incentiveType)],
    [text('fieldGovernmentBody'), row.governmentBody],
    [text('fieldEligibleEntities'), row.eligibleEntities],
    [text('fieldLdcBeneficiaries'), list(row.beneficiaryCodes.map((code) => labels.partyName(code, lang)))],
    [text('fieldSectors'), list(row.sectors.map((code) => taxonomyLabel(lang, 'sector', code)))],
    [text('fieldTechnologyTransferred'), row.technologyTransferred],
    [text('fieldModeAndTerms'), row.modeAndTerms],
    [text('fieldLdcSpecificity'), taxonomyLabel(lang, 'specificity', row.ldcSpecificity)],
    [text('fieldAmount'), amount],
    [text('fieldEnterprises'), row.enterprises === null ? null : row.enterprises.toLocaleString(lang)],
    [text('fieldPeopleTrained'), row.peopleTrained === null ? null : row.peopleTrained.toLocaleString(lang)],
    [text('reportFormat'), row.report.format ? taxonomyLabel(lang, 'format', row.report.format) : null],
    [page.t('fieldSymbol'), row.report.symbol],
  ];
  return (
    <Layout page={page} title={row.title}>
      <p>
        <a href={`/${lang}/incentives`}>{text('incentivesTitle')}</a>
      </p>
      <h1 lang={row.report.originalLanguage}>{row.title}</h1>
      {row.report.isSample ? <p class="note">{text('sampleIncentive')}</p> : null}
      <p>
        {text('fromReport')}{' '}
        <a href={`/${lang}/reports/${row.report.id}`}>{reportLabel(page, labels, row)}</a>
        {row.report.circulationDate ? ` · ${formatDate(lang, row.report.circulationDate)}` : ''}
      </p>
      {row.description
        ? row.description
            .split(/\n+/)
            .map((paragraph) => <p lang={row.report.originalLanguage}>{paragraph}</p>)
        : null}
      <dl class="fields">
        {fields.flatMap(([label, value]) => (value ? [<dt>{label}</dt>, <dd>{value}</dd>] : []))}
      </dl>
      {row.results.length > 0 ? <ResultsSection lang={lang} indicators={row.results} /> : null}
    </Layout>
  );
}
