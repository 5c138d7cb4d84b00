import { Layout } from '../http/layout.tsx';
import type { BeneficiaryView, ReportDetail } from './service.ts';

const year = (isoDate: string) => isoDate.slice(0, 4);
const periodLabel = (report: { periodStart: string; periodEnd: string }) =>
  year(report.periodStart) === year(report.periodEnd)
    ? year(report.periodStart)
    : `${year(report.periodStart)}–${year(report.periodEnd)}`;

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const formatDate = (isoDate: string | null) =>
  isoDate ? dateFormat.format(new Date(`${isoDate}T00:00:00Z`)) : '—';

function Beneficiaries(props: { list: BeneficiaryView[] }) {
  if (props.list.length === 0) return <span class="muted">—</span>;
  return (
    <>
      {props.list.map((b, index) => (
        <>
          {index > 0 ? '; ' : ''}
          {b.kind === 'unresolved' ? <span title="name not recognised">{b.name} (?)</span> : b.name}
        </>
      ))}
    </>
  );
}

/** Home page: every report with its numbered list of programmes, as e-TRIPS shows them. */
export function HomePage(props: { reports: ReportDetail[] }) {
  return (
    <Layout title="Technical cooperation activities under TRIPS Article 67">
      <h1>Technical cooperation activities under TRIPS Article 67</h1>
      {props.reports.length === 0 ? (
        <p>
          No report has been recorded yet. Import one with <code>ipcoop import etrips FILE</code>.
        </p>
      ) : null}
      {props.reports.map((report) => (
        <section aria-labelledby={`report-${report.id}`}>
          <h2 id={`report-${report.id}`}>
            {report.reportingParty.name}, {periodLabel(report)}
            {report.symbol ? <span class="muted"> ({report.symbol})</span> : null}
          </h2>
          <ol class="narrative">
            {report.narrative.map((paragraph) => (
              <li>{paragraph}</li>
            ))}
          </ol>
          <table>
            <caption class="muted">List of programmes/projects ({report.programmes.length})</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Title of programme or activity</th>
                <th scope="col">Start date</th>
                <th scope="col">Beneficiary Members or observers</th>
              </tr>
            </thead>
            <tbody>
              {report.programmes.map((row) => (
                <tr>
                  <td>{row.rowNumber}</td>
                  <td>
                    <a href={`/api/v1/activities/${row.activityId}`}>
                      {row.title.en ?? row.title.fr ?? row.title.es}
                    </a>
                  </td>
                  <td>{formatDate(row.startDate)}</td>
                  <td>
                    <Beneficiaries list={row.beneficiaries} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </Layout>
  );
}
