import type { Child } from 'hono/jsx';
import { ElementList, ElementsForm, ElementsInterpretation } from '../elements/components.tsx';
import { type ElementCode, elementsText } from '../elements/taxonomy.ts';
import { Notice } from '../http/form-fields.tsx';
import { Layout, type PageContext } from '../http/layout.tsx';
import { formatDate, formatNumber, formatPeriod } from '../i18n/format.ts';
import { languages } from '../i18n/languages.ts';
import { pickText } from '../i18n/localized-text.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { BeneficiaryName } from '../reports/components.tsx';
import { ResultsSection } from '../results/components.tsx';
import type { ActivityDetail } from './detail.ts';

type Props = {
  page: PageContext;
  labels: ReferenceLabels;
  activity: ActivityDetail;
  allLanguages: boolean;
  /** The reader may confirm the elements of Article 67 (a reporter of the party, the Secretariat). */
  mayConfirmElements?: boolean;
  notice?: string | null;
  elementsError?: string;
  checkedElements?: ElementCode[];
};

function Field(props: { label: string; children: Child }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

/** A text in the page's language, or in its own language with a note that no translation exists. */
function LocalizedValue(props: {
  page: PageContext;
  text: Record<string, string | undefined>;
  original: string;
  labels: ReferenceLabels;
}) {
  const picked = pickText(props.text, props.page.lang, props.original);
  if (!picked.value) return <span class="muted">—</span>;
  return (
    <>
      <span lang={picked.lang}>{picked.value}</span>
      {picked.translated ? null : <p class="note">{props.page.t('noTranslation')}</p>}
    </>
  );
}

/** The same texts in every language they exist in, side by side. */
function SideBySide(props: Props) {
  const { activity, page, labels } = props;
  const present = languages.filter((l) => activity.title[l] || activity.description[l]);
  return (
    <div class="side-by-side">
      {present.map((l) => (
        <section lang={l} aria-label={labels.languageName(l, page.lang)}>
          <h2>{labels.languageName(l, page.lang)}</h2>
          <h3>{activity.title[l] ?? '—'}</h3>
          <p>{activity.description[l] ?? ''}</p>
        </section>
      ))}
    </div>
  );
}

/** The elements of Article 67, with the confirmation form for those who may confirm them. */
function ElementsSection(props: Props) {
  const { activity, page } = props;
  const text = elementsText(page.lang);
  return (
    <section id="elements" aria-labelledby="elements-heading">
      <h2 id="elements-heading">{text('elementsHeading')}</h2>
      <Notice message={props.notice} />
      <ElementList page={page} elements={activity.elements} />
      <ElementsInterpretation page={page} />
      {props.mayConfirmElements ? (
        <ElementsForm
          page={page}
          action={`/${page.lang}/activities/${activity.id}/elements`}
          elements={activity.elements}
          checked={props.checkedElements}
          error={props.elementsError}
        />
      ) : null}
    </section>
  );
}

export function ActivityPage(props: Props) {
  const { activity, page, labels, allLanguages } = props;
  const { t, lang } = page;
  const title = pickText(activity.title, lang, activity.originalLanguage);
  const donor = labels.partyName(activity.donorPartyCode, lang);
  const implementing = activity.agencies.filter((a) => a.role === 'implementing');
  const partners = activity.agencies.filter((a) => a.role === 'partner');
  const agencyName = (a: ActivityDetail['agencies'][number]) => pickText(a.name, lang, 'en').value;
  const translations = languages.filter((l) => activity.title[l]).length;
  return (
    <Layout page={page} title={title.value}>
      <p class="muted">{t('activityTitle')}</p>
      <h1 lang={title.lang}>{title.value}</h1>
      {title.translated ? null : <p class="note">{t('noTranslation')}</p>}
      {translations > 1 || Object.keys(activity.description).length > 1 ? (
        <p>
          <a href={`/${lang}/activities/${activity.id}${allLanguages ? '' : '?languages=all'}`}>
            {allLanguages ? t('showOneLanguage') : t('showAllLanguages')}
          </a>
        </p>
      ) : null}
      {allLanguages ? <SideBySide {...props} /> : null}
      <dl class="fields">
        <Field label={t('fieldDonor')}>
          <a href={`/${lang}/parties/${activity.donorPartyCode}`}>{donor}</a>
        </Field>
        {allLanguages ? null : (
          <Field label={t('fieldDescription')}>
            <LocalizedValue
              page={page}
              labels={labels}
              text={activity.description}
              original={activity.originalLanguage}
            />
          </Field>
        )}
        <Field label={t('fieldAgencies')}>
          {implementing.length ? implementing.map(agencyName).join('; ') : '—'}
        </Field>
        <Field label={t('fieldPartners')}>
          {partners.length ? partners.map(agencyName).join('; ') : '—'}
        </Field>
        <Field label={t('fieldStart')}>
          {formatDate(lang, activity.startDate, activity.startPrecision) ?? t('unknown')}
        </Field>
        <Field label={t('fieldEnd')}>
          {formatDate(lang, activity.endDate, activity.endPrecision) ?? t('unknown')}
        </Field>
        <Field label={t('fieldLevel')}>
          {activity.level ? labels.term('level', activity.level, lang) : '—'}
        </Field>
        <Field label={t('fieldType')}>
          {activity.activityType ? labels.term('activity-type', activity.activityType, lang) : '—'}
        </Field>
        <Field label={t('fieldIpAreas')}>
          {activity.ipAreas.length
            ? activity.ipAreas.map((area) => labels.term('ip-area', area, lang)).join('; ')
            : '—'}
        </Field>
        <Field label={t('fieldBudget')}>
          {activity.budgetAmount && activity.budgetCurrency
            ? formatNumber(lang, Number(activity.budgetAmount), {
                style: 'currency',
                currency: activity.budgetCurrency,
              })
            : '—'}
        </Field>
        <Field label={t('fieldFunding')}>
          {activity.fundingSource ? labels.term('funding-source', activity.fundingSource, lang) : '—'}
          {activity.fundingShares.length
            ? ` (${activity.fundingShares
                .map(
                  (s) =>
                    `${s.partyCode ? labels.partyName(s.partyCode, lang) : (s.agencyCode ?? '')} ${s.sharePercent} %`,
                )
                .join('; ')})`
            : ''}
        </Field>
        <Field label={t('fieldDeliveryMode')}>
          {activity.deliveryMode ? labels.term('delivery-mode', activity.deliveryMode, lang) : '—'}
        </Field>
        <Field label={t('fieldLanguages')}>
          {activity.deliveryLanguages.length
            ? activity.deliveryLanguages.map((l) => labels.languageName(l, lang)).join(', ')
            : '—'}
        </Field>
        <Field label={t('fieldStatus')}>
          {activity.status ? labels.term('activity-status', activity.status, lang) : '—'}
        </Field>
        <Field label={t('fieldWebsite')}>
          {activity.website && /^https?:\/\//.test(activity.website) ? (
            <a href={activity.website}>{activity.website}</a>
          ) : (
            '—'
          )}
        </Field>
        <Field label={t('fieldContact')}>
          {[activity.contactName, activity.contactEmail].filter(Boolean).join(', ') || '—'}
        </Field>
      </dl>

      <ElementsSection {...props} />

      <ResultsSection lang={lang} indicators={activity.results} />

      <h2>{t('fieldBeneficiaries')}</h2>
      {activity.beneficiaries.length === 0 ? (
        <p class="muted">{t('none')}</p>
      ) : (
        <ul>
          {activity.beneficiaries.map((b) => (
            <li>
              <BeneficiaryName page={page} labels={labels} beneficiary={b} />
              {b.kind === 'party' && b.code && labels.isLdc(b.code, activity.startDate ?? undefined) ? (
                <span class="muted"> — {t('statusLdc')}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('appearsIn')}</h2>
      {activity.reports.length === 0 ? (
        <p class="muted">{t('none')}</p>
      ) : (
        <ul>
          {activity.reports.map((r) => (
            <li>
              <a href={`/${lang}/reports/${r.reportId}`}>
                {t('reportOf', {
                  ofParty: labels.partyIn(r.reportingParty, lang, 'of'),
                  period: formatPeriod(r.periodStart, r.periodEnd),
                })}
              </a>{' '}
              — {t('rowInReport', { row: r.rowNumber, period: formatPeriod(r.periodStart, r.periodEnd) })}
            </li>
          ))}
        </ul>
      )}

      {activity.related.length > 0 ? (
        <>
          <h2>{t('relatedActivities', { ofParty: labels.partyIn(activity.donorPartyCode, lang, 'of') })}</h2>
          <ul>
            {activity.related.map((r) => {
              const relatedTitle = pickText(r.title, lang, r.originalLanguage);
              return (
                <li>
                  <a href={`/${lang}/activities/${r.id}`} lang={relatedTitle.lang}>
                    {relatedTitle.value}
                  </a>
                  {r.startDate ? <span class="muted"> — {formatDate(lang, r.startDate)}</span> : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}
