import { DateInput, ErrorSummary, FieldError, SelectField } from '../http/form-fields.tsx';
import { CsrfField, Layout, type PageContext } from '../http/layout.tsx';
import { formatPeriod } from '../i18n/format.ts';
import { type Language, languages } from '../i18n/languages.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { reportFormats, reportKinds, taxonomyLabel } from '../reports/incentives/taxonomy.ts';
import { revisionLabel } from '../reports/lifecycle/status.ts';
import type { ReportingPeriod } from '../reports/period.ts';
import { draftPath, statusLabel } from './components.tsx';
import { draftingText } from './messages.ts';
import type { MyReport } from './service.ts';

export type StartForm = {
  partyCode: string;
  values: { periodStart: string; periodEnd: string; originalLanguage: string; kind: string; format: string };
  errors: Partial<Record<'periodStart' | 'periodEnd' | 'originalLanguage' | 'kind' | 'format', string>>;
};

type Common = { page: PageContext; labels: ReferenceLabels };

/** The start form of one party; ids carry the party code so several parties' forms can share a page. */
function StartReportForm(props: Common & { form: StartForm }) {
  const { page, labels, form } = props;
  const { lang } = page;
  const text = draftingText(lang);
  const id = (name: string) => `${name}-${form.partyCode}`;
  const dayInput = (name: 'periodStart' | 'periodEnd') => (
    <>
      <label for={id(name)}>{text(name)}</label>
      <DateInput
        id={id(name)}
        name={name}
        lang={lang}
        precision="any"
        required
        value={form.values[name]}
        error={form.errors[name]}
        hintId={id('period-hint')}
      />
      <FieldError id={`${id(name)}-error`} message={form.errors[name]} />
    </>
  );
  return (
    <form method="post" action={`/${lang}/drafting/reports`} class="stacked" novalidate>
      <CsrfField page={page} />
      <h3>{text('startTitle')}</h3>
      <ErrorSummary
        page={page}
        errors={form.errors}
        labels={{
          periodStart: text('periodStart'),
          periodEnd: text('periodEnd'),
          kind: text('reportKind'),
          format: text('reportFormat'),
        }}
        targets={{
          periodStart: id('periodStart'),
          periodEnd: id('periodEnd'),
          originalLanguage: id('originalLanguage'),
          kind: id('kind'),
          format: id('format'),
        }}
      />
      <input type="hidden" name="party" value={form.partyCode} />
      <SelectField
        id={id('kind')}
        name="kind"
        label={text('reportKind')}
        value={form.values.kind}
        error={form.errors.kind}
        options={reportKinds.map((kind) => ({ value: kind, label: taxonomyLabel(lang, 'kind', kind) }))}
      />
      <SelectField
        id={id('format')}
        name="format"
        label={text('reportFormat')}
        hint={text('reportFormatHint')}
        value={form.values.format}
        error={form.errors.format}
        emptyLabel="—"
        options={reportFormats.map((format) => ({
          value: format,
          label: taxonomyLabel(lang, 'format', format),
        }))}
      />
      <p class="hint" id={id('period-hint')}>
        {text('periodHint')}
      </p>
      {dayInput('periodStart')}
      {dayInput('periodEnd')}
      <label for={id('originalLanguage')}>{text('originalLanguage')}</label>
      <select id={id('originalLanguage')} name="originalLanguage">
        {languages.map((code) => (
          <option value={code} selected={form.values.originalLanguage === code}>
            {labels.languageName(code, lang)}
          </option>
        ))}
      </select>
      <button type="submit">{text('startButton')}</button>
    </form>
  );
}

function RevisionForm(props: { page: PageContext; reportId: number }) {
  const { page, reportId } = props;
  const text = draftingText(page.lang);
  const selectId = `revision-kind-${reportId}`;
  return (
    <form method="post" action={`${draftPath(page.lang, reportId)}/revisions`} class="inline">
      <CsrfField page={page} />
      <label for={selectId}>{text('revisionKind')}</label>{' '}
      <select id={selectId} name="kind">
        <option value="corrigendum">{text('kindCorrigendum')}</option>
        <option value="addendum">{text('kindAddendum')}</option>
        <option value="revision">{text('kindRevision')}</option>
      </select>{' '}
      <button type="submit">{text('startRevisionButton')}</button>
    </form>
  );
}

function PartyReports(props: Common & { partyCode: string; reports: MyReport[]; form: StartForm }) {
  const { page, labels, reports } = props;
  const { lang } = page;
  const text = draftingText(lang);
  const published = reports.filter((r) => r.status === 'published');
  return (
    <section>
      <h2>{text('partyReports', { ofParty: labels.partyIn(props.partyCode, lang, 'of') })}</h2>
      {reports.length === 0 ? (
        <p>{text('noReports')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{text('colPeriod')}</th>
                <th scope="col">{text('reportKind')}</th>
                <th scope="col">{text('colVersion')}</th>
                <th scope="col">{text('colStatus')}</th>
                <th scope="col">{text('colActivities')}</th>
                <th scope="col">{text('colOpen')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((report) => {
                const period = formatPeriod(report.periodStart, report.periodEnd);
                const version = revisionLabel(lang, report.revisionKind, report.revisionNumber);
                return (
                  <tr>
                    <td>{period}</td>
                    <td>
                      {taxonomyLabel(lang, 'kind', report.kind)}
                      {report.format ? (
                        <span class="muted"> · {taxonomyLabel(lang, 'format', report.format)}</span>
                      ) : null}
                    </td>
                    <td>
                      {version}
                      {report.symbol ? <span class="muted"> · {report.symbol}</span> : null}
                    </td>
                    <td>{statusLabel(lang, report.status)}</td>
                    <td>{report.activityCount}</td>
                    <td>
                      <a
                        href={draftPath(lang, report.id)}
                        aria-label={`${text('open')}: ${period}, ${version}, ${taxonomyLabel(lang, 'kind', report.kind)}`}
                      >
                        {text('open')}
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <StartReportForm page={page} labels={labels} form={props.form} />
      {published.length > 0 ? (
        <>
          <h3>{text('startRevisionTitle')}</h3>
          <ul>
            {published.map((report) => (
              <li>
                {formatPeriod(report.periodStart, report.periodEnd)} ·{' '}
                {revisionLabel(lang, report.revisionKind, report.revisionNumber)}
                {report.symbol ? ` · ${report.symbol}` : ''} <RevisionForm page={page} reportId={report.id} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/**
 * The start form filled with the period the party is likely to report next (nextPeriod: same
 * length, from the day after its latest report ends), else last year and this.
 */
export function suggestedStartForm(
  partyCode: string,
  next: ReportingPeriod | null,
  lang: Language,
): StartForm {
  const year = new Date().getUTCFullYear();
  const period = next ?? { start: `${year - 1}-01-01`, end: `${year}-12-31` };
  return {
    partyCode,
    values: {
      periodStart: period.start,
      periodEnd: period.end,
      originalLanguage: lang,
      kind: 'art67',
      format: '',
    },
    errors: {},
  };
}

/** "My reports": every report of the parties the account reports for, and a start form for each. */
export function MyReportsPage(
  props: Common & {
    partyCodes: string[];
    reports: MyReport[];
    /** Per party, the period proposed for its next report. */
    nextPeriods: Map<string, ReportingPeriod | null>;
    failedForm?: StartForm;
  },
) {
  const { page, labels, reports, failedForm } = props;
  const text = draftingText(page.lang);
  return (
    <Layout page={page} title={text('myReportsTitle')}>
      <h1>{text('myReportsTitle')}</h1>
      <p>{text('myReportsIntro')}</p>
      {props.partyCodes.map((code) => (
        <PartyReports
          page={page}
          labels={labels}
          partyCode={code}
          reports={reports.filter((r) => r.reportingPartyCode === code)}
          form={
            failedForm?.partyCode === code
              ? failedForm
              : suggestedStartForm(code, props.nextPeriods.get(code) ?? null, page.lang)
          }
        />
      ))}
    </Layout>
  );
}
