import { Layout, type PageContext } from '../http/layout.tsx';
import { byName } from '../i18n/collate.ts';
import { formatDate, formatPeriod } from '../i18n/format.ts';
import { pickText } from '../i18n/localized-text.ts';
import { counted } from '../i18n/plural.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { BeneficiaryList } from './components.tsx';
import { documentText } from './document/messages.ts';
import { type ReportKind, reportKinds, taxonomyLabel } from './incentives/taxonomy.ts';
import { LatestRevisionNote, VersionList } from './lifecycle/components.tsx';
import { revisionLabel } from './lifecycle/status.ts';
import { reportPageText } from './messages.ts';
import { type OutlineBlock, outlineOf } from './narrative-outline.ts';
import { formatReportingPeriod, storedPeriod } from './period.ts';
import { reportOrigin } from './provenance.ts';
import type { ReportDetail, ReportSummary } from './service.ts';

type Common = { page: PageContext; labels: ReferenceLabels };

/**
 * The narrative with the report's own outline when it has one (the covering formula, its
 * headings, its paragraph numbers as written); otherwise its paragraphs numbered 1, 2, 3.
 */
function Narrative(props: { paragraphs: string[]; outline: OutlineBlock[] | null; lang: string }) {
  const outline = outlineOf(props.paragraphs, props.outline);
  if (!outline) {
    return (
      <ol class="narrative" lang={props.lang}>
        {props.paragraphs.map((paragraph) => (
          <li>{paragraph}</li>
        ))}
      </ol>
    );
  }
  return (
    <div class="narrative outline" lang={props.lang}>
      {outline.map((block) =>
        block.kind === 'heading' ? (
          <h3>{[block.number, block.text].filter(Boolean).join(' ')}</h3>
        ) : block.kind === 'preamble' ? (
          <p class="preamble">{block.text}</p>
        ) : (
          <p>
            {block.number ? <span class="paragraph-number">{block.number}</span> : null}
            {block.text}
          </p>
        ),
      )}
    </div>
  );
}

/** Where a report comes from, said as a sentence of the page's language, never as a file name. */
function provenance(source: string, t: PageContext['t']): string {
  const origin = reportOrigin(source);
  return origin === 'etrips' ? t('sourceEtrips') : origin === 'hub' ? t('sourceHub') : source;
}

/** The report under a title of the hub's own, with symbol, dates and provenance. */
export function ReportPage(props: Common & { report: ReportDetail }) {
  const { report, page, labels } = props;
  const { t, lang } = page;
  const party = labels.partyName(report.reportingParty.code, lang);
  const period = formatPeriod(report.periodStart, report.periodEnd);
  // A corrigendum or addendum says so in its title.
  const revision =
    report.revisionKind === 'original'
      ? ''
      : ` — ${revisionLabel(lang, report.revisionKind, report.revisionNumber)}`;
  const ofParty = labels.partyIn(report.reportingParty.code, lang, 'of');
  const art66 = report.kind === 'art66-2';
  const own = reportPageText(lang);
  const heading = `${art66 ? t('art66ReportOf', { ofParty, period }) : t('reportHubTitle', { ofParty, period })}${revision}`;
  // Incentive pages show the latest published version of a report: link them from that version only.
  const latest = report.versions.at(-1)?.id ?? report.id;
  return (
    <Layout page={page} title={heading}>
      <h1>{heading}</h1>
      {report.isSample ? <p class="note">{own('sampleReport')}</p> : null}
      <dl class="fields">
        <dt>{own('kindOfReport')}</dt>
        <dd>
          {taxonomyLabel(lang, 'kind', report.kind)}
          {report.format ? ` · ${taxonomyLabel(lang, 'format', report.format)}` : ''}
        </dd>
        <dt>{t('facetDonor')}</dt>
        <dd>
          <a href={`/${lang}/parties/${report.reportingParty.code}`}>{party}</a>
        </dd>
        <dt>{t('fieldPeriod')}</dt>
        <dd>
          {formatReportingPeriod(
            storedPeriod(report.periodStart, report.periodEnd, report.periodPrecision),
            lang,
          )}
        </dd>
        <dt>{t('fieldSymbol')}</dt>
        <dd>{report.symbol ?? <span class="muted">{t('unknown')}</span>}</dd>
        <dt>{t('fieldCirculation')}</dt>
        <dd>{formatDate(lang, report.circulationDate) ?? <span class="muted">{t('unknown')}</span>}</dd>
        <dt>{t('fieldOriginalLanguage')}</dt>
        <dd>{labels.languageName(report.originalLanguage, lang)}</dd>
        <dt>{t('fieldSource')}</dt>
        <dd>{provenance(report.source, t)}</dd>
      </dl>
      <VersionList page={page} currentId={report.id} versions={report.versions} />
      <ul class="downloads">
        <li>
          <a href={`/${lang}/reports/${report.id}.docx`} download>
            {documentText(lang)('downloadDocx')}
          </a>
        </li>
        <li>
          <a href={`/${lang}/reports/${report.id}.pdf`} download>
            {documentText(lang)('downloadPdf')}
          </a>
        </li>
        {report.status === 'published' && !art66 ? (
          <li>
            <a href={`/${lang}/search?report=${report.id}`}>{reportPageText(lang)('searchReport')}</a>
          </li>
        ) : null}
      </ul>
      {art66 ? <h2>{own('overviewHeading')}</h2> : null}
      <Narrative
        paragraphs={report.narrative}
        outline={report.narrativeOutline}
        lang={report.originalLanguage}
      />
      {art66 ? (
        <IncentiveTable page={page} labels={labels} report={report} linked={latest === report.id} />
      ) : null}
      {art66 ? null : <h2>{t('listOfProgrammes')}</h2>}
      {art66 ? null : report.programmes.length === 0 ? (
        <p>{t('noItems')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{counted(t, lang, 'programmeCount', report.programmes.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columnNumber')}</th>
                <th scope="col">{t('columnTitle')}</th>
                <th scope="col">{t('columnStart')}</th>
                <th scope="col">{t('columnBeneficiaries')}</th>
              </tr>
            </thead>
            <tbody>
              {report.programmes.map((row) => {
                const title = pickText(row.title, lang, report.originalLanguage);
                return (
                  <tr>
                    <td>{row.rowNumber}</td>
                    <td>
                      <a href={`/${lang}/activities/${row.activityId}`} lang={title.lang}>
                        {title.value}
                      </a>
                    </td>
                    <td>{formatDate(lang, row.startDate, row.startPrecision) ?? '—'}</td>
                    <td>
                      <BeneficiaryList page={page} labels={labels} list={row.beneficiaries} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

/** The incentives of an Art. 66.2 report: number, title (linked to its page), type, beneficiary LDCs. */
function IncentiveTable(props: Common & { report: ReportDetail; linked: boolean }) {
  const { page, labels, report } = props;
  const { lang } = page;
  const doc = documentText(lang);
  return (
    <>
      <h2>{doc('incentivesCaption')}</h2>
      {report.incentives.length === 0 ? (
        <p>{doc('noIncentives')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{counted(page.t, lang, 'incentiveCount', report.incentives.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{doc('columnNumber')}</th>
                <th scope="col">{doc('columnIncentive')}</th>
                <th scope="col">{doc('fieldIncentiveType')}</th>
                <th scope="col">{doc('fieldLdcBeneficiaries')}</th>
              </tr>
            </thead>
            <tbody>
              {report.incentives.map((incentive) => (
                <tr>
                  <td>{incentive.position}</td>
                  <td lang={report.originalLanguage}>
                    {props.linked ? (
                      <a href={`/${lang}/incentives/${incentive.id}`}>{incentive.title}</a>
                    ) : (
                      incentive.title
                    )}
                  </td>
                  <td>{taxonomyLabel(lang, 'type', incentive.incentiveType)}</td>
                  <td>
                    {incentive.beneficiaryCodes.map((code) => labels.partyName(code, lang)).join('; ') || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** Reports grouped by reporting cycle (period), newest first; `kind` filters Art. 67 or Art. 66.2 reports. */
export function ReportsListPage(props: Common & { reports: ReportSummary[]; kind?: ReportKind | undefined }) {
  const { page, labels, reports } = props;
  const { t, lang } = page;
  const own = reportPageText(lang);
  const cycles = new Map<string, ReportSummary[]>();
  for (const report of reports) {
    const key = formatPeriod(report.periodStart, report.periodEnd);
    cycles.set(key, [...(cycles.get(key) ?? []), report]);
  }
  return (
    <Layout page={page} title={t('reportsTitle')}>
      <h1>{t('reportsTitle')}</h1>
      <p>{t('reportsIntro')}</p>
      <nav aria-label={own('kindOfReport')}>
        <p>
          {own('kindOfReport')}
          {t('colon')}{' '}
          {[undefined, ...reportKinds].map((kind, i) => (
            <>
              {i > 0 ? ' · ' : ''}
              <a
                href={kind ? `/${lang}/reports?kind=${kind}` : `/${lang}/reports`}
                aria-current={props.kind === kind ? 'page' : undefined}
              >
                {kind ? taxonomyLabel(lang, 'kind', kind) : own('allKinds')}
              </a>
            </>
          ))}
        </p>
      </nav>
      {reports.length === 0 ? <p>{t('noItems')}</p> : null}
      {[...cycles.entries()].map(([cycle, list]) => (
        <section>
          <h2>{cycle}</h2>
          <ul>
            {list
              .map((r) => ({ r, name: labels.partyName(r.reportingParty.code, lang) }))
              .sort((a, b) => byName(lang)(a.name, b.name))
              .map(({ r, name }) => (
                <li>
                  <a href={`/${lang}/reports/${r.id}`}>{name}</a>
                  {r.symbol ? ` (${r.symbol})` : ''} —{' '}
                  {r.kind === 'art66-2'
                    ? `${taxonomyLabel(lang, 'kind', r.kind)}, ${counted(t, lang, 'incentiveCount', r.activityCount)}`
                    : counted(t, lang, 'programmeCount', r.activityCount)}
                  {r.isSample ? (
                    <>
                      {' '}
                      <span class="sample-badge">{t('sampleData')}</span>
                    </>
                  ) : null}
                  <LatestRevisionNote page={page} revision={r.latestRevision} />
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
