import { Layout, type PageContext } from '../http/layout.tsx';
import { formatNumber, formatPercent, formatPeriod } from '../i18n/format.ts';
import { counted, pluralForm } from '../i18n/plural.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { SearchBox } from '../search/components.tsx';
import type { HomeData } from './service.ts';

const browseRegions = ['002', '019', '419', '142', '150', '009'];

export function HomePage(props: { page: PageContext; labels: ReferenceLabels; data: HomeData }) {
  const { page, labels, data } = props;
  const { t, lang } = page;
  const { figures } = data;
  return (
    <Layout page={page} title={t('homeTitle')} description={t('homeIntro')}>
      <h1>{t('homeTitle')}</h1>
      <p>{t('homeIntro')}</p>
      <SearchBox page={page} />
      <h2>{t('keyFigures')}</h2>
      <ul class="figures">
        <li>
          <strong>{formatNumber(lang, figures.activities)}</strong>{' '}
          {t(`figureActivities${pluralForm(lang, figures.activities)}`)}
        </li>
        <li>
          <strong>{formatNumber(lang, figures.reportingParties)}</strong>{' '}
          {t(`figureReportingParties${pluralForm(lang, figures.reportingParties)}`)}
        </li>
        <li>
          <strong>{formatNumber(lang, figures.beneficiaryParties)}</strong>{' '}
          {t(`figureBeneficiaryParties${pluralForm(lang, figures.beneficiaryParties)}`)}
        </li>
        <li>
          <strong>{formatPercent(lang, figures.ldcShare)}</strong> {t('figureLdcShare')}
        </li>
      </ul>
      <h2>{t('latestReports')}</h2>
      {data.latest.length === 0 ? (
        <p>{t('noItems')}</p>
      ) : (
        <ul>
          {data.latest.map((report) => (
            <li>
              <a href={`/${lang}/reports/${report.id}`}>
                {t('reportOf', {
                  ofParty: labels.partyIn(report.reportingParty.code, lang, 'of'),
                  period: formatPeriod(report.periodStart, report.periodEnd),
                })}
              </a>{' '}
              <span class="muted">— {counted(t, lang, 'programmeCount', report.activityCount)}</span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('browseByRegion')}</h2>
      <ul class="chips">
        {browseRegions
          .filter((code) => labels.regions.has(code))
          .map((code) => (
            <li>
              <a href={`/${lang}/search?region=${code}`}>{labels.regionName(code, lang)}</a>
            </li>
          ))}
      </ul>
      <h2>{t('browseByIpArea')}</h2>
      <ul class="chips">
        {labels.termsOf('ip-area').map((term) => (
          <li>
            <a href={`/${lang}/search?ipArea=${term.key}`}>{term.names[lang]}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
