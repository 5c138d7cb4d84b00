import { ElementsInterpretation } from '../elements/components.tsx';
import { elementName, elementsText } from '../elements/taxonomy.ts';
import { Layout, type PageContext } from '../http/layout.tsx';
import { byName } from '../i18n/collate.ts';
import { formatDate, formatNumber, formatPeriod } from '../i18n/format.ts';
import { pickText } from '../i18n/localized-text.ts';
import { counted } from '../i18n/plural.ts';
import type { Translate } from '../i18n/translate.ts';
import { incentivesText } from '../incentives/messages.ts';
import { type CoveredNeed, isOutstanding } from '../needs/coverage/service.ts';
import { type NeedsKey, needsText } from '../needs/messages.ts';
import { type NeedPriority, needPriorities, needStatuses } from '../needs/taxonomy.ts';
import type { PartyInfo, ReferenceLabels, StatusPeriod } from '../reference/labels.ts';
import { taxonomyLabel } from '../reports/incentives/taxonomy.ts';
import { ResultSumsList } from '../results/components.tsx';
import { partyElementsText, partyNeedsText, partyTrainingText } from './messages.ts';
import type { ElementCycle, PartyProfile, YearCount } from './service.ts';

type Common = { page: PageContext; labels: ReferenceLabels };

const statusLabel = (t: Translate, status: StatusPeriod['status']) =>
  t(status === 'ldc' ? 'statusLdc' : status === 'developed' ? 'statusDeveloped' : 'statusDeveloping');

/** Activities per start year as a server-drawn bar chart (SVG attributes, no inline style). */
function YearChart(props: { page: PageContext; years: YearCount[] }) {
  const { years, page } = props;
  if (years.length === 0) return null;
  const max = Math.max(...years.map((y) => y.count));
  const barHeight = 18;
  const width = 320;
  return (
    <svg
      role="img"
      aria-labelledby="years-title"
      viewBox={`0 0 ${width + 110} ${years.length * barHeight}`}
      width={width + 110}
      height={years.length * barHeight}
    >
      <title id="years-title">{page.t('activitiesByYear')}</title>
      {years.map((y, index) => (
        <g>
          <text x="0" y={index * barHeight + 13} font-size="12" fill="#1b1f24">
            {y.year}
          </text>
          <rect
            x="44"
            y={index * barHeight + 3}
            width={Math.max(2, Math.round((y.count / max) * width))}
            height={barHeight - 6}
            fill="#0b5394"
          />
          <text
            x={50 + Math.round((y.count / max) * width)}
            y={index * barHeight + 13}
            font-size="12"
            fill="#1b1f24"
          >
            {formatNumber(page.lang, y.count)}
          </text>
        </g>
      ))}
    </svg>
  );
}

function StatusHistory(props: { page: PageContext; party: PartyInfo }) {
  const { page, party } = props;
  const { t, lang } = page;
  return (
    <>
      <ul>
        {party.status.map((s) => (
          <li>
            {s.to
              ? t('statusFromTo', {
                  status: statusLabel(t, s.status),
                  from: formatDate(lang, s.from) ?? '',
                  to: formatDate(lang, s.to) ?? '',
                })
              : t('statusFrom', { status: statusLabel(t, s.status), from: formatDate(lang, s.from) ?? '' })}
          </li>
        ))}
      </ul>
      {party.scheduledGraduation ? (
        <p>{t('scheduledGraduation', { date: formatDate(lang, party.scheduledGraduation) ?? '' })}</p>
      ) : null}
    </>
  );
}

/** Developed Members and IGOs report under Art. 67; for them a missing cycle means "no report". */
const expectedToReport = (party: PartyInfo) =>
  party.kind === 'igo' || party.status.at(-1)?.status === 'developed';

/** A party as donor and as beneficiary: one coordination view. */
/** Per reporting cycle, activities per element of Article 67, and the elements no activity addressed. */
function ElementCycles(props: {
  page: PageContext;
  cycles: ElementCycle[];
  /** The search that lists a cycle's activities with one element, when there is one. */
  searchFor?: (cycle: ElementCycle, element: string) => string;
}) {
  const { page, cycles } = props;
  const { lang } = page;
  const text = partyElementsText(lang);
  if (cycles.length === 0) return <p class="muted">{text('elementsNoCycle')}</p>;
  return (
    <>
      {cycles.map((cycle) => {
        const missing = cycle.counts.filter((count) => count.count === 0);
        return (
          <div class="element-cycle">
            <h4>
              {text('elementsCycle', {
                period: formatPeriod(cycle.periodStart, cycle.periodEnd),
                count: formatNumber(lang, cycle.activities),
              })}
            </h4>
            <ul>
              {cycle.counts
                .filter((count) => count.count > 0)
                .map((count) => (
                  <li>
                    {elementName(count.code, lang)}
                    {page.t('colon')}{' '}
                    {props.searchFor ? (
                      <a href={props.searchFor(cycle, count.code)}>{formatNumber(lang, count.count)}</a>
                    ) : (
                      formatNumber(lang, count.count)
                    )}
                  </li>
                ))}
            </ul>
            <p>
              {missing.length === 0
                ? text('elementsAllAddressed')
                : text('elementsNotAddressed', {
                    elements: missing.map((count) => elementName(count.code, lang)).join('; '),
                  })}
            </p>
          </div>
        );
      })}
    </>
  );
}

/** The party's cooperation over the elements of Article 67, as a donor and as a beneficiary. */
function PartyElements(props: Common & { party: PartyInfo; profile: PartyProfile }) {
  const { page, party, profile } = props;
  const { lang } = page;
  const text = partyElementsText(lang);
  const cycleParam = (cycle: ElementCycle) =>
    `${cycle.periodStart.slice(0, 4)}-${cycle.periodEnd.slice(0, 4)}`;
  if (profile.asDonor.elements.length === 0 && profile.asBeneficiary.elements.length === 0) return null;
  return (
    <section aria-labelledby="party-elements">
      <h2 id="party-elements">{elementsText(lang)('elementsHeading')}</h2>
      <ElementsInterpretation page={page} />
      <p class="hint">{text('elementsCounting')}</p>
      {profile.asDonor.elements.length > 0 ? (
        <>
          <h3>{text('elementsAsDonor')}</h3>
          <ElementCycles
            page={page}
            cycles={profile.asDonor.elements}
            searchFor={(cycle, element) =>
              `/${lang}/search?element=${element}&reporter=${party.code}&cycle=${cycleParam(cycle)}`
            }
          />
        </>
      ) : null}
      {profile.asBeneficiary.elements.length > 0 ? (
        <>
          <h3>{text('elementsAsBeneficiary')}</h3>
          <ElementCycles page={page} cycles={profile.asBeneficiary.elements} />
        </>
      ) : null}
    </section>
  );
}

/** How many of its needs the party page lists before the link to all of them. */
export const partyNeedsShown = 10;

/**
 * The Member's published needs beside the help it receives: those still waiting for help (the
 * first ten, title in the reader's language when given, else as written, with its language),
 * how many were met, the counts by status, and a link to the list of all of them.
 */
function PartyNeeds(props: {
  page: PageContext;
  labels: ReferenceLabels;
  party: PartyInfo;
  needs: CoveredNeed[];
}) {
  const { labels, party, needs } = props;
  const { lang } = props.page;
  if (needs.length === 0) return null;
  const n = needsText(lang);
  const t = partyNeedsText(lang);
  const priority = (need: CoveredNeed) => needPriorities.indexOf(need.priority as NeedPriority);
  const outstanding = needs
    .filter((need) => isOutstanding(need.status))
    .sort((a, b) => priority(a) - priority(b) || a.id - b.id);
  const met = needs.filter((need) => need.status === 'met').length;
  const byStatus = needStatuses
    .map((status) => ({ status, count: needs.filter((need) => need.status === status).length }))
    .filter((row) => row.count > 0);
  return (
    <section aria-labelledby="party-needs">
      <h2 id="party-needs">{t('needsHeading', { ofParty: labels.partyIn(party.code, lang, 'of') })}</h2>
      {needs.some((need) => need.isSample) ? <p class="sample-badge">{n('sampleNotice')}</p> : null}
      <p>{t('needsIntro')}</p>
      <p>
        <a href={`/${lang}/needs?party=${party.code}&status=met`}>{counted(t, lang, 'needsMet', met)}</a>
      </p>
      {outstanding.length === 0 ? (
        <p>{t('needsNoneOutstanding')}</p>
      ) : (
        <>
          <p>{counted(t, lang, 'needsOutstanding', outstanding.length)}</p>
          <ul>
            {outstanding.slice(0, partyNeedsShown).map((need) => {
              const title = pickText(need.title, lang, need.language);
              return (
                <li>
                  <a href={`/${lang}/needs/${need.id}`} lang={title.lang === lang ? undefined : title.lang}>
                    {title.value}
                  </a>{' '}
                  <span class="muted">
                    — {n(`status-${need.status}` as NeedsKey)}
                    {need.kindsOfHelp.length > 0
                      ? ` · ${need.kindsOfHelp.map((kind) => n(`kind-${kind}` as NeedsKey)).join(', ')}`
                      : ''}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <h3>{t('needsByStatus')}</h3>
      <ul>
        {byStatus.map(({ status, count }) => (
          <li>
            <a href={`/${lang}/needs?party=${party.code}&status=${status}`}>
              {n(`status-${status}` as NeedsKey)}
              {props.page.t('colon')} {formatNumber(lang, count)}
            </a>
          </li>
        ))}
      </ul>
      <p>
        <a href={`/${lang}/needs?party=${party.code}`}>{counted(t, lang, 'needsAll', needs.length)}</a>
      </p>
    </section>
  );
}

export function PartyPage(
  props: Common & {
    party: PartyInfo;
    profile: PartyProfile;
    /** Its published needs (drafts never), whatever their status. */
    needs: CoveredNeed[];
  },
) {
  const { page, labels, party, profile } = props;
  const { t, lang } = page;
  const name = party.names[lang];
  const training = partyTrainingText(lang);
  const kind = t(
    party.kind === 'member' ? 'kindMember' : party.kind === 'observer' ? 'kindObserver' : 'kindIgo',
  );
  const region = party.subregionCode ? labels.regionName(party.subregionCode, lang) : null;
  const { asDonor, asBeneficiary } = profile;
  return (
    <Layout page={page} title={name}>
      <h1>{name}</h1>
      <p>
        {kind}
        {region ? ` · ${region}` : ''}
        {party.iso3 ? <span class="muted"> · {party.iso3}</span> : null}
      </p>
      {party.status.length > 0 ? (
        <>
          <h2>{t('statusHistory')}</h2>
          <StatusHistory page={page} party={party} />
        </>
      ) : null}

      <h2>{t('partyAsDonor')}</h2>
      {asDonor.total === 0 ? (
        <p>{t('noDonorActivities')}</p>
      ) : (
        <>
          <p>
            <a href={`/${lang}/search?donor=${party.code}`}>
              {counted(t, lang, 'activityCount', asDonor.total)}
            </a>
          </p>
          <h3>{t('activitiesByYear')}</h3>
          <YearChart page={page} years={asDonor.byYear} />
          <ResultSumsList lang={lang} sums={asDonor.results} headingLevel={3} />
          {asDonor.ipAreas.length > 0 ? (
            <>
              <h3>{t('fieldIpAreas')}</h3>
              <ul class="chips">
                {[...asDonor.ipAreas]
                  .sort(
                    (x, y) =>
                      y.count - x.count ||
                      byName(lang)(
                        labels.term('ip-area', x.code, lang),
                        labels.term('ip-area', y.code, lang),
                      ),
                  )
                  .map((area) => (
                    <li>
                      <a href={`/${lang}/search?donor=${party.code}&ipArea=${area.code}`}>
                        {labels.term('ip-area', area.code, lang)} ({formatNumber(lang, area.count)})
                      </a>
                    </li>
                  ))}
              </ul>
            </>
          ) : null}
          {asDonor.beneficiaries.length > 0 ? (
            <>
              <h3>{t('fieldBeneficiaries')}</h3>
              <ul class="chips">
                {[...asDonor.beneficiaries]
                  .sort(
                    (x, y) =>
                      y.count - x.count ||
                      byName(lang)(labels.partyName(x.code, lang), labels.partyName(y.code, lang)),
                  )
                  .map((b) => (
                    <li>
                      <a href={`/${lang}/search?donor=${party.code}&beneficiary=${b.code}`}>
                        {labels.partyName(b.code, lang)} ({formatNumber(lang, b.count)})
                      </a>
                    </li>
                  ))}
              </ul>
            </>
          ) : null}
        </>
      )}
      {expectedToReport(party) || asDonor.total > 0 ? (
        <>
          <h3>{t('reportingCycles')}</h3>
          <ul>
            {asDonor.cycles.map((cycle) => (
              <li>
                {formatPeriod(cycle.periodStart, cycle.periodEnd)}
                {t('colon')}{' '}
                {cycle.reportId === null ? (
                  <span class="muted">{t('cycleNotFiled')}</span>
                ) : (
                  <a href={`/${lang}/reports/${cycle.reportId}`}>
                    {cycle.activityCount === 0
                      ? t('cycleFiledEmpty')
                      : `${t('cycleFiled')} (${counted(t, lang, 'programmeCount', cycle.activityCount)})`}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {asDonor.art66Reports.length > 0 ? (
        <>
          <h3>{incentivesText(lang)('art66Reports')}</h3>
          <ul>
            {asDonor.art66Reports.map((report) => (
              <li>
                <a href={`/${lang}/reports/${report.reportId}`}>
                  {formatPeriod(report.periodStart, report.periodEnd)}
                  {report.format ? ` · ${taxonomyLabel(lang, 'format', report.format)}` : ''}
                  {report.symbol ? ` · ${report.symbol}` : ''}
                </a>{' '}
                ·{' '}
                <a href={`/${lang}/incentives?party=${party.code}`}>
                  {counted(incentivesText(lang), lang, 'incentiveCount', report.incentiveCount)}
                </a>
                {report.isSample ? (
                  <>
                    {' '}
                    <span class="sample-badge">{incentivesText(lang)('sampleTag')}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {props.profile.training.length > 0 ? (
        <section aria-labelledby="party-training">
          <h2 id="party-training">
            {training('trainingHeading', { fromParty: labels.partyIn(party.code, lang, 'from') })}
          </h2>
          <p>{training('trainingIntro')}</p>
          <ul>
            {props.profile.training.map((row) => (
              <li>
                <a
                  href={`/${lang}/programmes/${row.programmeId}`}
                  lang={pickText(row.programmeName, lang, 'en').lang}
                >
                  {pickText(row.programmeName, lang, 'en').value}
                </a>{' '}
                {row.year} —{' '}
                {[
                  row.tookPart > 0 ? training('tookPart', { count: formatNumber(lang, row.tookPart) }) : null,
                  row.selected > 0
                    ? training('selectedUpcoming', { count: formatNumber(lang, row.selected) })
                    : null,
                ]
                  .filter(Boolean)
                  .join('; ')}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <h2>{t('partyAsBeneficiary')}</h2>
      {asBeneficiary.incentives > 0 ? (
        <p>
          <a href={`/${lang}/incentives?ldc=${party.code}`}>
            {counted(incentivesText(lang), lang, 'namedAsLdc', asBeneficiary.incentives)}
          </a>
        </p>
      ) : null}
      {asBeneficiary.helpers.length === 0 ? (
        <p>{t('noBeneficiaryActivities')}</p>
      ) : (
        <>
          <ResultSumsList lang={lang} sums={asBeneficiary.results} headingLevel={3} />
          <h3>{t('whoHelps', { toParty: labels.partyIn(party.code, lang, 'to') })}</h3>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('facetDonor')}</th>
                  <th scope="col">{t('activities')}</th>
                  <th scope="col">{t('fieldIpAreas')}</th>
                  <th scope="col">{t('fieldStart')}</th>
                </tr>
              </thead>
              <tbody>
                {[...asBeneficiary.helpers]
                  .sort(
                    (x, y) =>
                      y.count - x.count ||
                      byName(lang)(labels.partyName(x.donor, lang), labels.partyName(y.donor, lang)),
                  )
                  .map((helper) => (
                    <tr>
                      <td>
                        <a href={`/${lang}/parties/${helper.donor}`}>
                          {labels.partyName(helper.donor, lang)}
                        </a>
                      </td>
                      <td>
                        <a href={`/${lang}/search?donor=${helper.donor}&beneficiary=${party.code}`}>
                          {formatNumber(lang, helper.count)}
                        </a>
                      </td>
                      <td>
                        {helper.ipAreas.map((area) => labels.term('ip-area', area, lang)).join(', ') || '—'}
                      </td>
                      <td>{helper.firstYear ? t('since', { year: helper.firstYear }) : '—'}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          <h3>{t('activities')}</h3>
          <ul>
            {asBeneficiary.activities.map((activity) => {
              const title = pickText(activity.title, lang, 'en');
              return (
                <li>
                  <a href={`/${lang}/activities/${activity.id}`} lang={title.lang}>
                    {title.value}
                  </a>{' '}
                  <span class="muted">
                    — {labels.partyName(activity.donor, lang)}
                    {activity.startDate
                      ? `, ${formatDate(lang, activity.startDate, activity.startPrecision)}`
                      : ''}
                    {activity.viaRegion ? ` (${labels.regionName(activity.viaRegion, lang)})` : ''}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <PartyNeeds page={page} labels={labels} party={party} needs={props.needs} />
      <PartyElements page={page} labels={labels} party={party} profile={profile} />
    </Layout>
  );
}
