import { FieldError, type FormErrors, invalidProps } from '../http/form-fields.tsx';
import { Layout, type PageContext } from '../http/layout.tsx';
import type { ReferenceLabels } from '../reference/labels.ts';
import { revisionLabel } from '../reports/lifecycle/status.ts';
import {
  type CycleOverview,
  type CycleReport,
  type CycleRow,
  type CycleState,
  cycleStates,
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
    </>
  );
}

export function CyclesPage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  overview: CycleOverview | null;
  periods: string[];
  periodValue: string;
  errors?: FormErrors;
}) {
  const { page, labels, overview } = props;
  const { lang } = page;
  const text = reviewText(lang);
  const errors = props.errors ?? {};
  const title = overview
    ? `${text('cyclesTitle')}${page.t('colon')} ${overview.period.key}`
    : text('cyclesTitle');
  const rows = [...(overview?.rows ?? [])]
    .map((row) => ({ row, name: labels.partyName(row.partyCode, lang) }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
  return (
    <Layout page={page} title={title}>
      <h1>{title}</h1>
      <p>{text('cyclesIntro')}</p>
      <form method="get" action={`/${lang}/secretariat/cycles`} class="inline">
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
                href={`/${lang}/secretariat/cycles?period=${period}`}
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
          <p>{text('expectedCount', { count: overview.rows.filter((row) => row.expected).length })}</p>
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
        </>
      ) : null}
    </Layout>
  );
}
