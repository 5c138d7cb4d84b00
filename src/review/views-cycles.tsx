import { FieldError, type FormErrors, invalidProps, Notice } from '../http/form-fields.tsx';
import { CsrfField, Layout, type PageContext } from '../http/layout.tsx';
import { byName } from '../i18n/collate.ts';
import { counted } from '../i18n/plural.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { reportKinds, taxonomyLabel } from '../reports/incentives/taxonomy.ts';
import { revisionLabel } from '../reports/lifecycle/status.ts';
import {
  type CycleOverview,
  type CycleReport,
  type CycleRow,
  type CycleState,
  cycleStates,
  expectedParties,
} from './cycles.ts';
import { reviewText } from './messages.ts';
import { statusLabel } from './views.tsx';

const stateKeys = {
  published: 'statePublished',
  submitted: 'stateSubmitted',
  returned: 'stateReturned',
  drafting: 'stateDrafting',
  notStarted: 'stateNotStarted',
} as const satisfies Record<CycleState, string>;

/** Where the Secretariat reads a report: the public page once published, else the review page. */
function ReportLink(props: { page: PageContext; report: CycleReport; children: string }) {
  const { page, report } = props;
  if (report.status === 'published')
    return <a href={`/${page.lang}/reports/${report.id}`}>{props.children}</a>;
  if (report.status === 'draft') return <>{props.children}</>;
  return <a href={`/${page.lang}/secretariat/reports/${report.id}`}>{props.children}</a>;
}

function kindLabel(page: PageContext, labels: ReferenceLabels, code: string) {
  const kind = labels.parties.get(code)?.kind;
  if (kind === 'igo') return page.t('kindIgo');
  if (kind === 'observer') return page.t('kindObserver');
  return page.t('kindMember');
}

function StateCell(props: { page: PageContext; row: CycleRow }) {
  const { page, row } = props;
  const label = reviewText(page.lang)(stateKeys[row.state]);
  if (!row.report) return <>{label}</>;
  return (
    <>
      <ReportLink page={page} report={row.report}>
        {label}
      </ReportLink>
      {row.report.symbol ? ` (${row.report.symbol})` : ''}
      {row.report.status === 'published' && !row.report.symbol ? (
        <>
          {' · '}
          <a href={`/${page.lang}/secretariat/reports/${row.report.id}#give-symbol`}>
            {reviewText(page.lang)('giveSymbolLink')}
          </a>
        </>
      ) : null}
    </>
  );
}

/** The Secretariat's list of who is expected to report this cycle: checkboxes, and one party to add. */
function ExpectedListForm(props: {
  page: PageContext;
  labels: ReferenceLabels;
  overview: CycleOverview;
  errors: FormErrors;
}) {
  const { page, labels, overview } = props;
  const { lang } = page;
  const text = reviewText(lang);
  const listed = new Set(overview.expected.codes);
  const candidates = [...new Set([...overview.expected.codes, ...expectedParties(labels, overview.period)])]
    .map((code) => ({ code, name: labels.partyName(code, lang) }))
    .sort((a, b) => byName(lang)(a.name, b.name));
  const shown = new Set(candidates.map((c) => c.code));
  const others = [...labels.parties.keys()]
    .filter((code) => !shown.has(code))
    .map((code) => ({ code, name: labels.partyName(code, lang) }))
    .sort((a, b) => byName(lang)(a.name, b.name));
  const source = overview.expected.source;
  return (
    <section aria-labelledby="expected-list">
      <h2 id="expected-list">{text('expectedListTitle')}</h2>
      <p>
        {source.kind === 'saved'
          ? text('expectedListSaved')
          : source.kind === 'previous'
            ? text('expectedListFromPrevious', { cycle: source.cycle })
            : text('expectedListDefault')}
      </p>
      <form method="post" action={`/${lang}/secretariat/cycles/expected`} class="stacked">
        <CsrfField page={page} />
        <input type="hidden" name="period" value={overview.period.key} />
        <fieldset>
          <legend>{text('expectedListLegend', { cycle: overview.period.key })}</legend>
          <ul class="checkbox-columns">
            {candidates.map(({ code, name }) => (
              <li>
                <input
                  type="checkbox"
                  id={`expected-${code}`}
                  name="parties"
                  value={code}
                  checked={listed.has(code)}
                />{' '}
                <label for={`expected-${code}`}>
                  {name} <span class="muted">({kindLabel(page, labels, code)})</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <label for="add_party">{text('addParty')}</label>
        <select id="add_party" name="add_party" {...invalidProps('add_party', props.errors.add_party)}>
          <option value="">{text('addNone')}</option>
          {others.map(({ code, name }) => (
            <option value={code}>{name}</option>
          ))}
        </select>
        <FieldError id="add_party-error" message={props.errors.add_party} />
        <button type="submit">{text('saveList')}</button>
      </form>
    </section>
  );
}

export function CyclesPage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  overview: CycleOverview | null;
  periods: string[];
  periodValue: string;
  errors?: FormErrors;
  notice?: string | undefined;
}) {
  const { page, labels, overview } = props;
  const { lang } = page;
  const text = reviewText(lang);
  const errors = props.errors ?? {};
  const kind = overview?.kind ?? 'art67';
  const title = overview
    ? `${text('cyclesTitle')}${page.t('colon')} ${overview.period.key} · ${taxonomyLabel(lang, 'kind', kind)}`
    : text('cyclesTitle');
  const kindQuery = kind === 'art67' ? '' : `&kind=${kind}`;
  const rows = [...(overview?.rows ?? [])]
    .map((row) => ({ row, name: labels.partyName(row.partyCode, lang) }))
    .sort((a, b) => byName(lang)(a.name, b.name));
  return (
    <Layout page={page} title={title}>
      <h1>{title}</h1>
      <Notice message={props.notice} />
      <p>{text('cyclesIntro')}</p>
      <nav aria-label={page.t('fieldKindOfReport')}>
        <ul class="chips">
          {reportKinds.map((one) => (
            <li>
              <a
                href={`/${lang}/secretariat/cycles?${overview ? `period=${overview.period.key}&` : ''}kind=${one}`}
                aria-current={one === kind ? 'page' : undefined}
              >
                {taxonomyLabel(lang, 'kind', one)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={`/${lang}/secretariat/cycles`} class="inline">
        {kind === 'art67' ? null : <input type="hidden" name="kind" value={kind} />}
        <label for="period">{text('period')}</label>{' '}
        <input
          id="period"
          name="period"
          list="known-periods"
          value={props.periodValue}
          size={10}
          {...invalidProps('period', errors.period)}
        />{' '}
        <datalist id="known-periods">
          {props.periods.map((period) => (
            <option value={period} />
          ))}
        </datalist>
        <button type="submit">{text('show')}</button>
        <FieldError id="period-error" message={errors.period} />
      </form>
      {props.periods.length > 0 ? (
        <ul class="chips">
          {props.periods.map((period) => (
            <li>
              <a
                href={`/${lang}/secretariat/cycles?period=${period}${kindQuery}`}
                aria-current={period === overview?.period.key ? 'page' : undefined}
              >
                {period}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {overview ? (
        <>
          <h2>{text('stateCounts')}</h2>
          <p>{counted(text, lang, 'expectedCount', overview.rows.filter((row) => row.expected).length)}</p>
          <ul class="figures">
            {cycleStates.map((state) => (
              <li>
                <strong>{overview.counts[state]}</strong> {text(stateKeys[state])}
              </li>
            ))}
          </ul>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{text('columnParty')}</th>
                  <th scope="col">{text('columnKind')}</th>
                  <th scope="col">{text('columnState')}</th>
                  <th scope="col">{text('columnRevisions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ row, name }) => (
                  <tr data-party={row.partyCode} data-state={row.state}>
                    <th scope="row">
                      <a href={`/${lang}/parties/${row.partyCode}`}>{name}</a>
                      {row.expected ? '' : <span class="muted"> ({text('notExpected')})</span>}
                    </th>
                    <td>{kindLabel(page, labels, row.partyCode)}</td>
                    <td>
                      <StateCell page={page} row={row} />
                    </td>
                    <td>
                      {row.revisions.length === 0
                        ? '—'
                        : row.revisions.map((revision, index) => (
                            <>
                              {index > 0 ? '; ' : ''}
                              <ReportLink page={page} report={revision}>
                                {`${revisionLabel(lang, revision.revisionKind, revision.revisionNumber)} (${statusLabel(page, revision.status)})`}
                              </ReportLink>
                            </>
                          ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {kind === 'art67' ? (
            <ExpectedListForm page={page} labels={labels} overview={overview} errors={errors} />
          ) : null}
        </>
      ) : null}
    </Layout>
  );
}
