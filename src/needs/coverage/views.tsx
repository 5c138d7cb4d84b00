import { raw } from 'hono/html';
import { Layout, type PageContext } from '../../http/layout.tsx';
import { parsePartialDate } from '../../http/partial-date.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import type { Language } from '../../i18n/languages.ts';
import { languages } from '../../i18n/languages.ts';
import { counted } from '../../i18n/plural.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { worldMapSvg } from '../../reference/world-map.ts';
import { documentText } from '../../reports/document/messages.ts';
import { type NeedsKey, needsText } from '../messages.ts';
import { needStatuses } from '../taxonomy.ts';
import { responderText } from './labels.ts';
import { coverageText } from './messages.ts';
import type { MemberCoverage } from './service.ts';

const statusLabel = (lang: Language, status: string) => needsText(lang)(`status-${status}` as NeedsKey);

/** The date of an assessment as precisely as it is known. */
function assessedOn(lang: Language, text: string | null) {
  const date = text ? parsePartialDate(text) : null;
  return date && typeof date !== 'string' ? formatDate(lang, date.date, date.precision) : null;
}

function MemberDetail(props: { lang: Language; labels: ReferenceLabels; member: MemberCoverage }) {
  const { lang, labels, member } = props;
  const t = coverageText(lang);
  const n = needsText(lang);
  const since = assessedOn(lang, member.assessedOn);
  return (
    <section aria-labelledby={`member-${member.partyCode}`}>
      <h3 id={`member-${member.partyCode}`}>
        <a href={`/${lang}/parties/${member.partyCode}`}>{labels.partyName(member.partyCode, lang)}</a>
      </h3>
      {member.isSample ? <p class="sample-badge">{n('sampleNotice')}</p> : null}
      <dl class="fields">
        {member.outstandingKinds.length > 0 ? (
          <>
            <dt>{t('outstandingKinds')}</dt>
            <dd>
              {member.outstandingKinds
                .map((k) => `${n(`kind-${k.key}` as NeedsKey)} (${formatNumber(lang, k.count)})`)
                .join(', ')}
            </dd>
          </>
        ) : null}
        {member.outstandingAreas.length > 0 ? (
          <>
            <dt>{t('outstandingAreas')}</dt>
            <dd>
              {member.outstandingAreas
                .map((a) => `${labels.term('ip-area', a.key, lang)} (${formatNumber(lang, a.count)})`)
                .join(', ')}
            </dd>
          </>
        ) : null}
        <dt>{t('respondedHeading')}</dt>
        <dd>
          {member.responded.length === 0 ? (
            t('respondedNone')
          ) : (
            <ul>
              {member.responded.map((responder) => (
                <li>{responderText(responder, lang, labels)}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('addressedHeading')}</dt>
        <dd>
          {member.addressed === 0 ? (
            t('addressedNone')
          ) : (
            <>
              {counted(t, lang, 'addressedSummary', member.total, {
                addressed: formatNumber(lang, member.addressed),
              })}
              <ul>
                {member.addressedBy.map((d) => (
                  <li>
                    {counted(t, lang, 'addressedBy', d.needs, { donor: labels.partyName(d.donorCode, lang) })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </dd>
        <dt>{since ? t('deliveredSince', { date: since }) : t('deliveredEver')}</dt>
        <dd>
          {member.delivered.length === 0 ? (
            t('deliveredNone')
          ) : (
            <ul>
              {member.delivered.map((d) => (
                <li>
                  <a href={`/${lang}/search?donor=${d.donorCode}&beneficiary=${member.partyCode}`}>
                    {counted(t, lang, 'deliveredCount', d.activities, {
                      donor: labels.partyName(d.donorCode, lang),
                    })}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </section>
  );
}

/** /{lang}/needs/coverage: every Member's needs by status, a map of what is outstanding, who delivered. */
export function CoveragePage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  members: MemberCoverage[];
  /** The Secretariat sees the links to its overview document. */
  showOverview: boolean;
}) {
  const { page, labels, members } = props;
  const { lang } = page;
  const t = coverageText(lang);
  const n = needsText(lang);
  const doc = documentText(lang);
  const sorted = [...members].sort((a, b) =>
    labels.partyName(a.partyCode, lang).localeCompare(labels.partyName(b.partyCode, lang), lang),
  );
  const map = worldMapSvg({
    highlighted: new Map(members.filter((m) => m.outstanding > 0).map((m) => [m.partyCode, m.outstanding])),
    lang,
    labels,
    title: t('mapTitle'),
    formatCount: (count) => counted(n, lang, 'needCount', count),
    id: 'needs-map',
  });
  return (
    <Layout page={page} title={t('coverageTitle')}>
      <h1>{t('coverageTitle')}</h1>
      <p>{t('coverageIntro')}</p>
      {members.some((m) => m.isSample) ? <p class="sample-badge">{n('sampleNotice')}</p> : null}
      {members.length === 0 ? (
        <p>{t('noCoverage')}</p>
      ) : (
        <>
          <figure class="map-figure">
            {raw(map)}
            <figcaption>{t('mapTitle')}</figcaption>
          </figure>
          <h2>{t('byMember')}</h2>
          <div class="table-scroll">
            <table class="counts compact">
              <thead>
                <tr>
                  <th scope="col">{t('columnMember')}</th>
                  <th scope="col">{t('columnNeeds')}</th>
                  {needStatuses.map((status) => (
                    <th scope="col">{statusLabel(lang, status)}</th>
                  ))}
                  <th scope="col">{t('columnOutstanding')}</th>
                  <th scope="col">{t('columnAddressed')}</th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((member) => (
                  <tr>
                    <th scope="row">
                      <a href={`#member-${member.partyCode}`}>{labels.partyName(member.partyCode, lang)}</a>
                    </th>
                    <td>
                      <a href={`/${lang}/needs?party=${member.partyCode}`}>
                        {formatNumber(lang, member.total)}
                      </a>
                    </td>
                    {needStatuses.map((status) => (
                      <td>{formatNumber(lang, member.counts[status])}</td>
                    ))}
                    <td>{formatNumber(lang, member.outstanding)}</td>
                    <td>{formatNumber(lang, member.addressed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {sorted.map((member) => (
            <MemberDetail lang={lang} labels={labels} member={member} />
          ))}
        </>
      )}
      {props.showOverview ? (
        <section aria-labelledby="overview">
          <h2 id="overview">{t('overviewHeading')}</h2>
          <p>{t('overviewIntro')}</p>
          <ul>
            {languages.map((language) => (
              <li>
                {t('overviewIn', { language: labels.languageName(language, lang) })}{' '}
                <a href={`/${language}/needs/coverage/overview.docx`} hreflang={language}>
                  {doc('downloadDocx')}
                </a>{' '}
                ·{' '}
                <a href={`/${language}/needs/coverage/overview.pdf`} hreflang={language}>
                  {doc('downloadPdf')}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
